"""Rule families: one module each, one registry (see :mod:`.base` for what a family declares).

Importing this package registers the built-in families, in rule-book order.
"""

from __future__ import annotations

from importlib import import_module

from . import registry
from .base import (
    CurveAxis,
    CurveMark,
    CurveUnavailable,
    ExampleCase,
    InputChange,
    QuizCase,
    RuleBase,
    RuleFamily,
    SeekOption,
    SeekQuery,
    SeekResult,
)
from .explain import ExplanationBuilder, ScoringContext, make_explanation
from .inputs import InputField, parse_input, read_input, tick_order, updated_value
from .registry import (
    UnknownFamilyError,
    all_families,
    family_label,
    family_of,
    get,
    on_change,
    register,
    score_indicator,
    unregister,
)

# The built-in families, registered in rule-book order.
BUILTIN = ("rates", "checklist", "incidents", "completion_ratio", "national_completion", "graded")
for _module in BUILTIN:
    import_module(f"{__name__}.{_module}")

__all__ = [
    "CurveAxis",
    "CurveMark",
    "CurveUnavailable",
    "ExampleCase",
    "ExplanationBuilder",
    "InputChange",
    "InputField",
    "QuizCase",
    "RuleBase",
    "RuleFamily",
    "ScoringContext",
    "SeekResult",
    "SeekOption",
    "SeekQuery",
    "UnknownFamilyError",
    "all_families",
    "family_label",
    "family_of",
    "get",
    "make_explanation",
    "on_change",
    "parse_input",
    "read_input",
    "register",
    "registry",
    "score_indicator",
    "tick_order",
    "unregister",
    "updated_value",
]
