"""How plain mode shows values and short tables in 80 columns (display only; no arithmetic)."""

from __future__ import annotations

from decimal import Decimal

from ..scoring.engine import IndicatorScore, ProjectScore
from ..scoring.numbers import fmt2, fmt_percent, fmt_plain
from ..term.textwidth import clip

CURRENT_WIDTH = 36  # a long current value is clipped in the question; the table shows it whole


def one_line(text: str) -> str:
    """Paragraph breaks are typed and shown as ``\\n`` in line mode."""
    return text.replace("\r\n", "\n").replace("\n", "\\n")


def shown(value: object, unit: str = "") -> str:
    """The current value as a question shows it; empty when there is none."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{fmt_plain(value)}{unit}"
    return clip(one_line(str(value)), CURRENT_WIDTH)


def rate(value: Decimal | None) -> str:
    return "—" if value is None else fmt_percent(value)


def points_line(result: ProjectScore) -> str:
    return f"总分 {fmt2(result.total)}（{result.grade}）"


def indicator_line(number: int, item: IndicatorScore) -> str:
    """``12. 监控建成数量  目标 1304路 完成 1338路  15.00/15.00``."""
    target = item.target_display or "—"
    actual = item.actual_display or "—"
    mark = "△" if item.lost else " "
    name = clip(item.name, 30)
    return (
        f"{mark}{number:>2}. {name}  目标 {target}  完成 {actual}  "
        f"{fmt2(item.score)}/{fmt2(item.weight)}"
    )
