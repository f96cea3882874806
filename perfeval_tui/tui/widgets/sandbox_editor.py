"""The sandbox's edit pane for one indicator: its score against the file, the inputs its rule
reads (bound to the sandbox's copy, never to the project), and the engine's explanation of the
simulated score. Rebuilt when another indicator is chosen; while typing only the texts change.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...analysis.whatif import Comparison, Sandbox, ValueChange
from .explanation import explanation_text
from .line_stack import LineStack
from .live import LiveStatic
from .rule_inputs import INPUTS_CSS, compose_inputs, reading_name


class SandboxEditor(VerticalScroll):
    DEFAULT_CSS = (
        """
    SandboxEditor { padding: 0 1; scrollbar-size-vertical: 1; }
    SandboxEditor #sb-delta { text-style: bold; }
    SandboxEditor .sb-section { margin-top: 1; text-style: bold; color: $accent; }
    SandboxEditor Checkbox { width: 100%; height: auto; }
    """
        + INPUTS_CSS
    )

    def __init__(self, sandbox: Sandbox, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.sandbox = sandbox
        self.indicator_id: str | None = None

    def compose(self) -> ComposeResult:
        sandbox = self.sandbox
        if self.indicator_id is None:
            yield Static("在左侧用 ↑↓ 选择一个指标，回车修改它的数值。")
            return
        indicator = sandbox.project.indicator(self.indicator_id)
        yield LiveStatic(id="sb-delta")
        yield from compose_inputs(sandbox.project, sandbox.ruleset, indicator, "sb")
        yield Static("演算（模拟后，引擎计算）", classes="sb-section")
        yield LineStack(id="sb-explain")

    def show(self, comparison: Comparison) -> None:
        """Render the chosen indicator's delta and the engine's explanation of its new score."""
        if self.indicator_id is None or not self.is_mounted:
            return
        delta = next((d for d in comparison.indicators if d.key == self.indicator_id), None)
        for label in self.query("#sb-delta").results(LiveStatic):
            label.set(delta.line() if delta is not None else "")
        try:
            item = self.sandbox.result.by_id(self.indicator_id)
        except KeyError:
            return
        for lines in self.query("#sb-explain").results(LineStack):
            lines.set(explanation_text(item, clause=False))


def change_line(change: ValueChange) -> str:
    """``「监控建成数量」完成值  1338 → 1600``; a reading by its Chinese name, not its code."""
    if not change.pointer.startswith("/readings/"):
        return change.line()

    def name(value: str) -> str:
        if value.startswith("默认（") and value.endswith("）"):
            return f"默认（{reading_name(value[3:-1])}）"
        return reading_name(value)

    return f"{change.label}  {name(change.old)} → {name(change.new)}"


def changes_text(sandbox: Sandbox, limit: int = 3) -> Text:
    """Every value that differs from the file (the first ``limit``, then how many more)."""
    changes = sandbox.changes()
    text = Text()
    if not changes:
        text.append("修改清单：无（与文件相同）", style="dim")
        return text
    text.append(f"修改清单（{len(changes)} 项，Ctrl+R 全部撤销）", style="bold")
    for change in changes[:limit]:
        text.append("\n· " + change_line(change))
    if len(changes) > limit:
        text.append(f"\n  另有 {len(changes) - limit} 项，F2 查看全部", style="dim")
    return text
