"""完成比例 for training: a quiz question's clause and scenario, and the score curve.

Kept apart from the arithmetic (:mod:`.completion_ratio`), which calls these when asked.
"""

from __future__ import annotations

import random
from decimal import Decimal

from ..budget import FundFigures
from ..model import FundRow, Indicator
from ..numbers import fmt_plain
from .base import CurveAxis, CurveMark, CurveUnavailable, QuizCase
from .completion_ratio import ONE, CompletionRatioRule, band_for
from .explain import ZERO


def completion_quiz_clause(rule: CompletionRatioRule, reading: str) -> str:
    """The clause shortened to the bands that apply."""
    if reading != "banded" or not rule.bands:
        return "完成值/目标值＜1 按比例得分，≥1 得满分；反向指标用 目标值/完成值"
    bands = "；".join(
        f"{b.label}：≤{fmt_plain(b.full_until)} 满分，≤{fmt_plain(b.zero_above)} 按比例，以上 0 分"
        for b in rule.bands
    )
    return (
        f"完成值/目标值＜1 按比例得分；≥1 时按目标值分档（{bands}）；目标值为 0 时完成值 0 得满分、"
        "否则 0 分；反向指标用 目标值/完成值"
    )


D = Decimal
# (lowest target, highest target, unit, decimals of the numbers)
_MAGNITUDES = [
    (D("0.2"), D("0.95"), "", 2),
    (D(2), D(20), "公里", 1),
    (D(25), D(100), "个", 0),
    (D(120), D(9000), "路", 0),
    (D(12000), D(90000), "人次", 0),
]


def _pct(rng: random.Random, low: Decimal, high: Decimal) -> Decimal:
    """A percentage between ``low`` and ``high`` with two decimals."""
    lo, hi = int(low * 100), int(high * 100)
    return D(rng.randint(min(lo, hi), max(lo, hi))) / 100


def completion_quiz_scenario(rng: random.Random, rule: CompletionRatioRule, case: QuizCase) -> str:
    ind = case.indicator
    percent = case.satisfaction or rng.random() < 0.1
    if rng.random() < 0.08:
        ind.target, ind.unit = D(0), "起"
        ind.actual = D(0) if rng.random() < 0.5 else D(rng.randint(1, 3))
        return "目标值为 0"
    reverse = not percent and rng.random() < 0.3
    if percent:
        ind.unit, ind.target = "%", D(rng.choice([85, 90, 95, 98, 100]))
        ind.actual = min(ind.target * _pct(rng, D(85), D(110)) / 100, D(100)).quantize(D("0.1"))
        return "百分比目标"
    low, high, unit, places = rng.choice(_MAGNITUDES)
    step = D(1).scaleb(-places)
    ind.unit = unit if not reverse else "小时"
    target = (low + (high - low) * D(rng.randint(0, 1000)) / 1000).quantize(step)
    ind.target = target
    band = band_for(rule, ind, target)
    full, zero = (band.full_until, band.zero_above) if band else (D("1.2"), D(2))
    kind, ratio = rng.choice(
        [
            ("未完成（按比例）", _pct(rng, D(60), D(99)) / 100),
            ("完成（满分区间）", _pct(rng, D(100), full * 100) / 100),
            ("超出目标（分档扣分）", _pct(rng, full * 100 + 1, zero * 100 - 1) / 100),
            ("远超目标（不得分）", _pct(rng, zero * 100 + 1, zero * 100 + 40) / 100),
        ]
    )
    if reverse:
        ind.direction = "反向"
        ind.actual = (target / ratio).quantize(step)
        return "反向指标·" + kind
    ind.actual = (target * ratio).quantize(step)
    return kind


X_PLACES = Decimal("0.0001")


def completion_curve(
    rule: CompletionRatioRule, indicator: Indicator, reading: str, figures: FundFigures
) -> CurveAxis:
    """The score against 完成值/目标值 (反向: 目标值/完成值), band edges marked."""
    t, a = indicator.target, indicator.actual
    if t is None:
        raise CurveUnavailable(f"「{indicator.name}」目标值未填写，无法画得分曲线")
    if t == 0:
        raise CurveUnavailable(
            "目标值为 0：完成值为 0 得满分，大于 0 不得分，只有两种结果，没有曲线"
        )
    band = band_for(rule, indicator, t) if reading == "banded" else None
    marks = [CurveMark(ONE, "目标值（比值 1）")]
    high = Decimal(2)
    if band is not None:
        marks += [
            CurveMark(band.full_until, f"满分上限 L={fmt_plain(band.full_until)}"),
            CurveMark(band.zero_above, f"不得分起点 U={fmt_plain(band.zero_above)}"),
        ]
        high = band.zero_above + Decimal("0.5")
    reverse = indicator.direction == "反向"

    def apply(x: Decimal, ind: Indicator, fund: FundRow) -> tuple[Indicator, FundRow] | None:
        if reverse and x == 0:
            return None  # 目标值/完成值 = 0 would need an infinite 完成值
        ind.actual = t * x if not reverse else (t / x).quantize(Decimal("0.000001"))
        return ind, fund

    def x_of(ind: Indicator, moved: FundFigures) -> Decimal | None:
        if not reverse or ind.actual is None:
            return None if ind.actual is None else (ind.actual / t).quantize(X_PLACES)
        return (t / ind.actual).quantize(X_PLACES)

    current = None
    if a is not None and (a != 0 or not reverse):
        current = ((a / t) if not reverse else (t / a)).quantize(X_PLACES)
    label = "目标值/完成值（反向）" if reverse else "完成值/目标值"
    return CurveAxis(label, False, ZERO, high, tuple(marks), current, apply, x_of=x_of)
