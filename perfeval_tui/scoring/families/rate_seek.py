"""The inverse of the rate families: which 合计 amount gives at least (or exactly) a score.

Solved analytically on the 合计 row; the answers are re-scored by the engine before they are
shown (see :mod:`perfeval_tui.analysis.seek`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from ..budget import FundFigures
from ..numbers import CENT, fmt_percent, fmt_plain
from .base import InputChange, SeekOption, SeekQuery, SeekResult
from .rates import (
    AMOUNT_FIELDS,
    MEASURE_LABELS,
    CeilingRateRule,
    RateRule,
    ReferenceRateRule,
    per_percent,
)
from .seeking import relative_change

ZERO, HUNDRED = Decimal(0), Decimal(100)
FOUR_PLACES = Decimal("0.0001")
AMOUNTS = {spec.key: spec for spec in AMOUNT_FIELDS}


def allowed_gap(
    per: Decimal, weight: Decimal, score: Decimal, reading: str
) -> tuple[Decimal, bool]:
    """The largest gap (percentage points) that keeps the score ≥ ``score``; True: gap must be below it."""
    k = (weight - score) / per
    if reading == "floor":  # floor(gap) ≤ K  ⇔  gap < K + 1
        return Decimal(math.floor(k)) + 1, True
    if reading == "ceil":  # ceil(gap) ≤ K  ⇔  gap ≤ K
        return Decimal(math.floor(k)), False
    return k, False


@dataclass(frozen=True, slots=True)
class MoneyBound:
    """A 合计 amount (万元, 2 decimals) that reaches a score: at least ``amount`` or at most it."""

    field: str  # FundRow field: actual_spend / funds_arrived / increase / decrease
    label: str  # 实际支出数 …
    amount: Decimal
    at_least: bool
    rate: Decimal  # the rate bound in percent (display)


_NUMERATORS = {
    "execution": ("actual_spend", "实际支出数"),
    "arrival": ("funds_arrived", "实际到位资金"),
}


def rate_bound(
    rule: RateRule,
    weight: Decimal,
    score: Decimal,
    reading: str,
    f: FundFigures,
    quantum: Decimal = CENT,
) -> list[MoneyBound]:
    """The 合计 amounts that reach ``score``, to ``quantum`` 万元 (0.01 on 附表1, 0.0001 on the
    national form); empty when the denominator is 0."""
    if score > weight:
        return []
    gap, strict = allowed_gap(per_percent(rule, weight), weight, score, reading)
    if isinstance(rule, CeilingRateRule):
        if f.budget == 0:
            return []
        rate = rule.threshold + gap
        bound = rate * f.budget / HUNDRED
        amount = bound.quantize(quantum, rounding=ROUND_FLOOR)
        if strict and amount == bound:
            amount -= quantum
        fields = [("increase", "预算调增数"), ("decrease", "预算调减数")]
        return [MoneyBound(name, label, max(amount, ZERO), False, rate) for name, label in fields]
    if f.adjusted_budget <= 0:
        return []
    if isinstance(rule, ReferenceRateRule):
        floor_value = f.execution_rate if rule.reference == "execution" else f.arrival_rate
    else:
        floor_value = rule.threshold
    rate = (floor_value or ZERO) - gap
    bound = rate * f.adjusted_budget / HUNDRED
    amount = bound.quantize(quantum, rounding=ROUND_CEILING)
    if strict and amount == bound:
        amount += quantum
    field, label = _NUMERATORS[rule.measure]
    return [MoneyBound(field, label, max(amount, ZERO), True, rate)]


# The national form's words for the same amounts (项目资金: 年初预算数, 全年预算数, 全年执行数).
_BLOCK_LABELS = {"实际支出数": "全年执行数", "实际到位资金": "全年执行数"}


def seek_rate(rule: RateRule, query: SeekQuery) -> SeekResult:
    """The 合计 amount (实际支出数, 实际到位资金, 调增/调减数) that gives the score."""
    figures = query.context.budget.total
    weight, score, reading = query.indicator.weight, query.score, query.reading
    block = query.context.national_block
    quantum = FOUR_PLACES if block else CENT  # the block's amounts are written to 4 decimals
    full = _named(rate_bound(rule, weight, weight, reading, figures, quantum), block)
    bounds = _named(rate_bound(rule, weight, score, reading, figures, quantum), block)
    if not bounds:
        which = "预算安排数" if isinstance(rule, CeilingRateRule) else "调整后预算数"
        which = "全年预算数" if block and which == "调整后预算数" else which
        return SeekResult((), (f"{which}为 0，无法计算{MEASURE_LABELS[rule.measure]}",))
    full_range = "；".join(_bound_text(rule, b) for b in full) if full else None
    notes: tuple[str, ...] = ()
    if reading != "continuous":
        notes = (
            f"口径「{reading}」按整百分点计扣分，得分按 {fmt_plain(rule.points_per_percent)} 分一档变化",
        )
    if isinstance(rule, CeilingRateRule):
        # Set the side that drives 预算调整数 (the larger of 调增/调减) to the bound; cut the other if over.
        driving = "increase" if figures.increase >= figures.decrease else "decrease"
        changes = []
        for bound in bounds:
            now = getattr(figures, bound.field)
            if bound.field == driving or now > bound.amount:
                changes.append(InputChange(AMOUNTS[bound.field], bound.amount, now))
        old = max(figures.increase, figures.decrease)
        summary = "；".join(_bound_text(rule, b) for b in bounds)
        size = relative_change(old, bounds[0].amount)
        return SeekResult((SeekOption(summary, tuple(changes), size),), notes, full_range)
    bound = bounds[0]
    old_amount = getattr(figures, bound.field)
    change = InputChange(AMOUNTS[bound.field], bound.amount, old_amount)
    option = SeekOption(
        _bound_text(rule, bound), (change,), relative_change(old_amount, bound.amount)
    )
    return SeekResult((option,), notes, full_range)


def _named(bounds: list[MoneyBound], block: bool) -> list[MoneyBound]:
    """On the national form the amounts go by its own words (全年执行数)."""
    if not block:
        return bounds
    return [replace(b, label=_BLOCK_LABELS.get(b.label, b.label)) for b in bounds]


def _bound_text(rule: RateRule, bound: MoneyBound) -> str:
    measure = MEASURE_LABELS[rule.measure]
    sign = "≥" if bound.at_least else "≤"
    word = "至少" if bound.at_least else "至多"
    return f"{bound.label}合计{word} {fmt_plain(bound.amount)} 万元（{measure} {sign} {fmt_percent(bound.rate)}）"
