"""One scoring function per rule family; :func:`score_indicator` picks the right one."""

from __future__ import annotations

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


def score_indicator(
    rule: AnyRule, indicator: Indicator, context: ScoringContext, reading: str
) -> Explanation:
    if isinstance(rule, (CeilingRateRule, FloorRateRule, ReferenceRateRule)):
        return score_rate(rule, indicator, context, reading)
    if isinstance(rule, ChecklistRule):
        return score_checklist(rule, indicator, reading)
    if isinstance(rule, IncidentRule):
        return score_incidents(rule, indicator, reading)
    if isinstance(rule, CompletionRatioRule):
        return score_completion_ratio(rule, indicator, reading)
    return score_graded(rule, indicator, reading)
