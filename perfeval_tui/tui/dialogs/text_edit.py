"""A multi-line text editor for one part of the report; returns the new text, or None if unchanged."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from ..widgets.entry_text_area import EntryTextArea
from ..widgets.in_order import after_typed_keys


class TextEditDialog(ModalScreen[str | None]):
    BINDINGS = [
        Binding("escape,ctrl+s", "done", "保存并关闭", key_display="Esc", priority=True),
    ]
    DEFAULT_CSS = """
    TextEditDialog { align: center middle; }
    TextEditDialog > Vertical {
        width: 78; max-width: 100%; height: 20; max-height: 100%;
        border: solid $primary; background: $surface; padding: 0 1;
    }
    TextEditDialog .title { text-style: bold; }
    TextEditDialog TextArea { height: 1fr; border: none; }
    """

    def __init__(self, title: str, text: str, *, read_only: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.original = text
        self.read_only = read_only  # another session holds the lock: read, never type

    def compose(self) -> ComposeResult:
        with Vertical():
            keys = "只读，Esc 关闭" if self.read_only else "Esc 或 Ctrl+S 保存并关闭"
            yield Static(f"{self.title_text}（{keys}）", classes="title")
            yield EntryTextArea(
                self.original,
                soft_wrap=True,
                compact=True,
                read_only=self.read_only,
                id="text-body",
            )

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.move_cursor(area.document.end)  # most edits add to the end
        area.focus()

    def action_done(self) -> None:
        after_typed_keys(self.app, self._close)

    def _close(self) -> None:
        text = self.query_one(TextArea).text
        self.dismiss(None if text == self.original else text)
