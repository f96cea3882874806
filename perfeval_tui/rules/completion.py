"""完成比例: 完成值/目标值 (反向: 目标值/完成值), proportional below 1, banded above it."""

from __future__ import annotations

from decimal import Decimal

from ..explanation import Deduction, Explanation, InputValue
from ..model import Indicator
from ..numbers import fmt2, fmt_plain, round_score
from ..ruleset import CompletionRatioRule, RatioBand
from .common import ZERO, ExplanationBuilder

PERCENT_UNITS = frozenset({"%", "％"})
RATIO_PLACES = Decimal("0.0001")


def is_percent(indicator: Indicator) -> bool:
    return indicator.unit.strip() in PERCENT_UNITS


def band_for(rule: CompletionRatioRule, indicator: Indicator, target: Decimal) -> RatioBand | None:
    """The over-target band by the target's size; percentage targets use the percent band."""
    if is_percent(indicator) and rule.percent_band is not None:
        return rule.percent_band
    for band in rule.bands:
        if band.max_target is None or target <= band.max_target:
            return band
    return None


def _show(value: Decimal, indicator: Indicator) -> str:
    return f"{fmt_plain(value)}{indicator.unit}"


def score_completion_ratio(
    rule: CompletionRatioRule, indicator: Indicator, reading: str
) -> Explanation:
    b = ExplanationBuilder(rule, indicator, reading)
    weight = indicator.weight
    target, actual = indicator.target, indicator.actual
    reverse = indicator.direction == "反向"
    b.inputs.append(InputValue("目标值", "未填写" if target is None else _show(target, indicator)))
    b.inputs.append(InputValue("完成值", "未填写" if actual is None else _show(actual, indicator)))
    b.inputs.append(InputValue("指标方向", indicator.direction))
    if target is None or actual is None:
        missing = "目标值" if target is None else "完成值"
        b.steps.append(f"{missing}未填写 → 0.00")
        b.deductions.append(Deduction(f"{missing}未填写", weight))
        return b.finish(ZERO)

    if target == 0:
        if actual == 0:
            b.steps.append(f"目标值设定为 0，完成值为 0 → 满分 {fmt2(weight)}")
            return b.finish(weight)
        b.steps.append(f"目标值设定为 0，完成值 {fmt_plain(actual)} 大于 0 → 不得分")
        b.deductions.append(Deduction("目标值设定为 0，完成值大于 0，不得分", weight))
        return b.finish(ZERO)

    if reverse:
        if actual == 0:
            if rule.reverse_zero_full:
                b.steps.append(f"反向指标完成值为 0（优于目标）→ 满分 {fmt2(weight)}")
                return b.finish(weight)
            b.steps.append("反向指标完成值为 0，按规则参数不得分")
            b.deductions.append(Deduction("反向指标完成值为 0，按规则参数不得分", weight))
            return b.finish(ZERO)
        ratio = target / actual
        b.steps.append(
            f"反向指标：目标值/完成值 = {fmt_plain(target)} / {fmt_plain(actual)} = {_ratio(ratio)}"
        )
    else:
        ratio = actual / target
        b.steps.append(
            f"完成值/目标值 = {fmt_plain(actual)} / {fmt_plain(target)} = {_ratio(ratio)}"
        )

    if ratio < 1:
        score = weight * ratio
        b.steps.append(
            f"{_ratio(ratio)} ＜ 1，按比例得分 = {fmt2(weight)} × {_ratio(ratio)} = {fmt2(score)}"
        )
        b.deductions.append(
            Deduction(f"完成比例 {_ratio(ratio)} ＜ 1，按比例扣分", weight - round_score(score))
        )
        return b.finish(score)

    band = band_for(rule, indicator, target) if reading == "banded" else None
    if band is None:
        b.steps.append(f"{_ratio(ratio)} ≥ 1 → 满分 {fmt2(weight)}")
        return b.finish(weight)
    lower, upper = band.full_until, band.zero_above
    b.steps.append(
        f"目标值 {_show(target, indicator)} 属于「{band.label}」档：比值 ≤ {fmt_plain(lower)} 满分，"
        f"{fmt_plain(lower)}～{fmt_plain(upper)} 按比例扣分，＞ {fmt_plain(upper)} 不得分"
    )
    if ratio <= lower:
        b.steps.append(f"{_ratio(ratio)} ≤ {fmt_plain(lower)} → 满分 {fmt2(weight)}")
        return b.finish(weight)
    if ratio > upper:
        b.steps.append(f"{_ratio(ratio)} ＞ {fmt_plain(upper)} → 不得分")
        b.deductions.append(
            Deduction(
                f"完成比例 {_ratio(ratio)} 超过 {fmt_plain(upper)}，目标设定明显偏低，不得分",
                weight,
            )
        )
        return b.finish(ZERO)
    score = weight * (upper - ratio) / (upper - lower)
    b.steps.append(
        f"得分 = {fmt2(weight)} × ({fmt_plain(upper)} − {_ratio(ratio)}) / "
        f"({fmt_plain(upper)} − {fmt_plain(lower)}) = {fmt2(score)}"
    )
    lost = weight - round_score(score)
    b.deductions.append(
        Deduction(
            f"完成比例 {_ratio(ratio)} 超过 {fmt_plain(lower)}（目标设定偏低），按比例扣分", lost
        )
    )
    return b.finish(score)


def _ratio(value: Decimal) -> str:
    return format(value.quantize(RATIO_PLACES), "f")
