"""Lay the appendix tables out on worksheets the way the seed's forms look, and save the file.

openpyxl is imported inside the functions so that importing the export package stays cheap.
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import copy
from typing import TYPE_CHECKING, Any

from .cells import KIND_FORMATS, cell_content, clean_text
from .print_layout import (
    BODY_SIZE,
    HEADER_SIZE,
    LABEL_HEIGHT,
    MARGIN_BOTTOM,
    MARGIN_FOOTER,
    MARGIN_HEADER,
    MARGIN_SIDE,
    MARGIN_TOP,
    NOTE_SIZE,
    TITLE_HEIGHT,
    TITLE_SIZE,
    UNIT_HEIGHT,
    Layout,
    height_of,
    lay_out,
    text_lines,
)
from .review import REVIEW_NOTE, REVIEW_TITLE, ReviewItem
from .table import CLOSING_LABELS, Table

if TYPE_CHECKING:
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]

FONT = "宋体"
TITLE_FONT = "黑体"
HEADER_ROW = 4
FIRST_ROW = HEADER_ROW + 1
KEY_HEADER = "行标识"
FOOTER = "第 &P 页 共 {pages} 页"  # the form's own page count, not the workbook's

DATA_SHEET = "_perfeval"
DATA_MARKER = "perfeval-tui 导出数据（供导入使用，请勿修改或删除）"
DATA_VERSION = 1
REVIEW_HEADERS = ("序号", "类别", "位置", "提示")
REVIEW_WIDTHS = (6.0, 10.0, 40.0, 64.0)
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
        font=Font(name=TITLE_FONT, size=TITLE_SIZE),
        alignment=Alignment(horizontal="center", vertical="center"),
    )
    add(
        "pe_plain",
        font=Font(name=FONT, size=BODY_SIZE),
        alignment=Alignment(horizontal="left", vertical="center"),
    )
    add(
        "pe_note",
        font=Font(name=FONT, size=NOTE_SIZE),
        alignment=Alignment(horizontal="left", vertical="top", wrap_text=True),
    )
    add(
        "pe_header",
        font=Font(name=FONT, size=HEADER_SIZE, bold=True),
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
    """Note a merged range; :func:`set_merges` gives the sheet all of them at once."""
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    merges.append(
        f"{get_column_letter(first_col)}{first_row}:{get_column_letter(last_col)}{last_row}"
    )


def set_merges(ws: Worksheet, merges: list[str]) -> None:
    # Set once per sheet: ws.merge_cells (and merged_cells.add) compare each new range with
    # every earlier one, quadratic in the merges; these never overlap, by construction. The
    # covered cells are already empty and bordered.
    from openpyxl.worksheet.cell_range import MultiCellRange  # type: ignore[import-untyped]
    from openpyxl.worksheet.merge import MergedCellRange  # type: ignore[import-untyped]

    ws.merged_cells = MultiCellRange([MergedCellRange(ws, ref) for ref in merges])


def _write_rows(
    ws: Worksheet, table: Table, layout: Layout, styles: _Styles, merges: list[str]
) -> None:
    keys = [c.key for c in table.columns]
    position = {key: n for n, key in enumerate(keys, start=1)}
    key_column = len(keys) + 1
    covered = {(n, m.column) for m in layout.merges for n in range(m.first + 1, m.last + 1)}
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
        for first, last in row.spans.items():
            _merge(merges, r, position[first], r, position[last])
        styles.put(ws, r, key_column, row.key, "pe_plain")
        ws.row_dimensions[r].height = layout.heights[offset]
    for merge in layout.merges:
        at = position[merge.column]
        _merge(merges, FIRST_ROW + merge.first, at, FIRST_ROW + merge.last, at)


def _write_table(wb: Workbook, table: Table, styles: _Styles) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.pagebreak import Break  # type: ignore[import-untyped]

    layout = lay_out(table)
    ws = wb.create_sheet(table.sheet)
    merges: list[str] = []
    count = len(table.columns)
    last = get_column_letter(count)
    styles.put(ws, 1, 1, table.label, "pe_plain")
    ws.row_dimensions[1].height = LABEL_HEIGHT
    styles.put(ws, 2, 1, clean_text(table.title), "pe_title")
    _merge(merges, 2, 1, 2, count)
    ws.row_dimensions[2].height = TITLE_HEIGHT
    styles.put(ws, 3, 1, clean_text(table.unit_line), "pe_plain")
    _merge(merges, 3, 1, 3, count)
    ws.row_dimensions[3].height = UNIT_HEIGHT
    for n, header in enumerate(layout.headers, start=1):
        styles.put(ws, HEADER_ROW, n, header, "pe_header")
    styles.put(ws, HEADER_ROW, count + 1, KEY_HEADER, "pe_plain")
    ws.row_dimensions[HEADER_ROW].height = layout.header_height
    _write_rows(ws, table, layout, styles, merges)

    r = FIRST_ROW + len(table.rows)
    closing = (table.closing.preparer, table.closing.date, table.closing.phone)
    spots = (1, count // 3 + 1, (2 * count) // 3 + 1)
    for spot, label, value in zip(spots, CLOSING_LABELS, closing, strict=True):
        styles.put(ws, r, spot, clean_text(f"{label}{value}"), "pe_plain")
    ws.row_dimensions[r].height = layout.heights[len(table.rows)]
    for n in range(len(table.notes)):
        row = r + 1 + n
        styles.put(ws, row, 1, layout.notes[n], "pe_note")
        _merge(merges, row, 1, row, count)
        ws.row_dimensions[row].height = layout.heights[len(table.rows) + 1 + n]
    last_row = r + len(table.notes)
    set_merges(ws, merges)

    for n, width in enumerate(layout.widths, start=1):
        ws.column_dimensions[get_column_letter(n)].width = width
    ws.column_dimensions[get_column_letter(count + 1)].hidden = True
    ws.freeze_panes = f"A{FIRST_ROW}"
    # A break after the row before each page's first. Set at once: openpyxl's append copies and
    # checks every earlier break, which made thousands of pages quadratic.
    ws.row_breaks.brk = [
        *ws.row_breaks.brk,
        *(Break(id=FIRST_ROW + at - 1) for at in layout.breaks),
    ]
    _print_setup(ws, f"A1:{last}{last_row}", layout.scale, layout.pages)


def _print_setup(ws: Worksheet, area: str, scale: int, pages: int) -> None:
    from openpyxl.worksheet.page import PageMargins  # type: ignore[import-untyped]

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.scale = scale
    ws.page_setup.firstPageNumber = 1  # every form numbers its own pages
    ws.page_setup.useFirstPageNumber = True
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(
        left=MARGIN_SIDE,
        right=MARGIN_SIDE,
        top=MARGIN_TOP,
        bottom=MARGIN_BOTTOM,
        header=MARGIN_HEADER,
        footer=MARGIN_FOOTER,
    )
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_area = area
    ws.oddFooter.center.text = FOOTER.format(pages=pages)
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


def _write_review(wb: Workbook, items: Sequence[ReviewItem], styles: _Styles) -> None:
    """审核提示 on a sheet of its own: the forms' print areas never carry a tool's notes."""
    from openpyxl.worksheet.page import PageMargins

    ws = wb.create_sheet(REVIEW_TITLE)
    merges: list[str] = []
    styles.put(ws, 1, 1, REVIEW_TITLE, "pe_title")
    _merge(merges, 1, 1, 1, len(REVIEW_WIDTHS))
    ws.row_dimensions[1].height = TITLE_HEIGHT
    styles.put(ws, 2, 1, REVIEW_NOTE, "pe_note")
    _merge(merges, 2, 1, 2, len(REVIEW_WIDTHS))
    set_merges(ws, merges)
    ws.row_dimensions[2].height = height_of(text_lines(REVIEW_NOTE, sum(REVIEW_WIDTHS)))
    for n, header in enumerate(REVIEW_HEADERS, start=1):
        styles.put(ws, 3, n, header, "pe_header")
    ws.row_dimensions[3].height = height_of(1)
    rows: list[tuple[int | None, str, str, str]] = [
        (n, i.kind, i.where, i.message) for n, i in enumerate(items, start=1)
    ]
    if not rows:
        rows = [(None, "", "", "数据核对未发现问题。")]
    for r, values in enumerate(rows, start=4):
        for n, value in enumerate(values, start=1):
            kind = "index" if n == 1 else ("center" if n == 2 else "text")
            styles.put(ws, r, n, value, _style_name(kind, False))
        lines = max(text_lines(str(v or ""), w) for v, w in zip(values, REVIEW_WIDTHS, strict=True))
        ws.row_dimensions[r].height = height_of(lines)
    for n, width in enumerate(REVIEW_WIDTHS, start=1):
        ws.column_dimensions[chr(64 + n)].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.firstPageNumber = 1
    ws.page_setup.useFirstPageNumber = True
    ws.page_margins = PageMargins(left=MARGIN_SIDE, right=MARGIN_SIDE)
    ws.print_title_rows = "3:3"
    ws.oddFooter.center.text = f"{REVIEW_TITLE} 第 &P 页"
    ws.oddFooter.center.font = FONT
    ws.oddFooter.center.size = 9


def build_workbook(
    tables: Sequence[Table],
    payload: str,
    *,
    review: Sequence[ReviewItem] = (),
    title: str = "",
    unit: str = "",
) -> Workbook:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.remove(wb.active)
    # The column width unit is the Normal style's digit width: 宋体's, as in the forms.
    wb._named_styles["Normal"].font = Font(name=FONT, size=BODY_SIZE)
    styles = _Styles(wb)
    for table in tables:
        _write_table(wb, table, styles)
    _write_review(wb, review, styles)
    _write_payload(wb, payload)
    wb.active = 0
    # The file's properties name the form and its unit, not the library that wrote it.
    wb.properties.creator = unit or title
    wb.properties.lastModifiedBy = unit or title
    wb.properties.title = title
    wb.properties.subject = "绩效自评附表"
    wb.properties.keywords = unit
    return wb
