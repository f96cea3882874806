"""A Static that repaints only when its text really changes (a keystroke must not repaint more)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

from .wrapped import Wrapped


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

    def set(self, text: str | Text | Wrapped) -> bool:
        plain = text if isinstance(text, str) else text.plain
        if plain == self._plain:
            return False
        old, self._plain = self._plain, plain
        may_change = self._size_may_change(old, plain)
        self.update(text, layout=False)
        if may_change and not self._same_height():
            self.refresh(layout=True)
        if self.hide_empty:
            self.set_class(not plain, "-empty")
        return True

    def _size_may_change(self, old: str, new: str) -> bool:
        """Whether the new text may need another size: not when both fit on the one line the
        widget has (a keystroke's new score would otherwise lay the whole step out again)."""
        width = self.content_size.width
        if not self.is_mounted or width <= 0:
            return True
        if "\n" in old or "\n" in new or cell_len(old) > width or cell_len(new) > width:
            return True
        auto = self.styles.width
        return auto is not None and auto.is_auto and cell_len(old) != cell_len(new)

    def _same_height(self) -> bool:
        """Whether the new text takes as many lines as the widget has (measured as the layout
        would measure it); an auto width is never assumed to stay."""
        auto = self.styles.width
        size = self.content_size
        if not self.is_mounted or size.width <= 0 or (auto is not None and auto.is_auto):
            return False
        return self.get_content_height(size, self.app.size, size.width) == size.height


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
