"""Lay the appendix tables out on worksheets the way the seed's forms look, and save the file.

openpyxl is imported inside the functions so that importing the export package stays cheap.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from copy import copy
from typing import TYPE_CHECKING, Any

from ..term.textwidth import display_width, wrapped_lines
from .cells import KIND_FORMATS, cell_content, clean_text
from .table import CLOSING_LABELS, Table

if TYPE_CHECKING:
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]

FONT = "宋体"
BODY_SIZE = 10.5
TITLE_SIZE = 16
LINE_HEIGHT = 13.5  # points per line of 10.5 pt 宋体
HEADER_ROW = 4
FIRST_ROW = HEADER_ROW + 1
KEY_HEADER = "行标识"
FOOTER = "第 &P 页 共 &N 页"

DATA_SHEET = "_perfeval"
DATA_MARKER = "perfeval-tui 导出数据（供导入使用，请勿修改或删除）"
DATA_VERSION = 1
CHUNK = 30000  # a cell holds at most 32,767 characters


class _Styles:
    """The named styles of the workbook, applied by copying a ready style array to each cell.

    Assigning ``cell.style = name`` resolves the name for every cell, which is most of the
    time spent on a 2,000-row sheet; copying the resolved array is the same style, much faster.
    """

    def __init__(self, wb: Workbook) -> None:
        names = _register_styles(wb)
        scratch = wb.create_sheet("_scratch")
        self.arrays: dict[str, Any] = {}
        for name in names:
            cell = scratch.cell(row=1, column=1)
            cell.style = name
            self.arrays[name] = copy(cell._style)
        wb.remove(scratch)

    def put(self, ws: Worksheet, row: int, column: int, value: Any, style: str) -> Any:
        cell = ws.cell(row=row, column=column, value=value)
        if isinstance(value, str):
            # openpyxl reads "=..." as a formula and "#N/A" as an error; user text is text.
            cell.data_type = "s"
        cell._style = copy(self.arrays[style])
        return cell


def _register_styles(wb: Workbook) -> list[str]:
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side  # type: ignore[import-untyped]

    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)

    names: list[str] = []

    def add(name: str, **kwargs: Any) -> None:
        wb.add_named_style(NamedStyle(name=name, **kwargs))
        names.append(name)

    add(
        "pe_title",
        font=Font(name=FONT, size=TITLE_SIZE, bold=True),
        alignment=Alignment(horizontal="center", vertical="center"),
    )
    add(
        "pe_plain",
        font=Font(name=FONT, size=BODY_SIZE),
        alignment=Alignment(horizontal="left", vertical="center"),
    )
    add(
        "pe_note",
        font=Font(name=FONT, size=BODY_SIZE - 1),
        alignment=Alignment(horizontal="left", vertical="top", wrap_text=True),
    )
    add(
        "pe_header",
        font=Font(name=FONT, size=BODY_SIZE, bold=True),
        border=box,
        alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
    )
    for kind, number_format in KIND_FORMATS.items():
        horizontal = {"text": "left", "center": "center", "index": "center"}.get(kind, "right")
        for bold in (False, True):
            add(
                _style_name(kind, bold),
                font=Font(name=FONT, size=BODY_SIZE, bold=bold),
                border=box,
                number_format=number_format,
                alignment=Alignment(horizontal=horizontal, vertical="center", wrap_text=True),
            )
    return names


def _style_name(kind: str, bold: bool) -> str:
    return f"pe_{kind}{'_b' if bold else ''}"


def _merge(merges: list[str], first_row: int, first_col: int, last_row: int, last_col: int) -> None:
    """Note a merged range; :func:`_set_merges` gives the sheet all of them at once."""
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    merges.append(
        f"{get_column_letter(first_col)}{first_row}:{get_column_letter(last_col)}{last_row}"
    )


def _set_merges(ws: Worksheet, merges: list[str]) -> None:
    # Set once per sheet: ws.merge_cells (and merged_cells.add) compare each new range with
    # every earlier one, quadratic in the merges; these never overlap, by construction. The
    # covered cells are already empty and bordered.
    from openpyxl.worksheet.cell_range import MultiCellRange  # type: ignore[import-untyped]
    from openpyxl.worksheet.merge import MergedCellRange  # type: ignore[import-untyped]

    ws.merged_cells = MultiCellRange([MergedCellRange(ws, ref) for ref in merges])


def _widths(table: Table) -> list[float]:
    """Column widths: wide enough for the content (CJK counted double), capped for long text."""
    widths = []
    for column in table.columns:
        floor = max(6.0, math.ceil(display_width(column.header) / 2) + 2)
        needed: float = 0
        for row in table.rows:
            value, _ = cell_content(row.cells.get(column.key), column.kind)
            if value is None or column.key in row.spans:
                continue
            text = value if isinstance(value, str) else f"{value:.2f}"
            needed = max(needed, column.width if len(text) > column.width else display_width(text))
        cap = column.width if column.wrap else max(column.width, needed + 2)
        widths.append(float(min(max(floor, needed + 2), cap)))
    return widths


def _lines(text: str, width: float) -> int:
    return wrapped_lines(text, width - 1.5)


def _height(lines: int) -> float:
    return min(409.0, max(lines, 1) * LINE_HEIGHT + 6)


def _write_rows(
    ws: Worksheet, table: Table, widths: list[float], styles: _Styles, merges: list[str]
) -> None:
    keys = [c.key for c in table.columns]
    position = {key: n for n, key in enumerate(keys, start=1)}
    key_column = len(keys) + 1
    starts = {(m.first, m.column): m for m in table.merges}
    covered = {(n, m.column) for m in table.merges for n in range(m.first + 1, m.last + 1)}
    lines = [1] * len(table.rows)
    for offset, row in enumerate(table.rows):
        r = FIRST_ROW + offset
        bold = row.kind != "data"
        for n, column in enumerate(table.columns, start=1):
            value, number_format = cell_content(row.cells.get(column.key), column.kind)
            if (offset, column.key) in covered:
                value = None  # only the first cell of a merged range holds the value
            kind = column.kind
            if isinstance(value, str) and kind not in ("text", "center"):
                kind = "center"  # e.g. 合计 in 序号, the grade in 评分
            cell = styles.put(ws, r, n, value, _style_name(kind, bold))
            if number_format is not None:
                cell.number_format = number_format
            if isinstance(value, str) and value:
                span_end = position.get(row.spans.get(column.key, ""), n)
                needed = _lines(value, sum(widths[n - 1 : span_end]))
                merge = starts.get((offset, column.key))
                if merge is None:
                    lines[offset] = max(lines[offset], needed)
                else:  # a merged block shares its text's height among its rows
                    share = -(-needed // (merge.last - merge.first + 1))
                    for k in range(merge.first, merge.last + 1):
                        lines[k] = max(lines[k], share)
        for first, last in row.spans.items():
            _merge(merges, r, position[first], r, position[last])
        styles.put(ws, r, key_column, row.key, "pe_plain")
    for offset, count in enumerate(lines):
        ws.row_dimensions[FIRST_ROW + offset].height = _height(count)
    for merge in table.merges:
        at = position[merge.column]
        _merge(merges, FIRST_ROW + merge.first, at, FIRST_ROW + merge.last, at)


def _write_table(wb: Workbook, table: Table, styles: _Styles) -> None:
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(table.sheet)
    merges: list[str] = []
    count = len(table.columns)
    last = get_column_letter(count)
    widths = _widths(table)
    full = sum(widths)
    styles.put(ws, 1, 1, table.label, "pe_plain")
    styles.put(ws, 2, 1, clean_text(table.title), "pe_title")
    _merge(merges, 2, 1, 2, count)
    ws.row_dimensions[2].height = 30
    styles.put(ws, 3, 1, clean_text(table.unit_line), "pe_plain")
    _merge(merges, 3, 1, 3, count)
    header_lines = 1
    for n, column in enumerate(table.columns, start=1):
        styles.put(ws, HEADER_ROW, n, column.header, "pe_header")
        header_lines = max(header_lines, _lines(column.header, widths[n - 1]))
    styles.put(ws, HEADER_ROW, count + 1, KEY_HEADER, "pe_plain")
    ws.row_dimensions[HEADER_ROW].height = header_lines * LINE_HEIGHT + 8
    _write_rows(ws, table, widths, styles, merges)

    r = FIRST_ROW + len(table.rows)
    closing = (table.closing.preparer, table.closing.date, table.closing.phone)
    spots = (1, count // 3 + 1, (2 * count) // 3 + 1)
    for spot, label, value in zip(spots, CLOSING_LABELS, closing, strict=True):
        styles.put(ws, r, spot, clean_text(f"{label}{value}"), "pe_plain")
    ws.row_dimensions[r].height = 24
    for n, note in enumerate(table.notes):
        row = r + 1 + n
        text = ("说明：" if n == 0 else "　　　") + note
        styles.put(ws, row, 1, text, "pe_note")
        _merge(merges, row, 1, row, count)
        ws.row_dimensions[row].height = _height(_lines(text, full))
    last_row = r + len(table.notes)
    _set_merges(ws, merges)

    for n, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(n)].width = width
    ws.column_dimensions[get_column_letter(count + 1)].hidden = True
    ws.freeze_panes = f"A{FIRST_ROW}"
    _print_setup(ws, f"A1:{last}{last_row}")


def _print_setup(ws: Worksheet, area: str) -> None:
    from openpyxl.worksheet.page import PageMargins  # type: ignore[import-untyped]

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.7, footer=0.3)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_area = area
    ws.oddFooter.center.text = FOOTER
    ws.oddFooter.center.font = FONT
    ws.oddFooter.center.size = 9


def _write_payload(wb: Workbook, payload: str) -> None:
    ws = wb.create_sheet(DATA_SHEET)
    ws.sheet_state = "veryHidden"
    for n, text in enumerate((DATA_MARKER, str(DATA_VERSION)), start=1):
        ws.cell(row=n, column=1, value=text).data_type = "s"
    for n in range(0, len(payload), CHUNK):
        cell = ws.cell(row=3 + n // CHUNK, column=1, value=payload[n : n + CHUNK])
        cell.data_type = "s"


def build_workbook(tables: Sequence[Table], payload: str) -> Workbook:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    styles = _Styles(wb)
    for table in tables:
        _write_table(wb, table, styles)
    _write_payload(wb, payload)
    wb.active = 0
    return wb
