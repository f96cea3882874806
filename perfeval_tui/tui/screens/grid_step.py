"""What every table step shown as a grid shares (附表1, 区县, 附表2): the grid, the edit line
under it, the hint or message line, and the spreadsheet keys.

Arrows move to every cell; Enter (or typing) edits the cell in the edit line; Enter commits and
moves down, Tab commits and moves to the next typed-into cell on the right (derived columns are
passed over), Shift+Tab to the left, Esc gives the edit up; Enter after
a run of Tabs goes back to the column the run started in, on the next row. Every committed cell
goes through the edit session (the one edit path), so money stays Decimal, a refused value gets
its Chinese message naming the field, and the score, the checks, saving and the score bar behave
as in a form. The step supplies the rows, the text of a cell and what committing it means.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.coordinate import Coordinate
from textual.widgets import Label, Static

from ..widgets.cell_editor import CellEditor
from ..widgets.data_grid import GridColumn, RowGrid, head
from ..widgets.live import LiveStatic, warnings_text
from ..widgets.wrapped import Wrapped
from .base import StepScreen

EDIT_HINT = "回车 确认并下移  Tab 确认并右移  Esc 放弃"
LABEL_NAME_CELLS = 16  # a long row name in the edit line's label: its start, then …
READ_ONLY = "本项目以只读方式打开（另一个窗口正在编辑），不能修改。按 Ctrl+O 接管编辑锁。"


class GridStepScreen(StepScreen):
    HINT: ClassVar[str] = "回车/输入文字 编辑  Tab 右移  Ctrl+N 新增  F8 删除"
    EMPTY: ClassVar[str] = "表中还没有行。按 Ctrl+N 新增，或粘贴 WPS/Excel 中的行。"
    DEFAULT_CSS = """
    GridStepScreen #grid-edit { height: 1; }
    GridStepScreen #grid-label { width: auto; min-width: 8; padding: 0 1; color: $accent; }
    GridStepScreen CellEditor { width: 1fr; }
    GridStepScreen #grid-message { height: auto; max-height: 3; color: $text-muted; padding: 0 1; }
    GridStepScreen #grid-message.-error { color: $error; }
    GridStepScreen #grid-warnings { color: $warning; padding: 0 1; max-height: 4; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.editing: str | None = None  # the column key being edited
        self.tab_anchor: int | None = None  # where a run of Tabs started

    # ----- what a step supplies -----------------------------------------------------------

    def make_grid(self) -> RowGrid:
        raise NotImplementedError

    def fill_grid(self) -> None:
        """Show every row again (after a change, or the columns changed width)."""

    def cell_text(self, row_id: str, column: GridColumn) -> str:
        """What the edit line shows for a cell: its full value, as the user would type it."""
        return ""

    def take_cell(self, row_id: str, column: GridColumn, typed: str | None) -> bool:
        """A cell that is not edited in the edit line (a picker, a form, a refusal): handle it
        and say True; False edits it in the line."""
        return False

    def commit(self, row_id: str, key: str, text: str) -> str | None:
        """Send one cell's text through the edit session; the Chinese message if refused."""
        return None

    def row_restored(self, row_id: str) -> None:
        """A row's fields were put back as they were: show it again."""

    def row_warnings(self, row_id: str | None) -> list[str]:
        """The data warnings shown under the grid for the row under the cursor."""
        return []

    def committed(self, row_id: str, how: str) -> None:
        """A cell of ``row_id`` was committed with ``how`` (before the cursor moves on)."""

    def moved_on_purpose(self) -> None:
        """A key moved the cursor (arrows, Tab on the grid): the user went elsewhere."""

    # ----- layout -------------------------------------------------------------------------

    @property
    def uses_grid(self) -> bool:
        return True

    def compose_body(self) -> ComposeResult:
        yield from self.compose_grid()

    def compose_grid(self) -> ComposeResult:
        yield self.make_grid()
        with Horizontal(id="grid-edit"):
            yield Label("", id="grid-label")
            # Never disabled but when read-only: a disabled widget drops the keys on their way.
            yield CellEditor(compact=True, select_on_focus=False, id="grid-editor")
        yield Static(self.HINT, id="grid-message")

    def compose_warnings(self) -> ComposeResult:
        yield LiveStatic(id="grid-warnings", hide_empty=True)

    @property
    def grid(self) -> RowGrid:
        return self.query_one(RowGrid)

    @property
    def editor(self) -> CellEditor:
        return self.query_one(CellEditor)

    def build_views(self) -> None:
        if self.uses_grid:
            self.fill_grid()

    def mounted(self) -> None:
        if self.uses_grid:
            self.grid.focus()
            self.show_cell()
            self.update_explanation(None)

    def resumed(self) -> None:
        if self.uses_grid:
            self.fill_grid()
            self.show_cell()

    # ----- where the cursor is ------------------------------------------------------------

    @on(RowGrid.CellHighlighted)
    def _moved(self, event: RowGrid.CellHighlighted) -> None:
        if self.editing is None:
            self.show_cell()
            self.update_explanation(None)

    def show_cell(self, message: str | None = None, *, error: bool = False) -> None:
        """The edit line shows the current cell in full; the line under it a hint or a message,
        and under that the warnings of the row."""
        grid = self.grid
        row_id = grid.current_id
        column = grid.current_column
        self.show_label(row_id, column)
        self.editor.value = "" if row_id is None else self.cell_text(row_id, column)
        note = self.query_one("#grid-message", Static)
        note.update(message or self.HINT)
        note.set_class(error, "-error")
        self.show_row_warnings()

    def row_name(self, row_id: str) -> str:
        """The row's name for the edit line's label (a fund, a district, an indicator)."""
        return ""

    def show_label(self, row_id: str | None, column: GridColumn) -> None:
        """The edit line's label: the row and the column of the cell it shows (``合计 · 实际支出数``)."""
        name = self.row_name(row_id) if row_id is not None else ""
        label = column.field_label
        if name:
            label = f"{head(name, LABEL_NAME_CELLS)} · {label}"
        self.query_one("#grid-label", Label).update(label)

    def show_row_warnings(self) -> None:
        shown = self.query("#grid-warnings")
        if shown:
            shown.first(LiveStatic).set(
                Wrapped(warnings_text(self.row_warnings(self.grid.current_id)))
            )

    def show_cell_error(self, error: str) -> None:
        note = self.query_one("#grid-message", Static)
        note.update(error)
        note.add_class("-error")

    # ----- editing ------------------------------------------------------------------------

    def action_edit_cell(self) -> None:
        self.start_edit(None)

    @on(RowGrid.CellSelected)
    def _enter(self, event: RowGrid.CellSelected) -> None:
        event.stop()
        self.start_edit(None)

    def start_edit(self, typed: str | None) -> None:
        row_id = self.grid.current_id
        if row_id is None:
            self.show_cell(self.EMPTY)
            return
        if self.ws.read_only:
            self.show_cell_error(READ_ONLY)
            return
        column = self.grid.current_column
        if self.take_cell(row_id, column, typed):
            return
        self.ws.begin_field()  # what the cell's fields hold now is what a refused text keeps
        self.editing = column.key
        self.show_label(row_id, column)  # the cursor may have moved in this very key's action
        self.show_edit_note(None)
        editor = self.editor
        self.grid.editor = editor
        # Taken as typed, letters too: a refused character that vanished made ``4x50`` 450.
        editor.value = typed if typed is not None else self.cell_text(row_id, column)
        editor.focus()
        editor.cursor_position = len(editor.value)

    def show_edit_note(self, error: str | None) -> None:
        note = self.query_one("#grid-message", Static)
        note.update(error or EDIT_HINT)
        note.set_class(error is not None, "-error")

    def cell_typed(self, text: str) -> None:
        """Every keystroke in the edit line (called as its value changes, as a form's field
        calls ``field_edited``): a value column goes through ``commit``, the one edit path, as
        soon as the text is a valid value, so the score follows the typing; while it is not,
        the cell keeps the value it had when the edit began, and the message says why."""
        row_id = self.grid.current_id
        column = self.grid.current_column
        if row_id is None or self.editing != column.key or not column.live:
            return
        error = self.commit(row_id, column.key, text)
        if error is not None:
            self.restore_origin(row_id)
        self.show_edit_note(error)

    def restore_origin(self, row_id: str) -> None:
        """Put back what the cell held when the edit began (Esc, or a text that is no value)."""
        if self.put_back():
            self.row_restored(row_id)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if self.editing is not None and event.widget is self.editor:
            # The edit line's focus arrives after the first typed character was applied: the
            # edit's effect on the score is measured from where ``start_edit`` began it, not
            # from there (the step's own handler would begin a new field).
            event.prevent_default()
            self.update_explanation(event.widget)

    def stop_edit(self) -> None:
        # The focus stays on the edit line: the keys behind this one keep their order there.
        self.editing = None
        self.grid.editor = None

    def finish(self, how: str) -> None:
        """Commit the edit line (unless Esc), then move as a spreadsheet does."""
        row_id = self.grid.current_id
        key = self.editing
        if how == "escape" or row_id is None or key is None:
            if row_id is not None:
                self.restore_origin(row_id)  # what was typed live is given up as well
            self.stop_edit()
            self.show_cell()
            return
        error = self.commit(row_id, key, self.editor.value)
        if error is not None:
            self.show_cell_error(error)
            return
        self.wizard.save_now()
        self.stop_edit()
        self.committed(row_id, how)
        self.move_after(how, row_id)

    def move_after(self, how: str, row_id: str) -> None:
        grid = self.grid
        grid.go_to(row_id)  # a change may have moved the row
        row, col = grid.cursor_coordinate
        if how == "tab":
            self.tab_anchor = col if self.tab_anchor is None else self.tab_anchor
            grid.cursor_coordinate = Coordinate(row, grid.editable_beside(col, 1))
        elif how == "shift+tab":
            grid.cursor_coordinate = Coordinate(row, grid.editable_beside(col, -1))
        else:
            col = self.tab_anchor if self.tab_anchor is not None else col
            self.tab_anchor = None
            grid.cursor_coordinate = Coordinate(
                row + 1 if row < self.last_entry_row() else row, col
            )
        self.show_cell()

    def last_entry_row(self) -> int:
        """The last row Enter moves down to (below it only rows nothing is typed into)."""
        return self.grid.row_count - 1

    def paste_rows(self, text: str) -> None:
        if self.editing is not None:
            self.stop_edit()
        super().paste_rows(text)
