"""完成比例: 完成值/目标值 (反向: 目标值/完成值), proportional below 1, banded above it.

Split in three: :func:`completion_outcome` is the arithmetic (which case applies, the ratio, the
band, the score); :mod:`.completion_words` turns an outcome into sentences, only when they are
read; :mod:`.completion_training` holds the quiz scenario and the score curve (and
:mod:`.completion_seek` the inverse).
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from ..budget import FundFigures
from ..explanation import Deduction, Explanation, InputValue
from ..model import Indicator
from ..numbers import PERCENT_UNITS, round_score
from .base import (
    CurveAxis,
    ExampleCase,
    QuizCase,
    RuleBase,
    RuleFamily,
    SeekQuery,
    SeekResult,
)
from .completion_words import describe_deduction, describe_inputs, describe_steps
from .explain import ZERO, ScoringContext, make_explanation
from .inputs import InputField
from .registry import register

READINGS: dict[str, str] = {
    "banded": "分档：完成值/目标值≥1 时按目标值大小分档，超过上限按比例扣分",
    "capped": "封顶：完成值/目标值≥1 一律得满分",
}


class RatioBand(BaseModel):
    """For targets up to ``max_target``: full up to ratio ``full_until``, zero above ``zero_above``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_target: Decimal | None = Field(None, description="目标值上限（含）；空表示无上限")
    full_until: Decimal
    zero_above: Decimal
    label: str


class CompletionRatioRule(RuleBase):
    family: Literal["completion_ratio"] = "completion_ratio"
    percent_band: RatioBand | None = Field(None, description="百分比目标和 0<目标值≤1 的档次")
    bands: list[RatioBand] = Field(default_factory=list, description="按目标值大小的档次，升序")
    reverse_zero_full: bool = Field(True, description="反向指标完成值为 0 且目标值>0 时得满分")
    reading: Literal["banded", "capped"] = "banded"


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


# -- inputs, examples, quiz ---------------------------------------------------------------------

DIRECTIONS = (("正向（越大越好）", "正向"), ("反向（越小越好）", "反向"))
ACTUAL = InputField("number", "actual", "完成值")


def completion_inputs(rule: CompletionRatioRule) -> tuple[InputField, ...]:
    return (
        InputField("number", "target", "目标值"),
        ACTUAL,
        InputField("choice", "direction", "方向", options=DIRECTIONS),
    )


def seek(rule: CompletionRatioRule, query: SeekQuery) -> SeekResult:
    from .completion_seek import seek_completion  # the inverse has its own module

    return seek_completion(rule, query)


def missing(rule: CompletionRatioRule, indicator: Indicator) -> list[str]:
    out = []
    if indicator.target is None:
        out.append("目标值未填写")
    if indicator.actual is None:
        out.append("完成值未填写")
    return out


def describe(rule: CompletionRatioRule) -> list[str]:
    bands = ([rule.percent_band] if rule.percent_band else []) + list(rule.bands)
    return [f"· {band.label}" for band in bands]


def worked_example(rule: CompletionRatioRule, case: ExampleCase) -> str:
    ind = case.indicator
    ind.target, ind.actual, ind.unit = Decimal(1304), Decimal(1600), "路"
    return "目标值 1304 路，完成值 1600 路"


def quiz_clause(rule: CompletionRatioRule, reading: str) -> str:
    from .completion_training import completion_quiz_clause  # training has its own module

    return completion_quiz_clause(rule, reading)


def quiz_scenario(rng: random.Random, rule: CompletionRatioRule, case: QuizCase) -> str:
    from .completion_training import completion_quiz_scenario

    return completion_quiz_scenario(rng, rule, case)


def curve(
    rule: CompletionRatioRule, indicator: Indicator, reading: str, figures: FundFigures
) -> CurveAxis:
    from .completion_training import completion_curve

    return completion_curve(rule, indicator, reading, figures)


COMPLETION_RATIO: RuleFamily[CompletionRatioRule] = register(
    RuleFamily(
        id="completion_ratio",
        label="完成比例（完成值/目标值）",
        rule_model=CompletionRatioRule,
        readings=READINGS,
        score=score_completion_ratio,
        inputs=completion_inputs,
        missing=missing,
        describe=describe,
        worked_example=worked_example,
        quiz_scenario=quiz_scenario,
        seek=seek,
        curve=curve,
        quiz_clause=quiz_clause,
    )
)
