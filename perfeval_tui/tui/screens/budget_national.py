"""Step 2 on a national project: the 项目资金 block of the 项目支出绩效自评表.

年度资金总额 and its 其中 rows (当年财政拨款, 上年结转资金, 其他资金), each with 年初预算数,
全年预算数 and 全年执行数 in 万元 to 4 decimals, shown as typed; beside each row its 执行率, and
under the block the 执行率 the engine scored with the 预算执行率 score. Every figure is the
engine's (``ProjectScore.block``); the fields go through the edit session like any other.
"""

from __future__ import annotations

from pydantic import BaseModel
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Static

from ...scoring.budget import FundFigures
from ...scoring.budget_block import AMOUNTS, line_figures, uses_parts
from ...scoring.checks import DataWarning
from ...scoring.engine import IndicatorScore, ProjectScore
from ...scoring.form_checks import FORM
from ...scoring.model import BudgetLine, Project
from ...scoring.numbers import fmt2, fmt_percent, fmt_plain
from ..widgets.field import FieldError, FieldInput, Ref
from ..widgets.live import LiveStatic, pad, warnings_text
from ..widgets.wrapped import Wrapped

NAME_WIDTH = 20
AMOUNT_WIDTH = 12
TITLE = "项目资金（单位：万元，最多四位小数）"


class AmountInput(FieldInput):
    """One amount of the block, shown as typed: ``132.9120`` keeps its last zero. Up and Down
    move to the same amount of the row above or below, as in a grid."""

    live = True
    BINDINGS = [
        Binding("up", "line(-1)", "上一行", show=False),
        Binding("down", "line(1)", "下一行", show=False),
    ]

    def action_line(self, step: int) -> None:
        row, _, field = (self.id or "").removeprefix("b-").partition("-")
        if not row.isdigit():
            return
        target = self.screen.query(f"#b-{int(row) + step}-{field}")
        if target:
            target.first().focus()

    def model_text(self, obj: BaseModel) -> str:
        value = getattr(obj, self.field)
        return "" if value is None else format(value, "f")


class BudgetLineRow(Vertical):
    DEFAULT_CSS = f"""
    BudgetLineRow {{ height: auto; }}
    BudgetLineRow > Horizontal {{ height: 1; }}
    BudgetLineRow .line-name {{ width: {NAME_WIDTH}; }}
    BudgetLineRow AmountInput {{ width: {AMOUNT_WIDTH}; margin-right: 1; }}
    BudgetLineRow .line-rate {{ width: 1fr; text-wrap: nowrap; }}
    """

    def __init__(self, index: int, line: BudgetLine) -> None:
        super().__init__(id=f"line-{index}")
        self.index = index
        self.line = line
        self.rate = LiveStatic(classes="line-rate")
        self.errors: list[FieldError] = []

    def compose(self) -> ComposeResult:
        ref = Ref("budget_block", str(self.index))
        name = self.line.name if self.line.role == "总额" else f" 其中：{self.line.name}"
        with Horizontal():
            yield Label(name, classes="line-name")
            for field, title in AMOUNTS:
                entry = AmountInput(
                    ref,
                    field,
                    id=f"b-{self.index}-{field}",
                    classes="-number",
                )
                entry.tooltip = f"{self.line.name} {title}（万元）"
                error = FieldError()
                entry.error_label = error
                self.errors.append(error)
                yield entry
            yield self.rate
        yield from self.errors


def rate_text(figures: FundFigures | None) -> str:
    if figures is None:
        return ""
    rate = figures.execution_rate
    return "执行率 —" if rate is None else f"执行率 {fmt_percent(rate)}"


def execution_item(result: ProjectScore) -> IndicatorScore | None:
    """The indicator scored on the 执行率 (预算执行率)."""
    for item in result.indicators:
        if getattr(result.ruleset.rules[item.indicator.rule], "measure", None) == "execution":
            return item
    return None


def scored_text(project: Project, result: ProjectScore) -> Text:
    """The 执行率 the engine scored, where it was read from, and the 预算执行率 score."""
    block = result.block
    text = Text()
    if block is None:
        return text
    total = block.total
    source = "其中各行之和" if uses_parts(project.budget_block) else "年度资金总额"
    rate = total.execution_rate
    shown = "—（全年预算数为 0）" if rate is None else fmt_percent(rate)
    text.append("执行率", style="bold")
    text.append(
        f" = 全年执行数 {fmt_plain(total.actual_spend)} / 全年预算数 "
        f"{fmt_plain(total.adjusted_budget)} = {shown}（按{source}）\n"
    )
    item = execution_item(result)
    if item is not None:
        style = "bold red" if item.lost > 0 else "green"
        text.append("  " + pad(item.name, 24))
        text.append(f"得分 {fmt2(item.score)} / {fmt2(item.weight)}", style=style)
    return text


class NationalBudget(Vertical):
    """The block's rows, the scored 执行率 and the block's own warnings (总额 ≠ 其中之和)."""

    DEFAULT_CSS = """
    NationalBudget { height: auto; }
    NationalBudget .block-head { color: $text-muted; }
    NationalBudget .block-columns { color: $text-muted; }
    NationalBudget .warnings { color: $warning; }
    NationalBudget #block-scored { margin-top: 1; }
    """

    def __init__(self, project: Project) -> None:
        super().__init__(id="national-budget")
        self.project = project

    def compose(self) -> ComposeResult:
        yield Static(TITLE, classes="block-head")
        columns = pad("项目资金", NAME_WIDTH) + "".join(
            pad(title, AMOUNT_WIDTH + 1) for _, title in AMOUNTS
        )
        yield Static(columns, classes="block-columns")
        for index, line in enumerate(self.project.budget_block):
            yield BudgetLineRow(index, line)
        yield LiveStatic(id="block-scored")
        yield LiveStatic(classes="warnings", id="block-warnings", hide_empty=True)

    def show(self, result: ProjectScore, warnings: list[str]) -> None:
        block = result.block
        parts = iter(block.rows if block is not None else ())
        for row in self.query(BudgetLineRow):
            if row.line.role == "总额":
                row.rate.set(rate_text(line_figures(row.line)))
            else:
                row.rate.set(rate_text(next(parts, None)))
        self.query_one("#block-scored", LiveStatic).set(scored_text(self.project, result))
        self.query_one("#block-warnings", LiveStatic).set(Wrapped(warnings_text(warnings)))


def block_warnings(warnings: list[DataWarning]) -> list[str]:
    """The block's own warnings: 年度资金总额 ≠ its 其中 rows, a stated 执行率 ≠ the computed."""
    return [
        f"{w.field}：{w.message}"
        for w in warnings
        if w.table == FORM and w.field in ("其中", "执行率")
    ]
