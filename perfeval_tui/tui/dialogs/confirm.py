"""A yes/no question that returns a bool."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmDialog(ModalScreen[bool]):
    BINDINGS = [
        Binding("escape,n", "answer(False)", "取消", key_display="Esc"),
        Binding("y", "answer(True)", "确定"),
    ]
    DEFAULT_CSS = """
    ConfirmDialog { align: center middle; }
    ConfirmDialog > Vertical {
        width: 60; max-width: 100%; height: auto; border: solid $warning;
        background: $surface; padding: 0 1;
    }
    ConfirmDialog Horizontal { height: 1; margin-top: 1; align: center middle; }
    ConfirmDialog Button { margin: 0 2; }
    """

    def __init__(self, question: str, yes: str = "确定", no: str = "取消") -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question)
            with Horizontal():
                yield Button(f"{self.yes}(Y)", id="yes", compact=True, variant="error")
                yield Button(f"{self.no}(N)", id="no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
