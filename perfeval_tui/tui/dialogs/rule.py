"""F3 规则说明: the rule behind the focused field, from the rule book."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..widgets.rulebook import rule_text
from ..workspace import Workspace


class RuleDialog(ModalScreen[None]):
    BINDINGS = [Binding("escape,f3,q", "close", "关闭", key_display="Esc")]
    DEFAULT_CSS = """
    RuleDialog { align: center middle; }
    RuleDialog > VerticalScroll {
        width: 78; max-width: 100%; height: auto; max-height: 22;
        border: solid $primary; background: $surface; padding: 0 1;
    }
    RuleDialog .title { text-style: bold; }
    """

    def __init__(self, workspace: Workspace, rule_id: str) -> None:
        super().__init__()
        self.workspace = workspace
        self.rule_id = rule_id

    def compose(self) -> ComposeResult:
        session = self.workspace.session
        with VerticalScroll():
            yield Static("规则说明（Esc 关闭，↑↓ 滚动）", classes="title")
            yield Static(rule_text(session.ruleset, self.rule_id, session.project, session.result))

    def action_close(self) -> None:
        self.dismiss(None)
