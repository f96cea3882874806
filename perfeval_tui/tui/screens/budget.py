"""Step 2 预算执行 as a grid (附表1): one row per fund, the typed amounts with the derived figures
beside them (调整后预算数, 预算调整率, 预算执行率, 资金到位率), the 合计 row the rates are scored
on, and under the grid the three rate scores. A national project fills its 项目资金 block
instead (``budget_national.py``)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Static

from ...project.session import EditOutcome
from ...scoring.budget import FundFigures
from ...scoring.budget_block import standard_block
from ...scoring.engine import IndicatorScore, ProjectScore
from ...scoring.model import FundRow, Project
from ...scoring.numbers import fmt2, fmt_percent
from .. import keymap
from ..widgets.data_grid import Cell, GridColumn
from ..widgets.field import FieldInput
from ..widgets.form_scroll import FormScroll
from ..widgets.live import LiveStatic, pad
from .budget_national import NationalBudget, block_warnings, execution_item
from .row_table import RowTableScreen, money_cell, rate_cell

# 附表1's columns in the form's order, each derived figure beside what it is computed from.
COLUMNS: tuple[GridColumn, ...] = (
    GridColumn("name", "资金名称", 8, flex=3, label="专项（项目）资金名称"),
    GridColumn("budget", "安排数", 6, auto=True, live=True, label="预算安排数"),
    GridColumn("increase", "调增数", 6, auto=True, live=True, label="预算调增数"),
    GridColumn("decrease", "调减数", 6, auto=True, live=True, label="预算调减数"),
    GridColumn("adjusted_budget", "调整后", 6, editable=False, auto=True, label="调整后预算数"),
    GridColumn("adjustment_rate", "调整率", 6, editable=False, auto=True, label="预算调整率"),
    GridColumn("actual_spend", "支出数", 6, auto=True, live=True, label="实际支出数"),
    GridColumn("execution_rate", "执行率", 7, editable=False, auto=True, label="预算执行率"),
    GridColumn("funds_arrived", "到位数", 6, auto=True, live=True, label="实际到位资金"),
    GridColumn("arrival_rate", "到位率", 7, editable=False, auto=True, label="资金到位率"),
    GridColumn(
        "stated_adjusted_budget", "填报数", 6, auto=True, live=True, label="调整后预算数（填报）"
    ),
    GridColumn("remark", "备注", 4, flex=2),
)

DERIVED_TITLES = {
    "adjusted_budget": "调整后预算数",
    "adjustment_rate": "预算调整率",
    "execution_rate": "预算执行率",
    "arrival_rate": "资金到位率",
}
# Which rate a field moves, for the explanation panel and F3.
FIELD_MEASURE = {
    "budget": "adjustment",
    "increase": "adjustment",
    "decrease": "adjustment",
    "stated_adjusted_budget": "adjustment",
    "actual_spend": "execution",
    "funds_arrived": "arrival",
    "adjusted_budget": "adjustment",
    "adjustment_rate": "adjustment",
    "execution_rate": "execution",
    "arrival_rate": "arrival",
}


def derived_text(figures: FundFigures, key: str) -> str:
    if not key:
        return ""
    value: Decimal | None = getattr(figures, key)
    if value is None:
        shown = "—（分母为 0）"
    elif key == "adjusted_budget":
        shown = f"{fmt2(value)} 万元"
    else:
        shown = fmt_percent(value)
    return f"{DERIVED_TITLES[key]} {shown}"


def rate_scores(result: ProjectScore) -> dict[str, IndicatorScore]:
    """measure ('adjustment', 'execution', 'arrival') -> the indicator scored on it."""
    out: dict[str, IndicatorScore] = {}
    for item in result.indicators:
        measure = getattr(result.ruleset.rules[item.indicator.rule], "measure", None)
        if measure and measure not in out:
            out[measure] = item
    return out


def totals_text(result: ProjectScore) -> Text:
    """The three rates of the 合计 row and the scores they give."""
    total = result.budget.total
    text = Text()
    text.append("评分（按合计行）\n", style="bold")
    scores = rate_scores(result)
    for measure, key in (
        ("adjustment", "adjustment_rate"),
        ("execution", "execution_rate"),
        ("arrival", "arrival_rate"),
    ):
        item = scores.get(measure)
        text.append("  " + pad(derived_text(total, key), 24))
        if item is not None:
            style = "bold red" if item.lost > 0 else "green"
            text.append(f"得分 {fmt2(item.score)} / {fmt2(item.weight)}", style=style)
        text.append("\n")
    text.rstrip()
    return text


def add_standard_block(project: Project) -> None:
    project.budget_block = standard_block()


class BudgetScreen(RowTableScreen):
    STEP = "budget"
    PASTE_TABLE = "funds"
    TABLE = "funds"
    WARNING_TABLE = "附表1"
    ROW_WORD = "资金行"
    COLUMNS = COLUMNS
    BINDINGS = keymap.bindings(keymap.ROW_KEYS)
    DEFAULT_CSS = """
    BudgetScreen #budget-form { padding: 0 1; }
    BudgetScreen #budget-head { color: $text-muted; padding: 0 1; }
    BudgetScreen #budget-totals { padding: 0 1; height: auto; }
    """

    @property
    def national(self) -> bool:
        """The project files the national 项目支出绩效自评表: its 项目资金 block, not 附表1."""
        return self.ws.project.ruleset.startswith("national")

    @property
    def uses_grid(self) -> bool:
        return not self.national

    def compose_body(self) -> ComposeResult:
        if self.national:
            if not self.ws.project.budget_block and not self.ws.read_only:
                self.ws.restructure(add_standard_block)
            with FormScroll(id="budget-form"):
                yield NationalBudget(self.ws.project)
            return
        yield Static("附表1 预算安排及执行情况表（单位：万元）", id="budget-head")
        yield from self.compose_grid()
        yield from self.compose_warnings()
        yield LiveStatic(id="budget-totals")

    def figures(self) -> tuple[tuple[Any, ...], Any]:
        table = self.ws.session.result.budget
        return table.rows, table.total

    def new_row(self, number: int) -> FundRow:
        return FundRow(name=f"资金{number}")

    def derived_cell(self, figures: Any, key: str) -> Cell:
        if key == "adjusted_budget":
            return money_cell(figures.adjusted_budget)
        return rate_cell(getattr(figures, key))

    def show_result(self, outcome: EditOutcome | None) -> None:
        super().show_result(outcome)
        result = self.ws.session.result
        if self.national:
            for view in self.query(NationalBudget):
                view.show(result, block_warnings(self.ws.session.warnings))
            return
        shown = self.query("#budget-totals")
        if shown:
            shown.first(LiveStatic).set(totals_text(result))

    # ----- explanation and F3 -------------------------------------------------------------

    def _measure_item(self, widget: Widget | None) -> IndicatorScore | None:
        result = self.ws.session.result
        if self.national:
            if not isinstance(widget, FieldInput) or widget.ref.table != "budget_block":
                return None
            return execution_item(result) if widget.field != "initial" else None
        measure = FIELD_MEASURE.get(self.grid.current_column.key)
        return rate_scores(result).get(measure) if measure else None

    def explain_target(self, widget: Widget | None) -> tuple[IndicatorScore | None, str] | None:
        if self.national and not isinstance(widget, FieldInput):
            return None
        item = self._measure_item(widget)
        if item is None:
            return None, "此字段不直接参与评分。"
        if self.national:
            return item, "按项目资金的年度资金总额计算："
        return item, "按附表1 合计行计算："

    def rule_for_focus(self) -> str | None:
        item = self._measure_item(self.focused)
        return item.indicator.rule if item else None

    # ----- rows ---------------------------------------------------------------------------

    def action_add_row(self) -> None:
        if self.national:
            self.notify("项目资金按自评表的固定行填写（年度资金总额及其中各项）。", timeout=3)
            return
        super().action_add_row()

    def action_remove_row(self) -> None:
        if self.national:
            self.notify("项目资金按自评表的固定行填写；没有的项目留空即可。", timeout=3)
            return
        super().action_remove_row()
