"""How an appendix table prints on A4 landscape: column widths, header breaks, row heights, pages.

Pure Python (no openpyxl), so the layout can be tested without writing a file. Widths are in
spreadsheet character units, heights in points. The metrics are those of 宋体, the forms' font and
the workbook's Normal font: a half-width character is one unit (the digit width, 5.25 pt at
10.5 pt), a CJK character two, a line 13.5 pt in Excel; a little is added to the line so that a
substitute font with taller lines still fits.

Pages are decided here, not by the spreadsheet: every page ends with a manual break at a row
where no merged 一级/二级 cell (nor a shared 指标解释/评分标准 cell) continues, and a block taller
than a page is split with its labels written again on the new page. The footer therefore knows
each form's own page count.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from ..term.textwidth import line_width as cell_width
from .cells import PERCENT_FORMAT, cell_content
from .sheet_indicators import SHARED_TEXT_KEYS
from .table import Column, Table, VerticalMerge

BODY_SIZE = 10.5
HEADER_SIZE = 10.5
TITLE_SIZE = 16
NOTE_SIZE = 10
LINE_HEIGHT = 14.0  # points per wrapped line of 10.5 pt 宋体 (Excel: 13.5)
NOTE_LINE_HEIGHT = 13.5
ROW_PADDING = 4.0
PAD = 2  # units of blank space each side of a value, together
BOLD = 1.1  # bold digits are up to a tenth wider
MIN_WRAP = 8  # a wrapped text column is never narrower than 4 CJK characters

# A4 landscape, in points.
PAGE_WIDTH = 841.9
PAGE_HEIGHT = 595.3
MARGIN_SIDE = 0.4  # inches
MARGIN_TOP = 0.5
MARGIN_BOTTOM = 0.7
MARGIN_HEADER = 0.2
MARGIN_FOOTER = 0.3
UNIT_POINTS = 5.6  # one width unit printed: 5.25 pt, plus each column's few points of padding
PAGE_UNITS = int((PAGE_WIDTH - 2 * 72 * MARGIN_SIDE) / UNIT_POINTS) - 1
# Room left for rows on a page, before scaling: the footer line and a safety margin come off.
PAGE_ROOM = PAGE_HEIGHT - 72 * (MARGIN_TOP + MARGIN_BOTTOM) - 24
MIN_SCALE = math.ceil(100 * 9 / BODY_SIZE)  # the body never prints under 9 pt

LABEL_HEIGHT = 18.0
TITLE_HEIGHT = 30.0
UNIT_HEIGHT = 20.0
CLOSING_HEIGHT = 24.0

# Characters a terminal counts as one cell but 宋体 prints full width: “”‘’…—、①, ≤≥, ※ and so on.
_AMBIGUOUS = re.compile(
    "[\u00a7\u00a8\u00b0\u00b1\u00b4\u00b6\u00d7\u00f7\u2010-\u2027\u2030-\u203b\u2103"
    "\u2116\u2160-\u216b\u2190-\u2199\u2208-\u2267\u2460-\u24ff\u2500-\u257f"
    "\u25a0-\u25ef\u2605\u2606]"
)
_WORD = re.compile(r"[A-Za-z0-9.%\-]+|.", re.S)  # a number or a Latin word stays on one line
_ATOM = re.compile(r"（[^（）]*）|\([^()]*\)|[A-Za-z0-9.%]+|.", re.S)


@dataclass(slots=True)
class Layout:
    widths: list[float]
    headers: list[str]  # each column's header with the line breaks to print
    header_height: float
    heights: list[float]  # table rows, then the closing line, then each note
    scale: int
    breaks: list[int] = field(default_factory=list)  # indexes into heights that start a page
    merges: list[VerticalMerge] = field(default_factory=list)  # after splitting at breaks
    repeats: set[tuple[int, str]] = field(default_factory=set)  # (row, column) labels re-written
    notes: list[str] = field(default_factory=list)  # the notes with their line breaks

    @property
    def pages(self) -> int:
        return len(self.breaks) + 1


@lru_cache(maxsize=8192)  # the same rule texts repeat on many rows
def line_width(line: str) -> int:
    """Width of one line in 宋体, in units: CJK and full-width punctuation count two."""
    return cell_width(line) + len(_AMBIGUOUS.findall(line))


def display_width(text: str) -> int:
    return max(map(line_width, text.split("\n")), default=0)


def wrapped_lines(text: str, width: float) -> int:
    usable = max(int(width), 2)
    return sum(max(1, -(-line_width(line) // usable)) for line in text.split("\n"))


def shown_text(value: object, number_format: str | None, kind: str) -> str:
    """The text a spreadsheet shows for a stored value, as the width calculation needs it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    fmt = number_format or {"money": "0.00", "rate": PERCENT_FORMAT, "score": "0.00"}.get(kind)
    if fmt == PERCENT_FORMAT:
        return f"{Decimal(str(value)) * 100:.2f}%"
    if fmt == "0.00":
        return f"{Decimal(str(value)):.2f}"
    unit = "".join(re.findall(r'"([^"]*)"', fmt or ""))
    return f"{value}{unit}"


def atoms(text: str) -> list[str]:
    """Pieces a header line may break between: a (bracketed) group or a number stays whole."""
    return _ATOM.findall(text)


def _greedy(pieces: list[str], cap: int) -> list[str]:
    lines, current = [], ""
    for piece in pieces:
        if current and line_width(current + piece) > cap:
            lines.append(current)
            current = piece
        else:
            current += piece
    return [*lines, current]


def balanced(text: str, room: int) -> list[str]:
    """``text`` in the fewest lines that fit ``room`` units, as even as possible (no orphan)."""
    pieces = atoms(text)
    fewest = len(_greedy(pieces, room))
    if fewest == 1:
        return [text]
    for cap in range(math.ceil(line_width(text) / fewest), room + 1):
        lines = _greedy(pieces, cap)
        if len(lines) <= fewest:
            return lines
    return _greedy(pieces, room)


def wrap_text(text: str, room: float) -> str:
    """``text`` with its line breaks written in, each line at most ``room`` units wide."""
    out: list[str] = []
    for paragraph in text.split("\n"):
        out += _greedy(_WORD.findall(paragraph), max(int(room), 2)) if paragraph else [""]
    return "\n".join(out)


def header_lines(header: str, width: float) -> list[str]:
    room = int(width) - PAD
    out: list[str] = []
    for segment in header.split("\n"):
        out += balanced(segment, room)
    return out


def _wraps(column: Column) -> bool:
    return column.wrap and column.kind in ("text", "center")


def _natural_widths(table: Table) -> tuple[list[float], list[bool]]:
    covered = {(n, m.column) for m in table.merges for n in range(m.first + 1, m.last + 1)}
    widths: list[float] = []
    flexible: list[bool] = []
    for column in table.columns:
        atom = max((line_width(a) for a in atoms(column.header.replace("\n", ""))), default=2)
        need = 0.0
        for n, row in enumerate(table.rows):
            if (n, column.key) in covered or column.key in row.spans:
                continue
            value, number_format = cell_content(row.cells.get(column.key), column.kind)
            text = shown_text(value, number_format, column.kind)
            factor = BOLD if row.kind != "data" else 1.0
            need = max(need, display_width(text) * factor)
        wraps = _wraps(column)
        if wraps:
            width = min(max(need + PAD, MIN_WRAP), column.width)
            width = max(width, atom + PAD)
        else:
            width = max(need + PAD + 1, atom + PAD, 6.0)  # a number never touches the rule
        widths.append(float(math.ceil(width)))
        flexible.append(wraps)
    return widths, flexible


def column_widths(table: Table) -> list[float]:
    """Widest formatted value (bold counted wider); text that may wrap narrows to fit the page.

    Long text gets its full preferred width while the form still fits the page at 86% (where
    10.5 pt prints at 9 pt): wider text columns mean shorter rows and fewer pages. Beyond that
    the wrapped columns narrow, down to four characters.
    """
    widths, flexible = _natural_widths(table)
    excess = sum(widths) - PAGE_UNITS * 100 / MIN_SCALE
    if excess > 0:
        room = [w - MIN_WRAP if f else 0.0 for w, f in zip(widths, flexible, strict=True)]
        spare = sum(room)
        if spare > 0:
            share = min(1.0, excess / spare)
            widths = [float(math.floor(w - r * share)) for w, r in zip(widths, room, strict=True)]
    return widths


def scale_for(widths: list[float]) -> int:
    return max(MIN_SCALE, min(100, math.floor(PAGE_UNITS * 100 / sum(widths))))


@lru_cache(maxsize=8192)
def text_lines(text: str, width: float, bold: bool = False) -> int:
    room = (width - PAD) / (BOLD if bold else 1.0)
    return wrapped_lines(text, room)


def height_of(lines: int, line: float = LINE_HEIGHT) -> float:
    return min(409.0, max(lines, 1) * line + ROW_PADDING)


def row_heights(table: Table, widths: list[float]) -> list[float]:
    """Each table row's height: its tallest wrapped cell; a merged cell's text shared by its rows."""
    position = {c.key: n for n, c in enumerate(table.columns)}
    starts = {(m.first, m.column): m for m in table.merges}
    covered = {(n, m.column) for m in table.merges for n in range(m.first + 1, m.last + 1)}
    lines = [1] * len(table.rows)
    for r, row in enumerate(table.rows):
        for n, column in enumerate(table.columns):
            value, _ = cell_content(row.cells.get(column.key), column.kind)
            if not isinstance(value, str) or not value or (r, column.key) in covered:
                continue
            span_end = position.get(row.spans.get(column.key, ""), n)
            needed = text_lines(value, sum(widths[n : span_end + 1]), row.kind != "data")
            merge = starts.get((r, column.key))
            if merge is None:
                lines[r] = max(lines[r], needed)
                continue
            rows = range(merge.first, merge.last + 1)
            have = sum(lines[k] for k in rows)
            if needed > have:  # spread the missing lines over the block
                extra = needed - have
                for k in rows:
                    add = -(-extra // (merge.last - k + 1))
                    lines[k] += add
                    extra -= add
    return [height_of(n) for n in lines]


def note_text(n: int, note: str, width: float) -> str:
    """A note under the table, its lines broken where they fit the table's width."""
    indent = "　　　"
    room = (width - PAD) * BODY_SIZE / NOTE_SIZE - line_width(indent) - 4
    lines = wrap_text(note, room).split("\n")
    first = ("说明：" if n == 0 else indent) + lines[0]
    return "\n".join([first, *(indent + line for line in lines[1:])])


def _header_height(headers: list[str]) -> float:
    return height_of(max(h.count("\n") + 1 for h in headers)) + 4


def paginate(layout: Layout, table: Table, first_page_extra: float) -> None:
    """Decide the page breaks; split a merged block only when it cannot fit on one page."""
    room = PAGE_ROOM * 100 / layout.scale
    body = room - layout.header_height
    merges = dict.fromkeys(table.merges)  # ordered set
    data_rows = len(table.rows)
    # The merges that continue past each row boundary i (from row i - 1 into row i).
    across_at: dict[int, list[VerticalMerge]] = {}

    def index(m: VerticalMerge, add: bool) -> None:
        for j in range(m.first + 1, m.last + 1):
            if add:
                across_at.setdefault(j, []).append(m)
            else:
                across_at[j].remove(m)

    for m in merges:
        index(m, True)

    def crossing(i: int) -> list[VerticalMerge]:
        return list(across_at.get(i, ()))

    def allowed(i: int, texts_may_split: bool) -> bool:
        if i >= len(layout.heights):
            return False
        if i < data_rows and table.rows[i - 1].kind == "section":
            return False  # a section row (一、共性指标) stays with its first indicator
        if i == data_rows:
            return False  # the 填表人 line stays with the last row
        across = crossing(i)
        if texts_may_split:
            return all(m.column in SHARED_TEXT_KEYS for m in across)
        return not across

    start, used = 0, first_page_extra
    i = 0
    while i < len(layout.heights):
        h = layout.heights[i]
        if used + h <= body or i == start:
            used += h
            i += 1
            continue
        # Prefer a row where nothing merged continues; then one where only a shared 评分标准
        # or 指标解释 continues; a block of one 一级/二级 label taller than a page comes last.
        at = i
        for texts_may_split in (False, True):
            candidates = [j for j in range(start + 1, i + 1) if allowed(j, texts_may_split)]
            if candidates:
                at = candidates[-1]
                break
        for m in crossing(at):  # split what continues; its text is written again
            del merges[m]
            index(m, False)
            for piece in (
                VerticalMerge(m.column, m.first, at - 1),
                VerticalMerge(m.column, at, m.last),
            ):
                merges[piece] = None
                index(piece, True)
            layout.repeats.add((at, m.column))
        layout.breaks.append(at)
        start, used = at, 0.0
        i = at
    layout.merges = [m for m in merges if m.last > m.first]


def lay_out(table: Table) -> Layout:
    widths = column_widths(table)
    headers = [
        "\n".join(header_lines(c.header, w)) for c, w in zip(table.columns, widths, strict=True)
    ]
    full = sum(widths)
    heights = row_heights(table, widths)
    heights.append(CLOSING_HEIGHT)
    layout_notes = [note_text(n, note, full) for n, note in enumerate(table.notes)]
    heights += [height_of(t.count("\n") + 1, NOTE_LINE_HEIGHT) for t in layout_notes]
    layout = Layout(widths, headers, _header_height(headers), heights, scale_for(widths))
    layout.notes = layout_notes
    paginate(layout, table, LABEL_HEIGHT + TITLE_HEIGHT + UNIT_HEIGHT)
    return layout
