"""完成比例: 完成值/目标值 (反向: 目标值/完成值), proportional below 1, banded above it.

Split in two: :func:`completion_outcome` is the arithmetic (which case applies, the ratio, the
band, the score); :func:`describe_steps` turns an outcome into sentences, only when they are read.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, NamedTuple

from ..explanation import Deduction, Explanation, InputValue
from ..model import Indicator
from ..numbers import fmt2, fmt_plain, round_score
from ..ruleset import CompletionRatioRule, RatioBand
from .common import ZERO, ScoringContext, make_explanation

PERCENT_UNITS = frozenset({"%", "％"})
RATIO_PLACES = Decimal("0.0001")
ONE = Decimal(1)  # Decimal-to-Decimal comparisons are cheaper than Decimal-to-int

Case = Literal[
    "missing",  # 目标值 or 完成值 not entered
    "zero_target_met",
    "zero_target_missed",
    "reverse_zero_full",
    "reverse_zero_none",
    "below",  # ratio < 1: proportional
    "full",  # 1 <= ratio <= L, or no band applies
    "over",  # L < ratio <= U: linear from full to 0
    "too_high",  # ratio > U
    "deviation",  # a ``=`` target missed either way, read strictly: min/max
    "times_rate",  # 满意度 read as 分值 × 实际满意率
]
HUNDRED = Decimal(100)


class RatioOutcome(NamedTuple):
    """The arithmetic's result, with the figures it used captured (the model may change later)."""

    case: Case
    ratio: Decimal | None
    band: RatioBand | None
    raw_score: Decimal
    weight: Decimal
    target: Decimal | None
    actual: Decimal | None
    unit: str
    reverse: bool

    # The Describer protocol: words for this outcome, rendered only when a surface reads them.
    def inputs(self) -> tuple[InputValue, ...]:
        return describe_inputs(self)

    def steps(self) -> tuple[str, ...]:
        return describe_steps(self)

    def reason(self) -> str:
        return describe_deduction(self)


def is_percent(indicator: Indicator) -> bool:
    return indicator.unit.strip() in PERCENT_UNITS


def band_for(rule: CompletionRatioRule, indicator: Indicator, target: Decimal) -> RatioBand | None:
    """The over-target band by the target's size; percentage targets use the percent band."""
    if rule.percent_band is not None and is_percent(indicator):
        return rule.percent_band
    for band in rule.bands:
        if band.max_target is None or target <= band.max_target:
            return band
    return None


def completion_outcome(
    rule: CompletionRatioRule, indicator: Indicator, reading: str
) -> RatioOutcome:
    weight, target, actual, unit = (
        indicator.weight,
        indicator.target,
        indicator.actual,
        indicator.unit,
    )
    reverse = indicator.direction == "反向"
    if target is None or actual is None:
        return RatioOutcome("missing", None, None, ZERO, weight, target, actual, unit, reverse)
    if reading == "times_rate" and unit.strip() in PERCENT_UNITS:
        rate = min(actual, HUNDRED) / HUNDRED
        return RatioOutcome(
            "times_rate", rate, None, weight * rate, weight, target, actual, unit, reverse
        )
    if reading == "deviation" and indicator.operator == "=" and target and actual != target:
        ratio = min(actual, target) / max(actual, target)
        return RatioOutcome(
            "deviation", ratio, None, weight * ratio, weight, target, actual, unit, False
        )
    if not target:
        if not actual:
            return RatioOutcome(
                "zero_target_met", None, None, weight, weight, target, actual, unit, reverse
            )
        return RatioOutcome(
            "zero_target_missed", None, None, ZERO, weight, target, actual, unit, reverse
        )
    if reverse:
        if not actual:
            if rule.reverse_zero_full:
                return RatioOutcome(
                    "reverse_zero_full", None, None, weight, weight, target, actual, unit, reverse
                )
            return RatioOutcome(
                "reverse_zero_none", None, None, ZERO, weight, target, actual, unit, reverse
            )
        ratio = target / actual
    else:
        ratio = actual / target
    if ratio < ONE:
        return RatioOutcome(
            "below", ratio, None, weight * ratio, weight, target, actual, unit, reverse
        )
    band = band_for(rule, indicator, target) if reading == "banded" else None
    if band is None or ratio <= band.full_until:
        return RatioOutcome("full", ratio, band, weight, weight, target, actual, unit, reverse)
    if ratio > band.zero_above:
        return RatioOutcome("too_high", ratio, band, ZERO, weight, target, actual, unit, reverse)
    lower, upper = band.full_until, band.zero_above
    score = weight * (upper - ratio) / (upper - lower)
    return RatioOutcome("over", ratio, band, score, weight, target, actual, unit, reverse)


def ratio_text(value: Decimal) -> str:
    return format(value.quantize(RATIO_PLACES), "f")


def describe_steps(outcome: RatioOutcome) -> tuple[str, ...]:
    weight, target, actual, unit = outcome.weight, outcome.target, outcome.actual, outcome.unit
    case, ratio, band = outcome.case, outcome.ratio, outcome.band
    full = f"满分 {fmt2(weight)}"
    if case == "missing":
        return (f"{'目标值' if target is None else '完成值'}未填写 → 0.00",)
    if case == "zero_target_met":
        return (f"目标值设定为 0，完成值为 0 → {full}",)
    if case == "zero_target_missed":
        return (f"目标值设定为 0，完成值 {fmt_plain(actual or ZERO)} 大于 0 → 不得分",)
    if case == "reverse_zero_full":
        return (f"反向指标完成值为 0（优于目标）→ {full}",)
    if case == "reverse_zero_none":
        return ("反向指标完成值为 0，按规则参数不得分",)
    assert ratio is not None and target is not None and actual is not None
    r = ratio_text(ratio)
    if case == "times_rate":
        return (
            f"按满意率计分：{fmt2(weight)} × 实际满意率 {fmt_plain(actual)}% = {fmt2(outcome.raw_score)}",
        )
    if case == "deviation":
        low, high = sorted((actual, target))
        return (
            f"「=」目标按偏离计分：min/max = {fmt_plain(low)} / {fmt_plain(high)} = {r}",
            f"得分 = {fmt2(weight)} × {r} = {fmt2(outcome.raw_score)}",
        )
    if outcome.reverse:
        steps = [f"反向指标：目标值/完成值 = {fmt_plain(target)} / {fmt_plain(actual)} = {r}"]
    else:
        steps = [f"完成值/目标值 = {fmt_plain(actual)} / {fmt_plain(target)} = {r}"]
    if case == "below":
        steps.append(f"{r} ＜ 1，按比例得分 = {fmt2(weight)} × {r} = {fmt2(outcome.raw_score)}")
        return tuple(steps)
    if band is None:
        steps.append(f"{r} ≥ 1 → {full}")
        return tuple(steps)
    lower, upper = fmt_plain(band.full_until), fmt_plain(band.zero_above)
    steps.append(
        f"目标值 {fmt_plain(target)}{unit} 属于「{band.label}」档：比值 ≤ {lower} 满分，"
        f"{lower}～{upper} 按比例扣分，＞ {upper} 不得分"
    )
    if case == "full":
        steps.append(f"{r} ≤ {lower} → {full}")
    elif case == "too_high":
        steps.append(f"{r} ＞ {upper} → 不得分")
    else:
        steps.append(
            f"得分 = {fmt2(weight)} × ({upper} − {r}) / ({upper} − {lower}) = {fmt2(outcome.raw_score)}"
        )
    return tuple(steps)


def describe_deduction(outcome: RatioOutcome) -> str:
    case, ratio, band = outcome.case, outcome.ratio, outcome.band
    if case == "missing":
        return f"{'目标值' if outcome.target is None else '完成值'}未填写"
    if case == "zero_target_missed":
        return "目标值设定为 0，完成值大于 0，不得分"
    if case == "reverse_zero_none":
        return "反向指标完成值为 0，按规则参数不得分"
    assert ratio is not None
    if case == "times_rate":
        return f"按满意率计分：实际满意率 {fmt_plain(outcome.actual or ZERO)}%"
    if case == "deviation":
        return f"完成值偏离「=」目标，比例 {ratio_text(ratio)}，按偏离扣分"
    if case == "below":
        return f"完成比例 {ratio_text(ratio)} ＜ 1，按比例扣分"
    assert band is not None
    if case == "too_high":
        return f"完成比例 {ratio_text(ratio)} 超过 {fmt_plain(band.zero_above)}，目标设定明显偏低，不得分"
    return f"完成比例 {ratio_text(ratio)} 超过 {fmt_plain(band.full_until)}（目标设定偏低），按比例扣分"


def describe_inputs(outcome: RatioOutcome) -> tuple[InputValue, ...]:
    target, actual, unit = outcome.target, outcome.actual, outcome.unit
    return (
        InputValue(
            "目标值", "未填写" if target is None else target, "" if target is None else unit
        ),
        InputValue(
            "完成值", "未填写" if actual is None else actual, "" if actual is None else unit
        ),
        InputValue("指标方向", "反向" if outcome.reverse else "正向"),
    )


def operator_input(indicator: Indicator) -> InputValue | None:
    return None if indicator.operator is None else InputValue("指标性质", indicator.operator)


def score_completion_ratio(
    rule: CompletionRatioRule, indicator: Indicator, context: ScoringContext, reading: str
) -> Explanation:
    outcome = completion_outcome(rule, indicator, reading)
    result = round_score(outcome.raw_score)
    lost = indicator.weight - result
    deductions = (Deduction(outcome, lost),) if lost else ()
    return make_explanation(rule, indicator, reading, outcome, outcome, deductions, result)
