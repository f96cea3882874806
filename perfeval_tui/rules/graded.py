"""定性指标: a level (优/良/中/差 or the rule set's own) worth a fraction of the weight."""

from __future__ import annotations

from ..explanation import Deduction, Explanation, InputValue
from ..model import Indicator
from ..numbers import fmt2, fmt_plain, round_score
from ..ruleset import GradedRule
from .common import ZERO, ExplanationBuilder


def score_graded(rule: GradedRule, indicator: Indicator, reading: str) -> Explanation:
    b = ExplanationBuilder(rule, indicator, reading)
    level = indicator.inputs.level
    b.inputs.append(InputValue("评价等级", level or "未评定"))
    if level is None or level not in rule.levels:
        known = "、".join(rule.levels)
        b.steps.append(f"未评定等级（可选：{known}）→ 0.00")
        b.deductions.append(Deduction("未评定等级", indicator.weight))
        return b.finish(ZERO)
    fraction = rule.levels[level]
    score = indicator.weight * fraction
    b.steps.append(
        f"等级「{level}」系数 {fmt_plain(fraction)}：{fmt2(indicator.weight)} × {fmt_plain(fraction)} = {fmt2(score)}"
    )
    result = round_score(score)
    if result < indicator.weight:
        b.deductions.append(
            Deduction(
                f"评价等级为「{level}」，按系数 {fmt_plain(fraction)} 计分",
                indicator.weight - result,
            )
        )
    return b.finish(score)
