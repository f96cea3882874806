"""Helpers shared by the rule families: the context a rule reads and the explanation builder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from ..budget import BudgetTable
from ..explanation import Deduction, Explanation, InputValue, Text
from ..model import Indicator
from ..numbers import round_score
from ..ruleset import READINGS_BY_FAMILY

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class ScoringContext:
    """Project-wide figures a rule may read (the rate rules take theirs from 附表1)."""

    budget: BudgetTable


# (family, reading) -> (the reading's label, the other readings): built once, read per indicator.
_READING_TEXTS: dict[tuple[str, str], tuple[str, tuple[tuple[str, str], ...]]] = {
    (family, reading): (label, tuple((k, v) for k, v in options.items() if k != reading))
    for family, options in READINGS_BY_FAMILY.items()
    for reading, label in options.items()
}


@dataclass(slots=True)
class ExplanationBuilder:
    """Collects inputs, arithmetic steps and deductions, then freezes them into an Explanation.

    Steps and reasons may be given as zero-argument callables; they are rendered on demand.
    """

    rule: object
    indicator: Indicator
    reading: str
    inputs: list[InputValue] = field(default_factory=list)
    steps: list[Text] = field(default_factory=list)
    deductions: list[Deduction] = field(default_factory=list)

    def step(self, text: Text) -> None:
        self.steps.append(text)

    def deduct(self, reason: Text, points: Decimal) -> None:
        self.deductions.append(Deduction(reason, points))

    def finish(self, raw_score: Decimal, excess: Decimal = ZERO) -> Explanation:
        return make_explanation(
            self.rule,
            self.indicator,
            self.reading,
            tuple(self.inputs),
            tuple(self.steps),
            tuple(self.deductions),
            round_score(raw_score),
            excess,
        )


def make_explanation(
    rule: object,
    indicator: Indicator,
    reading: str,
    inputs: tuple[InputValue, ...] | Callable[[], tuple[InputValue, ...]],
    steps: tuple[Text, ...] | Callable[[], tuple[str, ...]],
    deductions: tuple[Deduction, ...],
    result: Decimal,
    excess: Decimal = ZERO,
) -> Explanation:
    family: str = getattr(rule, "family")  # noqa: B009
    label, alternatives = _READING_TEXTS[family, reading]
    # Positional: this runs once per indicator per keystroke (see explanation.py).
    return Explanation(
        getattr(rule, "id"),  # noqa: B009
        getattr(rule, "name"),  # noqa: B009
        family,
        indicator.criteria_text or getattr(rule, "clause"),  # noqa: B009
        reading,
        label,
        alternatives,
        inputs,
        steps,
        deductions,
        indicator.weight,
        result,
        excess,
    )
