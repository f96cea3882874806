"""Helpers for a family's seek inverse over inputs small enough to enumerate (ticks, counts,
levels): pick the fewest-change candidates, and say which scores can be reached when none fits."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TypeVar

from ..model import Indicator, RuleInputs
from ..numbers import fmt2
from .base import RuleBase, SeekOption, SeekQuery
from .registry import score_indicator

T = TypeVar("T")
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
