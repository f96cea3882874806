"""The explanation of a score, as data every surface renders (TUI, plain mode, CLI, xlsx, Markdown).

Numbers are computed eagerly; the sentences that show them are rendered only when a surface reads
them (``steps``, ``Deduction.reason``, ``InputValue.value``). Re-scoring a 1,000-indicator project
on every keystroke then costs only the arithmetic, not thousands of formatted strings. The records
are named tuples: immutable, and several times cheaper to build than frozen dataclasses.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import NamedTuple

from .numbers import fmt_percent, fmt_plain

Text = str | Callable[[], str]


def render(text: Text) -> str:
    return text if isinstance(text, str) else text()


class InputValue(NamedTuple):
    """One figure the rule read, e.g. 实际支出数 450 万元."""

    label: str
    raw: Decimal | str | int
    unit: str = ""
    percent: bool = False

    @property
    def value(self) -> str:
        if isinstance(self.raw, Decimal):
            return fmt_percent(self.raw) if self.percent else fmt_plain(self.raw)
        return str(self.raw)

    def __str__(self) -> str:
        return f"{self.label} {self.value}{self.unit}"


class Deduction(NamedTuple):
    """Points lost, with the reason in the rule's own terms and the project's own numbers."""

    text: Text
    points: Decimal

    @property
    def reason(self) -> str:
        return render(self.text)


class Explanation(NamedTuple):
    rule_id: str
    rule_name: str
    family: str
    clause: str
    reading: str
    reading_label: str
    alternatives: tuple[tuple[str, str], ...]
    input_source: tuple[InputValue, ...] | Callable[[], tuple[InputValue, ...]]
    step_source: tuple[Text, ...] | Callable[[], tuple[str, ...]]
    deductions: tuple[Deduction, ...]
    weight: Decimal
    result: Decimal
    # The part of an uncapped (不设上限) deduction beyond the indicator's own weight; it is
    # already inside ``result`` (which is then negative) and so keeps reducing the total.
    excess: Decimal = Decimal(0)

    @property
    def inputs(self) -> tuple[InputValue, ...]:
        """The figures the rule read, with their units."""
        source = self.input_source
        return source if isinstance(source, tuple) else source()

    @property
    def steps(self) -> tuple[str, ...]:
        """The arithmetic with the project's own numbers, one sentence per step."""
        source = self.step_source
        if isinstance(source, tuple):
            return tuple(render(step) for step in source)
        return source()

    @property
    def lost(self) -> Decimal:
        return self.weight - self.result
