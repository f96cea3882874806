"""完成比例 in words: the steps, the deduction's reason and the inputs of a :class:`RatioOutcome`.

Rendered only when a surface reads them (the outcome's Describer methods call these).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..explanation import InputValue
from ..numbers import fmt2, fmt_plain
from .explain import ZERO

if TYPE_CHECKING:
    from .completion_ratio import RatioOutcome

RATIO_PLACES = Decimal("0.0001")


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
