"""Reading an exported workbook's grid back: sheets, header columns, merged cells, cell values.

Tolerant of what Excel and WPS do to a file (shared strings, moved or inserted rows, an
unhidden column); strict about the layout, so a workbook that is not ours is named and shamed
by sheet and cell.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..scoring.numbers import NumberInputError, NumberKind, parse_number
from .cells import decimal_of
from .table import CLOSING_LABELS, UNIT_PREFIX, Column
from .xlsx_book import Book, SheetCells, UnreadableWorkbook, read_book
from .xlsx_writer import DATA_MARKER, DATA_SHEET, KEY_HEADER

HEADER_SEARCH_ROWS = 20
_SPACES = re.compile(r"[\s\u3000]+")


class WorkbookImportError(Exception):
    """A workbook that cannot be read back; ``str()`` is the Chinese message."""


def squash(text: object) -> str:
    """Text with all white space removed, for comparing headers and labels."""
    return _SPACES.sub("", "" if text is None else str(text))


@dataclass(frozen=True, slots=True)
class CellRead:
    value: Any
    number_format: str
    coordinate: str
    continued: bool = False  # a non-first cell of a range merged across columns


@dataclass(slots=True)
class SheetGrid:
    """One sheet: where its header row is, which column holds which table column, and its rows."""

    name: str
    header_row: int
    columns: dict[str, int]  # table column key -> sheet column number
    key_column: int | None
    rows: list[tuple[int, dict[str, CellRead], str]]  # (sheet row, cells by key, hidden key)
    above: list[str] = field(default_factory=list)  # texts above the header (title, 填报单位)
    below: list[str] = field(default_factory=list)  # texts below the table (填表人…, 说明)

    def where(self, cell: CellRead, header: str) -> str:
        return f"工作表「{self.name}」单元格 {cell.coordinate}（{header}）"

    def row_where(self, row: int) -> str:
        return f"工作表「{self.name}」第 {row} 行"


def open_workbook(path: Path) -> Book:
    """Every sheet's cells, read once in read-only mode; the file is closed when this returns."""
    if not path.is_file():
        raise WorkbookImportError(f"找不到文件「{path}」。请检查路径")
    try:
        return read_book(path)
    except UnreadableWorkbook:
        raise WorkbookImportError(
            f"「{path}」不是有效的 xlsx 工作簿（可能是 .xls 旧格式、已损坏或不是表格文件）。"
            "请在 Excel/WPS 中另存为 .xlsx 后再导入"
        ) from None


def sheet(workbook: Book, name: str) -> SheetCells:
    if name not in workbook.sheetnames:
        shown = "、".join(f"「{n}」" for n in workbook.sheetnames if n != DATA_SHEET)
        raise WorkbookImportError(
            f"找不到工作表「{name}」（工作簿中的工作表：{shown}）。这不是本程序导出的附表，"
            "或工作表被改了名"
        )
    return workbook[name]


def _merged_map(ws: SheetCells, first_row: int) -> dict[tuple[int, int], tuple[int, int, bool]]:
    """Each covered cell -> (top-left row, top-left column, merged across columns?)."""
    out: dict[tuple[int, int], tuple[int, int, bool]] = {}
    for rng in ws.merged:
        if rng.max_row < first_row:
            continue
        across = rng.max_col > rng.min_col
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if (r, c) != (rng.min_row, rng.min_col):
                    out[(r, c)] = (rng.min_row, rng.min_col, across and c > rng.min_col)
    return out


def _find_header(ws: SheetCells, first: Column, sheet_name: str) -> int:
    wanted = squash(first.header)
    for row in range(1, min(ws.max_row, HEADER_SEARCH_ROWS) + 1):
        if squash(ws.value(row, 1)) == wanted:
            return row
    found = ws.value(4, 1)
    raise WorkbookImportError(
        f"工作表「{sheet_name}」单元格 A4 应为表头「{first.header}」，实际为「{found or '空'}」。"
        "这不是本程序导出的附表，或表头被改动"
    )


def read_grid(ws: SheetCells, columns: tuple[Column, ...], is_end: Any) -> SheetGrid:
    """Locate the header, map the columns by header text, read rows until ``is_end(first_text)``."""
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    name = ws.title
    header_row = _find_header(ws, columns[0], name)
    by_text = {
        squash(value): c
        for c, value in enumerate(ws.row_values(header_row), start=1)
        if value is not None
    }
    mapping: dict[str, int] = {}
    for n, column in enumerate(columns, start=1):
        at = by_text.get(squash(column.header))
        if at is None:  # a workbook from an earlier version: the header's first line only
            at = by_text.get(squash(column.header.split("\n")[0]))
        if at is None:
            raise WorkbookImportError(
                f"工作表「{name}」第 {header_row} 行缺少表头「{column.header.replace(chr(10), '')}」"
                f"（原在单元格 {get_column_letter(n)}{header_row}）。请恢复该列的表头"
            )
        mapping[column.key] = at
    key_column = by_text.get(squash(KEY_HEADER))
    merged = _merged_map(ws, header_row + 1)
    grid = SheetGrid(name, header_row, mapping, key_column, [])
    for r in range(1, header_row):
        grid.above += [str(v) for v in ws.row_values(r) if isinstance(v, str) and v.strip()]
    last_row = ws.max_row
    r = header_row + 1
    while r <= last_row:
        first = ws.value(r, 1)
        if is_end(squash(first)):
            break
        cells: dict[str, CellRead] = {}
        for key, c in mapping.items():
            source = merged.get((r, c))
            top_row, top_col = (source[0], source[1]) if source else (r, c)
            continued = bool(source and source[2])
            cells[key] = CellRead(
                ws.value(top_row, top_col),
                ws.number_format(top_row, top_col),
                f"{get_column_letter(c)}{r}",
                continued,
            )
        hidden = ws.value(r, key_column) if key_column else None
        if any(cell.value not in (None, "") for cell in cells.values()):
            grid.rows.append((r, cells, str(hidden).strip() if hidden else ""))
        r += 1
    for rest in range(r, last_row + 1):
        grid.below += [str(v) for v in ws.row_values(rest) if isinstance(v, str) and v.strip()]
    return grid


def is_closing(text: str) -> bool:
    return text.startswith(squash(CLOSING_LABELS[0])) or text.startswith("说明")


def labelled(texts: list[str], label: str) -> str | None:
    """The value after ``label`` in the first text that carries it (``填表人：高宏`` -> 高宏)."""
    for text in texts:
        stripped = text.strip()
        if stripped.startswith(label):
            return stripped[len(label) :].strip()
    return None


def unit_from(texts: list[str]) -> str | None:
    return labelled(texts, UNIT_PREFIX)


def text_of(cell: CellRead) -> str:
    value = cell.value
    if value is None or cell.continued:
        return ""
    if isinstance(value, str):
        return value  # exactly as typed: leading "=", "+", tab… are part of the text
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def number_of(grid: SheetGrid, cell: CellRead, header: str, kind: NumberKind) -> Decimal | None:
    """A number typed in a cell (a number, or text such as ``450万元`` or ``1,304``); None if empty."""
    value = cell.value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = decimal_of(value)
    elif not isinstance(value, str):
        value = str(value)  # a date or a boolean Excel guessed from what was typed
    try:
        return parse_number(value, field=header, kind=kind)
    except NumberInputError as exc:
        raise WorkbookImportError(f"{grid.where(cell, header)}{exc.problem}。{exc.hint}") from None


def required_number_of(grid: SheetGrid, cell: CellRead, header: str, kind: NumberKind) -> Decimal:
    """Like :func:`number_of`, but a blank cell (or a formula saved without its result) is refused,
    never read as 0."""
    value = number_of(grid, cell, header, kind)
    if value is None:
        raise WorkbookImportError(
            f"{grid.where(cell, header)}为空，或是没有保存计算结果的公式。"
            "请填写数字（没有则填 0）；若是公式，请在 Excel/WPS 中打开并保存后再导入"
        )
    return value


def hidden_payload(workbook: Book) -> dict[str, Any] | None:
    """The project data kept in the hidden sheet, or None when it is missing or damaged."""
    if DATA_SHEET not in workbook.sheetnames:
        return None
    ws = workbook[DATA_SHEET]
    if ws.value(1, 1) != DATA_MARKER:
        return None
    chunks = []
    for r in range(3, ws.max_row + 1):
        value = ws.value(r, 1)
        if not isinstance(value, str):
            break
        chunks.append(value)
    try:
        data = json.loads("".join(chunks))
    except ValueError:
        return None
    return data if isinstance(data, dict) else None
