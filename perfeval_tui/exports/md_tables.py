"""The appendix tables (the same :class:`~.table.Table` data the workbook is built from) as Markdown."""

from __future__ import annotations

from decimal import Decimal

from ..scoring.numbers import fmt2, fmt_percent, fmt_plain
from .cells import is_percent_unit
from .table import CLOSING_LABELS, CellKind, CellValue, Quantity, Table


def escape(text: str) -> str:
    """Text safe inside a Markdown table cell: one line, no column breaks."""
    text = text.strip().replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def cell_text(value: CellValue, kind: CellKind) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, Quantity):
        if is_percent_unit(value.unit):
            return fmt_percent(value.value)
        return escape(f"{fmt_plain(value.value)}{value.unit}")
    if isinstance(value, Decimal):
        return fmt_percent(value) if kind == "rate" else fmt2(value)
    return str(value)


def markdown_table(table: Table, skip: tuple[str, ...] = ()) -> list[str]:
    """Header, rows and the closing line; cells covered by a merge are left blank, as printed.

    ``skip`` leaves out columns too long for a Markdown table (附表2's 指标解释 and 评分标准).
    """
    covered = {(n, m.column) for m in table.merges for n in range(m.first + 1, m.last + 1)}
    columns = [c for c in table.columns if c.key not in skip]
    headers = [escape(c.header.replace("\n", "")) for c in columns]
    aligns = ["---:" if c.kind in ("money", "rate", "score", "value") else "---" for c in columns]
    lines = [
        table.unit_line,
        "",
        "| " + " | ".join(headers) + " |",
        "| " + " | ".join(aligns) + " |",
    ]
    for n, row in enumerate(table.rows):
        cells = []
        for column in columns:
            value = None if (n, column.key) in covered else row.cells.get(column.key)
            text = cell_text(value, column.kind)
            if text and row.kind != "data":
                text = f"**{' '.join(text.split())}**"  # 合     计 -> 合 计
            cells.append(text)
        lines.append("| " + " | ".join(cells) + " |")
    closing = (table.closing.preparer, table.closing.date, table.closing.phone)
    lines += [
        "",
        "　".join(f"{label}{value}" for label, value in zip(CLOSING_LABELS, closing, strict=True)),
    ]
    return lines
