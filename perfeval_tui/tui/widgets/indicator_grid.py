"""附表2 as a grid: one row per indicator, the columns of the form, the score live.

A Textual DataTable with a cell cursor; the screen (``screens/indicator_grid.py``) edits cells
through the edit session and tells the grid which rows to show again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.widget import Widget
from textual.widgets import DataTable

from ...scoring.engine import ProjectScore
from ...scoring.model import Indicator
from ...scoring.numbers import fmt2, fmt_plain


@dataclass(frozen=True, slots=True)
class GridColumn:
    key: str  # the indicator field the column edits ("levels": the group, "name": the last level)
    title: str
    width: int
    editable: bool = True


COLUMNS: tuple[GridColumn, ...] = (
    GridColumn("levels", "层级", 12),
    GridColumn("name", "名称", 20),
    GridColumn("weight", "权重", 4),
    GridColumn("target", "目标值", 8),
    GridColumn("actual", "完成值", 8),
    GridColumn("unit", "单位", 4),
    GridColumn("score", "得分", 6, editable=False),
)
COLUMN_KEYS = tuple(column.key for column in COLUMNS)


class ReplayedKey(events.Key):
    """A key that reached a widget the focus was leaving, passed on in the order typed."""


ReplayedKey.handler_name = events.Key.handler_name  # handled as a key (``_on_key``)


async def run_bindings(widget: Widget, key: str) -> bool:
    """Run what ``key`` is bound to on ``widget`` or its screen (a replayed key has no bindings
    of its own: Textual matches bindings only for keys that come from the terminal)."""
    for node in (widget, widget.screen):
        for binding in node._bindings.key_to_bindings.get(key, ()):
            if await widget.app.run_action(binding.action, node):
                return True
    return False


def tail(text: str, width: int) -> str:
    """``text`` cut from the left to ``width`` cells: ``…总目标/产出`` (the end tells most)."""
    if cell_len(text) <= width:
        return text
    out = ""
    for char in reversed(text):
        if cell_len(out) + cell_len(char) + 1 > width:
            break
        out = char + out
    return "…" + out


def group_text(indicator: Indicator) -> str:
    """The group path as the grid shows it: without the top category when there are several."""
    path = indicator.levels[:-1]
    shown = path[1:] if len(path) > 1 else path
    return "/".join(shown)


def value_text(indicator: Indicator, field: str) -> str:
    """目标值/完成值 as written (``≥95%``, ``1304路``), or the number with its ``%``."""
    label = getattr(indicator, f"{field}_label")
    value = getattr(indicator, field)
    if label and (value is None or field == "target" or label != fmt_plain(value)):
        return str(label)
    if value is None:
        return ""
    return fmt_plain(value) + ("%" if indicator.unit == "%" else "")


def edit_text(indicator: Indicator, key: str) -> str:
    """What the editor starts with for a cell: the full value, as the user would type it."""
    if key == "levels":
        return " / ".join(indicator.levels[:-1])
    if key == "name":
        return indicator.name
    if key == "weight":
        return fmt_plain(indicator.weight)
    if key in ("target", "actual"):
        return value_text(indicator, key)
    if key == "unit":
        return indicator.unit
    return ""


def fitted_widths(width: int) -> dict[str, int]:
    """Column widths for a table ``width`` cells wide: 层级 and 名称 take what the others leave
    (at 80 columns 12 and 20; narrower, 名称 gives way first; wider, both grow)."""
    widths = {column.key: column.width for column in COLUMNS}
    fixed = sum(w for key, w in widths.items() if key not in ("levels", "name"))
    spare = width - fixed - 2 * len(COLUMNS) - 2  # cell padding, scroll bar
    levels = max(6, min(spare * 3 // 8, 40))
    widths["levels"] = levels
    widths["name"] = max(8, spare - levels)
    return widths


def cells(
    indicator: Indicator, result: ProjectScore, widths: dict[str, int] | None = None
) -> list[str | Text]:
    widths = widths or {column.key: column.width for column in COLUMNS}
    score = result.by_id(indicator.id)
    style = "red" if score.lost > 0 else ""
    out: list[str | Text] = []
    for column in COLUMNS:
        if column.key == "levels":
            out.append(tail(group_text(indicator), widths["levels"]))
        elif column.key == "score":
            out.append(Text(fmt2(score.score), style=style, justify="right"))
        else:
            text = edit_text(indicator, column.key)
            if column.key == "actual" and not text and score.actual_display:
                # A rate read from 附表1: shown, edited on step 2.
                out.append(
                    Text(tail(score.actual_display, widths["actual"]), style="dim", justify="right")
                )
                continue
            if column.key == "name":
                out.append(text)
            else:
                out.append(Text(tail(text, widths[column.key]), justify="right"))
    return out


class IndicatorGrid(DataTable[str | Text]):
    """The grid; a printable key on a cell starts editing it with that character.

    While a cell is being edited (``editor`` is set), keys that still arrive here (the focus is
    on its way to the edit line) are passed on to it in order: nothing typed fast is lost.
    """

    BINDINGS = [
        Binding("tab", "cursor_right", "右移", show=False),
        Binding("shift+tab", "cursor_left", "左移", show=False),
    ]
    DEFAULT_CSS = """
    IndicatorGrid { height: 1fr; }
    """

    def __init__(
        self,
        type_in: Callable[[str], None] | None = None,
        refill: Callable[[], None] | None = None,
        *,
        width: int = 80,
        id: str | None = None,
    ) -> None:
        super().__init__(cursor_type="cell", zebra_stripes=True, id=id)
        self.type_in = type_in  # a character typed on a cell: edit it from that character
        self.refill = refill  # show the rows again (after the columns changed width)
        self.editor: Widget | None = None
        self.widths = fitted_widths(width)  # the screen's width; fitted again on resize
        self.add_columns_fitted()

    def add_columns_fitted(self) -> None:
        for column in COLUMNS:
            self.add_column(column.title, width=self.widths[column.key], key=column.key)

    def fit(self, width: int) -> bool:
        """Column widths for ``width``; True when they changed (the rows are then to be filled
        again)."""
        widths = fitted_widths(width)
        if widths == self.widths:
            return False
        self.widths = widths
        where = self.cursor_coordinate
        self.clear(columns=True)
        self.add_columns_fitted()
        self.cursor_coordinate = where
        return True

    def fill(self, indicators: list[Indicator], result: ProjectScore) -> None:
        """Show every indicator, keeping the cursor where it was (as far as it can)."""
        where = self.cursor_coordinate
        self.clear()
        for indicator in indicators:
            self.add_row(*cells(indicator, result, self.widths), key=indicator.id)
        if self.row_count:
            self.cursor_coordinate = Coordinate(min(where.row, self.row_count - 1), where.column)

    async def take_key(self, event: events.Key) -> None:
        """A key for the table that reached the edit line between edits."""
        if event.is_printable and event.character and event.character.strip() and self.type_in:
            self.type_in(event.character)
        elif not event.is_printable:
            await run_bindings(self, event.key)

    def on_resize(self, event: events.Resize) -> None:
        current, column = self.current_id, self.cursor_column
        if self.fit(event.size.width) and self.refill is not None:
            self.refill()
            if current is not None:
                self.go_to(current, COLUMN_KEYS[column])

    def show_row(self, indicator: Indicator, result: ProjectScore) -> None:
        if indicator.id not in self.rows:
            return
        for column, value in zip(COLUMNS, cells(indicator, result, self.widths), strict=True):
            self.update_cell(indicator.id, column.key, value)

    def show_scores(self, result: ProjectScore, ids: set[str]) -> None:
        for item in result.indicators:
            if item.id in ids and item.id in self.rows:
                style = "red" if item.lost > 0 else ""
                self.update_cell(
                    item.id, "score", Text(fmt2(item.score), style=style, justify="right")
                )

    @property
    def current_id(self) -> str | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    @property
    def current_column(self) -> GridColumn:
        return COLUMNS[self.cursor_column]

    def go_to(self, indicator_id: str, column: str | None = None) -> None:
        if indicator_id not in self.rows:
            return
        row = self.get_row_index(indicator_id)
        col = COLUMN_KEYS.index(column) if column in COLUMN_KEYS else self.cursor_column
        self.cursor_coordinate = Coordinate(row, col)

    async def _on_key(self, event: events.Key) -> None:
        if self.editor is not None:
            event.stop()
            event.prevent_default()
            self.editor.post_message(ReplayedKey(event.key, event.character))
            return
        if event.is_printable and event.character and event.character.strip() and self.type_in:
            event.stop()
            event.prevent_default()
            self.type_in(event.character)
            return
        if not event.is_printable and await run_bindings(self, event.key):
            # Now, not once the key has bubbled up to the app: the keys behind it (a row's
            # name after Ctrl+N) must find the state this key leaves.
            event.stop()
            event.prevent_default()
            return
        await super()._on_key(event)
