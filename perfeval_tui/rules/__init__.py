"""One scoring function per rule family; :func:`score_indicator` picks the right one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..explanation import Explanation
from ..model import Indicator
from ..ruleset import (
    CeilingRateRule,
    ChecklistRule,
    CompletionRatioRule,
    FloorRateRule,
    GradedRule,
    IncidentRule,
    ReferenceRateRule,
)
from .common import ScoringContext
from .completion import score_completion_ratio
from .counted import score_checklist, score_incidents
from .graded import score_graded
from .rates import score_rate

AnyRule = (
    CeilingRateRule
    | FloorRateRule
    | ReferenceRateRule
    | ChecklistRule
    | IncidentRule
    | CompletionRatioRule
    | GradedRule
)

__all__ = ["AnyRule", "ScoringContext", "score_indicator"]


def _rate(
    rule: AnyRule, indicator: Indicator, context: ScoringContext, reading: str
) -> Explanation:
    return score_rate(rule, indicator, context, reading)  # type: ignore[arg-type]


# Dispatch on the family tag: isinstance against pydantic model classes costs more per call,
# and this runs once per indicator per keystroke.
_SCORERS: dict[str, Callable[[Any, Indicator, ScoringContext, str], Explanation]] = {
    "ceiling_rate": _rate,
    "floor_rate": _rate,
    "reference_rate": _rate,
    "checklist": lambda rule, ind, _ctx, reading: score_checklist(rule, ind, reading),
    "incidents": lambda rule, ind, _ctx, reading: score_incidents(rule, ind, reading),
    "completion_ratio": lambda rule, ind, _ctx, reading: score_completion_ratio(rule, ind, reading),
    "graded": lambda rule, ind, _ctx, reading: score_graded(rule, ind, reading),
}


def score_indicator(
    rule: AnyRule, indicator: Indicator, context: ScoringContext, reading: str
) -> Explanation:
    return _SCORERS[rule.family](rule, indicator, context, reading)
