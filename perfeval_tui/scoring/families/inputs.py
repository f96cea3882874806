"""Input specs: what an indicator under a rule reads, where it is kept, and how it is parsed.

A family lists its inputs as :class:`InputField` values; the wizard's forms, plain-mode prompts,
the sandbox and goal seek read and write them through the functions here, so none of them needs
to know a family. Numbers always go through the one parser (:func:`parse_number`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from ..model import FundRow, Indicator, RuleInputs
from ..numbers import NumberInputError, NumberKind, parse_number

InputKind = Literal["amount", "number", "choice", "tick", "count"]
Owner = Literal["fund", "indicator", "inputs"]

# Keys kept on the indicator itself rather than in its ``inputs``.
INDICATOR_KEYS = frozenset({"target", "actual", "direction"})


@dataclass(frozen=True, slots=True)
class InputField:
    """One input of a rule.

    - ``amount``: a 附表1 amount (``key`` is a :class:`FundRow` field, e.g. ``actual_spend``);
      the rule reads the 合计 row, so forms send the user to 附表1 or edit each fund row.
    - ``number``: ``target``/``actual`` (目标值/完成值) or any other key, kept in
      ``inputs.values`` (e.g. a judged score).
    - ``choice``: ``direction`` (正向/反向), ``level`` (评价等级) or another key, kept in
      ``inputs.choices``; ``options`` are (Chinese label, value), value ``""`` meaning not chosen.
    - ``tick``: one checklist item (``key`` the item id), kept in ``inputs.ticked``.
    - ``count``: how many times something was found (``key`` the clause id), ``inputs.counts``.
    """

    kind: InputKind
    key: str
    label: str  # Chinese, the form's own term: 完成值, 发现次数, 评价等级
    unit: str = ""  # 万元, 起, 分 …; for target/actual the indicator's own unit is used
    note: str = ""  # the rule's wording for this input, shown above it
    options: tuple[tuple[str, str], ...] = ()
    number_kind: NumberKind = "value"
    section: str = ""  # a heading shown before this input (the first of a group)
    subject: str = ""  # what is ticked or counted, in the rule's words (an item's, a clause's text)

    @property
    def owner(self) -> Owner:
        if self.kind == "amount":
            return "fund"
        if self.key in INDICATOR_KEYS and self.kind in ("number", "choice"):
            return "indicator"
        return "inputs"

    @property
    def attribute(self) -> str:
        """The attribute of the owner that holds this input."""
        if self.owner != "inputs":
            return self.key
        if self.kind == "tick":
            return "ticked"
        if self.kind == "count":
            return "counts"
        if self.kind == "choice":
            return "level" if self.key == "level" else "choices"
        return "values"


def read_input(indicator: Indicator, spec: InputField, fund: FundRow | None = None) -> Any:
    """The current value: Decimal or None, int, bool, or str ("" when not chosen)."""
    if spec.owner == "fund":
        return None if fund is None else getattr(fund, spec.key)
    if spec.owner == "indicator":
        return getattr(indicator, spec.key)
    inputs = indicator.inputs
    if spec.kind == "tick":
        return spec.key in inputs.ticked
    if spec.kind == "count":
        return inputs.counts.get(spec.key, 0)
    if spec.kind == "choice":
        return (inputs.level or "") if spec.key == "level" else inputs.choices.get(spec.key, "")
    return inputs.values.get(spec.key)


def tick_order(specs: Sequence[InputField]) -> list[str]:
    """The rule's tick keys in the rule's order (ticked items are kept in this order)."""
    return [spec.key for spec in specs if spec.kind == "tick"]


def updated_value(
    inputs: RuleInputs, spec: InputField, value: Any, order: Sequence[str] = ()
) -> Any:
    """The new value of ``spec.attribute`` on its owner once ``spec`` is set to ``value``.

    ``inputs`` are the indicator's current inputs; ``order`` is :func:`tick_order` of the rule.
    """
    if spec.owner != "inputs":
        return value
    if spec.kind == "tick":
        ticked = set(inputs.ticked)
        (ticked.add if value else ticked.discard)(spec.key)
        known = [key for key in order if key in ticked]
        return known + sorted(ticked.difference(known))
    if spec.kind == "count":
        counts = dict(inputs.counts)
        counts[spec.key] = int(value or 0)
        if not counts[spec.key]:
            del counts[spec.key]
        return counts
    if spec.kind == "choice":
        if spec.key == "level":
            return value or None
        choices = dict(inputs.choices)
        if value:
            choices[spec.key] = str(value)
        else:
            choices.pop(spec.key, None)
        return choices
    values = dict(inputs.values)
    if value is None:
        values.pop(spec.key, None)
    else:
        values[spec.key] = value
    return values


def parse_input(spec: InputField, text: str) -> Any:
    """The value typed for ``spec``; raises :class:`NumberInputError` (Chinese, naming the field).

    An empty text is None for numbers and 0 for counts.
    """
    text = text.strip()
    if spec.kind == "count":
        return int(parse_number(text, field=spec.label, kind="count")) if text else 0
    if spec.kind == "choice":
        values = [value for _label, value in spec.options]
        if text in values:
            return text
        labels = {label: value for label, value in spec.options}
        if text in labels:
            return labels[text]
        choices = "、".join(label for label, value in spec.options if value)
        raise NumberInputError(spec.label, f"请选择其中之一：{choices}", "value")
    if spec.kind == "tick":
        return text in ("是", "y", "Y", "1", "满足", "true")
    if not text:
        return None
    kind: NumberKind = "money" if spec.kind == "amount" else spec.number_kind
    number: Decimal = parse_number(text, field=spec.label, kind=kind)
    return number
