"""A table step's edit line: Enter, Tab, Shift+Tab and Esc end the edit in the order the
keys came, and pasted table rows go to the step instead of into the line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from textual import events
from textual.widget import Widget
from textual.widgets import Input

from ...project.paste import looks_like_rows
from .data_grid import RowGrid
from .in_order import InOrderKeys


@runtime_checkable
class CellHost(Protocol):
    """The screen the edit line sits on (``screens/grid_step.py``)."""

    editing: str | None

    @property
    def grid(self) -> RowGrid: ...

    def finish(self, how: str) -> None: ...

    def cell_typed(self, text: str) -> None: ...

    def paste_rows(self, text: str) -> None: ...


FINISH_KEYS = ("enter", "tab", "shift+tab", "escape")


class CellEditor(InOrderKeys, Input):
    """The edit line; pasted table rows go to the screen instead of into the line.

    Keys are taken in the order typed (``in_order.py``): Enter, Tab, Shift+Tab and Esc end the
    edit here; between edits the focus stays here and every key is the table's, taken at once,
    so that no key can overtake another on the way between the grid and the line.
    """

    async def take_key(self, event: events.Key) -> bool:
        screen = self.screen
        if not isinstance(screen, CellHost):
            return False
        if screen.editing is None:
            await screen.grid.table_key(event)
            return True
        if event.key in FINISH_KEYS:
            screen.finish(event.key)
            return True
        return False

    def watch_value(self, value: str) -> None:
        # Straight to the screen, before the next frame (as FieldInput does): the score moves
        # with the typed character; between edits the screen ignores it.
        if self.is_mounted and isinstance(self.screen, CellHost):
            self.screen.cell_typed(value)

    def binding_nodes(self, key: str) -> Sequence[Widget]:
        return (self, self.screen)  # Ctrl+N or F8 while editing: in the order typed

    def _on_paste(self, event: events.Paste) -> None:
        if looks_like_rows(event.text):
            event.stop()
            event.prevent_default()  # not into the line as well
            screen = self.screen
            if isinstance(screen, CellHost):
                screen.paste_rows(event.text)
            return
        # Otherwise Input's own handler takes it (Textual calls each class's handler in turn:
        # calling it from here as well pasted the text twice).
