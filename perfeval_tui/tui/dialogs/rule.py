"""F3 规则说明: the rule behind the focused field, from the rule book."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Static

from ...project.workspace import Workspace
from ..widgets.rulebook import rule_text
from .reading import ReadingDialog


class RuleDialog(ReadingDialog):
    BINDINGS = [Binding("escape,f3,q", "close", "关闭", key_display="Esc")]

    def __init__(self, workspace: Workspace, rule_id: str) -> None:
        session = workspace.session
        text = rule_text(session.ruleset, rule_id, session.project, session.result)
        super().__init__("规则说明（Esc 关闭，↑↓ 滚动）", Static(text))
