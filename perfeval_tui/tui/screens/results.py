"""Step 5 评分结果: the total and grade, every subtotal, every deduction largest first (Enter opens
that indicator), and every data warning."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...project.session import EditOutcome
from ...scoring.engine import ProjectScore
from ...scoring.numbers import fmt2, fmt_plain
from ...term.render_text import warning_line
from ..widgets.live import LiveStatic, pad
from ..widgets.top_list import TopList
from ..widgets.wrapped import Wrapped
from .base import StepScreen


def summary_text(result: ProjectScore) -> Text:
    text = Text()
    text.append(f"总分 {fmt2(result.total)}  等级 {result.grade}", style="bold")
    text.append(f"（规则集：{result.ruleset.name}）\n", style="dim")
    if result.raw_total != result.total:
        text.append(
            f"各项合计 {fmt2(result.raw_total)}，总分限定在 0–"
            f"{fmt_plain(result.ruleset.total_weight)} 分之间\n",
            style="italic",
        )
    text.append("分项得分：\n", style="bold")
    for group in result.groups:
        if len(group.path) > 3:
            continue
        indent = "  " * len(group.path)
        name = pad(indent + group.path[-1], 40)
        style = "red" if group.score < group.weight else ""
        text.append(f"{name}{fmt2(group.score):>7} / {fmt_plain(group.weight)}\n", style=style)
    text.rstrip()
    return text


def deduction_options(result: ProjectScore) -> list[Option]:
    options = []
    for n, (item, deduction) in enumerate(result.deductions_by_size()):
        text = Text()
        text.append(f"−{fmt2(deduction.points)}", style="bold red")
        text.append(f"  {item.name}：", style="bold")
        text.append(deduction.reason)
        options.append(Option(Wrapped(text), id=f"{n}:{item.id}"))
    return options


def warnings_block(result_warnings: list[str]) -> Text:
    text = Text()
    text.append(f"数据检查：{len(result_warnings)} 条警告", style="bold")
    if not result_warnings:
        text.append("，没有发现问题。")
    for line in result_warnings:
        text.append("\n! ", style="bold yellow")
        text.append(line)
    return text


class ResultsScreen(StepScreen):
    STEP = "results"
    HAS_EXPLANATION = False
    DEFAULT_CSS = """
    ResultsScreen #results { padding: 0 1; }
    ResultsScreen #deductions:focus { border: none; }
    ResultsScreen #deductions {
        height: auto; max-height: 12; margin: 0 0 1 0; border: none; padding: 0;
    }
    ResultsScreen .section { margin-top: 1; text-style: bold; }
    """

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="results"):
            yield LiveStatic(id="summary")
            yield LiveStatic(classes="section", id="deductions-title")
            yield TopList(id="deductions")
            yield LiveStatic(id="warnings")

    def show_result(self, outcome: EditOutcome | None) -> None:
        super().show_result(outcome)
        result = self.ws.session.result
        self.query_one("#summary", LiveStatic).set(Wrapped(summary_text(result)))
        options = deduction_options(result)
        title = (
            f"扣分明细（{len(options)} 项，按失分从多到少；回车转到该指标，F2 看演算）"
            if options
            else "扣分明细：没有扣分，每项指标都得了满分。"
        )
        self.query_one("#deductions-title", LiveStatic).set(title)
        listing = self.query_one("#deductions", OptionList)
        highlighted = listing.highlighted or 0
        listing.clear_options()
        listing.add_options(options)
        listing.display = bool(options)
        if options:  # Enter works at once on the largest deduction, no Down needed first
            listing.highlighted = min(highlighted, len(options) - 1)
        lines = [warning_line(w) for w in self.ws.session.warnings]
        self.query_one("#warnings", LiveStatic).set(Wrapped(warnings_block(lines)))

    def mounted(self) -> None:
        listing = self.query_one("#deductions", OptionList)
        # The step opens at its top (the total and how it is reached), whatever is focused.
        (listing if listing.display else self.query_one("#results")).focus(scroll_visible=False)
        self.call_after_refresh(self.query_one("#results").scroll_home, animate=False)

    @on(OptionList.OptionSelected, "#deductions")
    def _open(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        self.wizard.show_indicator(option_id.split(":", 1)[1])


__all__ = ["ResultsScreen"]
