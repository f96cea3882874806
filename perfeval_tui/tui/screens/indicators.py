"""Step 4 绩效指标 (附表2): the tree of levels on the left, the selected indicator's form on the
right, its explanation under (80 columns, F4) or beside (≥120 columns) them."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Checkbox, Select, Tree

from ...project.factory import new_indicator
from ...project.session import EditOutcome
from ...project.structure import (
    add_indicator,
    group_skeleton,
    move_row,
    new_indicator_group,
    remove_row,
)
from ...scoring.engine import IndicatorScore
from ...scoring.families import family_of, tick_order
from ...scoring.inputs_check import known_inputs
from ...scoring.model import Indicator, Project
from .. import keymap
from ..widgets.field import FieldInput
from ..widgets.indicator_form import IndicatorForm
from ..widgets.indicator_inputs import (
    MENU_OPEN,
    ChoiceSelect,
    OverrideInput,
    PathInput,
    TickBox,
    ValueInput,
)
from ..widgets.indicator_tree import IndicatorTree
from .base import StepScreen


class IndicatorsScreen(StepScreen):
    STEP = "indicators"
    PASTE_TABLE = "indicators"
    back_to_grid = False  # the form was opened from the table (F12): Esc goes back there
    BINDINGS = keymap.bindings(keymap.INDICATOR_KEYS)
    DEFAULT_CSS = """
    IndicatorsScreen #ind-split { height: 1fr; }
    IndicatorsScreen IndicatorTree { width: 34; height: 1fr; border-right: solid $primary 50%; }
    IndicatorsScreen.-wide IndicatorTree { width: 47%; min-width: 36; }  /* 200 columns: 61 */
    IndicatorsScreen.-small IndicatorTree { width: 24; }
    IndicatorsScreen IndicatorForm { width: 1fr; height: 1fr; }
    """
    # Under 80 columns the tree gives the form room for its choices and units (60x20 fits).
    HORIZONTAL_BREAKPOINTS = [(0, "-small"), (80, "-narrow"), (120, "-wide")]

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="ind-split"):
            yield IndicatorTree(linux=self.wizard.linux, id="ind-tree")
            yield IndicatorForm(self.ws.session.ruleset, id="ind-form")

    @property
    def indicator_tree(self) -> IndicatorTree:
        return self.query_one(IndicatorTree)

    @property
    def form(self) -> IndicatorForm:
        return self.query_one(IndicatorForm)

    def build_views(self) -> None:
        self.indicator_tree.build(self.ws.session.result, group_skeleton(self.ws.project))

    def mounted(self) -> None:
        first = self.ws.project.indicators[0].id if self.ws.project.indicators else None
        if not self.take_pending_indicator() and first is not None:
            self.indicator_tree.select_indicator(first)
        self.indicator_tree.focus()

    def resumed(self) -> None:
        self.indicator_tree.relabel(self.ws.session.result, set(self.indicator_tree.leaves))
        self.take_pending_indicator()

    def take_pending_indicator(self) -> bool:
        """Select the indicator the palette (or another step) asked for, if any."""
        pending = self.wizard.pending_indicator
        self.wizard.pending_indicator = None
        if pending is None or not self.indicator_tree.select_indicator(pending):
            return False
        self.indicator_tree.focus()
        return True

    # ----- selection ----------------------------------------------------------------------

    def focused_indicator_id(self) -> str | None:
        selected = self.selected
        return selected.id if selected is not None else None

    @property
    def selected(self) -> Indicator | None:
        indicator = self.form.indicator
        if indicator is None or not self.ws.holds(indicator):
            return None
        return indicator

    @on(Tree.NodeHighlighted)
    async def _highlighted(self, event: Tree.NodeHighlighted[str | None]) -> None:
        indicator_id = event.node.data
        if indicator_id is None:
            return
        if self.form.indicator is not None and self.form.indicator.id == indicator_id:
            return
        await self.load_form(self.ws.project.indicator(indicator_id))
        self.wizard.remember_position()

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected[str | None]) -> None:
        # Enter on an indicator: straight to its 完成值 (or the first field it has).
        if event.node.data is not None:
            self.focus_form_field(None)

    def focus_form_field(self, widget_id: str | None) -> None:
        """Focus ``widget_id`` in the form, or the indicator's 完成值 (or first input) without it."""
        selectors = (
            "#ind-actual",
            "#year-0-actual",
            "#tick-0",
            "#count-0",
            "#ind-level",
            "#ind-target",
        )
        for selector in ((f"#{widget_id}",) if widget_id else ()) + selectors:
            found = self.form.query(selector)
            if found:
                found.first().focus()
                return

    def action_back_to_tree(self) -> None:
        if self.back_to_grid:
            self.action_open_grid()
            return
        self.indicator_tree.focus()

    # ----- the table (screens/indicator_grid.py) ------------------------------------------

    def action_open_grid(self) -> None:
        from .indicator_grid import IndicatorGridScreen

        self.back_to_grid = False
        self.wizard.save_now()
        self.app.push_screen(IndicatorGridScreen(self.focused_indicator_id()))

    async def open_from_grid(self, indicator_id: str, column: str | None) -> None:
        """F12 in the table: this indicator's form, on the field of the table's column."""
        self.back_to_grid = True
        await self.rebuild_tree(indicator_id)
        await self.load_form(self.ws.project.indicator(indicator_id))
        fields = {
            "name": "ind-name",
            "weight": "ind-weight",
            "target": "ind-target",
            "unit": "ind-unit",
            "levels": "ind-path",
        }
        self.focus_form_field(fields.get(column or ""))

    async def rows_pasted(self, ids: list[str]) -> None:
        await self.rebuild_tree(ids[0] if ids else None)
        if ids:
            await self.load_form(self.ws.project.indicator(ids[0]))

    async def action_previous_indicator(self) -> None:
        await self._step_indicator(-1)

    async def action_next_indicator(self) -> None:
        await self._step_indicator(1)

    async def _step_indicator(self, step: int) -> None:
        """PgUp/PgDn: the previous/next indicator in tree order, staying in the same field."""
        current = self.selected
        ids = list(self.indicator_tree.leaves)
        if current is None or current.id not in ids:
            return
        index = ids.index(current.id) + step
        if not 0 <= index < len(ids):
            self.notify("已是第一个指标。" if step < 0 else "已是最后一个指标。", timeout=2)
            return
        focused = self.focused
        in_form = focused is not None and self.form in focused.ancestors
        field_id = focused.id if in_form and focused is not None else None
        self.wizard.save_now()
        await self.load_form(self.ws.project.indicator(ids[index]))
        self.indicator_tree.select_indicator(ids[index])
        self.wizard.remember_position()
        if in_form:
            self.focus_form_field(field_id)

    async def load_form(self, indicator: Indicator | None) -> None:
        self.form.show_indicator(indicator, self.ws.session.result)
        self.form.remove_class(MENU_OPEN)  # a choice's menu closed by the rebuild
        await self.form.recompose()
        self.form.scroll_home(animate=False)
        if indicator is not None:
            for field in self.form.query(FieldInput):
                obj = field.ref.resolve(self.ws.project)
                field.set_quietly(field.model_text(obj))
            self._sync_override_fields()
            self.form.show_scores(self.ws.session.result, self.ws.session.warnings)
            self.lock_if_read_only()
        self.update_explanation(self.focused)

    # ----- edits --------------------------------------------------------------------------

    def show_result(self, outcome: EditOutcome | None) -> None:
        super().show_result(outcome)
        result = self.ws.session.result
        if outcome is None:
            ids = set(self.indicator_tree.leaves)
        else:
            ids = {change.indicator_id for change in outcome.changes}
            if self.selected is not None:
                ids.add(self.selected.id)  # its name may have changed
        self.indicator_tree.relabel(result, ids)
        self.form.show_scores(result, self.ws.session.warnings)
        if outcome is None and self.rule_moved():  # back from the table (F12) or a dialog
            self.call_later(self.show_rule_moved)

    def rule_moved(self) -> bool:
        indicator = self.selected
        return indicator is not None and self.form.composed_rule not in (None, indicator.rule)

    async def show_rule_moved(self) -> None:
        """A 目标值/完成值 typed without a number made the indicator 定性 (or a number took it
        back): the form again with that rule's inputs (评价等级), the focus where it is."""
        indicator = self.selected
        if indicator is None or not self.rule_moved():
            return
        focused = self.focused
        in_form = focused is not None and self.form in focused.ancestors
        field_id = focused.id if in_form and focused is not None else None
        await self.load_form(indicator)
        if in_form:
            self.focus_form_field(field_id)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        # StepScreen's own handler (apply, save) runs as well: Textual calls each class's.
        if isinstance(event.widget, ValueInput) and self.rule_moved():
            self.call_later(self.show_rule_moved)

    def apply_field(self, field: FieldInput, text: str) -> None:
        super().apply_field(field, text)
        if isinstance(field, PathInput) and not field.has_class("-invalid"):
            self.call_later(self.rebuild_tree, field.ref.row_id)

    async def rebuild_tree(self, select: str | None) -> None:
        self.indicator_tree.build(self.ws.session.result, group_skeleton(self.ws.project))
        if select is not None:
            self.indicator_tree.select_indicator(select)

    @on(Checkbox.Changed)
    def _checkbox(self, event: Checkbox.Changed) -> None:
        indicator = self.selected
        if indicator is None:
            return
        event.stop()
        box = event.checkbox
        if isinstance(box, TickBox):
            rule = self.ws.session.ruleset.rules[indicator.rule]
            order = tick_order(family_of(rule).inputs(rule))
            ticked = box.ticked_list(indicator.inputs, order)
            if ticked != indicator.inputs.ticked:
                self.apply_value(indicator.inputs, "ticked", ticked)
        elif box.id == "override-on":
            self._sync_override_fields()
            if not box.value and indicator.override is not None:
                self.apply_value(indicator, "override", None)
            elif box.value:
                score = self.form.query_one("#override-score", OverrideInput)
                self.apply_field(score, score.value)

    def _sync_override_fields(self) -> None:
        boxes = self.form.query("#override-on")
        if not boxes:
            return
        enabled = bool(boxes.first(Checkbox).value)
        for field in self.form.query(OverrideInput):
            field.disabled = not enabled
            if not enabled:
                field.show_error(None)

    @on(Select.Changed)
    async def _select(self, event: Select.Changed) -> None:
        indicator = self.selected
        select = event.select
        if indicator is None or not isinstance(select, ChoiceSelect):
            return
        event.stop()
        value = select.model_value(str(event.value))
        obj = select.ref.resolve(self.ws.project)
        if getattr(obj, select.field) == value:
            return
        outcome = self.apply_value(obj, select.field, value)
        if outcome.ok and select.field == "rule":
            rule = self.ws.session.ruleset.rules.get(indicator.rule)
            kept = indicator.inputs if rule is None else known_inputs(rule, indicator.inputs)
            if kept is not indicator.inputs:  # ticks and counts of the old rule do not carry over
                self.apply_value(indicator, "inputs", kept)
            await self.load_form(indicator)  # another rule asks for other inputs
            self.form.query_one("#ind-rule").focus()
            self.refresh_bindings()  # the menu went with the old form: no 关闭菜单 in the footer

    # ----- explanation and F3 -------------------------------------------------------------

    def explain_target(self, widget: Widget | None) -> tuple[IndicatorScore | None, str] | None:
        indicator = self.selected
        if indicator is None:
            return None, "在指标树中选择一个指标。"
        return self.ws.session.result.by_id(indicator.id), ""

    def rule_for_focus(self) -> str | None:
        indicator = self.selected
        return indicator.rule if indicator is not None else None

    # ----- add, remove, move --------------------------------------------------------------

    async def action_add_row(self) -> None:
        current = self.selected
        ruleset = self.ws.session.ruleset
        # The group of the highlighted tree node (a group, or an indicator's group).
        node = self.indicator_tree.cursor_node
        highlighted = self.indicator_tree.group_of(node)
        group = new_indicator_group(self.ws.project, ruleset, current, highlighted)
        indicator = new_indicator(ruleset, [*group, "新指标"])
        on_leaf = node is not None and current is not None and node.data == current.id

        def add(project: Project) -> None:
            add_indicator(project, indicator, beside=current if on_leaf else None)

        if await self._restructure(add, indicator.id):
            self.form.query_one("#ind-name", FieldInput).focus()
            self.notify("已新增指标：先填写名称、权重、目标值和完成值。", timeout=4)

    def action_remove_row(self) -> None:
        current = self.selected
        if current is None:
            self.notify("先在指标树中选择要删除的指标。", timeout=3)
            return
        from ..dialogs.confirm import ConfirmDialog

        items = self.ws.project.indicators
        index = items.index(current)
        neighbour = (
            items[index + 1]
            if index + 1 < len(items)
            else (items[index - 1] if index > 0 else None)
        )

        async def answered(yes: bool | None) -> None:
            if yes:
                await self._restructure(
                    lambda p: remove_row(p, "indicators", current.id),
                    neighbour.id if neighbour else None,
                )

        self.app.push_screen(
            ConfirmDialog(f"删除指标「{current.name}」（权重 {current.weight} 分）？"), answered
        )

    async def action_move_up(self) -> None:
        await self._move(-1)

    async def action_move_down(self) -> None:
        await self._move(1)

    async def _move(self, step: int) -> None:
        current = self.selected
        if current is None:
            return
        items = self.ws.project.indicators
        index = items.index(current)
        group = current.levels[:-1]
        others = range(index + step, len(items) if step > 0 else -1, step)
        if not any(items[i].levels[:-1] == group for i in others):
            where = "最前" if step < 0 else "最后"
            self.notify(f"已在本组{where}。要移到别的组，请修改「层级」。", timeout=4)
            return
        await self._restructure(lambda p: move_row(p, "indicators", current.id, step), current.id)

    async def _restructure(self, change: object, select: str | None) -> bool:
        outcome = self.ws.restructure(change)  # type: ignore[arg-type]
        if not outcome.ok:
            self.notify(outcome.error or "", severity="warning")
            return False
        self.wizard.save_now()
        self.show_result(outcome)
        await self.rebuild_tree(select)
        if select is None:
            await self.load_form(None)
        else:
            await self.load_form(self.ws.project.indicator(select))
        self.indicator_tree.focus()
        return True
