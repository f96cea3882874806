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
from ...scoring.model import Indicator, Project
from ...scoring.numbers import fmt_plain
from ...scoring.reading_names import name_of_code, short_name
from ...scoring.ruleset import (
    ChecklistRule,
    CompletionRatioRule,
    GradedRule,
    IncidentRule,
    RuleSet,
    reading_options,
)
from .field import MONEY_CHARS, FieldInput, FieldRow, Ref, display_value
from .indicator_inputs import ChoiceSelect, CountInput, TickBox

RATE_FAMILIES = ("ceiling_rate", "floor_rate", "reference_rate")
FUND_FIELDS = (
    ("budget", "预算安排数"),
    ("increase", "预算调增数"),
    ("decrease", "预算调减数"),
    ("actual_spend", "实际支出数"),
    ("funds_arrived", "实际到位资金"),
)
VALUE_CHARS = r"[0-9０-９,，.．。 \u3000+\-－%％]*"
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


def value_input(ref: Ref, field: str, text: str, widget_id: str, chars: str) -> FieldInput:
    return FieldInput(ref, field, text, restrict=chars, id=widget_id, classes="-number")


def compose_inputs(
    project: Project, ruleset: RuleSet, indicator: Indicator, prefix: str, *, weight: bool = False
) -> ComposeResult:
    """Entry rows for what ``indicator``'s rule reads; widget ids start with ``prefix``."""
    rule = ruleset.rules[indicator.rule]
    ref = Ref("indicators", indicator.id)
    if weight:
        yield FieldRow(
            "权重",
            value_input(
                ref, "weight", fmt_plain(indicator.weight), f"{prefix}-weight", VALUE_CHARS
            ),
            unit="分",
            label_width=LABEL,
        )
    if rule.family in RATE_FAMILIES:
        for n, fund in enumerate(project.funds):
            if len(project.funds) > 1:
                yield Static(fund.name, classes="inputs-note")
            fund_ref = Ref("funds", fund.id)
            for field, title in FUND_FIELDS:
                text = display_value(getattr(fund, field))
                widget = value_input(
                    fund_ref, field, text, f"{prefix}-fund{n}-{field}", MONEY_CHARS
                )
                yield FieldRow(title, widget, unit="万元", label_width=LABEL)
    elif isinstance(rule, CompletionRatioRule):
        unit = indicator.unit
        for field, title in (("target", "目标值"), ("actual", "完成值")):
            text = display_value(getattr(indicator, field))
            widget = value_input(ref, field, text, f"{prefix}-{field}", VALUE_CHARS)
            yield FieldRow(title, widget, unit=unit, label_width=LABEL)
        directions = [("正向（越大越好）", "正向"), ("反向（越小越好）", "反向")]
        select = ChoiceSelect(
            ref, "direction", directions, indicator.direction, id=f"{prefix}-direction"
        )
        yield choice_row("方向", select)
    elif isinstance(rule, ChecklistRule):
        yield Static("逐项计分（空格勾选＝满足）", classes="inputs-note")
        for n, item in enumerate(rule.items):
            ticked = item.id in indicator.inputs.ticked
            label = f"{item.text}（{fmt_plain(item.points)} 分）"
            yield RuleTick(label, item.id, ticked, indicator.id, id=f"{prefix}-tick-{n}")
    elif isinstance(rule, IncidentRule):
        inputs_ref = Ref("inputs", indicator.id)
        for n, clause in enumerate(rule.clauses):
            cap = (
                "不设上限"
                if clause.uncapped
                else (f"扣完 {fmt_plain(clause.cap)} 分为止" if clause.cap is not None else "")
            )
            rule_line = f"{n + 1}.{clause.text}：每起扣 {fmt_plain(clause.points)} 分"
            yield Static(rule_line + (f"，{cap}" if cap else ""), classes="inputs-note")
            count = CountInput(
                inputs_ref, clause.id, f"发现次数（第 {n + 1} 条）", id=f"{prefix}-count-{n}"
            )
            count.value = count.model_text(indicator.inputs)
            yield FieldRow("发现次数", count, unit="起", label_width=LABEL)
    elif isinstance(rule, GradedRule):
        levels = [("（未评）", "")] + [
            (f"{k}（{fmt_plain(v * 100)}%）", k) for k, v in rule.levels.items()
        ]
        select = ChoiceSelect(
            Ref("inputs", indicator.id),
            "level",
            levels,
            indicator.inputs.level or "",
            id=f"{prefix}-level",
        )
        yield choice_row("评价等级", select)
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
.choice-row { height: 1; }
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
            order = [item.id for item in getattr(rule, "items", [])]
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
