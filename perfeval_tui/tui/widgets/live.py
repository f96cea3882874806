"""A Static that repaints only when its text really changes (a keystroke must not repaint more)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static


class LiveStatic(Static):
    """``hide_empty`` takes the widget out of the layout while it has no text (row warnings)."""

    DEFAULT_CSS = "LiveStatic.-empty { display: none; }"

    def __init__(
        self,
        text: str | Text = "",
        *,
        id: str | None = None,
        classes: str | None = None,
        hide_empty: bool = False,
    ) -> None:
        super().__init__(text, id=id, classes=classes)
        self._plain = text.plain if isinstance(text, Text) else text
        self.hide_empty = hide_empty
        self.set_class(hide_empty and not self._plain, "-empty")

    @property
    def text(self) -> str:
        return self._plain

    def set(self, text: str | Text) -> bool:
        plain = text.plain if isinstance(text, Text) else text
        if plain == self._plain:
            return False
        self._plain = plain
        self.update(text)
        if self.hide_empty:
            self.set_class(not plain, "-empty")
        return True


def warnings_text(lines: list[str]) -> Text:
    text = Text()
    for i, line in enumerate(lines):
        if i:
            text.append("\n")
        # Full-width ！ joined to the text: a separate "! " would be wrapped onto a line of its own.
        text.append("！", style="bold")
        text.append(line)
    return text


def pad(text: str, cells: int) -> str:
    """Left-align ``text`` in ``cells`` terminal cells (CJK characters take two)."""
    return text + " " * max(0, cells - cell_len(text))
