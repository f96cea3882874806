"""The explanation of a score, as plain data every surface renders (TUI, plain mode, CLI, xlsx, Markdown)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class InputValue:
    """One figure the rule read, e.g. 实际支出数 450 万元."""

    label: str
    value: str
    unit: str = ""

    def __str__(self) -> str:
        return f"{self.label} {self.value}{self.unit}"


@dataclass(frozen=True, slots=True)
class Deduction:
    """Points lost, with the reason in the rule's own terms and the project's own numbers."""

    reason: str
    points: Decimal


@dataclass(frozen=True, slots=True)
class Explanation:
    rule_id: str
    rule_name: str
    family: str
    clause: str
    reading: str
    reading_label: str
    alternatives: tuple[tuple[str, str], ...]
    inputs: tuple[InputValue, ...]
    steps: tuple[str, ...]
    deductions: tuple[Deduction, ...]
    weight: Decimal
    result: Decimal
    # The part of an uncapped (不设上限) deduction beyond the indicator's own weight; it is
    # already inside ``result`` (which is then negative) and so keeps reducing the total.
    excess: Decimal = Decimal(0)
    notes: tuple[str, ...] = field(default=())

    @property
    def lost(self) -> Decimal:
        return self.weight - self.result
