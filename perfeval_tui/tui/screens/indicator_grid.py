"""Step 4 as a spreadsheet: 附表2 one row per indicator, edited cell by cell.

Arrows move; Enter (or typing) edits the cell in the edit line under the grid; Enter commits and
moves down, Tab commits and moves right, and Enter after a run of Tabs goes back to the column the
run started in, on the next row. Every committed cell goes through the edit session (the one edit
path), so the score, the checks, saving and the score bar behave as in the indicator form.
F12 opens the full form of the current indicator (rule inputs, texts); Esc there comes back here.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from textual import events
from textual.widget import Widget

from ...project.factory import new_indicator
from ...project.paste import rule_for_name
from ...project.session import EditOutcome
from ...project.structure import (
    add_indicator,
    categories,
    group_paths,
    new_indicator_group,
    remove_row,
)
from ...scoring.engine import IndicatorScore
from ...scoring.families import family_of
from ...scoring.model import Indicator, Project
from .. import keymap
from ..host import PendingIndicator
from ..widgets.data_grid import GridColumn
from ..widgets.indicator_grid import IndicatorGrid, edit_text
from .grid_step import GridStepScreen

NEW_NAME = "新指标"


class IndicatorGridScreen(GridStepScreen):
    STEP = "indicators"
    PASTE_TABLE = "indicators"
    BINDINGS = keymap.bindings(keymap.GRID_KEYS)
    HINT = "回车/输入文字 编辑  Tab 右移  F12 完整表单  Ctrl+N 新增  Esc 指标树"
    EMPTY = "表中还没有指标。按 Ctrl+N 新增，或粘贴 WPS/Excel 中的行。"

    def __init__(self, indicator_id: str | None = None) -> None:
        super().__init__()
        self.start_id = indicator_id
        self.add_after: str | None = None  # the row just committed (see ``committed``)

    def make_grid(self) -> IndicatorGrid:
        return IndicatorGrid(
            self.start_edit,
            self.fill_grid,
            width=self.app.size.width,
            moved=self.moved_on_purpose,
            id="grid",
        )

    # ----- which group Ctrl+N adds to ------------------------------------------------------
    # Enter commits a row and moves down, maybe onto the next group's first row (the form's own
    # 社会满意度): the next Ctrl+N still adds beside the row just committed, in its group, so
    # rows typed one after another stay together. A key that moves the cursor (arrows, Tab on
    # the table) ends that: Ctrl+N then adds beside the row under the cursor.

    def committed(self, row_id: str, how: str) -> None:
        self.add_after = row_id

    def moved_on_purpose(self) -> None:
        self.add_after = None

    def show_cell(self, message: str | None = None, *, error: bool = False) -> None:
        after = self.add_after
        if message is None and after is not None and self.grid.current_id != after:
            with suppress(KeyError):  # say where the next row goes, while it is not the cursor's
                row = self.ws.find_indicator(after)
                group = "/".join(row.levels[1:-1]) or row.levels[0]
                message = f"Ctrl+N 接着在「{group}」中新增（移动光标后按光标所在行）"
        super().show_cell(message, error=error)

    @property
    def grid(self) -> IndicatorGrid:
        return self.query_one(IndicatorGrid)

    def mounted(self) -> None:
        super().mounted()
        if self.start_id is not None:
            self.grid.go_to(self.start_id, "actual")
            self.show_cell()

    def fill_grid(self) -> None:
        """Show every indicator again (after a structural change, or new column widths)."""
        self.grid.fill(self.ws.project.indicators, self.ws.session.result)

    # ----- where the cursor is ------------------------------------------------------------

    @property
    def selected(self) -> Indicator | None:
        indicator_id = self.grid.current_id
        if indicator_id is None:
            return None
        try:
            return self.ws.find_indicator(indicator_id)
        except KeyError:
            return None

    def focused_indicator_id(self) -> str | None:
        return self.grid.current_id

    def rule_for_focus(self) -> str | None:
        indicator = self.selected
        return indicator.rule if indicator is not None else None

    def explain_target(self, widget: Widget | None) -> tuple[IndicatorScore | None, str] | None:
        indicator = self.selected
        if indicator is None:
            return None, "表中还没有指标。按 Ctrl+N 新增，或粘贴 WPS/Excel 中的行。"
        return self.ws.session.result.by_id(indicator.id), ""

    def row_name(self, row_id: str) -> str:
        try:
            return self.ws.find_indicator(row_id).name
        except KeyError:
            return ""

    def cell_text(self, row_id: str, column: GridColumn) -> str:
        indicator = self.selected
        if indicator is None:
            return ""
        if column.key == "score":
            return "由评分规则计算；人工评分、勾选和发现次数请按 F12 在完整表单中填写"
        return edit_text(indicator, column.key)

    def show_result(self, outcome: EditOutcome | None) -> None:
        super().show_result(outcome)
        if outcome is not None and self.is_mounted:
            self.grid.show_scores(self.ws.session.result, {c.indicator_id for c in outcome.changes})

    # ----- editing ------------------------------------------------------------------------

    def take_cell(self, row_id: str, column: GridColumn, typed: str | None) -> bool:
        indicator = self.selected
        if indicator is None:
            return True
        if column.key == "score":
            self.action_open_form()
            return True
        if column.key == "levels":
            self.pick_group(indicator, typed or "")
            return True
        rule = self.ws.session.ruleset.rules.get(indicator.rule)
        if column.key == "actual" and rule is not None and family_of(rule).reads_budget:
            self.show_cell_error("此完成值由附表1 计算，请在第 2 步（预算执行）修改金额。")
            return True
        return False

    def commit(self, row_id: str, key: str, text: str) -> str | None:
        """Send one cell's text through the edit session; the Chinese message if refused."""
        indicator = self.ws.find_indicator(row_id)
        text = text.strip()
        changes: list[tuple[str, Any]]
        if key == "name":
            if not text:
                return "「指标名称」不能为空。请输入指标名称，例如 监控建成数量"
            changes = [("levels", [*indicator.levels[:-1], text])]
            ruleset = self.ws.session.ruleset
            if indicator.name == NEW_NAME and indicator.rule == ruleset.default_rule:
                changes.append(("rule", rule_for_name(ruleset, text)))  # 满意度: its own rule
        else:
            # 目标值/完成值 as written (≥95%, 82.5%, 按时完成) too: the edit session reads the
            # operator, the unit and a 定性 text, and refuses a unit not the indicator's.
            changes = [(key, text)]
        for field, value in changes:
            if getattr(indicator, field) == value:
                continue
            outcome = self.apply_value(indicator, field, value)
            if not outcome.ok:
                return outcome.error or ""
        structural = any(field == "levels" for field, _ in changes)
        if structural:
            self.grid.fill(self.ws.project.indicators, self.ws.session.result)
        else:
            self.grid.show_row(indicator, self.ws.session.result)
        return None

    def row_restored(self, row_id: str) -> None:
        with suppress(KeyError):
            self.grid.show_row(self.ws.find_indicator(row_id), self.ws.session.result)

    def pick_group(self, indicator: Indicator, typed: str) -> None:
        from ..dialogs.group_picker import GroupPicker

        # The project's groups and the form's own (社会效益指标 under 效益指标), even when empty.
        groups = group_paths(self.ws.project)
        known = {g[0] for g in groups if g}
        extra = [(c,) for c in categories(self.ws.session.ruleset) if c not in known]

        def chosen(path: list[str] | None) -> None:
            self.grid.editor = None
            self.grid.focus()
            if path is None or path == indicator.levels[:-1]:
                self.show_cell()
                return
            self.ws.begin_field()
            outcome = self.apply_value(indicator, "levels", [*path, indicator.name])
            if not outcome.ok:
                self.show_cell_error(outcome.error or "")
                return
            self.wizard.save_now()
            self.grid.fill(self.ws.project.indicators, self.ws.session.result)
            self.grid.go_to(indicator.id, "levels")
            self.show_cell()

        current = list(indicator.levels[:-1])

        def give_back(event: events.Key) -> None:  # typed after the picker's Enter
            self.grid.post_message(events.Key(event.key, event.character))

        def closing() -> None:
            self.grid.editor = None  # later keys are the table's

        options = [list(g) for g in groups + extra]
        picker = GroupPicker(options, current, typed, give_back, closing)
        self.grid.editor = picker.entry  # keys typed before the picker shows go into it
        self.app.push_screen(picker, chosen)

    # ----- rows ---------------------------------------------------------------------------

    async def rows_pasted(self, ids: list[str]) -> None:
        self.grid.fill(self.ws.project.indicators, self.ws.session.result)
        if ids:
            self.grid.go_to(ids[0], "name")
        self.show_result(None)
        self.show_cell()

    def action_add_row(self) -> None:
        current = self.selected
        if self.add_after is not None:
            with suppress(KeyError):  # unless removed meanwhile
                current = self.ws.find_indicator(self.add_after)
        self.add_after = None  # the new row is under the cursor now
        ruleset = self.ws.session.ruleset
        group = new_indicator_group(self.ws.project, ruleset, current)
        indicator = new_indicator(ruleset, [*group, NEW_NAME])

        def add(project: Project) -> None:
            add_indicator(project, indicator, beside=current)

        outcome = self.ws.restructure(add)
        if not outcome.ok:
            self.show_cell_error(outcome.error or "")
            return
        self.wizard.save_now()
        self.show_result(outcome)
        self.grid.fill(self.ws.project.indicators, self.ws.session.result)
        self.grid.go_to(indicator.id, "name")
        self.tab_anchor = None
        self.start_edit("")

    def action_remove_row(self) -> None:
        current = self.selected
        if current is None:
            return
        from ..dialogs.confirm import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            outcome = self.ws.restructure(lambda p: remove_row(p, "indicators", current.id))
            if outcome.ok:
                self.wizard.save_now()
                self.show_result(outcome)
                self.grid.fill(self.ws.project.indicators, self.ws.session.result)
                self.show_cell()

        self.app.push_screen(
            ConfirmDialog(f"删除指标「{current.name}」（权重 {current.weight} 分）？"), answered
        )

    # ----- back to the tree and the form --------------------------------------------------

    def action_back_to_tree(self) -> None:
        if self.editing is not None:
            self.finish("escape")
            return
        self.leave_grid(None)

    def action_open_form(self) -> None:
        indicator = self.selected
        if indicator is None:
            return
        self.leave_grid(indicator.id, self.grid.current_column.key)

    def leave_grid(self, indicator_id: str | None, column: str | None = None) -> None:
        """Back to the tree and form of step 4; with an indicator, its form, field focused."""
        if self.editing is not None:
            self.stop_edit()
        self.wizard.save_now()
        current = self.grid.current_id
        self.dismiss(None)
        under = self.app.screen
        opener = getattr(under, "open_from_grid", None)
        if indicator_id is not None and opener is not None:
            self.app.call_later(opener, indicator_id, column)
        elif current is not None and isinstance(under, PendingIndicator):
            self.wizard.pending_indicator = current  # the tree on the table's row
            self.app.call_later(under.take_pending_indicator)
