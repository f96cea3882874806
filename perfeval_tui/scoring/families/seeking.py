"""Helpers for a family's seek inverse over inputs small enough to enumerate (ticks, counts,
levels): pick the fewest-change candidates, and say which scores can be reached when none fits."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import TypeVar

from ..model import Indicator, RuleInputs
from ..numbers import fmt2
from .base import RuleBase, SeekOption, SeekQuery
from .registry import score_indicator

T = TypeVar("T")
PLACES = 4  # 完成值 answers are given to at most 4 decimals
LOOSE = Decimal("0.001")
ZERO, ONE = Decimal(0), Decimal(1)
Candidate = tuple[int, T, Decimal]  # (inputs changed, the inputs, the engine's score)


def score_with(rule: RuleBase, query: SeekQuery, inputs: RuleInputs) -> Decimal:
    """The engine's score of the indicator with other inputs (no override)."""
    probe: Indicator = query.indicator.model_copy(update={"inputs": inputs, "override": None})
    return score_indicator(rule, probe, query.context, query.reading).result


def pick(candidates: list[Candidate[T]], score: Decimal, at_least: bool) -> list[Candidate[T]]:
    """The fewest-change candidates that reach ``score`` (all ties for exact, the first for at-least).

    ``candidates`` are sorted by the number of inputs changed.
    """
    hits = [c for c in candidates if (c[2] >= score if at_least else c[2] == score)]
    if not hits:
        return []
    fewest = [c for c in hits if c[0] == hits[0][0]]
    return fewest[:1] if at_least else fewest[:3]


def none_note(
    options: Sequence[SeekOption], candidates: list[Candidate[T]], score: Decimal
) -> tuple[str, ...]:
    if options:
        return ()
    reachable = sorted({c[2] for c in candidates})
    return (
        f"没有输入组合恰好得 {fmt2(score)} 分；可得的分值有："
        + "、".join(fmt2(x) for x in reachable[-12:]),
    )


def relative_change(old: Decimal | None, new: Decimal) -> Decimal:
    """How big a change from ``old`` to ``new`` is, relative to ``old`` (1 from nothing)."""
    if old is None or old == 0:
        return ONE if new != (old or ZERO) else ZERO
    return abs(new - old) / abs(old)


# -- intervals of a number (analytic inverses) -----------------------------------------------


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


def nice_exact(value: Decimal, scores: Callable[[Decimal], Decimal], score: Decimal) -> Decimal:
    """The roundest value near ``value`` that the engine scores exactly ``score``."""
    for places in range(PLACES + 3):
        candidate = quantize(value, places, ROUND_HALF_UP)
        if scores(candidate) == score:
            return candidate
    return value
