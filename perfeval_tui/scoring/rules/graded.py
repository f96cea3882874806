"""定性指标: a level (优/良/中/差 or the rule set's own) worth a fraction of the weight."""

from __future__ import annotations

from decimal import Decimal

from ..explanation import Explanation, InputValue
from ..model import Indicator
from ..numbers import fmt2, fmt_plain, round_score
from ..ruleset import GradedRule
from .common import ZERO, ExplanationBuilder, ScoringContext


def score_graded(
    rule: GradedRule, indicator: Indicator, context: ScoringContext, reading: str
) -> Explanation:
    b = ExplanationBuilder(rule, indicator, reading)
    level = indicator.inputs.level
    weight = indicator.weight
    b.inputs.append(InputValue("评价等级", level or "未评定"))
    if level is None or level not in rule.levels:
        b.step(f"未评定等级（可选：{'、'.join(rule.levels)}）→ 0.00")
        b.deduct("未评定等级", weight)
        return b.finish(ZERO)
    judged = indicator.inputs.judged
    band = rule.bands.get(level)
    if band is not None and judged is not None:
        return _judged(b, weight, level, band, judged)
    fraction = rule.levels[level]
    score = weight * fraction
    b.step(
        lambda: (
            f"等级「{level}」系数 {fmt_plain(fraction)}：{fmt2(weight)} × {fmt_plain(fraction)} = {fmt2(score)}"
        )
    )
    if round_score(score) < weight:
        b.deduct(
            lambda: f"评价等级为「{level}」，按系数 {fmt_plain(fraction)} 计分",
            weight - round_score(score),
        )
    return b.finish(score)


def band_range(weight: Decimal, band: tuple[Decimal, Decimal]) -> tuple[Decimal, Decimal]:
    return round_score(weight * band[0]), round_score(weight * band[1])


def judged_error(
    rule: GradedRule, level: str | None, weight: Decimal, judged: Decimal
) -> str | None:
    """A Chinese message when a judged score lies outside its band's range; None when it fits."""
    if level is None or level not in rule.bands:
        return "请先选择评价等级（达成 / 部分达成 / 未达成），再填写评定得分"
    low, high = band_range(weight, rule.bands[level])
    top = max(b[1] for b in rule.bands.values())
    inside = low <= judged <= high if rule.bands[level][1] == top else low <= judged < high
    if inside:
        return None
    closing = "]" if rule.bands[level][1] == top else ")"
    return f"「{level}」的得分区间为 [{fmt2(low)}, {fmt2(high)}{closing}，{fmt2(judged)} 不在区间内"


def _judged(
    b: ExplanationBuilder,
    weight: Decimal,
    level: str,
    band: tuple[Decimal, Decimal],
    judged: Decimal,
) -> Explanation:
    rule = b.rule
    assert isinstance(rule, GradedRule)
    low, high = band_range(weight, band)
    b.inputs.append(InputValue("评定得分", judged))
    b.step(
        f"等级「{level}」得分区间 {fmt_plain(band[0] * 100)}%～{fmt_plain(band[1] * 100)}% × {fmt2(weight)}"
        f" = {fmt2(low)}～{fmt2(high)}"
    )
    error = judged_error(rule, level, weight, judged)
    score = judged
    if error is not None:
        score = min(max(judged, low), high)
        b.step(f"{error}，按区间边界 {fmt2(score)} 计")
    else:
        b.step(f"评定得分 {fmt2(judged)} 在区间内 → {fmt2(judged)}")
    if round_score(score) < weight:
        b.deduct(
            f"评价等级为「{level}」，区间 {fmt2(low)}～{fmt2(high)} 内评定 {fmt2(score)}",
            weight - round_score(score),
        )
    return b.finish(score)
