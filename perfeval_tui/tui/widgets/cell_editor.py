"""A table step's edit line: Enter, Tab, Shift+Tab and Esc end the edit in the order the
keys came, and pasted table rows go to the step instead of into the line."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from textual import events
from textual.widgets import Input

from ...project.paste import looks_like_rows
from .data_grid import RowGrid
from .in_order import run_bindings


@runtime_checkable
class CellHost(Protocol):
    """The screen the edit line sits on (``screens/grid_step.py``)."""

    editing: str | None

    @property
    def grid(self) -> RowGrid: ...

    def finish(self, how: str) -> None: ...

    def paste_rows(self, text: str) -> None: ...


FINISH_KEYS = ("enter", "tab", "shift+tab", "escape")


class CellEditor(Input):
    """The edit line; pasted table rows go to the screen instead of into the line.

    Enter, Tab, Shift+Tab and Esc end the edit here, in the order the keys came; a key that
    arrives after the edit ended goes back to the grid.
    """

    async def _on_key(self, event: events.Key) -> None:
        screen = self.screen
        if not isinstance(screen, CellHost):
            await super()._on_key(event)
            return
        if screen.editing is None:
            # Between edits the focus stays here and the key is the table's, taken now: every
            # key goes through this one queue, so none can overtake another.
            event.stop()
            event.prevent_default()
            await screen.grid.take_key(event)
            return
        if event.key in FINISH_KEYS:
            event.stop()
            event.prevent_default()
            screen.finish(event.key)
            return
        if not event.is_printable and await run_bindings(self, event.key):
            event.stop()  # in the order typed (see RowGrid.take_key)
            event.prevent_default()
            return
        await super()._on_key(event)

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
