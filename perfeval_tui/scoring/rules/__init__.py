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


# Dispatch on the family tag: isinstance against pydantic model classes costs more per call,
# and this runs once per indicator per keystroke. Every scorer takes the same arguments.
_SCORERS: dict[str, Callable[[Any, Indicator, ScoringContext, str], Explanation]] = {
    "ceiling_rate": score_rate,
    "floor_rate": score_rate,
    "reference_rate": score_rate,
    "checklist": score_checklist,
    "incidents": score_incidents,
    "completion_ratio": score_completion_ratio,
    "graded": score_graded,
}


def score_indicator(
    rule: AnyRule, indicator: Indicator, context: ScoringContext, reading: str
) -> Explanation:
    return _SCORERS[rule.family](rule, indicator, context, reading)
