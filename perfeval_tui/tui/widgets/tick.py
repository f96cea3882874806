"""A checkbox whose mark shows its state without colour."""

from __future__ import annotations

from typing import Any

from textual.widgets import Checkbox


class MarkedCheckbox(Checkbox):
    """``X`` when ticked, blank when not.

    Textual draws the same ``X`` for both states and tells them apart by colour only, which a
    monochrome terminal, a screen reader or a screen capture cannot see.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._show_mark()

    def watch_value(self) -> None:
        self._show_mark()
        super().watch_value()

    def _show_mark(self) -> None:
        self.BUTTON_INNER = "X" if self.value else " "
