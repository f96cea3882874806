"""The sandbox's score list: every subtotal and indicator with its score against the saved file.

Rows come from the engine's :class:`~perfeval_tui.analysis.whatif.Comparison`; a row that moved shows
``15.00 → 14.49 (−0.51)``, one that did not shows its score. Subtotal rows cannot take the cursor.
Each row is its own small widget and is repainted only when its own text changes, so a keystroke
in the sandbox costs a line or two of output, not the whole list.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import ListItem, ListView

from ...analysis.whatif import Comparison, ScoreDelta, fmt_delta
from ...scoring.numbers import fmt2
from ...term.textwidth import clip
from .live import LiveStatic, pad

NUMBERS = 21  # "100.00 → 100.00 (−0.51)" at most, right-aligned


def row_text(delta: ScoreDelta, depth: int, width: int, *, group: bool) -> Text:
    """``  监控建成数量        15.00 → 14.49 (−0.51)``, cut to ``width`` cells."""
    name_cells = max(6, width - NUMBERS - 1)
    shown = delta.levels[-1] if group and delta.levels else delta.name
    name = pad(clip(" " * depth + shown, name_cells), name_cells)
    if delta.changed:
        before = "—" if delta.before is None else fmt2(delta.before)
        after = "—" if delta.after is None else fmt2(delta.after)
        numbers = f"{before} → {after} ({fmt_delta(delta.delta)})"
        style = "bold red" if delta.delta < 0 else "bold green"
    else:
        numbers = fmt2(delta.after) if delta.after is not None else "—"
        style = "dim" if group else ""
    text = Text(name, style="bold" if group else "")
    text.append(" " * max(1, NUMBERS + 1 - cell_len(numbers)))
    text.append(numbers, style=style)
    return text


class DeltaRow(ListItem):
    def __init__(self, key: str, depth: int, *, group: bool) -> None:
        super().__init__(LiveStatic(), disabled=group, classes="-group" if group else "")
        self.key = key
        self.depth = depth
        self.group = group

    def show(self, delta: ScoreDelta, width: int) -> bool:
        label = self.query_one(LiveStatic)
        return label.set(row_text(delta, self.depth, width, group=self.group))


class DeltaList(ListView):
    """Subtotals and indicators in the order of 附表2; the cursor moves over indicators only."""

    DEFAULT_CSS = """
    DeltaList { scrollbar-size-vertical: 1; }
    DeltaList > ListItem.-group:disabled { color: $text; }
    DeltaList > ListItem > LiveStatic { text-wrap: nowrap; }
    """

    def __init__(self, comparison: Comparison, *, width: int, id: str | None = None) -> None:
        self.width = width
        rows = list(_rows(comparison))
        super().__init__(*rows, id=id)
        self.rows = {row.key: row for row in rows}
        self.comparison = comparison

    def on_mount(self) -> None:
        self.show(self.comparison)

    def on_resize(self) -> None:
        # Rows are padded to the list's width: lay them out again for the new width.
        width = self.scrollable_content_region.width
        if width > 0 and width != self.width:
            self.width = width
            self.show(self.comparison)

    def show(self, comparison: Comparison) -> int:
        """Update the rows whose text changed; returns how many were repainted."""
        self.comparison = comparison
        repainted = 0
        for delta in (*comparison.groups, *comparison.indicators):
            row = self.rows.get(delta.key)
            if row is not None and row.show(delta, self.width):
                repainted += 1
        return repainted

    @property
    def indicator_id(self) -> str | None:
        row = self.highlighted_child
        return row.key if isinstance(row, DeltaRow) and not row.group else None

    def select_indicator(self, indicator_id: str) -> None:
        for index, row in enumerate(self.children):
            if isinstance(row, DeltaRow) and row.key == indicator_id:
                self.index = index
                return


def _rows(comparison: Comparison) -> list[DeltaRow]:
    """Group rows before the first indicator under them, as the indicator tree shows them."""
    groups = {delta.levels: delta for delta in comparison.groups}
    shown: set[tuple[str, ...]] = set()
    rows: list[DeltaRow] = []
    for delta in comparison.indicators:
        levels = delta.levels
        for depth in range(1, len(levels)):
            path = tuple(levels[:depth])
            group = groups.get(path)
            if path not in shown and group is not None:
                shown.add(path)
                rows.append(DeltaRow(group.key, depth - 1, group=True))
        rows.append(DeltaRow(delta.key, max(0, len(levels) - 1), group=False))
    return rows
