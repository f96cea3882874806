"""The inverse of each rule: which inputs give at least (or exactly) a score.

Piecewise-linear rules are solved analytically (completion ratio, the three rates); rules on
counted inputs (checklist, incidents, graded) are small enough to enumerate, scoring each
candidate with the engine's own rule function. Callers re-score every answer with
:func:`score_project` before showing it (see :mod:`perfeval_tui.analysis.seek`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from ..scoring.budget import FundFigures
from ..scoring.families.completion_ratio import CompletionRatioRule, band_for
from ..scoring.families.rates import (
    CeilingRateRule,
    FloorRateRule,
    ReferenceRateRule,
    per_percent,
)
from ..scoring.model import Indicator
from ..scoring.numbers import CENT

ZERO, ONE, HUNDRED = Decimal(0), Decimal(1), Decimal(100)
PLACES = 4  # 完成值 answers are given to at most 4 decimals
LOOSE = Decimal("0.001")
RateRule = CeilingRateRule | FloorRateRule | ReferenceRateRule


@dataclass(frozen=True, slots=True)
class Interval:
    """Values from ``low`` to ``high`` (None: unbounded above), plus isolated ``points``."""

    low: Decimal
    high: Decimal | None
    low_open: bool = False
    points: tuple[Decimal, ...] = ()

    def contains(self, value: Decimal) -> bool:
        if value in self.points:
            return True
        above = value > self.low if self.low_open else value >= self.low
        return above and (self.high is None or value <= self.high)

    def nearest(self, value: Decimal) -> Decimal:
        """The value of this interval closest to ``value`` (a point counts too)."""
        inside = max(value, self.low) if self.high is None else min(max(value, self.low), self.high)
        options = [inside, *self.points]
        return min(options, key=lambda x: (abs(x - value), x))


def quantize(value: Decimal, places: int, rounding: str) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=rounding)


def inward(interval: Interval, value: Decimal, *, loose: bool = False) -> Decimal:
    """A bound of ``interval`` rounded to at most :data:`PLACES` decimals without leaving it.

    ``loose`` prefers a rounder figure (0-2 decimals) when it moves the bound by at most 0.1%.
    """
    tries = [(p, loose) for p in range(3)] if loose else []
    for places, check in [*tries, (PLACES, False)]:
        for rounding in (ROUND_HALF_UP, ROUND_CEILING, ROUND_FLOOR):
            candidate = quantize(value, places, rounding)
            near = not check or abs(candidate - value) <= abs(value) * LOOSE
            if near and interval.contains(candidate):
                return candidate
    return value


# -- completion ratio ---------------------------------------------------------------------------


def _band(
    rule: CompletionRatioRule, indicator: Indicator, reading: str
) -> tuple[Decimal, Decimal] | None:
    if reading != "banded" or indicator.target is None:
        return None
    band = band_for(rule, indicator, indicator.target)
    return None if band is None else (band.full_until, band.zero_above)


def completion_interval(
    rule: CompletionRatioRule, indicator: Indicator, reading: str, score: Decimal
) -> Interval | None:
    """完成值 values whose (unrounded) score is at least ``score``; None if none can reach it."""
    t, w = indicator.target, indicator.weight
    if t is None or score > w:
        return None
    if score <= 0:
        return Interval(ZERO, None)
    if t == 0:
        return Interval(ZERO, ZERO)
    band = _band(rule, indicator, reading)
    r_low = score / w
    r_high = None if band is None else band[1] - score * (band[1] - band[0]) / w
    if indicator.direction == "正向":
        return Interval(t * r_low, None if r_high is None else t * r_high)
    zero = (ZERO,) if rule.reverse_zero_full else ()
    low = ZERO if r_high is None else t / r_high
    return Interval(low, t / r_low, low_open=r_high is None, points=zero)


def completion_exact(
    rule: CompletionRatioRule, indicator: Indicator, reading: str, score: Decimal
) -> list[tuple[Decimal, str]]:
    """完成值 values that score exactly ``score`` (< weight), with which side of the target each is."""
    t, w = indicator.target, indicator.weight
    if t is None or t == 0 or score >= w or score < 0:
        return []
    band = _band(rule, indicator, reading)
    ratios: list[tuple[Decimal, str]] = []
    if score > 0:
        ratios.append((score / w, "低于目标"))
    if band is not None:
        ratios.append((band[1] - score * (band[1] - band[0]) / w, "超出目标"))
    if indicator.direction == "正向":
        return [(t * r, side) for r, side in ratios]
    return [(t / r, side) for r, side in ratios if r > 0]


def nice_exact(value: Decimal, scores: Callable[[Decimal], Decimal], score: Decimal) -> Decimal:
    """The roundest value near ``value`` that the engine scores exactly ``score``."""
    for places in range(PLACES + 3):
        candidate = quantize(value, places, ROUND_HALF_UP)
        if scores(candidate) == score:
            return candidate
    return value


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
    gap, strict = allowed_gap(per_percent(rule, weight), weight, score, reading)
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
