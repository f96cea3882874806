"""Step 3 区县分配 as a grid: one row per district, the typed amounts, the derived 资金到位率,
the 合计 row, and the data warnings of the row under the cursor shown under the grid."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Static

from ...scoring.engine import IndicatorScore
from ...scoring.model import DistrictRow
from .. import keymap
from ..widgets.data_grid import Cell, GridColumn
from .row_table import RowTableScreen, rate_cell

COLUMNS: tuple[GridColumn, ...] = (
    GridColumn("name", "市（县）区", 8, flex=3, label="市（县）区名称"),
    GridColumn("allocated", "下达数", 6, auto=True, live=True, label="资金下达数"),
    GridColumn("actual_spend", "支出数", 6, auto=True, live=True, label="实际支出数"),
    GridColumn("carryover", "结转数", 6, auto=True, live=True, label="结余结转数"),
    GridColumn("funds_arrived", "到位数", 6, auto=True, live=True, label="项目资金到位数"),
    GridColumn("arrival_rate", "到位率", 7, editable=False, auto=True, label="资金到位率"),
    GridColumn("remark", "备注", 4, flex=2),
)


class DistrictsScreen(RowTableScreen):
    STEP = "districts"
    PASTE_TABLE = "districts"
    TABLE = "districts"
    WARNING_TABLE = "区县资金分配表"
    ROW_WORD = "区县"
    COLUMNS = COLUMNS
    BINDINGS = keymap.bindings(keymap.ROW_KEYS)
    DEFAULT_CSS = """
    DistrictsScreen #districts-head { color: $text-muted; padding: 0 1; }
    """

    def compose_body(self) -> ComposeResult:
        yield Static("区县资金分配表（单位：万元）", id="districts-head")
        yield from self.compose_grid()
        yield from self.compose_warnings()

    def figures(self) -> tuple[tuple[Any, ...], Any]:
        table = self.ws.session.result.districts
        return table.rows, table.total

    def new_row(self, number: int) -> DistrictRow:
        return DistrictRow(name=f"区县{number}")

    def derived_cell(self, figures: Any, key: str) -> Cell:
        return rate_cell(figures.arrival_rate)

    def explain_target(self, widget: Widget | None) -> tuple[IndicatorScore | None, str] | None:
        return None, "区县资金分配表不直接参与评分；数据检查的警告显示在表格下方。"
