"""Cell texts of a filled form from .tsv, .csv or .xlsx, as the clerk typed them.

Numbers in a workbook come back as they would show: ``880`` not ``880.0``, a cell formatted as a
percentage as ``96%``. Merged cells are blank below their first row, as in a typed-in copy.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..project.form_import import FormImportError
from ..project.form_layout import Grid
from .xlsx_book import Book, UnreadableWorkbook, read_book

TEXT_SUFFIXES = (".tsv", ".csv", ".txt")
ENCODINGS = ("utf-8-sig", "gb18030")


def _cell_text(value: Any, number_format: str = "General") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        number = Decimal(str(value))
        if "%" in number_format:
            number *= 100
            text = format(number.normalize(), "f")
            return f"{text}%"
        if number == number.to_integral_value():
            return format(number.quantize(Decimal(1)), "f")
        return format(number.normalize(), "f")
    return str(value)


def _decode(path: Path) -> str:
    data = path.read_bytes()
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FormImportError(f"「{path.name}」不是 UTF-8 或 GB18030 编码的文本，无法读取")


def read_text_grid(path: Path) -> Grid:
    text = _decode(path)
    delimiter = "\t" if path.suffix.lower() in (".tsv", ".txt") or "\t" in text else ","
    rows = tuple(tuple(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter))
    return Grid(path.name, rows)


def read_xlsx_grids(workbook: Book) -> list[Grid]:
    grids: list[Grid] = []
    for ws in workbook.worksheets:
        if ws.sheet_state != "visible":
            continue
        rows = tuple(tuple(_cell_text(value, fmt) for value, fmt in row) for row in ws.rows())
        grids.append(Grid(ws.title, rows))
    return grids


def read_grids(path: Path, workbook: Book | None = None) -> list[Grid]:
    """Every visible sheet of the file (a text file is one sheet named after the file);
    ``workbook`` is the file's workbook when it has been read already."""
    if workbook is not None:
        return read_xlsx_grids(workbook)
    if not path.is_file():
        raise FormImportError(f"找不到文件「{path}」。请检查路径")
    if path.suffix.lower() in TEXT_SUFFIXES:
        return [read_text_grid(path)]
    try:
        workbook = read_book(path)
    except UnreadableWorkbook:
        raise FormImportError(
            f"「{path.name}」不是有效的 xlsx 工作簿（也不是 .tsv / .csv 文本），无法读取"
        ) from None
    return read_xlsx_grids(workbook)
