"""The appendix tables as plain data: columns, rows and merges, before any file format.

Each sheet module (附表1, 附表2, 区县资金分配表) builds one :class:`Table` from the engine's
results. The xlsx writer lays a table out on a worksheet; the Markdown report renders the same
table; the importer compares what it reads with what the table says, so the three can never
drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

# text: user text, left; center: short labels; index: 序号; money: 万元, 0.00; rate: percentage
# number (100 = 100%), 0.00%; score: points, 0.00; value: an indicator's 目标值/完成值.
CellKind = Literal["text", "center", "index", "money", "rate", "score", "value"]
RowKind = Literal["data", "total", "section", "grade"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """An indicator value with its unit; ``%`` values are percentage numbers (96 means 96%)."""

    value: Decimal
    unit: str = ""


CellValue = str | int | Decimal | Quantity | None


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    header: str
    kind: CellKind
    width: float  # in spreadsheet character units; long text wraps at this width
    wrap: bool = False


@dataclass(frozen=True, slots=True)
class Row:
    kind: RowKind
    key: str  # machine-readable row id, kept in a hidden column for the import
    cells: dict[str, CellValue]
    # A cell merged across to a later column: {"l3": "l4"} merges l3..l4 on this row.
    spans: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class VerticalMerge:
    column: str
    first: int  # indexes into Table.rows, inclusive
    last: int


@dataclass(frozen=True, slots=True)
class Closing:
    preparer: str
    date: str
    phone: str


@dataclass(frozen=True, slots=True)
class Table:
    sheet: str
    label: str  # e.g. 附件2附表1, printed above the title
    title: str
    unit_line: str  # 填报单位名称（公章）：…
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    closing: Closing
    notes: tuple[str, ...] = ()
    merges: tuple[VerticalMerge, ...] = ()

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)


UNIT_PREFIX = "填报单位名称（公章）："
CLOSING_LABELS = ("填表人：", "日期：", "联系电话：")


def unit_line(unit: str) -> str:
    return f"{UNIT_PREFIX}{unit}"
