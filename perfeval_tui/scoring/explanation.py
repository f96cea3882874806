"""The explanation of a score, as data every surface renders (TUI, plain mode, CLI, xlsx, Markdown).

Numbers are computed eagerly; the sentences that show them are rendered only when a surface reads
them (``steps``, ``Deduction.reason``, ``InputValue.value``). Re-scoring a 1,000-indicator project
on every keystroke then costs only the arithmetic, not thousands of formatted strings. The records
are named tuples: immutable, and several times cheaper to build than frozen dataclasses.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, NamedTuple, Protocol

from .numbers import fmt_percent, fmt_plain


class Describer(Protocol):
    """An outcome that can put itself into words: a rule's arithmetic result, rendered on demand.

    Holding the outcome instead of closures keeps a re-score to a few allocations per indicator.
    """

    def inputs(self) -> tuple[InputValue, ...]: ...

    def steps(self) -> tuple[str, ...]: ...

    def reason(self) -> str: ...


Text = str | Callable[[], str] | Describer


def render(text: Text) -> str:
    if isinstance(text, str):
        return text
    if callable(text):
        return text()
    return text.reason()


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
    rule: Any  # the rule set's rule (a pydantic model of one family); see ``rule_id`` etc.
    clause: str  # the 评分标准 text shown: the indicator's own, else the rule's
    reading: str
    input_source: tuple[InputValue, ...] | Describer
    step_source: tuple[Text, ...] | Describer
    deductions: tuple[Deduction, ...]
    weight: Decimal
    result: Decimal
    # The part of an uncapped (不设上限) deduction beyond the indicator's own weight; it is
    # already inside ``result`` (which is then negative) and so keeps reducing the total.
    excess: Decimal = Decimal(0)

    @property
    def rule_id(self) -> str:
        return str(self.rule.id)

    @property
    def rule_name(self) -> str:
        return str(self.rule.name)

    @property
    def family(self) -> str:
        return str(self.rule.family)

    @property
    def reading_label(self) -> str:
        return _readings(self.rule)[self.reading]

    @property
    def alternatives(self) -> tuple[tuple[str, str], ...]:
        """The other readings of this rule: (code, Chinese label)."""
        options = _readings(self.rule)
        return tuple((code, label) for code, label in options.items() if code != self.reading)

    @property
    def inputs(self) -> tuple[InputValue, ...]:
        """The figures the rule read, with their units."""
        source = self.input_source
        # ``type() is tuple``: a Describer may itself be a named tuple.
        return source if type(source) is tuple else source.inputs()  # type: ignore[union-attr]

    @property
    def steps(self) -> tuple[str, ...]:
        """The arithmetic with the project's own numbers, one sentence per step."""
        source = self.step_source
        if type(source) is tuple:
            return tuple(render(step) for step in source)
        return source.steps()  # type: ignore[union-attr]

    @property
    def lost(self) -> Decimal:
        return self.weight - self.result


def _readings(rule: Any) -> Mapping[str, str]:
    from .families.registry import readings_of  # the registry's families import this module

    return readings_of(rule)
