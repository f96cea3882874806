"""The multi-line entry of the report-text editor, with keys applied in the order typed.

Its own module: TextArea is heavy, and the first screen must not import it.
"""

from __future__ import annotations

from textual.widgets import TextArea

from .in_order import InOrderKeys


class EntryTextArea(InOrderKeys, TextArea):
    """A multi-line entry; Tab leaves it unless it indents."""

    def tab_moves_focus(self) -> bool:
        return self.tab_behavior == "focus"
