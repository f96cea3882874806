"""How a table value becomes a spreadsheet cell value and number format, and back again.

Pure functions (no openpyxl): the writer uses them to fill cells, the importer uses them to know
what the writer put in a cell and to read numbers typed in Excel or WPS.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..scoring.numbers import PERCENT_UNITS
from .table import CellKind, CellValue, Quantity

HUNDRED = Decimal(100)
PERCENT_FORMAT = "0.00%"
TEXT_FORMAT = "@"
KIND_FORMATS: dict[str, str] = {
    "text": TEXT_FORMAT,
    "center": TEXT_FORMAT,
    "index": "0",
    "money": "0.00",
    "rate": PERCENT_FORMAT,
    "score": "0.00",
    "value": "General",
}
# Control characters an xlsx file cannot hold (tab, LF and CR can stay).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_QUOTED = re.compile(r'"([^"]*)"')

Content = str | int | float | None


def clean_text(text: str) -> str:
    return _ILLEGAL.sub("", text)


def number(value: Decimal) -> int | float:
    """A Decimal as the number the cell stores; whole numbers stay integers."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def is_percent_unit(unit: str) -> bool:
    return unit.strip() in PERCENT_UNITS


def unit_format(unit: str) -> str:
    """The number format that shows an indicator value with its unit: 1304 -> ``1304路``."""
    if is_percent_unit(unit):
        return PERCENT_FORMAT
    literal = unit.replace('"', "").replace("\\", "").strip()
    return f'General"{literal}"' if literal else "General"


def cell_content(value: CellValue, kind: CellKind) -> tuple[Content, str | None]:
    """The stored value and, when it differs from the column's own, the number format."""
    if value is None:
        return None, None
    if isinstance(value, str):
        return clean_text(value), None
    if isinstance(value, Quantity):
        if is_percent_unit(value.unit):
            return number(value.value / HUNDRED), PERCENT_FORMAT
        return number(value.value), unit_format(value.unit)
    if isinstance(value, Decimal):
        return number(value / HUNDRED if kind == "rate" else value), None
    return value, None


def decimal_of(value: int | float) -> Decimal:
    """A number read from a cell as the Decimal that was meant (0.1 stays 0.1, 450.0 is 450)."""
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    return plain(exact)


def plain(value: Decimal) -> Decimal:
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def format_unit(number_format: str) -> tuple[bool, str]:
    """(is it a percentage format, the literal unit text) of a number format."""
    unquoted = _QUOTED.sub("", number_format)
    literal = "".join(_QUOTED.findall(number_format)).strip()
    return "%" in unquoted, literal
