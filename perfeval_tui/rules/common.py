"""Helpers shared by the rule families: the context a rule reads and the explanation builder."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..budget import BudgetTable
from ..explanation import Deduction, Explanation, InputValue
from ..model import Indicator
from ..numbers import round_score
from ..ruleset import READINGS_BY_FAMILY

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class ScoringContext:
    """Project-wide figures a rule may read (the rate rules take theirs from 附表1)."""

    budget: BudgetTable


@dataclass(slots=True)
class ExplanationBuilder:
    """Collects inputs, arithmetic steps and deductions, then freezes them into an Explanation."""

    rule: object
    indicator: Indicator
    reading: str
    inputs: list[InputValue] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    deductions: list[Deduction] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def finish(self, raw_score: Decimal, excess: Decimal = ZERO) -> Explanation:
        rule = self.rule
        family: str = getattr(rule, "family")  # noqa: B009
        options = READINGS_BY_FAMILY[family]
        clause = self.indicator.criteria_text or getattr(rule, "clause")  # noqa: B009
        return Explanation(
            rule_id=getattr(rule, "id"),  # noqa: B009
            rule_name=getattr(rule, "name"),  # noqa: B009
            family=family,
            clause=clause,
            reading=self.reading,
            reading_label=options[self.reading],
            alternatives=tuple((k, v) for k, v in options.items() if k != self.reading),
            inputs=tuple(self.inputs),
            steps=tuple(self.steps),
            deductions=tuple(self.deductions),
            weight=self.indicator.weight,
            result=round_score(raw_score),
            excess=excess,
            notes=tuple(self.notes),
        )
