"""F2 扣分明细: every deduction, largest first, each with the engine's explanation."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from ...project.workspace import Workspace
from ...scoring.numbers import fmt2
from ..widgets.explanation import explanation_text
from ..widgets.wrapped import Wrapped
from .reading import ReadingDialog


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


class DeductionsDialog(ReadingDialog):
    BINDINGS = [Binding("escape,f2,q", "close", "关闭", key_display="Esc")]

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(
            "扣分明细（按失分从多到少；Esc 关闭，↑↓ 滚动）",
            Static(Wrapped(deductions_text(workspace))),
        )
