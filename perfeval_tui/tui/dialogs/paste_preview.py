"""Before pasted rows change anything: what will be added, what is refused and why."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ...project.paste import PastedRow, PastePlan
from ...scoring.model import FundRow, Indicator
from ...scoring.numbers import fmt_plain


def row_summary(row: PastedRow) -> str:
    if isinstance(row, Indicator):
        parts = [" / ".join(row.levels), f"权重 {fmt_plain(row.weight)}"]
        for field, title in (("target", "目标值"), ("actual", "完成值")):
            label = getattr(row, f"{field}_label")
            value = getattr(row, field)
            if label or value is not None:
                shown = label or fmt_plain(value) + ("%" if row.unit == "%" else "")
                parts.append(f"{title} {shown}")
        return "  ".join(parts)
    if isinstance(row, FundRow):
        return (
            f"{row.name}  安排 {fmt_plain(row.budget)}  支出 {fmt_plain(row.actual_spend)}"
            f"  到位 {fmt_plain(row.funds_arrived)}"
        )
    return (
        f"{row.name}  下达 {fmt_plain(row.allocated)}  支出 {fmt_plain(row.actual_spend)}"
        f"  到位 {fmt_plain(row.funds_arrived)}"
    )


def preview_text(plan: PastePlan) -> Text:
    text = Text()
    how = (
        "第一行是表头：" + "、".join(plan.columns)
        if plan.header
        else ("没有表头，按本步骤的列序读取：" + "、".join(plan.columns))
    )
    text.append(how + "\n\n", style="dim")
    added = len(plan.rows) - len(plan.fills)
    text.append(f"将新增 {added} 行", style="bold green")
    if plan.fills:
        text.append(f"，填入表样中已有的 {len(plan.fills)} 行", style="bold green")
    text.append("\n")
    for index, (line, row) in enumerate(zip(plan.lines, plan.rows, strict=True)):
        how = "（填入已有指标）" if index in plan.fills else ""
        text.append(f"  第 {line} 行  {row_summary(row)}{how}\n")
    if plan.refused:
        text.append(f"\n不能粘贴 {len(plan.refused)} 行\n", style="bold red")
        for refusal in plan.refused:
            text.append(f"  第 {refusal.line} 行  {refusal.text}\n")
            text.append(f"    {refusal.reason}\n", style="red")
    return text


class PastePreview(ModalScreen[bool]):
    """True: add the rows; False: nothing changes."""

    BINDINGS = [
        Binding("escape", "answer(False)", "取消", key_display="Esc"),
        Binding("enter", "answer(True)", "添加", key_display="回车"),
    ]
    DEFAULT_CSS = """
    PastePreview { align: center middle; }
    PastePreview > Vertical {
        width: 78; max-width: 100%; height: auto; max-height: 100%; border: solid $primary;
        background: $surface; padding: 0 1;
    }
    PastePreview .title { text-style: bold; }
    PastePreview VerticalScroll { height: auto; max-height: 16; }
    PastePreview .keys { color: $text-muted; }
    """

    def __init__(self, plan: PastePlan) -> None:
        super().__init__()
        self.plan = plan

    def compose(self) -> ComposeResult:
        plan = self.plan
        with Vertical():
            yield Static(f"粘贴到 {plan.title}", classes="title")
            with VerticalScroll(id="paste-list"):
                yield Static(preview_text(plan), id="paste-text")
            keys = "回车 添加  Esc 取消（不做任何修改）  ↑↓ 翻看" if plan.rows else "Esc 关闭"
            yield Static(keys, classes="keys")

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer and bool(self.plan.rows))
