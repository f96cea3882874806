"""Helpers shared by the rule families: the context a rule reads and the explanation builder."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..budget import BudgetTable
from ..explanation import Deduction, Describer, Explanation, InputValue, Text
from ..model import Indicator
from ..numbers import round_score

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class ScoringContext:
    """Project-wide figures a rule may read (the rate rules take theirs from 附表1)."""

    budget: BudgetTable
    # The figures come from the national form's 项目资金 block (全年预算数/全年执行数), not 附表1.
    national_block: bool = False


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
    inputs: tuple[InputValue, ...] | Describer,
    steps: tuple[Text, ...] | Describer,
    deductions: tuple[Deduction, ...],
    result: Decimal,
    excess: Decimal = ZERO,
) -> Explanation:
    # Positional: this runs once per indicator per keystroke (see explanation.py).
    return Explanation(
        rule,
        indicator.criteria_text or getattr(rule, "clause"),  # noqa: B009
        reading,
        inputs,
        steps,
        deductions,
        indicator.weight,
        result,
        excess,
    )
