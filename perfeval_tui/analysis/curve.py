"""Score curves: an indicator's score against 完成值/目标值, or against the rate for the rate rules.

Every sample is the engine's score of a copy of the project with one input moved; the band edges
(目标值, L, U, the rate threshold) are marked and the project's own point is shown. A text
renderer draws the curve in ASCII and box characters that the Linux console has (no braille),
within 80x24. The wizard draws the same :class:`ScoreCurve` data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..scoring.budget import FundFigures
from ..scoring.engine import reading_for, rule_for, score_project
from ..scoring.families import CurveAxis, CurveMark, CurveUnavailable, family_of
from ..scoring.model import FundRow, Indicator, Project
from ..scoring.numbers import fmt2, fmt_plain
from ..scoring.ruleset import RuleSet, load_ruleset
from ..term.textwidth import fit

ZERO, ONE, HUNDRED = Decimal(0), Decimal(1), Decimal(100)
X_PLACES = Decimal("0.0001")


class CurveError(ValueError):
    """This indicator has no curve (checklist, graded, target 0 or missing); the message is Chinese."""


@dataclass(frozen=True, slots=True)
class CurvePoint:
    x: Decimal
    score: Decimal


@dataclass(frozen=True, slots=True)
class ScoreCurve:
    name: str  # the indicator's name
    rule_name: str
    reading: str
    x_label: str  # 完成值/目标值, 预算执行率（%）, 「…」发现次数
    percent: bool  # x is a percentage (shown with %)
    weight: Decimal
    points: tuple[CurvePoint, ...]
    marks: tuple[CurveMark, ...]
    current: CurvePoint | None

    def x_text(self, x: Decimal) -> str:
        return f"{_num(x)}%" if self.percent else _num(x)


def _num(x: Decimal) -> str:
    return fmt_plain(x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _grid(low: Decimal, high: Decimal, samples: int, extra: list[Decimal]) -> list[Decimal]:
    step = (high - low) / (samples - 1)
    xs = {(low + step * i).quantize(X_PLACES) for i in range(samples)}
    xs |= {x for x in extra if low <= x <= high}
    return sorted(xs)


@dataclass(frozen=True, slots=True)
class _Probe:
    """Scores a one-indicator copy of the project with the 合计 row as its only fund."""

    base: Project
    ruleset: RuleSet
    indicator: Indicator
    fund: FundRow

    def score(
        self, indicator: Indicator | None = None, fund: FundRow | None = None
    ) -> tuple[Decimal, FundFigures]:
        probe = self.base.model_copy(
            update={"indicators": [indicator or self.indicator], "funds": [fund or self.fund]}
        )
        result = score_project(probe, self.ruleset)
        return result.indicators[0].computed_score, result.budget.total


Head = tuple[str, str, str]


def score_curve(
    project: Project, indicator_id: str, samples: int = 141, ruleset: RuleSet | None = None
) -> ScoreCurve:
    """The score of one indicator across the range of the input its rule reads."""
    ruleset = ruleset or load_ruleset(project.ruleset)
    indicator = project.indicator(indicator_id)
    rule = rule_for(ruleset, indicator)
    reading = reading_for(project, rule, indicator)
    result = score_project(project, ruleset)
    f = result.budget.total
    fund = FundRow(
        id="total",
        name="合计",
        budget=f.budget,
        increase=f.increase,
        decrease=f.decrease,
        actual_spend=f.actual_spend,
        funds_arrived=f.funds_arrived,
    )
    base = project.model_copy(update={"districts": [], "goals": []})
    probe = _Probe(base, ruleset, indicator, fund)
    current = result.by_id(indicator_id).computed_score
    head: Head = (indicator.name, rule.name, reading)
    family = family_of(rule)
    if family.curve is not None:
        try:
            axis = family.curve(rule, indicator, reading, f)
        except CurveUnavailable as exc:
            raise CurveError(str(exc)) from None
        return _along(head, axis, probe, samples, current)
    raise CurveError(f"「{rule.name}」按事项或等级计分，得分不随某个数值连续变化，没有得分曲线")


def _along(head: Head, axis: CurveAxis, probe: _Probe, samples: int, now: Decimal) -> ScoreCurve:
    """Sample the engine's score along the one number a family's curve follows."""
    if axis.integer:
        xs = [Decimal(n) for n in range(int(axis.low), int(axis.high) + 1)]
    else:
        xs = _grid(axis.low, axis.high, samples, [m.x for m in axis.marks])
    points = []
    for x in xs:
        base = probe.indicator.model_copy(update={"override": None}, deep=True)
        moved = axis.apply(x, base, probe.fund.model_copy())
        if moved is None:
            continue
        score, figures = probe.score(*moved)
        read = x if axis.x_of is None else axis.x_of(moved[0], figures)
        if read is not None:
            points.append(CurvePoint(read, score))
    current = None if axis.current is None else CurvePoint(axis.current, now)
    weight = probe.indicator.weight
    marks = tuple(axis.marks)
    return ScoreCurve(*head, axis.x_label, axis.percent, weight, tuple(points), marks, current)


# -- text rendering ----------------------------------------------------------------------------


def curve_lines(curve: ScoreCurve, width: int = 78, height: int = 12) -> list[str]:
    """The curve as text: ``*`` the score, ``O`` the current point, ``:`` the band edges."""
    axis_w = 8  # "100.00 ┤"
    plot_w = width - axis_w
    xs = [p.x for p in curve.points] + ([curve.current.x] if curve.current else [])
    x_min, x_max = min(xs), max(xs)
    scores = [p.score for p in curve.points]
    y_min, y_max = min(ZERO, *scores), max(curve.weight, *scores)

    def col(x: Decimal) -> int:
        span = x_max - x_min or ONE
        return int(((x - x_min) / span * (plot_w - 1)).to_integral_value(ROUND_HALF_UP))

    def row(score: Decimal) -> int:
        span = y_max - y_min or ONE
        return int(((score - y_min) / span * (height - 1)).to_integral_value(ROUND_HALF_UP))

    grid = [[" "] * plot_w for _ in range(height)]
    for mark in curve.marks:
        if x_min <= mark.x <= x_max:
            for r in range(height):
                grid[r][col(mark.x)] = ":"
    previous: int | None = None
    last_col: int | None = None
    for point in curve.points:
        c, r = col(point.x), row(point.score)
        if previous is not None and last_col is not None and c - last_col <= 1:
            for between in range(min(r, previous) + 1, max(r, previous)):
                grid[between][c] = (
                    "*"  # join steep or vertical steps so the curve reads as one line
                )
        grid[r][c] = "*"
        previous, last_col = r, c
    if curve.current is not None:
        grid[row(curve.current.score)][col(curve.current.x)] = "O"
    title = f"{curve.name}：得分曲线（{curve.rule_name}，口径 {curve.reading}）"
    lines = [fit(title, width)]
    labels = {
        height - 1: fmt2(y_max),
        0: fmt2(y_min),
        row(curve.weight / 2): fmt2(curve.weight / 2),
    }
    for r in range(height - 1, -1, -1):
        tick = "┤" if r in labels else "│"
        lines.append(f"{labels.get(r, ''):>7}{tick}" + "".join(grid[r]).rstrip())
    lines.append(" " * 7 + "└" + "─" * plot_w)
    lines.append(
        " " * 8 + _tick_line(curve, [x_min, *(m.x for m in curve.marks), x_max], col, plot_w)
    )
    lines.append(fit(f"横轴：{curve.x_label}    纵轴：得分（权重 {fmt2(curve.weight)}）", width))
    if curve.current is not None:
        now = f"O 当前：{curve.x_label} {curve.x_text(curve.current.x)}，得分 {fmt2(curve.current.score)}"
        lines.append(fit(now, width))
    if curve.marks:
        lines.append(fit(": " + "；".join(f"{m.label}" for m in curve.marks), width))
    return lines


def _tick_line(
    curve: ScoreCurve, ticks: list[Decimal], col: Callable[[Decimal], int], plot_w: int
) -> str:
    line = [" "] * plot_w  # drawn under the plot, after the 8-column axis: no wider than it
    taken = -1
    for x in sorted(set(ticks)):
        text = curve.x_text(x)
        start = max(0, min(col(x) - len(text) // 2, plot_w - len(text)))
        if start <= taken:
            continue  # would overlap the previous label
        line[start : start + len(text)] = list(text)
        taken = start + len(text)
    return "".join(line).rstrip()
