"""The national 项目支出绩效自评表 as an xlsx sheet, laid out for printing on A4 portrait.

Ten columns: the indicator table's nine (偏差原因 spans the last two) also carry the header, the
budget block (项目资金 spans three), 年度总体目标 and the closing texts.
"""

from __future__ import annotations

from typing import Any

from ..scoring.engine import ProjectScore
from ..scoring.model import Project
from ..term.textwidth import wrapped_lines
from .national_layout import (
    BUDGET_HEADERS,
    INDICATOR_HEADERS,
    SHEET,
    TITLE,
    BudgetRow,
    Cell,
    Figure,
    budget_rows,
    closing_texts,
    header_fields,
    indicator_rows,
    score_figure,
    sign_off,
    weight_figure,
    weight_total,
)
from .xlsx_writer import set_merges

WIDTHS = (10, 12, 22, 7, 11, 11, 7, 10, 12, 12)
LAST = len(WIDTHS)


class _Sheet:
    def __init__(self, ws: Any) -> None:
        from openpyxl.styles import Alignment, Border, Font, Side  # type: ignore[import-untyped]

        self.ws = ws
        self.row = 1
        self.merges: list[str] = []  # set at once at the end: openpyxl's merge_cells is O(merges)
        thin = Side(style="thin")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.left = Alignment(horizontal="left", vertical="center", wrap_text=True)
        self.bold = Font(bold=True)
        self.title_font = Font(bold=True, size=16)

    def put(
        self, col: int, text: Cell, *, to: int | None = None, bold: bool = False, left: bool = False
    ) -> None:
        cell = self.ws.cell(self.row, col)
        if isinstance(text, Figure):  # a number, printed as the form prints it
            cell.value = text.value
            cell.number_format = text.number_format
        else:
            cell.value = text
            cell.data_type = "s"  # always text, even when it begins with = (=8个)
        cell.alignment = self.left if left else self.center
        if bold:
            cell.font = self.bold
        last = to or col
        for c in range(col, last + 1):
            self.ws.cell(self.row, c).border = self.border
        if last > col:
            self.merge(self.row, col, self.row, last)

    def merge(self, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
        from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

        self.merges.append(
            f"{get_column_letter(first_col)}{first_row}:{get_column_letter(last_col)}{last_row}"
        )

    def next(self, height: float | None = None) -> None:
        if height is not None:
            self.ws.row_dimensions[self.row].height = height
        self.row += 1


def _lines(text: str, width: int) -> int:
    # One cell of the column goes to the cell's padding: a text exactly as wide as the column
    # (经济效益指标 in 二级指标) wraps when printed.
    return max(1, wrapped_lines(text, width - 1))


def _widths(budget: list[BudgetRow]) -> list[int]:
    """WIDTHS, with the budget block's money columns (D to F) wide enough for their figures: a
    number does not wrap, and one wider than its column prints as ###. 三级指标 (C) gives up the
    room, down to 14."""
    widths = list(WIDTHS)
    for col, figures in (
        (3, [r.initial for r in budget]),
        (4, [r.budget for r in budget]),
        (5, [r.spend for r in budget]),
    ):
        widths[col] = max(widths[col], *(len(str(f)) + 3 for f in figures))
    widths[2] = max(14, widths[2] - (sum(widths) - sum(WIDTHS)))
    return widths


def write_national_sheet(workbook: Any, project: Project, result: ProjectScore) -> Any:
    """Add the sheet as the workbook's first and return it."""
    ws = workbook.create_sheet(SHEET, 0)
    budget = budget_rows(project, result)
    widths = _widths(budget)
    for n, width in enumerate(widths, start=1):
        ws.column_dimensions[chr(64 + n)].width = width
    s = _Sheet(ws)
    ws.cell(1, 1).value = TITLE
    ws.cell(1, 1).font = s.title_font
    ws.cell(1, 1).alignment = s.center
    s.merge(1, 1, 1, LAST)
    s.next(28)
    ws.cell(2, 1).value = f"（{project.basics.year}年度）"
    ws.cell(2, 1).alignment = s.center
    s.merge(2, 1, 2, LAST)
    s.next()
    for label, value in header_fields(project):
        s.put(1, label, to=2, bold=True)
        s.put(3, value, to=LAST, left=True)
        s.next()
    # Budget block.
    s.put(1, "项目资金（万元）", to=3, bold=True)
    for n, header in enumerate(BUDGET_HEADERS):
        s.put(4 + n, header, to=LAST if n == len(BUDGET_HEADERS) - 1 else None, bold=True)
    s.next(30)
    for line in budget:
        s.put(1, line.name, to=3, left=True)
        values = (line.initial, line.budget, line.spend, line.weight, line.rate, line.score)
        for n, figure in enumerate(values):
            s.put(4 + n, figure, to=LAST if n == len(values) - 1 else None)
        s.next()
    # 年度总体目标.
    b = project.basics
    s.put(1, "年度总体目标", to=2, bold=True)
    s.put(3, "预期目标", to=6, bold=True)
    s.put(7, "实际完成情况", to=LAST, bold=True)
    s.next()
    first = s.row - 1
    s.put(3, b.goals_text, to=6, left=True)
    s.put(7, b.goal_result, to=LAST, left=True)
    s.merge(first, 1, s.row, 2)
    s.next(15 * max(_lines(b.goals_text, 44), _lines(b.goal_result, 40), 2))
    # Indicator table.
    for n, header in enumerate(INDICATOR_HEADERS, start=1):
        s.put(n, header, to=LAST if n == len(INDICATOR_HEADERS) else None, bold=True)
    s.next(30)
    rows = indicator_rows(result)
    start = s.row
    for row in rows:
        for n, cell in enumerate(row.cells(), start=1):
            s.put(n, cell, to=LAST if n == len(INDICATOR_HEADERS) else None, left=n in (3, 9))
        wraps = (_lines(row.level3, widths[2]), _lines(row.target, 11), _lines(row.actual, 11))
        s.next(15 * max(*wraps, _lines(row.remark, 24), _lines(row.level2, 12)) + 4)
    for col in (1, 2):
        _merge_runs(
            s, [r.level1 if col == 1 else r.level1 + "/" + r.level2 for r in rows], start, col
        )
    s.put(1, "总分", to=6, bold=True)
    s.put(7, weight_figure(weight_total(result)), bold=True)
    s.put(8, score_figure(result.total), bold=True)
    s.put(9, f"评价等级：{result.grade}", to=LAST)
    s.next()
    for label, text in closing_texts(project):
        s.put(1, label, to=2, bold=True)
        s.put(3, text, to=LAST, left=True)
        s.next(15 * max(_lines(text, 90), 2))
    ws.cell(s.row, 1).value = sign_off(project)
    s.merge(s.row, 1, s.row, LAST)
    set_merges(ws, s.merges)
    _page_setup(ws, s.row)
    return ws


def _merge_runs(s: _Sheet, keys: list[str], start: int, col: int) -> None:
    """Merge equal neighbouring 一级/二级 cells, as the printed form does."""
    n = 0
    while n < len(keys):
        end = n
        while end + 1 < len(keys) and keys[end + 1] == keys[n]:
            end += 1
        if end > n and keys[n].strip("/"):
            s.merge(start + n, col, start + end, col)
        n = end + 1


def _page_setup(ws: Any, last_row: int) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.print_area = f"A1:{chr(64 + LAST)}{last_row}"
