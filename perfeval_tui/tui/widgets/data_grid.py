"""A table step as a grid: one row per fund, district or indicator, the columns from a spec list.

A Textual DataTable with a cell cursor. The screen (``screens/grid_step.py``) edits a cell in the
edit line under the grid, through the edit session, and tells the grid which rows to show again.
Columns marked ``flex`` (名称, 备注, 层级) share what the fixed ones leave: a narrower terminal
gives way on them first; where even their least does not fit, the grid scrolls sideways with the
first column held.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.widget import Widget
from textual.widgets import DataTable

from .in_order import InOrderKeys, run_bindings

Cell = str | Text
# The step's keys that a scrolling widget binds as well (Ctrl+PgUp scrolls a page left): on the
# grid they keep their one meaning, the previous / next step.
STEP_KEYS = frozenset({"ctrl+pageup", "ctrl+pagedown"})
# The keys that move the cursor: the user has gone elsewhere on purpose.
MOVE_KEYS = frozenset(
    {"up", "down", "left", "right", "home", "end", "pageup", "pagedown", "tab", "shift+tab"}
)


@dataclass(frozen=True, slots=True)
class GridColumn:
    key: str  # the model field the column edits (or a derived figure's name)
    title: str  # the header, short
    width: int  # cells; for a flex column its least; for an auto column a likely width
    editable: bool = True  # False: derived, computed by the engine
    flex: int = 0  # share of the spare width (名称, 备注): these give way first
    auto: bool = False  # as wide as its widest cell (amounts are never cut)
    label: str = ""  # the field's full name, shown by the edit line (default: the title)
    live: bool = False  # a value: the score follows every keystroke, as in a form's field

    @property
    def field_label(self) -> str:
        return self.label or self.title


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


def cell_width(value: Cell) -> int:
    return cell_len(value.plain if isinstance(value, Text) else value)


def head(text: str, width: int) -> str:
    """``text`` cut from the right to ``width`` cells: ``无锡市2020年度宜居…`` (a name's start)."""
    if cell_len(text) <= width:
        return text
    out = ""
    for char in text:
        if cell_len(out) + cell_len(char) + 1 > width:
            break
        out += char
    return out + "…"


def fitted_widths(
    columns: Sequence[GridColumn], width: int, wanted: Mapping[str, int] | None = None
) -> dict[str, int]:
    """Column widths for a table ``width`` cells wide: the flex columns share what the fixed ones
    leave (never less than their least). ``wanted``: how wide a flex column's widest cell is; a
    share it does not need (an empty 备注) goes to the flex columns that are cut (a long 资金名称)."""
    widths = {column.key: column.width for column in columns}
    flex = [column for column in columns if column.flex]
    if not flex:
        return widths
    fixed = sum(column.width for column in columns if not column.flex)
    spare = width - fixed - 2 * len(columns) - 2  # cell padding, scroll bar
    shares = sum(column.flex for column in flex)
    left = spare
    for number, column in enumerate(flex):
        share = left if number == len(flex) - 1 else spare * column.flex // shares
        widths[column.key] = max(column.width, share)
        left -= share
    if wanted:
        need = {c.key: max(c.width, wanted.get(c.key, c.width)) for c in flex}
        short = {k: need[k] - widths[k] for k in need if need[k] > widths[k]}
        room = {k: widths[k] - need[k] for k in need if widths[k] > need[k]}
        moved = min(sum(short.values()), sum(room.values()))
        give = take = moved
        for key, cells in short.items():  # in column order: the name first
            widths[key] += min(cells, give)
            give -= min(cells, give)
        for key, cells in room.items():
            widths[key] -= min(cells, take)
            take -= min(cells, take)
    return widths


class RowGrid(InOrderKeys, DataTable[Cell]):
    """The grid; a printable key on a cell starts editing it with that character.

    Keys are taken in the order typed (see ``in_order.py``): while a cell is being edited
    (``editor`` is set), keys that still arrive here (the focus is on its way to the edit line)
    are passed on to it; bound keys (Ctrl+N, Tab, arrows) run as they arrive.
    """

    BINDINGS = [
        Binding("tab", "next_cell(1)", "右移", show=False),
        Binding("shift+tab", "next_cell(-1)", "左移", show=False),
    ]
    # Between edits the keys go to the edit line under the grid, so the grid is seldom focused:
    # its cursor is drawn as when it is (a blurred cursor is invisible on a 16-colour console).
    DEFAULT_CSS = """
    RowGrid { height: 1fr; }
    RowGrid > .datatable--cursor, RowGrid > .datatable--fixed-cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    """

    def __init__(
        self,
        columns: Sequence[GridColumn],
        type_in: Callable[[str], None] | None = None,
        refill: Callable[[], None] | None = None,
        *,
        width: int = 80,
        moved: Callable[[], None] | None = None,
        fixed_columns: int = 0,
        id: str | None = None,
    ) -> None:
        super().__init__(cursor_type="cell", zebra_stripes=True, fixed_columns=fixed_columns, id=id)
        self.columns_spec = tuple(columns)
        self.column_keys = tuple(column.key for column in self.columns_spec)
        self.type_in = type_in  # a character typed on a cell: edit it from that character
        self.refill = refill  # show the rows again (after the columns changed width)
        self.moved = moved  # a key moved the cursor (the user went elsewhere on purpose)
        self.editor: Widget | None = None
        self.fit_width = width  # the grid's width; fitted again on resize
        self.wanted: dict[str, int] = {}  # each flex column's widest cell
        self.widths = self.fitted_widths(width)
        self.add_columns_fitted()

    def fitted_widths(self, width: int) -> dict[str, int]:
        return fitted_widths(self.columns_spec, width, self.wanted)

    def add_columns_fitted(self) -> None:
        for column in self.columns_spec:
            width = None if column.auto else self.widths[column.key]
            self.add_column(column.title, width=width, key=column.key)

    def fit(self, width: int) -> bool:
        """Column widths for ``width``; True when they changed (the rows are then to be filled
        again)."""
        self.fit_width = width
        widths = self.fitted_widths(width)
        if widths == self.widths:
            return False
        self.widths = widths
        where = self.cursor_coordinate
        self.clear(columns=True)
        self.add_columns_fitted()
        self.cursor_coordinate = where
        return True

    def fill_rows(self, rows: Sequence[tuple[str, Sequence[Cell]]]) -> None:
        """Show ``(row key, cells)`` rows, keeping the cursor where it was (as far as it can)."""
        where = self.cursor_coordinate
        wanted = {
            column.key: max([cell_len(column.title)] + [cell_width(v[n]) for _, v in rows])
            for n, column in enumerate(self.columns_spec)
            if column.flex
        }
        if wanted != self.wanted:  # a flex column may take another's unused room
            self.wanted = wanted
            self.fit(self.fit_width)
        self.clear()
        for key, values in rows:
            self.add_row(*values, key=key)
        if self.row_count:
            self.cursor_coordinate = Coordinate(min(where.row, self.row_count - 1), where.column)

    def update_row(self, key: str, values: Sequence[Cell]) -> None:
        if key not in self.rows:
            return
        for column, value in zip(self.columns_spec, values, strict=True):
            self.update_cell(key, column.key, value, update_width=column.auto)

    def on_resize(self, event: events.Resize) -> None:
        current, column = self.current_id, self.cursor_column
        if self.fit(event.size.width) and self.refill is not None:
            self.refill()
            if current is not None:
                self.go_to(current, self.column_keys[column])

    @property
    def current_id(self) -> str | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    @property
    def current_column(self) -> GridColumn:
        return self.columns_spec[min(self.cursor_column, len(self.columns_spec) - 1)]

    def go_to(self, row_key: str, column: str | None = None) -> None:
        if row_key not in self.rows:
            return
        row = self.get_row_index(row_key)
        keys = self.column_keys
        col = keys.index(column) if column in keys else self.cursor_column
        self.cursor_coordinate = Coordinate(row, col)

    def editable_beside(self, column: int, step: int) -> int:
        """The next column from ``column`` in direction ``step`` that is typed into (derived
        columns are passed over, as a form's Tab passes over what cannot be edited); the
        column itself when there is none."""
        spec = self.columns_spec
        at = column + step
        while 0 <= at < len(spec):
            if spec[at].editable:
                return at
            at += step
        return column

    def action_next_cell(self, step: int) -> None:
        """Tab / Shift+Tab: the next typed-into cell to the right / left."""
        row, column = self.cursor_coordinate
        self.cursor_coordinate = Coordinate(row, self.editable_beside(column, step))

    # ----- keys, in the order typed -------------------------------------------------------

    def key_target(self) -> Widget | None:
        """While a cell is edited, keys still arriving here are the edit line's."""
        return self.editor if self.editor is not None else self

    async def take_key(self, event: events.Key) -> bool:
        if event.is_printable and event.character and event.character.strip() and self.type_in:
            self.type_in(event.character)  # a character typed on a cell edits it
            return True
        if not event.is_printable and event.key in MOVE_KEYS and self.moved is not None:
            self.moved()
        return False

    def binding_nodes(self, key: str) -> Sequence[Widget]:
        # The screen's too (Ctrl+N, F8): the keys behind this one (a row's name after Ctrl+N)
        # must find the state it leaves.
        return (self.screen,) if key in STEP_KEYS else (self, self.screen)

    async def table_key(self, event: events.Key) -> bool:
        """A key for the table that reached the edit line between edits, taken now; True if
        it did something."""
        if await self.take_key(event):
            return True
        return not event.is_printable and await run_bindings(
            self, event.key, self.binding_nodes(event.key)
        )
