"""The inverse of each rule: which inputs give at least (or exactly) a score.

Piecewise-linear rules are solved analytically (completion ratio, the three rates); rules on
counted inputs (checklist, incidents, graded) are small enough to enumerate, scoring each
candidate with the engine's own rule function. Callers re-score every answer with
:func:`score_project` before showing it (see :mod:`perfeval_tui.analysis.seek`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from ..scoring.budget import FundFigures
from ..scoring.families.rates import CeilingRateRule, FloorRateRule, ReferenceRateRule
from ..scoring.numbers import CENT

ZERO, ONE, HUNDRED = Decimal(0), Decimal(1), Decimal(100)
PLACES = 4  # 完成值 answers are given to at most 4 decimals
LOOSE = Decimal("0.001")
RateRule = CeilingRateRule | FloorRateRule | ReferenceRateRule


# -- the three rates ---------------------------------------------------------------------------


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
    rule: RateRule, weight: Decimal, score: Decimal, reading: str, f: FundFigures
) -> list[MoneyBound]:
    """The 合计 amounts that reach ``score``; empty when the denominator is 0."""
    if score > weight:
        return []
    gap, strict = allowed_gap(rule.points_per_percent, weight, score, reading)
    if isinstance(rule, CeilingRateRule):
        if f.budget == 0:
            return []
        rate = rule.threshold + gap
        bound = rate * f.budget / HUNDRED
        amount = bound.quantize(CENT, rounding=ROUND_FLOOR)
        if strict and amount == bound:
            amount -= CENT
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
    amount = bound.quantize(CENT, rounding=ROUND_CEILING)
    if strict and amount == bound:
        amount += CENT
    field, label = _NUMERATORS[rule.measure]
    return [MoneyBound(field, label, max(amount, ZERO), True, rate)]
