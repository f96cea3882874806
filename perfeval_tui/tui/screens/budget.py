"""Step 2 预算执行 (附表1; on a national project its 项目资金 block): each fund's typed amounts with the derived figures beside them, the 合计
row the rates are scored on, and the three rate scores."""

from __future__ import annotations

from decimal import Decimal

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from ...project.session import EditOutcome
from ...project.structure import add_row, remove_row
from ...scoring.budget import FundFigures
from ...scoring.budget_block import standard_block
from ...scoring.engine import IndicatorScore, ProjectScore
from ...scoring.model import FundRow, Project
from ...scoring.numbers import fmt2, fmt_percent
from .. import keymap
from ..widgets.field import MONEY_CHARS, FieldInput, FieldRow, Ref
from ..widgets.form_scroll import FormScroll
from ..widgets.live import LiveStatic, pad, warnings_text
from .base import StepScreen
from .budget_national import NationalBudget, block_warnings, execution_item

# field -> (title, the derived figure shown beside it)
MONEY_FIELDS = (
    ("budget", "预算安排数", "adjusted_budget"),
    ("increase", "预算调增数", "adjustment_rate"),
    ("decrease", "预算调减数", ""),
    ("actual_spend", "实际支出数", "execution_rate"),
    ("funds_arrived", "实际到位资金", "arrival_rate"),
    ("stated_adjusted_budget", "调整后预算数（填报）", ""),
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


def totals_text(result: ProjectScore, fund_count: int) -> Text:
    total = result.budget.total
    text = Text()
    if fund_count > 1:
        text.append("合计", style="bold")
        text.append(
            f"  安排 {fmt2(total.budget)}  调增 {fmt2(total.increase)}  调减 {fmt2(total.decrease)}"
            f"  调整后 {fmt2(total.adjusted_budget)}  支出 {fmt2(total.actual_spend)}"
            f"  到位 {fmt2(total.funds_arrived)}\n"
        )
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


class FundBlock(Vertical):
    DEFAULT_CSS = """
    FundBlock { height: auto; margin-bottom: 1; }
    FundBlock .fund-title { text-style: bold; color: $accent; }
    FundBlock .warnings { color: $warning; padding-left: 1; }
    """

    def __init__(self, number: int, fund: FundRow) -> None:
        super().__init__(id=f"block-{fund.id}")
        self.number = number
        self.fund = fund
        self.derived: dict[str, LiveStatic] = {}

    def compose(self) -> ComposeResult:
        ref = Ref("funds", self.fund.id)
        yield Static(f"第 {self.number} 行", classes="fund-title")
        yield FieldRow(
            "资金名称", FieldInput(ref, "name", id=f"f-{self.fund.id}-name"), label_width=20
        )
        for field, title, key in MONEY_FIELDS:
            cell = LiveStatic(classes="field-derived")
            self.derived[key or field] = cell
            entry = FieldInput(
                ref, field, restrict=MONEY_CHARS, id=f"f-{self.fund.id}-{field}", classes="-number"
            )
            yield FieldRow(title, entry, unit="万元", derived=cell, label_width=20)
        yield FieldRow(
            "备注", FieldInput(ref, "remark", id=f"f-{self.fund.id}-remark"), label_width=20
        )
        yield LiveStatic(classes="warnings", id=f"w-{self.fund.id}", hide_empty=True)

    def show(self, figures: FundFigures, warnings: list[str]) -> None:
        for key, cell in self.derived.items():
            if key in DERIVED_TITLES:
                cell.set(derived_text(figures, key))
        self.query_one(f"#w-{self.fund.id}", LiveStatic).set(warnings_text(warnings))


class BudgetScreen(StepScreen):
    STEP = "budget"
    PASTE_TABLE = "funds"
    BINDINGS = keymap.bindings(keymap.ROW_KEYS)
    DEFAULT_CSS = """
    BudgetScreen #budget-form { padding: 0 1; }
    BudgetScreen #budget-head { color: $text-muted; }
    BudgetScreen #budget-head { margin-bottom: 1; }
    """

    @property
    def national(self) -> bool:
        """The project files the national 项目支出绩效自评表: its 项目资金 block, not 附表1."""
        return self.ws.project.ruleset.startswith("national")

    def compose_body(self) -> ComposeResult:
        if self.national:
            if not self.ws.project.budget_block and not self.ws.read_only:
                self.ws.restructure(add_standard_block)
            with FormScroll(id="budget-form"):
                yield NationalBudget(self.ws.project)
            return
        with FormScroll(id="budget-form"):
            yield Static(
                "附表1 预算安排及执行情况表（单位：万元）   Ctrl+N 新增资金行  F8 删除",
                id="budget-head",
            )
            for number, fund in enumerate(self.ws.project.funds, start=1):
                yield FundBlock(number, fund)
            if not self.ws.project.funds:
                yield Static("还没有资金行。按 Ctrl+N 新增。")
            yield LiveStatic(id="budget-totals")

    def show_result(self, outcome: EditOutcome | None) -> None:
        super().show_result(outcome)
        result = self.ws.session.result
        if self.national:
            for view in self.query(NationalBudget):
                view.show(result, block_warnings(self.ws.session.warnings))
            return
        self.query_one("#budget-totals", LiveStatic).set(
            totals_text(result, len(self.ws.project.funds))
        )
        warnings: dict[str, list[str]] = {}
        for w in self.ws.session.warnings:
            if w.table == "附表1" and w.row_id:
                warnings.setdefault(w.row_id, []).append(f"{w.field}：{w.message}")
        for block, figures in zip(self.query(FundBlock), result.budget.rows, strict=False):
            block.show(figures, warnings.get(block.fund.id, []))

    # ----- explanation and F3 -------------------------------------------------------------

    def _measure_item(self, widget: Widget | None) -> IndicatorScore | None:
        if not isinstance(widget, FieldInput):
            return None
        if widget.ref.table == "budget_block":
            return execution_item(self.ws.session.result) if widget.field != "initial" else None
        measure = FIELD_MEASURE.get(widget.field)
        return rate_scores(self.ws.session.result).get(measure) if measure else None

    def explain_target(self, widget: Widget | None) -> tuple[IndicatorScore | None, str] | None:
        if not isinstance(widget, FieldInput):
            return None
        item = self._measure_item(widget)
        if item is None:
            return None, "此字段不直接参与评分。"
        if widget.ref.table == "budget_block":
            return item, "按项目资金的年度资金总额计算："
        return item, "按附表1 合计行计算："

    def rule_for_focus(self) -> str | None:
        item = self._measure_item(self.focused)
        return item.indicator.rule if item else None

    # ----- rows ---------------------------------------------------------------------------

    async def action_add_row(self) -> None:
        if self.national:
            self.notify("项目资金按自评表的固定行填写（年度资金总额及其中各项）。", timeout=3)
            return
        number = len(self.ws.project.funds) + 1
        row = FundRow(name=f"资金{number}")
        outcome = self.ws.restructure(lambda p: add_row(p, "funds", row))
        if outcome.ok:
            self.wizard.save_now()
            await self.rebuild()
            self.query_one(f"#f-{row.id}-name", FieldInput).focus()
        else:
            self.notify(outcome.error or "", severity="warning")

    def action_remove_row(self) -> None:
        if self.national:
            self.notify("项目资金按自评表的固定行填写；没有的项目留空即可。", timeout=3)
            return
        focused = self.focused
        if not isinstance(focused, FieldInput) or focused.ref.table != "funds":
            self.notify("先把光标移到要删除的资金行。", timeout=3)
            return
        fund_id = focused.ref.row_id
        if fund_id is None:
            return
        fund = next(f for f in self.ws.project.funds if f.id == fund_id)
        from ..dialogs.confirm import ConfirmDialog

        async def answered(yes: bool | None) -> None:
            if not yes:
                return
            outcome = self.ws.restructure(lambda p: remove_row(p, "funds", fund_id))
            if outcome.ok:
                self.wizard.save_now()
                await self.rebuild()
            else:
                self.notify(outcome.error or "", severity="warning")

        self.app.push_screen(ConfirmDialog(f"删除资金行「{fund.name}」？"), answered)
