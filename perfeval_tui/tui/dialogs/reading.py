"""A read-only dialog: an optional title and a scrolling body; Esc (or the key that opened it) closes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Static


class ReadingDialog(ModalScreen[None]):
    DEFAULT_CSS = """
    ReadingDialog { align: center middle; }
    ReadingDialog > VerticalScroll {
        width: 78; max-width: 100%; height: auto; max-height: 22;
        border: solid $primary; background: $surface; padding: 0 1;
    }
    ReadingDialog .title { text-style: bold; }
    """

    def __init__(self, title: str | None, *body: Widget) -> None:
        super().__init__()
        self.title_text = title
        self.body = body

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            if self.title_text:
                yield Static(self.title_text, classes="title")
            yield from self.body

    def action_close(self) -> None:
        self.dismiss(None)
