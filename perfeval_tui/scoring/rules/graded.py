"""定性指标: a level (优/良/中/差 or the rule set's own) worth a fraction of the weight."""

from __future__ import annotations

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
