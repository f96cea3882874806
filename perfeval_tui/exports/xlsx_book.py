"""A workbook's cell values read once, in openpyxl's read-only (streaming) mode.

openpyxl's normal mode builds a Cell object with its styles for every cell of every sheet and
keeps them all; an exported 附表2 of 20,000 indicators is hundreds of thousands of them. Import
needs only each cell's value and number format, and the merged ranges. Read-only mode streams
each sheet's XML once; its worksheets do not expose the merged ranges, so each sheet is parsed
here with openpyxl's own sheet parser, which collects ``<mergeCells>`` as it passes them.

What a sheet gives back is what normal mode gave: a cell covered by a merge reads empty
(openpyxl's ``MergedCell``), and the sheet's size counts every cell written and every merged one.
The file is read whole and closed before anything is returned; it is never written.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

GENERAL = "General"


class UnreadableWorkbook(Exception):
    """The file is not an xlsx workbook openpyxl can read (callers word the message)."""


@dataclass(frozen=True, slots=True)
class MergedRange:
    min_row: int
    min_col: int
    max_row: int
    max_col: int


@dataclass(slots=True)
class SheetCells:
    """One sheet's values and number formats by (row, column), 1-based, and its merged ranges."""

    title: str
    sheet_state: str
    values: dict[tuple[int, int], Any] = field(default_factory=dict)
    formats: dict[tuple[int, int], str] = field(default_factory=dict)  # only non-General ones
    merged: list[MergedRange] = field(default_factory=list)
    max_row: int = 0  # 0 for a sheet without cells
    max_column: int = 0

    def value(self, row: int, column: int) -> Any:
        return self.values.get((row, column))

    def number_format(self, row: int, column: int) -> str:
        return self.formats.get((row, column), GENERAL)

    def row_values(self, row: int) -> list[Any]:
        """The values of one row, columns 1 to the sheet's last."""
        get = self.values.get
        return [get((row, c)) for c in range(1, self.max_column + 1)]

    def rows(self) -> Iterator[list[tuple[Any, str]]]:
        """Every row from 1 to the last, as (value, number format) for columns 1 to the last."""
        for r in range(1, self.max_row + 1):
            yield [
                (self.values.get((r, c)), self.formats.get((r, c), GENERAL))
                for c in range(1, self.max_column + 1)
            ]


@dataclass(slots=True)
class Book:
    sheetnames: list[str]
    sheets: dict[str, SheetCells]

    def __contains__(self, name: str) -> bool:
        return name in self.sheets

    def __getitem__(self, name: str) -> SheetCells:
        return self.sheets[name]

    @property
    def worksheets(self) -> list[SheetCells]:
        return [self.sheets[name] for name in self.sheetnames]


def read_book(path: Path) -> Book:
    """Every sheet of the workbook at ``path``; :class:`UnreadableWorkbook` if it cannot be read."""
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise UnreadableWorkbook(str(path)) from None
    try:
        sheets = {ws.title: _read_sheet(workbook, ws) for ws in workbook.worksheets}
        return Book(list(sheets), sheets)
    except Exception:  # a damaged sheet shows only now: read-only mode parses on demand
        raise UnreadableWorkbook(str(path)) from None
    finally:
        workbook.close()


def _read_sheet(workbook: Any, ws: Any) -> SheetCells:
    from openpyxl.cell.read_only import ReadOnlyCell  # type: ignore[import-untyped]
    from openpyxl.utils.cell import range_boundaries  # type: ignore[import-untyped]
    from openpyxl.worksheet._reader import WorkSheetParser  # type: ignore[import-untyped]

    out = SheetCells(ws.title, ws.sheet_state)
    values, formats = out.values, out.formats
    format_of: dict[int, str] = {}
    max_row = max_col = 0
    # The same parser, with the same arguments, as openpyxl's normal and read-only modes use.
    with ws._get_source() as source:
        parser = WorkSheetParser(
            source,
            ws._shared_strings,
            data_only=True,
            epoch=workbook.epoch,
            date_formats=workbook._date_formats,
            timedelta_formats=workbook._timedelta_formats,
        )
        for _index, cells in parser.parse():
            for cell in cells:
                key = (cell["row"], cell["column"])
                max_row = max(max_row, key[0])
                max_col = max(max_col, key[1])
                if cell["value"] is not None:
                    values[key] = cell["value"]
                style = cell["style_id"]
                if style:
                    number_format = format_of.get(style)
                    if number_format is None:
                        number_format = ReadOnlyCell(ws, 0, 0, None, "n", style).number_format
                        format_of[style] = number_format or GENERAL
                    if number_format != GENERAL:
                        formats[key] = number_format
        merged = parser.merged_cells.mergeCell if parser.merged_cells else []
    for item in merged:
        min_col, min_row, max_c, max_r = range_boundaries(item.ref)
        out.merged.append(MergedRange(min_row, min_col, max_r, max_c))
        max_row, max_col = max(max_row, max_r), max(max_col, max_c)
        for r in range(min_row, max_r + 1):  # covered cells read empty, as openpyxl's MergedCell
            for c in range(min_col, max_c + 1):
                if (r, c) != (min_row, min_col):
                    values.pop((r, c), None)
                    formats.pop((r, c), None)
    out.max_row, out.max_column = max_row, max_col
    return out
