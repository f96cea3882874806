"""A block of text kept as one small widget per line, so a change repaints only the lines that
changed: typing 1600 into a 完成值 rewrites the ratio and the score lines of an explanation, not
its clause, reading and alternatives (about half the bytes per keystroke over SSH)."""

from __future__ import annotations

from rich.text import Text
from textual.containers import Vertical

from .live import LiveStatic
from .wrapped import Wrapped


class LineStack(Vertical):
    DEFAULT_CSS = """
    LineStack { height: auto; }
    LineStack > LiveStatic { height: auto; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._plain = ""

    @property
    def text(self) -> str:
        return self._plain

    def set(self, text: str | Text) -> bool:
        """Show ``text``; returns whether anything changed."""
        rich = Text(text) if isinstance(text, str) else text
        if rich.plain == self._plain:
            return False
        self._plain = rich.plain
        lines: list[Text] = list(rich.split("\n", allow_blank=True)) if rich.plain else []
        labels = list(self.query_children(LiveStatic))
        if len(labels) < len(lines):
            extra = [LiveStatic(hide_empty=True) for _ in range(len(lines) - len(labels))]
            self.mount_all(extra)
            labels += extra
        for label, line in zip(labels, lines, strict=False):
            label.set(Wrapped(line) if line.plain else Text(" "))  # a blank line keeps its place
        for label in labels[len(lines) :]:
            label.set("")  # hidden while empty
        return True
