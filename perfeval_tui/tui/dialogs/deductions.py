"""F2 扣分明细: every deduction, largest first, each with the engine's explanation."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ...numbers import fmt2
from ..widgets.explanation import explanation_text
from ..workspace import Workspace


def deductions_text(workspace: Workspace) -> Text:
    result = workspace.session.result
    losing = sorted(
        (item for item in result.indicators if item.lost > 0 or item.explanation.excess),
        key=lambda item: item.lost,
        reverse=True,
    )
    text = Text()
    text.append(f"总分 {fmt2(result.total)}（{result.grade}）", style="bold")
    text.append(f"，共 {len(losing)} 项指标失分\n\n")
    if not losing:
        text.append("没有扣分：每项指标都得了满分。\n")
    for item in losing:
        text.append(f"■ {' / '.join(item.levels[1:-1])}\n", style="dim")
        text.append_text(explanation_text(item, clause=False))
        text.append("\n\n")
    text.rstrip()
    return text


class DeductionsDialog(ModalScreen[None]):
    BINDINGS = [Binding("escape,f2,q", "close", "关闭", key_display="Esc")]
    DEFAULT_CSS = """
    DeductionsDialog { align: center middle; }
    DeductionsDialog > VerticalScroll {
        width: 78; max-width: 100%; height: auto; max-height: 22;
        border: solid $primary; background: $surface; padding: 0 1;
    }
    DeductionsDialog .title { text-style: bold; }
    """

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static("扣分明细（按失分从多到少；Esc 关闭，↑↓ 滚动）", classes="title")
            yield Static(deductions_text(self.workspace))

    def action_close(self) -> None:
        self.dismiss(None)
