"""Step 3 区县分配: one row per district, the derived 资金到位率, the 合计 row, and each data
warning right under the row it is about."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Label, Static

from ...project.session import EditOutcome
from ...project.structure import add_row, remove_row
from ...scoring.budget import DistrictFigures
from ...scoring.engine import IndicatorScore
from ...scoring.model import DistrictRow
from ...scoring.numbers import fmt2, fmt_percent
from .. import keymap
from ..widgets.field import MONEY_CHARS, FieldError, FieldInput, Ref
from ..widgets.form_scroll import FormScroll
from ..widgets.live import LiveStatic, warnings_text
from .base import StepScreen

MONEY_COLUMNS = (
    ("allocated", "资金下达数"),
    ("actual_spend", "实际支出数"),
    ("carryover", "结余结转数"),
    ("funds_arrived", "资金到位数"),
)

GRID_CSS = """
.grid-row { height: 1; }
.grid-row > .c-name { width: 13; }
.grid-row > .c-money { width: 11; padding-right: 1; }
.grid-row > .c-rate { width: 11; text-align: right; padding-right: 1; }
.grid-row > .c-remark { width: 1fr; }
.grid-row > Label.c-money { text-align: right; }
.grid-head { color: $text-muted; text-style: bold; }
"""


def rate_text(figures: DistrictFigures) -> str:
    return "—" if figures.arrival_rate is None else fmt_percent(figures.arrival_rate)


class DistrictLine(Vertical):
    DEFAULT_CSS = """
    DistrictLine { height: auto; }
    DistrictLine .warnings { color: $warning; padding-left: 2; }
    """

    def __init__(self, row: DistrictRow) -> None:
        super().__init__(id=f"line-{row.id}")
        self.row = row
        self.error = FieldError()

    def compose(self) -> ComposeResult:
        ref = Ref("districts", self.row.id)
        fields = [FieldInput(ref, "name", id=f"d-{self.row.id}-name", classes="c-name")]
        fields += [
            FieldInput(
                ref, name, restrict=MONEY_CHARS, id=f"d-{self.row.id}-{name}", classes="c-money"
            )
            for name, _ in MONEY_COLUMNS
        ]
        remark = FieldInput(ref, "remark", id=f"d-{self.row.id}-remark", classes="c-remark")
        for field in (*fields, remark):
            field.error_label = self.error
        with Horizontal(classes="grid-row"):
            yield from fields
            yield LiveStatic(classes="c-rate", id=f"rate-{self.row.id}")
            yield remark
        yield self.error
        yield LiveStatic(classes="warnings", id=f"w-{self.row.id}", hide_empty=True)

    def show(self, figures: DistrictFigures, warnings: list[str]) -> None:
        self.query_one(f"#rate-{self.row.id}", LiveStatic).set(rate_text(figures))
        self.query_one(f"#w-{self.row.id}", LiveStatic).set(warnings_text(warnings))


class DistrictsScreen(StepScreen):
    STEP = "districts"
    PASTE_TABLE = "districts"
    BINDINGS = keymap.bindings(keymap.ROW_KEYS)
    DEFAULT_CSS = (
        GRID_CSS
        + """
    DistrictsScreen #districts-form { padding: 0 1; }
    DistrictsScreen #districts-head { color: $text-muted; margin-bottom: 1; }
    DistrictsScreen #total-line { text-style: bold; }
    DistrictsScreen #total-warnings { color: $warning; padding-left: 2; }
    """
    )

    def compose_body(self) -> ComposeResult:
        with FormScroll(id="districts-form"):
            yield Static(
                "区县资金分配表（单位：万元）   Ctrl+N 新增区县  F8 删除", id="districts-head"
            )
            with Horizontal(classes="grid-row grid-head"):
                yield Label("市（县）区", classes="c-name")
                for _, title in MONEY_COLUMNS:
                    yield Label(title, classes="c-money")
                yield Label("资金到位率", classes="c-rate")
                yield Label("备注", classes="c-remark")
            for row in self.ws.project.districts:
                yield DistrictLine(row)
            if not self.ws.project.districts:
                yield Static("还没有区县。按 Ctrl+N 新增。")
            with Horizontal(classes="grid-row", id="total-line"):
                yield Label("合计", classes="c-name")
                for name, _ in MONEY_COLUMNS:
                    yield LiveStatic(classes="c-money", id=f"total-{name}")
                yield LiveStatic(classes="c-rate", id="total-rate")
            yield LiveStatic(id="total-warnings", hide_empty=True)

    def show_result(self, outcome: EditOutcome | None) -> None:
        super().show_result(outcome)
        table = self.ws.session.result.districts
        by_row: dict[str, list[str]] = {}
        totals: list[str] = []
        for w in self.ws.session.warnings:
            if w.table != "区县资金分配表":
                continue
            if w.row_id:
                by_row.setdefault(w.row_id, []).append(f"{w.field}：{w.message}")
            else:
                totals.append(f"{w.row} · {w.field}：{w.message}")
        for line, figures in zip(self.query(DistrictLine), table.rows, strict=False):
            line.show(figures, by_row.get(line.row.id, []))
        for name, _ in MONEY_COLUMNS:
            value = getattr(table.total, name)
            self.query_one(f"#total-{name}", LiveStatic).set(fmt2(value))
        self.query_one("#total-rate", LiveStatic).set(rate_text(table.total))
        self.query_one("#total-warnings", LiveStatic).set(warnings_text(totals))

    def explain_target(self, widget: Widget | None) -> tuple[IndicatorScore | None, str] | None:
        return None, "区县资金分配表不直接参与评分；数据检查的警告显示在对应行下方。"

    # ----- rows ---------------------------------------------------------------------------

    async def action_add_row(self) -> None:
        row = DistrictRow(name=f"区县{len(self.ws.project.districts) + 1}")
        outcome = self.ws.restructure(lambda p: add_row(p, "districts", row))
        if not outcome.ok:
            self.notify(outcome.error or "", severity="warning")
            return
        self.wizard.save_now()
        await self.rebuild()
        self.query_one(f"#d-{row.id}-name", FieldInput).focus()

    def action_remove_row(self) -> None:
        focused = self.focused
        if not isinstance(focused, FieldInput) or focused.ref.table != "districts":
            self.notify("先把光标移到要删除的区县行。", timeout=3)
            return
        row_id = focused.ref.row_id
        if row_id is None:
            return
        row = next(d for d in self.ws.project.districts if d.id == row_id)
        from ..dialogs.confirm import ConfirmDialog

        async def answered(yes: bool | None) -> None:
            if not yes:
                return
            outcome = self.ws.restructure(lambda p: remove_row(p, "districts", row_id))
            if outcome.ok:
                self.wizard.save_now()
                await self.rebuild()
            else:
                self.notify(outcome.error or "", severity="warning")

        self.app.push_screen(ConfirmDialog(f"删除区县「{row.name}」？"), answered)
