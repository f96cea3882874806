"""The three rate families read from 附表1: 预算调整率 (ceiling), 预算执行率 (floor), 资金到位率
(reference). They share the scorer, the readings and the inputs, so one module registers all three;
their worked example, quiz scenario and curve are in :mod:`.rate_training`, their inverse in
:mod:`.rate_seek`.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Literal

from pydantic import Field

from ..budget import FundFigures
from ..explanation import Deduction, Explanation, InputValue
from ..model import Indicator
from ..numbers import equals, fmt2, fmt_percent, fmt_plain, round_score
from .base import (
    CurveAxis,
    ExampleCase,
    QuizCase,
    RuleBase,
    RuleFamily,
    SeekQuery,
    SeekResult,
)
from .explain import ZERO, ExplanationBuilder, ScoringContext
from .inputs import InputField
from .registry import register

PERCENT_STEP_READINGS: dict[str, str] = {
    "continuous": "连续计算：按实际相差的百分点（含小数部分）折算扣分",
    "floor": "按整百分点：不足 1 个百分点的部分不扣分",
    "ceil": "按起算百分点：不足 1 个百分点按 1 个百分点扣分",
}
Reading = Literal["continuous", "floor", "ceil"]
# A rate scored 分值 × 执行率 counts no percentage points: none of the readings above applies.
PROPORTIONAL_READING = "按比例计分：得分 = 分值 × 执行率（超过 100% 按 100% 计），不按百分点扣分"


class CeilingRateRule(RuleBase):
    """预算调整率: at or below the ceiling is full marks, each percent above costs points."""

    family: Literal["ceiling_rate"] = "ceiling_rate"
    measure: Literal["adjustment"] = "adjustment"
    threshold: Decimal = Decimal(10)
    points_per_percent: Decimal = Decimal(1)
    reading: Reading = "continuous"


class FloorRateRule(RuleBase):
    """预算执行率: at or above the floor is full marks, each percent below costs points."""

    family: Literal["floor_rate"] = "floor_rate"
    measure: Literal["execution", "arrival"] = "execution"
    threshold: Decimal = Decimal(95)
    points_per_percent: Decimal = Decimal("0.5")
    proportional: bool = Field(
        False, description="按比例计分：得分 = 分值 × min(执行率, 100%)，与分值大小无关"
    )
    reading: Reading = "continuous"


class ReferenceRateRule(RuleBase):
    """资金到位率: at or above another rate is full marks, each percent below it costs points."""

    family: Literal["reference_rate"] = "reference_rate"
    measure: Literal["arrival", "execution"] = "arrival"
    reference: Literal["execution", "arrival"] = "execution"
    points_per_percent: Decimal = Decimal("0.5")
    reading: Reading = "continuous"


RateRule = CeilingRateRule | FloorRateRule | ReferenceRateRule

MEASURE_LABELS = {"adjustment": "预算调整率", "execution": "预算执行率", "arrival": "资金到位率"}


def counted_percent(gap: Decimal, reading: str) -> Decimal:
    """How many percentage points a gap counts as, under the rule's reading."""
    if reading == "floor":
        return gap.to_integral_value(rounding=ROUND_FLOOR)
    if reading == "ceil":
        return gap.to_integral_value(rounding=ROUND_CEILING)
    return gap


def measure_rate(
    figures: FundFigures, measure: str, b: ExplanationBuilder | None, national: bool = False
) -> Decimal | None:
    """The rate named by ``measure`` from the 合计 row, recording the arithmetic when asked.

    ``national``: the figures are the national form's 项目资金 block, named in its own words
    (全年执行数 / 全年预算数)."""
    f = figures
    if measure == "adjustment":
        rate = f.adjustment_rate
        if b is not None:
            b.inputs += [
                InputValue("预算安排数", fmt_plain(f.budget), "万元"),
                InputValue("预算调增数", fmt_plain(f.increase), "万元"),
                InputValue("预算调减数", fmt_plain(f.decrease), "万元"),
            ]
            b.steps.append(
                f"预算调整数 = max(调增 {fmt_plain(f.increase)}, 调减 {fmt_plain(f.decrease)})"
                f" = {fmt_plain(f.adjustment)} 万元"
            )
            if rate is not None:
                b.steps.append(
                    f"预算调整率 = {fmt_plain(f.adjustment)} / {fmt_plain(f.budget)} = {fmt_percent(rate)}"
                )
        return rate
    numerator, label = (
        (f.actual_spend, "实际支出数")
        if measure == "execution"
        else (f.funds_arrived, "实际到位资金")
    )
    budget_label = "调整后预算数"
    if national:
        label, budget_label = "全年执行数", "全年预算数"
    rate = f.execution_rate if measure == "execution" else f.arrival_rate
    if b is not None:
        b.inputs += [
            InputValue(label, fmt_plain(numerator), "万元"),
            InputValue(budget_label, fmt_plain(f.adjusted_budget), "万元"),
        ]
        if rate is not None:
            b.steps.append(
                f"{MEASURE_LABELS[measure]} = {label} {fmt_plain(numerator)} / {budget_label} "
                f"{fmt_plain(f.adjusted_budget)} = {fmt_percent(rate)}"
            )
    return rate


def score_rate(
    rule: RateRule,
    indicator: Indicator,
    context: ScoringContext,
    reading: str,
) -> Explanation:
    b = ExplanationBuilder(rule, indicator, reading)
    weight = indicator.weight
    total = context.budget.total
    national = context.national_block
    rate = measure_rate(total, rule.measure, b, national)
    label = MEASURE_LABELS[rule.measure]
    if rate is None:
        denominator = "预算安排数" if rule.measure == "adjustment" else "调整后预算数"
        denominator = "全年预算数" if national and rule.measure != "adjustment" else denominator
        b.steps.append(f"{denominator}为 0，无法计算{label} → 0.00")
        b.deductions.append(Deduction(f"{denominator}为 0，无法计算{label}", weight))
        return b.finish(ZERO)

    if isinstance(rule, CeilingRateRule):
        limit_text = f"{fmt_plain(rule.threshold)}%"
        if rate <= rule.threshold:
            b.steps.append(f"{fmt_percent(rate)} ≤ {limit_text} → 满分 {fmt2(weight)}")
            return b.finish(weight)
        gap = rate - rule.threshold
        gap_text = f"{fmt_percent(rate)} − {limit_text}"
        why = f"{label} {fmt_percent(rate)} 超过 {limit_text}"
    else:
        if isinstance(rule, ReferenceRateRule):
            reference = measure_rate(total, rule.reference, b, national)
            ref_label = MEASURE_LABELS[rule.reference]
            if reference is None:  # pragma: no cover - same denominator as ``rate``
                return b.finish(ZERO)
            floor_value, floor_text = reference, f"{ref_label} {fmt_percent(reference)}"
        else:
            floor_value, floor_text = rule.threshold, f"{fmt_plain(rule.threshold)}%"
        if rate >= floor_value:
            b.steps.append(f"{fmt_percent(rate)} ≥ {floor_text} → 满分 {fmt2(weight)}")
            return b.finish(weight)
        gap = floor_value - rate
        gap_text = f"{floor_text} − {fmt_percent(rate)}"
        why = f"{label} {fmt_percent(rate)} 低于 {floor_text}"

    if isinstance(rule, FloorRateRule) and rule.proportional:
        return _proportional(b, weight, rate, label)
    counted = counted_percent(gap, reading)
    b.steps.append(f"相差 {gap_text} {equals(gap)} 个百分点")
    if reading != "continuous":
        unit_name = "整百分点" if reading == "floor" else "起算百分点"
        b.steps.append(f"按{unit_name}计为 {fmt_plain(counted)} 个百分点")
    per = rule.points_per_percent
    raw = per * counted
    deducted = min(raw, weight)
    b.steps.append(f"扣分 = {fmt_plain(per)} × {equals(counted)[2:]} {equals(raw)}")
    if raw > weight:
        b.steps.append(f"扣完为止：最多扣 {fmt2(weight)}")
    score = weight - deducted
    rounded = round_score(score)
    if rounded == score:
        b.steps.append(f"得分 = {fmt2(weight)} − {equals(deducted)[2:]} = {fmt2(rounded)}")
    else:  # at a rounding edge: round the score once, and derive the points lost from it
        b.steps.append(
            f"得分 = {fmt2(weight)} − {equals(deducted)[2:]} {equals(score)}，"
            f"保留两位小数为 {fmt2(rounded)}（实扣 {fmt2(weight)} − {fmt2(rounded)} = "
            f"{fmt2(weight - rounded)}）"
        )
    lost = weight - rounded
    if lost:
        b.deductions.append(
            Deduction(f"{why}，相差 {equals(gap)[2:]} 个百分点，每 1% 扣 {fmt_plain(per)} 分", lost)
        )
    return b.finish(score)


HUNDRED = Decimal(100)


def per_percent(rule: RateRule, weight: Decimal) -> Decimal:
    """Points per percentage point: the rule's, or 分值 / 100 when scored 分值 × 执行率."""
    if isinstance(rule, FloorRateRule) and rule.proportional and weight:
        return weight / HUNDRED
    return rule.points_per_percent


def _proportional(b: ExplanationBuilder, weight: Decimal, rate: Decimal, label: str) -> Explanation:
    """得分 = 分值 × 执行率 (capped at 分值): the national clause, for any 分值."""
    share = min(rate, HUNDRED) / HUNDRED
    score = weight * share
    b.steps.append(
        f"得分 = 分值 {fmt2(weight)} × {label} {fmt_percent(rate)} = {fmt2(round_score(score))}"
    )
    lost = weight - round_score(score)
    if lost:
        b.deductions.append(
            Deduction(
                f"{label} {fmt_percent(rate)}，按比例计分：{fmt2(weight)} × {fmt_percent(rate)}",
                lost,
            )
        )
    return b.finish(score)


# -- inputs, examples, quiz ---------------------------------------------------------------------

FUND_FIELDS = (
    ("budget", "预算安排数"),
    ("increase", "预算调增数"),
    ("decrease", "预算调减数"),
    ("actual_spend", "实际支出数"),
    ("funds_arrived", "实际到位资金"),
)


AMOUNT_FIELDS = tuple(InputField("amount", key, label, unit="万元") for key, label in FUND_FIELDS)


def rate_inputs(rule: RateRule) -> tuple[InputField, ...]:
    return AMOUNT_FIELDS


def seek(rule: RateRule, query: SeekQuery) -> SeekResult:
    from .rate_seek import seek_rate  # the inverse has its own module

    return seek_rate(rule, query)


def no_missing(rule: RateRule, indicator: Indicator) -> list[str]:
    return []


def describe_rate(rule: RateRule) -> list[str]:
    return []


def measured(rule: RateRule, figures: FundFigures) -> Decimal | None:
    return measure_rate(figures, rule.measure, None)


def worked_example(rule: RateRule, case: ExampleCase) -> str:
    from .rate_training import rate_example  # training has its own module

    return rate_example(rule, case)


def quiz_scenario(rng: random.Random, rule: RateRule, case: QuizCase) -> str:
    from .rate_training import rate_quiz

    return rate_quiz(rng, rule, case)


def curve(rule: RateRule, indicator: Indicator, reading: str, f: FundFigures) -> CurveAxis:
    from .rate_training import rate_curve

    return rate_curve(rule, indicator, reading, f)


def rate_readings(rule: RateRule) -> Mapping[str, str]:
    """The readings of one rate rule: none to choose for one scored 分值 × 执行率."""
    if isinstance(rule, FloorRateRule) and rule.proportional:
        return {rule.reading: PROPORTIONAL_READING}
    return PERCENT_STEP_READINGS


def _family(rule_model: type[RateRule], label: str) -> RuleFamily[RateRule]:
    family: RuleFamily[RateRule] = RuleFamily(
        id=str(rule_model.model_fields["family"].default),
        label=label,
        rule_model=rule_model,
        readings=PERCENT_STEP_READINGS,
        score=score_rate,
        inputs=rate_inputs,
        missing=no_missing,
        describe=describe_rate,
        worked_example=worked_example,
        quiz_scenario=quiz_scenario,
        seek=seek,
        curve=curve,
        measured=measured,
        quiz_kind_by_score=True,
        rule_readings=rate_readings,
    )
    return family


CEILING_RATE = register(_family(CeilingRateRule, "上限比率（如预算调整率）"))
FLOOR_RATE = register(_family(FloorRateRule, "下限比率（如预算执行率）"))
REFERENCE_RATE = register(_family(ReferenceRateRule, "参照比率（如资金到位率）"))
