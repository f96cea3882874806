"""完成比例 as the national 绩效自评表 words it: the operator (≥ ≤ =) sets how a target is met.

正向 (≥, >, 以上, 不低于): met → full 分值, else 分值 × 完成值 / 年度指标值. 反向 (≤, <, 不超过,
控制在): at or under → full, else 分值 × 年度指标值 / 完成值; an actual of 0 is full. ``=`` is read
as "reached" by default (same as ≥); the strict reading scores a deviation either way. One
province scores 满意度 as 分值 × 实际满意率 even when met: a third reading.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Literal

from pydantic import Field, model_validator

from ..explanation import Deduction, Explanation
from ..model import Indicator
from ..numbers import round_score
from .base import ExampleCase, RuleFamily
from .completion_ratio import (
    CompletionRatioRule,
    completion_inputs,
    completion_outcome,
    missing,
    quiz_scenario,
)
from .explain import ScoringContext, make_explanation
from .registry import register

READINGS: dict[str, str] = {
    "reached": "达到即满分：「=」目标按达到指标值计（同「≥」），完成值/指标值≥1 得满分",
    "deviation": (
        "偏离计分：「=」目标偏离即按比例扣分，得分 = 分值 × min(完成值, 指标值) / max(完成值, 指标值)"
    ),
    "times_rate": "按满意率计分：百分比指标得分 = 分值 × 实际完成值（达到目标也不计满分）",
}
# The arithmetic is 完成比例's; "reached" is its 封顶 case.
_OUTCOME_READING = {"reached": "capped", "deviation": "deviation", "times_rate": "times_rate"}


class NationalCompletionRule(CompletionRatioRule):
    family: Literal["national_completion"] = "national_completion"  # type: ignore[assignment]
    reading: Literal["reached", "deviation", "times_rate"] = "reached"  # type: ignore[assignment]
    satisfaction: bool = Field(
        False, description="满意度指标：另可按满意率计分（分值 × 实际满意率）"
    )

    @model_validator(mode="after")
    def _reading_applies(self) -> NationalCompletionRule:
        if self.reading not in national_readings(self):
            raise ValueError("按满意率计分（times_rate）只适用于满意度指标（satisfaction: true）")
        return self


def national_readings(rule: NationalCompletionRule) -> Mapping[str, str]:
    """The readings of one rule: 按满意率计分 only for 满意度 indicators."""
    if rule.satisfaction:
        return READINGS
    return {code: text for code, text in READINGS.items() if code != "times_rate"}


def score_national(
    rule: NationalCompletionRule, indicator: Indicator, context: ScoringContext, reading: str
) -> Explanation:
    outcome = completion_outcome(rule, indicator, _OUTCOME_READING.get(reading, "capped"))
    result = round_score(outcome.raw_score)
    lost = indicator.weight - result
    deductions = (Deduction(outcome, lost),) if lost else ()
    return make_explanation(rule, indicator, reading, outcome, outcome, deductions, result)


def describe(rule: NationalCompletionRule) -> list[str]:
    return [
        "· 指标性质 ≥ / 以上 / 不低于：正向；≤ / 以下 / 不超过 / 控制在：反向；= 按所选口径",
        "· 年度指标值可连同符号和单位填写，例如 ≥95%、≤5个工作日、=8个",
    ]


def worked_example(rule: NationalCompletionRule, case: ExampleCase) -> str:
    """A ``=`` target passed: the readings differ (reached 满分, deviation 分值 × 100/120)."""
    ind = case.indicator
    ind.target, ind.actual, ind.unit, ind.operator = Decimal(100), Decimal(120), "个", "="
    ind.target_label, ind.actual_label = "=100个", "120个"
    return "年度指标值 =100个，实际完成值 120个"


def quiz_clause(rule: NationalCompletionRule, reading: str) -> str:
    if reading == "times_rate":
        return "百分比指标：得分 = 分值 × 实际完成值"
    if reading == "deviation":
        return "「=」目标：得分 = 分值 × min/max；其余完成值/指标值＜1 按比例，≥1 满分"
    return "完成值/指标值＜1 按比例得分，≥1 得满分；反向指标用 指标值/完成值"


NATIONAL_COMPLETION: RuleFamily[NationalCompletionRule] = register(
    RuleFamily(
        id="national_completion",
        label="完成比例（自评表：≥ ≤ =）",
        rule_model=NationalCompletionRule,
        readings=READINGS,
        score=score_national,
        inputs=completion_inputs,
        missing=missing,
        describe=describe,
        worked_example=worked_example,
        quiz_scenario=quiz_scenario,
        seek=None,
        curve=None,
        quiz_clause=quiz_clause,
        rule_readings=national_readings,
    )
)
