"""The edit form of one indicator: 权重, 目标值, 完成值, unit, 正向/反向, the rule's own inputs
(checklist ticks, incident counts, a level), the reading, and a manual override with its reason.

The form is rebuilt when another indicator is selected; while typing, only the score lines change.
"""

from __future__ import annotations

import contextlib

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, Static

from ...scoring.checks import DataWarning
from ...scoring.engine import ProjectScore
from ...scoring.families import InputField, family_of
from ...scoring.model import Indicator
from ...scoring.numbers import fmt2, fmt_plain
from ...scoring.reading_names import reading_name
from ...scoring.ruleset import RuleSet, reading_options
from .field import FieldInput, FieldRow, Ref
from .form_scroll import FormScroll
from .indicator_inputs import (
    ChoiceSelect,
    NameInput,
    OverrideInput,
    PathInput,
    SpecInput,
    TickBox,
    tick_label,
)
from .live import LiveStatic, warnings_text
from .tick import MarkedCheckbox

LABEL_WIDTH = 10


def path_text(result: ProjectScore, indicator: Indicator) -> Text:
    """The levels above the indicator with each group's subtotal (from the engine)."""
    text = Text()
    levels = tuple(indicator.levels)
    for depth in range(1, len(levels)):
        try:
            group = result.group(*levels[:depth])
        except KeyError:
            continue
        if depth > 1:
            text.append(" > ", style="dim")
        text.append(levels[depth - 1])
        text.append(f" {fmt2(group.score)}/{fmt_plain(group.weight)}", style="dim")
    return text


def score_text(result: ProjectScore, indicator_id: str) -> Text:
    item = result.by_id(indicator_id)
    text = Text()
    style = "bold red" if item.lost > 0 else "bold green"
    text.append(f"得分 {fmt2(item.score)} / {fmt2(item.weight)}", style=style)
    if item.lost > 0:
        text.append(f"  失分 {fmt2(item.lost)}", style="red")
    if item.overridden:
        text.append(f"（人工评分；计算得分 {fmt2(item.computed_score)}）", style="italic")
    return text


class IndicatorForm(FormScroll):
    DEFAULT_CSS = """
    IndicatorForm { padding: 0 1; }
    /* A choice's menu open: room under the last field, so that the choice can scroll to the
       top and its menu open below it, clear of the status lines. */
    IndicatorForm #menu-room { display: none; height: 12; }
    IndicatorForm.-menu-open #menu-room { display: block; }
    IndicatorForm .form-path { color: $text-muted; }
    IndicatorForm .form-score { margin-bottom: 1; }
    IndicatorForm .form-warnings { color: $warning; margin-bottom: 1; }
    IndicatorForm .form-section { margin-top: 1; text-style: bold; color: $accent; }
    IndicatorForm .form-note { color: $text-muted; }
    IndicatorForm Checkbox { width: 100%; height: auto; }
    IndicatorForm Select { width: 1fr; }
    IndicatorForm .choice-row { height: auto; }  /* a long rule name folds, never cut */
    IndicatorForm .choice-row > .field-label { width: 10; }
    """

    def __init__(self, ruleset: RuleSet, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ruleset = ruleset
        self.indicator: Indicator | None = None
        self.result: ProjectScore | None = None

    def show_indicator(self, indicator: Indicator | None, result: ProjectScore) -> None:
        self.indicator = indicator
        self.result = result

    def compose(self) -> ComposeResult:
        ind = self.indicator
        if ind is None or self.result is None:
            yield Static("在左侧指标树中选择一个指标（↑↓ 移动，回车编辑完成值）。Ctrl+N 新增指标。")
            return
        rule = self.ruleset.rules[ind.rule]
        family = family_of(rule)
        specs = family.inputs(rule)
        ref = Ref("indicators", ind.id)
        yield LiveStatic(path_text(self.result, ind), classes="form-path", id="form-path")
        yield LiveStatic(score_text(self.result, ind.id), classes="form-score", id="form-score")
        yield LiveStatic(classes="form-warnings", id="form-warnings", hide_empty=True)
        yield FieldRow("名称", NameInput(ref, id="ind-name"), label_width=LABEL_WIDTH)
        yield FieldRow("权重", number(ref, "weight"), unit="分", label_width=LABEL_WIDTH)
        yield FieldRow("目标值", number(ref, "target"), unit=ind.unit, label_width=LABEL_WIDTH)
        if family.reads_budget:
            item = self.result.by_id(ind.id)
            yield Static(
                f"完成值由附表1 计算：{item.actual_display or '—'}（在第 2 步修改金额）",
                classes="form-note",
            )
        else:
            yield FieldRow("完成值", number(ref, "actual"), unit=ind.unit, label_width=LABEL_WIDTH)
        yield FieldRow("单位", FieldInput(ref, "unit", id="ind-unit"), label_width=LABEL_WIDTH)
        for spec in specs:
            if spec.key == "direction":
                options = list(spec.options)
                yield choice_row(
                    spec.label,
                    ChoiceSelect(ref, "direction", options, ind.direction, id="ind-direction"),
                )
        yield from self._rule_inputs(ind, specs)
        readings = [("规则集默认：" + reading_name(rule.family, rule.reading), "")]
        readings += [(reading_name(rule.family, code), code) for code in reading_options(rule)]
        if len(readings) > 2:
            yield choice_row(
                "口径", ChoiceSelect(ref, "reading", readings, ind.reading or "", id="ind-reading")
            )
        # Only the rules that apply to the indicator's group: no 预算调整率 for a 个性指标.
        usable = {*self.ruleset.rules_for(ind.levels), ind.rule}
        rules = [(r.name, r.id) for r in self.ruleset.rules.values() if r.id in usable]
        yield choice_row("评分规则", ChoiceSelect(ref, "rule", rules, ind.rule, id="ind-rule"))
        yield Static("人工评分", classes="form-section")
        toggle = MarkedCheckbox(
            "使用人工评分（须写明理由）", ind.override is not None, id="override-on", compact=True
        )
        yield toggle
        score = OverrideInput(ref, "score", lambda: toggle.value, id="override-score")
        reason = OverrideInput(ref, "reason", lambda: toggle.value, id="override-reason")
        score.partner, reason.partner = reason, score
        yield FieldRow("分数", score, unit="分", label_width=LABEL_WIDTH)
        yield FieldRow("理由", reason, label_width=LABEL_WIDTH)
        yield Static("附表2 文字", classes="form-section")
        yield FieldRow("层级", PathInput(ref, id="ind-path"), label_width=LABEL_WIDTH)
        for field, title in (
            ("target_label", "目标值文字"),
            ("actual_label", "完成值文字"),
            ("explanation_text", "指标解释"),
            ("criteria_text", "评分标准"),
            ("remark", "备注"),
            *(
                (("deviation", "偏差原因"),)
                if self.result.ruleset.id.startswith("national")
                else ()
            ),
        ):
            yield FieldRow(
                title, FieldInput(ref, field, id=f"ind-{field}"), label_width=LABEL_WIDTH
            )
        yield Static(id="menu-room")

    def _rule_inputs(self, ind: Indicator, specs: tuple[InputField, ...]) -> ComposeResult:
        """The rule's own inputs from its family's input spec (目标值/完成值/方向 are above)."""
        ref = Ref("inputs", ind.id)
        ticks = counts = 0
        for spec in specs:
            if spec.kind == "amount" or spec.owner == "indicator":
                continue
            if spec.section:
                yield Static(spec.section, classes="form-section")
            if spec.note:
                yield Static(spec.note, classes="form-note")
            if spec.kind == "tick":
                ticked = spec.key in ind.inputs.ticked
                yield TickBox(tick_label(spec), spec.key, ticked, id=f"tick-{ticks}")
                ticks += 1
            elif spec.kind == "choice" and spec.key == "level":
                select = ChoiceSelect(
                    ref, "level", list(spec.options), ind.inputs.level or "", id="ind-level"
                )
                yield choice_row(spec.label, select)
            elif spec.kind == "count":
                field = SpecInput(ref, spec, id=f"count-{counts}")
                counts += 1
                yield FieldRow(row_title(spec), field, unit=spec.unit, label_width=LABEL_WIDTH)
            elif spec.kind == "number":
                field = SpecInput(ref, spec, id=f"input-{spec.key}")
                yield FieldRow(row_title(spec), field, unit=spec.unit, label_width=LABEL_WIDTH)

    def show_scores(self, result: ProjectScore, warnings: list[DataWarning] | None = None) -> None:
        self.result = result
        if self.indicator is None or not self.is_mounted:
            return
        mine = [f"{w.where}：{w.message}" for w in warnings or [] if w.row_id == self.indicator.id]
        for widget in self.query("#form-warnings"):
            if isinstance(widget, LiveStatic):
                widget.set(warnings_text(mine))
        for widget in self.query("#form-path"):
            if isinstance(widget, LiveStatic):
                widget.set(path_text(result, self.indicator))
        for widget in self.query("#form-score"):
            if isinstance(widget, LiveStatic):
                with contextlib.suppress(KeyError):  # removed a moment ago
                    widget.set(score_text(result, self.indicator.id))


def row_title(spec: InputField) -> str:
    """The row label: the input's name without its bracketed detail (发现次数（第 1 条）)."""
    return spec.label.split("（", 1)[0]


def number(ref: Ref, field: str) -> FieldInput:
    return FieldInput(ref, field, id=f"ind-{field}", classes="-number")


def choice_row(label: str, select: ChoiceSelect) -> Horizontal:
    return Horizontal(Label(label, classes="field-label"), select, classes="choice-row")
