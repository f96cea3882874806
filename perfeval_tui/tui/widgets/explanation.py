"""The explanation panel: the engine's explanation record of one score, as the user's own numbers.

It renders :class:`~perfeval_tui.scoring.explanation.Explanation` data (clause, reading and its
alternatives, inputs, arithmetic steps, deductions); it never computes anything itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...scoring.numbers import fmt2
from .wrapped import Wrapped

if TYPE_CHECKING:
    from ...scoring.engine import IndicatorScore


def explanation_text(item: IndicatorScore, *, clause: bool = True) -> Text:
    ex = item.explanation
    text = Text()
    text.append(f"{item.name}", style="bold")
    text.append(f"  得分 {fmt2(item.score)} / {fmt2(item.weight)}\n", style="bold")
    if item.overridden and item.indicator.override is not None:
        text.append(
            f"人工评分 {fmt2(item.score)}（计算得分 {fmt2(item.computed_score)}）："
            f"{item.indicator.override.reason}\n",
            style="italic",
        )
    if ex.inputs:
        text.append("输入：", style="bold")
        text.append("；".join(str(i) for i in ex.inputs) + "\n")
    if ex.steps:
        text.append("演算：\n", style="bold")
        for step in ex.steps:
            text.append(f"  {step}\n")
    deductions = item.deductions
    if deductions:
        for deduction in deductions:
            text.append(f"扣 {fmt2(deduction.points)} 分", style="bold red")
            text.append(f"：{deduction.reason}\n")
    else:
        text.append("未扣分\n", style="green")
    text.append("口径：", style="bold")
    text.append(f"{ex.reading_label}\n")
    if ex.alternatives:
        from ...scoring.reading_names import short_name  # the registry: not at start-up

        others = "；".join(short_name(label) for _, label in ex.alternatives)
        text.append(f"  其他口径：{others}\n", style="dim")
    if clause:
        text.append("评分标准：", style="bold")
        text.append(ex.clause)
    return text


class ExplanationPanel(VerticalScroll):
    """Shows the explanation of the focused indicator or rate, or a short note."""

    DEFAULT_CSS = """
    ExplanationPanel {
        background: $boost;
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    ExplanationPanel > Static { width: 100%; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, can_focus=False)
        self._plain = ""

    def compose(self) -> ComposeResult:
        yield Static("移到某个指标或金额字段，这里显示它的评分解释。", id="explain-body")

    def _show(self, text: Text) -> None:
        if text.plain == self._plain:
            return
        self._plain = text.plain
        self.query_one("#explain-body", Static).update(Wrapped(text))
        self.scroll_home(animate=False)
        self.call_after_refresh(self._mark_more)

    def page_down(self) -> bool:
        """Show the next page of a long explanation (F4); False when its end is in view."""
        if self.scroll_y >= self.max_scroll_y:
            return False
        self.scroll_page_down(animate=False)
        self.call_after_refresh(self._mark_more)
        return True

    def _mark_more(self) -> None:
        """Say on the panel's top border when the explanation goes on below its last line."""
        self.border_title = "F4 往下翻" if self.scroll_y < self.max_scroll_y else ""

    def on_resize(self) -> None:
        self.call_after_refresh(self._mark_more)

    def show_score(self, item: IndicatorScore | None, note: str = "") -> None:
        if item is None:
            self._show(Text(note or "此字段不参与评分。"))
            return
        text = explanation_text(item)
        if note:
            text = Text(note + "\n", style="dim") + text
        self._show(text)
