"""The inputs one rule reads, as entry widgets over a :class:`~perfeval_tui.analysis.whatif.Sandbox`.

Used by the simulation sandbox and the rule-book calculator: 附表1 amounts for the rate rules,
目标值/完成值/方向 for the completion ratio, ticks, incident counts, a level, and the rule's
reading. :func:`apply_change` sends one widget's new value through the sandbox (the model's
validators and the one number parser, then the engine); nothing here computes a score.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Label, Select, Static

from ...analysis.paths import SimulationError
from ...analysis.whatif import Sandbox
from ...project.session import EditOutcome
from ...scoring.families import family_of, tick_order
from ...scoring.model import Indicator, Project
from ...scoring.numbers import fmt_plain
from ...scoring.reading_names import name_of_code, short_name
from ...scoring.ruleset import RuleSet, reading_options
from .field import FieldInput, FieldRow, Ref, display_value
from .indicator_inputs import ChoiceSelect, SpecInput, TickBox, tick_label

LABEL = 13
CHOICE_LABEL = 9


class RuleTick(TickBox):
    """A checklist item of one indicator."""

    def __init__(self, label: str, item_id: str, value: bool, indicator_id: str, **kw: Any) -> None:
        super().__init__(label, item_id, value, **kw)
        self.indicator_id = indicator_id


class ReadingSelect(Select[str]):
    """The reading of a rule for the whole project ("" is the rule set's default)."""

    def __init__(
        self, ruleset: RuleSet, rule_id: str, value: str, *, id: str | None = None
    ) -> None:
        rule = ruleset.rules[rule_id]
        options = reading_options(rule)
        choices = [("规则集默认：" + short_label(options[rule.reading]), "")]
        choices += [(short_label(label), code) for code, label in options.items()]
        super().__init__(choices, value=value, allow_blank=False, compact=True, id=id)
        self.rule_id = rule_id


reading_name = name_of_code  # one naming of readings for every surface
short_label = short_name


def value_input(ref: Ref, field: str, text: str, widget_id: str) -> FieldInput:
    return FieldInput(ref, field, text, id=widget_id, classes="-number")


def compose_inputs(
    project: Project, ruleset: RuleSet, indicator: Indicator, prefix: str, *, weight: bool = False
) -> ComposeResult:
    """Entry rows for what ``indicator``'s rule reads; widget ids start with ``prefix``."""
    rule = ruleset.rules[indicator.rule]
    ref = Ref("indicators", indicator.id)
    if weight:
        yield FieldRow(
            "权重",
            value_input(ref, "weight", fmt_plain(indicator.weight), f"{prefix}-weight"),
            unit="分",
            label_width=LABEL,
        )
    family = family_of(rule)
    specs = family.inputs(rule)
    if any(spec.kind == "amount" for spec in specs):
        for n, fund in enumerate(project.funds):
            if len(project.funds) > 1:
                yield Static(fund.name, classes="inputs-note")
            fund_ref = Ref("funds", fund.id)
            for spec in specs:
                if spec.kind != "amount":
                    continue
                text = display_value(getattr(fund, spec.key))
                widget = value_input(fund_ref, spec.key, text, f"{prefix}-fund{n}-{spec.key}")
                yield FieldRow(spec.label, widget, unit=spec.unit, label_width=LABEL)
    inputs_ref = Ref("inputs", indicator.id)
    ticks = counts = 0
    for spec in specs:
        if spec.kind == "amount":
            continue
        if spec.kind == "tick":
            if ticks == 0:
                yield Static("逐项计分（空格勾选＝满足）", classes="inputs-note")
            ticked = spec.key in indicator.inputs.ticked
            label = tick_label(spec)
            yield RuleTick(label, spec.key, ticked, indicator.id, id=f"{prefix}-tick-{ticks}")
            ticks += 1
            continue
        if spec.note:
            yield Static(spec.note, classes="inputs-note")
        if spec.owner == "indicator" and spec.kind == "number":
            text = display_value(getattr(indicator, spec.key))
            widget = value_input(ref, spec.key, text, f"{prefix}-{spec.key}")
            yield FieldRow(spec.label, widget, unit=indicator.unit, label_width=LABEL)
        elif spec.kind == "choice" and spec.key in ("direction", "level"):
            owner = ref if spec.key == "direction" else inputs_ref
            current = indicator.direction if spec.key == "direction" else indicator.inputs.level
            select = ChoiceSelect(
                owner, spec.key, list(spec.options), current or "", id=f"{prefix}-{spec.key}"
            )
            yield choice_row(spec.label, select)
        elif spec.kind in ("count", "number"):
            suffix = str(counts) if spec.kind == "count" else spec.key
            field = SpecInput(inputs_ref, spec, id=f"{prefix}-{spec.kind}-{suffix}")
            field.value = field.model_text(indicator.inputs)
            counts += spec.kind == "count"
            yield FieldRow(spec.label.split("（", 1)[0], field, unit=spec.unit, label_width=LABEL)
    if len(reading_options(rule)) > 1:
        chosen = project.readings.get(rule.id, "")
        yield choice_row("口径", ReadingSelect(ruleset, rule.id, chosen, id=f"{prefix}-reading"))
        if indicator.reading:
            yield Static(
                f"本指标另设口径「{name_of_code(indicator.reading)}」，以它为准（改上面的规则口径对它不起作用）",
                classes="inputs-note",
            )


def choice_row(label: str, select: Select[str]) -> Horizontal:
    title = Label(label, classes="field-label")
    title.styles.width = CHOICE_LABEL
    row = Horizontal(title, select, classes="choice-row")
    return row


INPUTS_CSS = """
.inputs-note { color: $text-muted; }
.choice-row { height: auto; }
.choice-row > Select { width: 1fr; }
"""


def apply_change(sandbox: Sandbox, widget: Widget, value: Any) -> str | None:
    """Send one widget's new value through the sandbox; the Chinese problem, or None."""
    project = sandbox.project
    try:
        if isinstance(widget, ReadingSelect):
            sandbox.set_reading(widget.rule_id, str(value) or None)
            return None
        if isinstance(widget, RuleTick):
            indicator = project.indicator(widget.indicator_id)
            rule = sandbox.ruleset.rules[indicator.rule]
            order = tick_order(family_of(rule).inputs(rule))
            ticked = widget.ticked_list(indicator.inputs, order)
            return sandbox.set_field(indicator.inputs, "ticked", ticked).error
        if isinstance(widget, ChoiceSelect):
            obj = widget.ref.resolve(project)
            return sandbox.set_field(obj, widget.field, widget.model_value(str(value))).error
        if isinstance(widget, FieldInput):
            obj = widget.ref.resolve(project)
            if widget.model_text(obj) == value:
                return None
            name, converted = widget.to_model(str(value), obj)
            if isinstance(converted, EditOutcome):  # the field's own conversion refused the text
                return converted.error
            return sandbox.set_field(obj, name, converted).error
    except SimulationError as exc:
        return str(exc)
    except KeyError:
        return None  # the row is gone (after a reset the form is rebuilt)
    return None
