"""Rate rules read from 附表1: 预算调整率 (ceiling), 预算执行率 (floor), 资金到位率 (reference)."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from ..budget import FundFigures
from ..explanation import Deduction, Explanation, InputValue
from ..model import Indicator
from ..numbers import fmt2, fmt_percent, fmt_plain, round_score
from ..ruleset import CeilingRateRule, FloorRateRule, ReferenceRateRule
from .common import ZERO, ExplanationBuilder, ScoringContext

HUNDRED = Decimal(100)
MEASURE_LABELS = {"adjustment": "预算调整率", "execution": "预算执行率", "arrival": "资金到位率"}


def counted_percent(gap: Decimal, reading: str) -> Decimal:
    """How many percentage points a gap counts as, under the rule's reading."""
    if reading == "floor":
        return gap.to_integral_value(rounding=ROUND_FLOOR)
    if reading == "ceil":
        return gap.to_integral_value(rounding=ROUND_CEILING)
    return gap


def measure_rate(
    figures: FundFigures, measure: str, b: ExplanationBuilder | None
) -> Decimal | None:
    """The rate named by ``measure`` from the 合计 row, recording the arithmetic when asked."""
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
    rate = f.execution_rate if measure == "execution" else f.arrival_rate
    if b is not None:
        b.inputs += [
            InputValue(label, fmt_plain(numerator), "万元"),
            InputValue("调整后预算数", fmt_plain(f.adjusted_budget), "万元"),
        ]
        if rate is not None:
            b.steps.append(
                f"{MEASURE_LABELS[measure]} = {label} {fmt_plain(numerator)} / 调整后预算数 "
                f"{fmt_plain(f.adjusted_budget)} = {fmt_percent(rate)}"
            )
    return rate


def score_rate(
    rule: CeilingRateRule | FloorRateRule | ReferenceRateRule,
    indicator: Indicator,
    context: ScoringContext,
    reading: str,
) -> Explanation:
    b = ExplanationBuilder(rule, indicator, reading)
    weight = indicator.weight
    total = context.budget.total
    rate = measure_rate(total, rule.measure, b)
    label = MEASURE_LABELS[rule.measure]
    if rate is None:
        denominator = "预算安排数" if rule.measure == "adjustment" else "调整后预算数"
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
            reference = measure_rate(total, rule.reference, b)
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
    b.steps.append(f"相差 {gap_text} = {fmt2(gap)} 个百分点")
    if reading != "continuous":
        unit_name = "整百分点" if reading == "floor" else "起算百分点"
        b.steps.append(f"按{unit_name}计为 {fmt_plain(counted)} 个百分点")
    per = rule.points_per_percent
    raw = per * counted
    deducted = min(raw, weight)
    b.steps.append(f"扣分 = {fmt_plain(per)} × {fmt2(counted)} = {fmt2(raw)}")
    if raw > weight:
        b.steps.append(f"扣完为止：最多扣 {fmt2(weight)}")
    score = weight - deducted
    b.steps.append(f"得分 = {fmt2(weight)} − {fmt2(deducted)} = {fmt2(round_score(score))}")
    lost = weight - round_score(score)
    if lost:
        b.deductions.append(
            Deduction(f"{why}，相差 {fmt2(gap)} 个百分点，每 1% 扣 {fmt_plain(per)} 分", lost)
        )
    return b.finish(score)


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
