"""The two row tables, line by line: 附表1 fund rows and the district allocation rows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from ..project.paste import STEP_ORDER
from ..project.session import EditSession
from ..project.structure import add_row, remove_row
from ..scoring.budget import DistrictFigures, FundFigures
from ..scoring.model import DistrictRow, FundRow, Project
from ..scoring.numbers import fmt2
from ..term.render_text import warning_line
from ..term.textwidth import clip
from .display import rate
from .editing import Editor
from .prompts import Option, Prompter

ACTIONS = [
    Option("新增一行", "add"),
    Option("修改一行", "edit"),
    Option("删除一行", "remove"),
    Option("本步完成", "done"),
]


@dataclass(frozen=True)
class TableSpec:
    title: str
    table: Literal["funds", "districts"]
    warning_table: str  # DataWarning.table of this table's warnings
    rows: Callable[[Project], list[Any]]
    make: Callable[[str], Any]
    fields: tuple[str, ...]  # the first is the row's name
    lines: Callable[[EditSession], list[str]]


def _fund_lines(session: EditSession) -> list[str]:
    table = session.result.budget
    out = [f"  {n}. {clip(r.name, 70)}\n{_fund_figures(r)}" for n, r in enumerate(table.rows, 1)]
    if not table.rows:
        out.append("  （还没有资金行）")
        return out
    total = table.total
    out.append(f"  合计\n{_fund_figures(total)}")
    out.append(
        f"     预算调整率 {rate(total.adjustment_rate)}  预算执行率 {rate(total.execution_rate)}"
        f"  资金到位率 {rate(total.arrival_rate)}"
    )
    return out


def _fund_figures(r: FundFigures) -> str:
    return (
        f"     预算安排 {fmt2(r.budget)}  调增 {fmt2(r.increase)}  调减 {fmt2(r.decrease)}"
        f"  调整后 {fmt2(r.adjusted_budget)}\n"
        f"     实际支出 {fmt2(r.actual_spend)}  实际到位 {fmt2(r.funds_arrived)}"
        f"  执行率 {rate(r.execution_rate)}  到位率 {rate(r.arrival_rate)}"
    )


def _district_lines(session: EditSession) -> list[str]:
    table = session.result.districts
    out = [f"  {n}. {_district(r)}" for n, r in enumerate(table.rows, 1)]
    if not table.rows:
        out.append("  （还没有区县行）")
        return out
    out.append(f"  {_district(table.total)}")
    return out


def _district(r: DistrictFigures) -> str:
    return (
        f"{clip(r.name, 16)}  下达 {fmt2(r.allocated)}  支出 {fmt2(r.actual_spend)}"
        f"  结转 {fmt2(r.carryover)}  到位 {fmt2(r.funds_arrived)}  到位率 {rate(r.arrival_rate)}"
    )


FUNDS = TableSpec(
    title="附表1 预算安排及执行情况表（金额单位：万元）",
    table="funds",
    warning_table="附表1",
    rows=lambda p: p.funds,
    make=lambda name: FundRow(name=name),
    fields=STEP_ORDER["funds"],
    lines=_fund_lines,
)

DISTRICTS = TableSpec(
    title="区县资金分配表（金额单位：万元）",
    table="districts",
    warning_table="区县资金分配表",
    rows=lambda p: p.districts,
    make=lambda name: DistrictRow(name=name),
    fields=STEP_ORDER["districts"],
    lines=_district_lines,
)

# How the fields are asked (the model's titles, with the unit and the optional ones said).
LABELS = {
    "stated_adjusted_budget": "调整后预算数（按表中所填，可留空，- 清空）",
    "remark": "备注（可留空）",
}


def table_step(spec: TableSpec, editor: Editor, ask: Prompter) -> None:
    session = editor.session
    while True:
        ask.say(spec.title)
        for line in spec.lines(session):
            ask.say(line)
        for warning in session.warnings:
            if warning.table == spec.warning_table:
                ask.say(f"  ! {warning_line(warning)}")
        rows = spec.rows(session.project)
        action = ask.ask_select("本表操作", ACTIONS, "done" if rows else "add")
        if action == "done":
            return
        if action == "add":
            _add_row(spec, editor, ask)
            continue
        if not rows:
            ask.say("  本表还没有行，请先新增。")
            continue
        index = _pick_row(ask, rows, "修改哪一行" if action == "edit" else "删除哪一行")
        if action == "edit":
            for field in spec.fields:
                editor.field(rows[index], field, label=_label(rows[index], field))
        elif ask.ask_confirm(f"删除「{rows[index].name}」这一行", False):
            remove_row(editor.session.project, spec.table, rows[index].id)
            editor.structural()


def _add_row(spec: TableSpec, editor: Editor, ask: Prompter) -> None:
    first = spec.make("x")
    title = type(first).model_fields[spec.fields[0]].title or "名称"
    name = ask.ask_text(
        title, validate=lambda t: None if t.strip() else f"「{title}」不能为空，请输入名称"
    )
    row = spec.make(name.strip())
    add_row(editor.session.project, spec.table, row)
    editor.structural()  # the row is saved before its amounts are asked
    for field in spec.fields[1:]:
        editor.field(row, field, label=_label(row, field))


def _label(row: Any, field: str) -> str:
    title = LABELS.get(field) or type(row).model_fields[field].title or field
    money = field not in ("name", "remark")
    return f"{title}（万元）" if money and field not in LABELS else title


def _pick_row(ask: Prompter, rows: list[Any], message: str) -> int:
    options = [Option(clip(row.name, 60), i) for i, row in enumerate(rows)]
    return ask.ask_select(message, options, 0)
