"""The edit form of one indicator: 权重, 目标值, 完成值, unit, 正向/反向, the rule's own inputs
(checklist ticks, incident counts, a level), the reading, and a manual override with its reason.

The form is rebuilt when another indicator is selected; while typing, only the score lines change.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from decimal import Decimal

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Label, Static

from ...scoring.checks import DataWarning
from ...scoring.engine import ProjectScore
from ...scoring.families import InputField, family_of
from ...scoring.families.base import RuleBase
from ...scoring.families.graded import JUDGED, GradedRule, judged_error
from ...scoring.model import Indicator
from ...scoring.numbers import fmt2, fmt_plain
from ...scoring.reading_names import rule_reading_name
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
    ValueInput,
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
        self._lines: dict[str, list[Widget]] = {}  # found by _found; emptied by compose
        self.composed_rule: str | None = None  # the rule whose inputs the form shows

    def show_indicator(self, indicator: Indicator | None, result: ProjectScore) -> None:
        self.indicator = indicator
        self.result = result

    def compose(self) -> ComposeResult:
        self._lines = {}
        ind = self.indicator
        if ind is None or self.result is None:
            yield Static("在左侧指标树中选择一个指标（↑↓ 移动，回车编辑完成值）。Ctrl+N 新增指标。")
            return
        self.composed_rule = ind.rule
        rule = self.ruleset.rules[ind.rule]
        family = family_of(rule)
        specs = family.inputs(rule)
        ref = Ref("indicators", ind.id)
        yield LiveStatic(path_text(self.result, ind), classes="form-path", id="form-path")
        yield LiveStatic(score_text(self.result, ind.id), classes="form-score", id="form-score")
        yield LiveStatic(classes="form-warnings", id="form-warnings", hide_empty=True)
        yield FieldRow("名称", NameInput(ref, id="ind-name"), label_width=LABEL_WIDTH)
        yield FieldRow("权重", number(ref, "weight"), unit="分", label_width=LABEL_WIDTH)
        if ind.yearly:  # a cross-year indicator: each year's 目标值 and 完成值 are scored
            yield from year_rows(ind)
        else:
            yield from self._values(ind, ref, family.reads_budget)
        yield FieldRow("单位", FieldInput(ref, "unit", id="ind-unit"), label_width=LABEL_WIDTH)
        for spec in specs:
            if spec.key == "direction":
                options = list(spec.options)
                yield choice_row(
                    spec.label,
                    ChoiceSelect(ref, "direction", options, ind.direction, id="ind-direction"),
                )
        yield from self._rule_inputs(ind, rule, specs)
        readings = [("规则集默认：" + rule_reading_name(rule, rule.reading), "")]
        readings += [(rule_reading_name(rule, code), code) for code in reading_options(rule)]
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
        path = PathInput(ref, id="ind-path")
        if self.ruleset.skeleton:  # an example from this form's own groups
            path.placeholder = "例如 " + " / ".join(self.ruleset.skeleton[0])
        yield FieldRow("层级", path, label_width=LABEL_WIDTH)
        for field, title in (
            ("target_label", "目标值文字"),
            ("actual_label", "完成值文字"),
            ("explanation_text", "指标解释"),
            ("criteria_text", "评分标准"),
            ("remark", "备注"),
            *((("deviation", "偏差原因"),) if national(self.result) else ()),
        ):
            yield FieldRow(
                title, FieldInput(ref, field, id=f"ind-{field}"), label_width=LABEL_WIDTH
            )
        yield Static(id="menu-room")

    def _values(self, ind: Indicator, ref: Ref, reads_budget: bool) -> ComposeResult:
        """目标值, and 完成值 unless the rule reads it from the budget table."""
        target = ValueInput(ref, "target", id="ind-target", classes="-number")
        yield FieldRow("目标值", target, unit=ind.unit, label_width=LABEL_WIDTH)
        if reads_budget and self.result is not None:
            item = self.result.by_id(ind.id)
            yield Static(
                f"完成值由{'项目资金' if national(self.result) else '附表1 '}计算："
                f"{item.actual_display or '—'}（在第 2 步修改金额）",
                classes="form-note",
            )
        else:
            actual = ValueInput(ref, "actual", id="ind-actual", classes="-number")
            yield FieldRow("完成值", actual, unit=ind.unit, label_width=LABEL_WIDTH)

    def _rule_inputs(
        self, ind: Indicator, rule: RuleBase, specs: tuple[InputField, ...]
    ) -> ComposeResult:
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
                check = band_check(rule, ind) if spec.key == JUDGED else None
                field = SpecInput(ref, spec, check=check, id=f"input-{spec.key}")
                yield FieldRow(row_title(spec), field, unit=spec.unit, label_width=LABEL_WIDTH)

    def show_scores(self, result: ProjectScore, warnings: list[DataWarning] | None = None) -> None:
        self.result = result
        if self.indicator is None or not self.is_mounted:
            return
        mine = [f"{w.where}：{w.message}" for w in warnings or [] if w.row_id == self.indicator.id]
        for widget in self._live_lines("#form-warnings"):
            widget.set(warnings_text(mine))
        for widget in self._live_lines("#form-path"):
            widget.set(path_text(result, self.indicator))
        for widget in self._live_lines("#form-score"):
            with contextlib.suppress(KeyError):  # removed a moment ago
                widget.set(score_text(result, self.indicator.id))
        self._sync_typed_parts()

    def _live_lines(self, selector: str) -> list[LiveStatic]:
        """The form's live lines of ``selector``."""
        return [w for w in self._found(selector) if isinstance(w, LiveStatic)]

    def _found(self, selector: str) -> list[Widget]:
        """The form's widgets of ``selector``, looked up once per composed form (a query
        walks every widget of the form, on every keystroke)."""
        found = self._lines.get(selector)
        if found is None or any(not w.is_attached for w in found):
            found = list(self.query(selector))
            self._lines[selector] = found
        return found

    def _sync_typed_parts(self) -> None:
        """A target typed as written sets its text and may set the unit and the direction
        (≤30万元): show them in their own fields."""
        indicator = self.indicator
        if indicator is None:
            return
        for field in ("unit", "target_label", "actual_label"):
            for widget in self._found(f"#ind-{field}"):
                if isinstance(widget, FieldInput) and not widget.has_focus:
                    widget.set_quietly(getattr(indicator, field))
        for widget in self._found("#ind-direction"):
            if isinstance(widget, ChoiceSelect) and widget.value != indicator.direction:
                widget.value = indicator.direction
        # 完成值 按时完成 under a 定性 target picks the top 评价等级 (and another text unpicks it).
        level = indicator.inputs.level or ""
        for widget in self._found("#ind-level"):
            if isinstance(widget, ChoiceSelect) and widget.value != level:
                widget.value = level


def year_rows(ind: Indicator) -> ComposeResult:
    """The 目标值 and 完成值 of each year of a cross-year indicator, as on its form."""
    yield Static("分年度目标值与完成值", classes="form-section")
    for n, year in enumerate(ind.yearly):
        ref = Ref("yearly", f"{ind.id}/{n}")
        for field, title in (("target", "目标值"), ("actual", "完成值")):
            value = ValueInput(ref, field, id=f"year-{n}-{field}", classes="-number")
            yield FieldRow(f"{year.year}{title}", value, unit=ind.unit, label_width=LABEL_WIDTH)


def national(result: ProjectScore) -> bool:
    """The project files the national 项目支出绩效自评表."""
    return result.ruleset.id.startswith("national")


def band_check(rule: RuleBase, indicator: Indicator) -> Callable[[Decimal], str | None] | None:
    """For a 定性 rule with bands: the 评定得分 outside its band's range gets the range."""
    if not isinstance(rule, GradedRule):
        return None

    def check(judged: Decimal) -> str | None:
        return judged_error(rule, indicator.inputs.level, indicator.weight, judged)

    return check


def row_title(spec: InputField) -> str:
    """The row label: the input's name without its bracketed detail (发现次数（第 1 条）)."""
    return spec.label.split("（", 1)[0]


def number(ref: Ref, field: str) -> FieldInput:
    return FieldInput(ref, field, id=f"ind-{field}", classes="-number")


def choice_row(label: str, select: ChoiceSelect) -> Horizontal:
    return Horizontal(Label(label, classes="field-label"), select, classes="choice-row")
