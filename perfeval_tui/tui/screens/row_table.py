"""附表1 and the 区县 table as grids: one row per fund or district, the typed columns edited in
the edit line, the derived ones (调整后预算数, the rates) live and read-only, and a 合计 row.

A row with data warnings is marked ``！`` before its name; the warnings of the row under the
cursor (and those of the table as a whole) are listed under the grid, and Ctrl+G lists them all.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar, Literal

from rich.text import Text

from ...project.session import EditOutcome
from ...project.structure import add_row, remove_row
from ...scoring.model import DistrictRow, FundRow
from ...scoring.numbers import fmt2, fmt_percent
from ..widgets.data_grid import Cell, GridColumn, RowGrid
from ..widgets.field import display_value
from .grid_step import GridStepScreen

TOTAL = "合计"  # the 合计 row's key (no fund or district has it as an id)
Row = FundRow | DistrictRow


def money_cell(value: Decimal | None) -> Text:
    """An amount in full (its column is as wide as its widest amount)."""
    return Text("" if value is None else fmt2(value), justify="right")


def rate_cell(value: Decimal | None) -> Text:
    """A rate; ``—`` when its denominator is 0."""
    return Text("—" if value is None else fmt_percent(value), justify="right")


class RowTableScreen(GridStepScreen):
    """A table of fund or district rows; the step gives its columns and derived figures."""

    DEFAULT_CSS = """
    RowTableScreen #grid { height: auto; max-height: 1fr; }
    RowTableScreen #grid-warnings { max-height: 8; }
    """
    TABLE: ClassVar[Literal["funds", "districts"]]
    WARNING_TABLE: ClassVar[str]  # the table's name in the data warnings
    ROW_WORD: ClassVar[str]  # 资金行 / 区县
    COLUMNS: ClassVar[tuple[GridColumn, ...]]

    def make_grid(self) -> RowGrid:
        return RowGrid(
            self.COLUMNS,
            self.start_edit,
            self.fill_grid,
            width=self.app.size.width,
            fixed_columns=1,  # the name stays in sight when the grid scrolls sideways
            id="grid",
        )

    # ----- what a table gives -------------------------------------------------------------

    def table_rows(self) -> list[Any]:
        rows: list[Any] = getattr(self.ws.project, self.TABLE)
        return rows

    def figures(self) -> tuple[tuple[Any, ...], Any]:
        """The engine's figures of each row and of the 合计 row."""
        raise NotImplementedError

    def new_row(self, number: int) -> Row:
        raise NotImplementedError

    def derived_cell(self, figures: Any, key: str) -> Cell:
        raise NotImplementedError

    def derived_text(self, figures: Any, key: str) -> str:
        """A derived figure in full, for the edit line."""
        cell = self.derived_cell(figures, key)
        shown = cell.plain if isinstance(cell, Text) else cell
        return f"{shown}（计算得出，不能直接修改）"

    # ----- rows ---------------------------------------------------------------------------

    def row(self, row_id: str) -> Any:
        return next((r for r in self.table_rows() if r.id == row_id), None)

    def row_name(self, row_id: str) -> str:
        if row_id == TOTAL:
            return TOTAL
        row = self.row(row_id)
        return row.name if row is not None else ""

    def warnings(self) -> tuple[dict[str, list[str]], list[str]]:
        """(row id -> its warnings, the table's own warnings)."""
        by_row: dict[str, list[str]] = {}
        table: list[str] = []
        for w in self.ws.session.warnings:
            if w.table != self.WARNING_TABLE:
                continue
            if w.row_id:
                by_row.setdefault(w.row_id, []).append(f"{w.field}：{w.message}")
            else:
                table.append(f"{w.row} · {w.field}：{w.message}")
        return by_row, table

    def cells(self, row: Any, figures: Any, warned: bool) -> list[Cell]:
        out: list[Cell] = []
        for column in self.COLUMNS:
            if not column.editable:
                out.append(self.derived_cell(figures, column.key))
            elif column.key == "name":
                name = Text(row.name)
                if warned:
                    name = Text.assemble(("！", "bold yellow"), row.name)
                out.append(name)
            elif column.key == "remark":
                out.append(row.remark.replace("\n", " "))
            else:
                out.append(money_cell(getattr(row, column.key)))
        return out

    def total_cells(self, total: Any, warned: bool) -> list[Cell]:
        out: list[Cell] = []
        for column in self.COLUMNS:
            if column.key == "name":
                mark = ("！", "bold yellow") if warned else ""
                out.append(Text.assemble(mark, (TOTAL, "bold")))
            elif column.key == "remark":
                out.append("")
            elif not column.editable:
                out.append(self.derived_cell(total, column.key))
            else:
                out.append(money_cell(getattr(total, column.key, None)))
        return out

    def fill_grid(self) -> None:
        if not self.query(RowGrid):
            return  # not composed yet
        by_row, table = self.warnings()
        rows, total = self.figures()
        shown: list[tuple[str, list[Cell]]] = [
            (row.id, self.cells(row, figures, row.id in by_row))
            for row, figures in zip(self.table_rows(), rows, strict=False)
        ]
        shown.append((TOTAL, self.total_cells(total, bool(table))))
        self.grid.fill_rows(shown)

    def show_result(self, outcome: EditOutcome | None) -> None:
        super().show_result(outcome)
        if self.uses_grid and self.query(RowGrid):
            self.fill_grid()
            self.show_row_warnings()

    def row_warnings(self, row_id: str | None) -> list[str]:
        by_row, table = self.warnings()
        shown = list(by_row.get(row_id or "", [])) if row_id != TOTAL else []
        shown += table
        elsewhere = sum(len(v) for k, v in by_row.items() if k != row_id)
        if elsewhere:
            shown.append(f"其他行还有 {elsewhere} 条警告（行首标 ！），Ctrl+G 列出全部")
        return shown

    # ----- cells --------------------------------------------------------------------------

    def cell_text(self, row_id: str, column: GridColumn) -> str:
        rows, total = self.figures()
        if row_id == TOTAL:
            figures = total
            if column.key in ("name", "remark"):
                return TOTAL if column.key == "name" else ""
        else:
            row = self.row(row_id)
            if row is None:
                return ""
            if column.editable:
                return display_value(getattr(row, column.key))
            index = self.table_rows().index(row)
            figures = rows[index] if index < len(rows) else None
        if figures is None:
            return ""
        if not column.editable:
            return self.derived_text(figures, column.key)
        return display_value(getattr(figures, column.key, None))

    def last_entry_row(self) -> int:
        # Enter on the last row stays there, as on the indicator table: the 合计 row below is
        # computed, and typing on it would only be refused. Arrows still reach it.
        return max(self.grid.row_count - 2, 0)

    def take_cell(self, row_id: str, column: GridColumn, typed: str | None) -> bool:
        if row_id == TOTAL:
            self.show_cell_error(f"合计行由各{self.ROW_WORD}相加得出，请修改各行的数。")
            return True
        if not column.editable:
            self.show_cell_error(f"「{column.field_label}」由本行的数计算得出，不能直接修改。")
            return True
        return False

    def commit(self, row_id: str, key: str, text: str) -> str | None:
        row = self.row(row_id)
        if row is None:
            return None
        text = text.strip()
        if text == display_value(getattr(row, key)):
            return None
        outcome = self.apply_value(row, key, text)
        return outcome.error

    # ----- rows added, removed, pasted ----------------------------------------------------

    async def rows_pasted(self, ids: list[str]) -> None:
        self.fill_grid()
        if ids:
            self.grid.go_to(ids[0], "name")
        self.show_result(None)
        self.show_cell()

    def action_add_row(self) -> None:
        row = self.new_row(len(self.table_rows()) + 1)
        outcome = self.ws.restructure(lambda p: add_row(p, self.TABLE, row))
        if not outcome.ok:
            self.show_cell_error(outcome.error or "")
            return
        self.wizard.save_now()
        self.show_result(outcome)
        self.grid.go_to(row.id, "name")
        self.tab_anchor = None
        self.start_edit("")  # the name is typed at once; Esc keeps the one given

    def action_remove_row(self) -> None:
        row_id = self.grid.current_id
        row = self.row(row_id) if row_id is not None else None
        if row is None:
            self.show_cell_error(f"先把光标移到要删除的{self.ROW_WORD}。")
            return
        from ..dialogs.confirm import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            outcome = self.ws.restructure(lambda p: remove_row(p, self.TABLE, row.id))
            if not outcome.ok:
                self.show_cell_error(outcome.error or "")
                return
            self.wizard.save_now()
            self.show_result(outcome)
            self.show_cell()

        self.app.push_screen(ConfirmDialog(f"删除{self.ROW_WORD}「{row.name}」？"), answered)
