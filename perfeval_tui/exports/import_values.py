"""An indicator's 目标值/完成值 cell read back: a number with its unit, or a qualitative label.

Excel users type ``1338``, ``1338路``, ``96%`` (stored as 0.96 in a percent cell) or a word such
as ``合理``; all of them must come back as what was meant.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..scoring.numbers import NumberInputError, parse_number
from .cells import HUNDRED, decimal_of, format_unit, is_percent_unit, plain
from .xlsx_reader import CellRead, SheetGrid, WorkbookImportError

# A leading number (ASCII or full-width digits, thousands commas) and whatever unit follows it.
_NUMBER_AND_UNIT = re.compile(r"^([+-]?[0-9０-９][0-9０-９,，.．]*)\s*(.*)$")


def read_value(
    grid: SheetGrid, cell: CellRead, header: str, unit: str
) -> tuple[Decimal | None, str, str | None]:
    """(number, label, unit typed with it); exactly one of number and label is set, or neither."""
    value = cell.value
    if cell.continued or value is None or (isinstance(value, str) and not value.strip()):
        return None, "", None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        percent, literal = format_unit(cell.number_format)
        number = decimal_of(value)
        if percent:
            return plain(number * HUNDRED), "", unit if is_percent_unit(unit) else "%"
        return number, "", literal or None
    text = str(value).strip()
    match = _NUMBER_AND_UNIT.match(text)
    if match is None:
        return None, text, None  # a qualitative value such as 合理 or 明显改善
    typed_unit = match.group(2).strip()
    try:
        if any(ch.isdigit() for ch in typed_unit):  # 13o4路: a typo, not 13 of a unit "o4路"
            raise NumberInputError(header, "不是有效数字", "value")
        number = parse_number(match.group(1), field=header, kind="value")
    except NumberInputError as exc:
        raise WorkbookImportError(
            f"{grid.where(cell, header)}「{text}」{exc.problem}。{exc.hint}"
        ) from None
    if typed_unit in ("%", "％") and is_percent_unit(unit):
        typed_unit = unit
    return number, "", typed_unit or None
