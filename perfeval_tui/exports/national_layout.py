"""The national 项目支出绩效自评表 as rows of cells, before any file format.

Top to bottom as the form prints it (FORMS.md §1): header, budget block, 年度总体目标, the
indicator table (一级/二级/三级指标, 指标性质, 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进
措施), 总分, the conclusion texts and the sign-off line. The xlsx sheet and the Markdown report
both render these rows, so the two never drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..scoring.budget_block import block_table, part_lines, total_line
from ..scoring.engine import IndicatorScore, ProjectScore, reads_budget
from ..scoring.form_checks import STATED_ONLY, stated_only
from ..scoring.model import BudgetLine, Project
from ..scoring.numbers import fmt2, fmt_percent, fmt_plain, round_score

SHEET = "项目支出绩效自评表"
TITLE = "项目支出绩效自评表"
BUDGET_HEADERS = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
INDICATOR_HEADERS = (
    "一级指标",
    "二级指标",
    "三级指标",
    "指标性质",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
)
SIGN_GAP = " " * 12  # room for a signature by hand
QUALITATIVE = "定性"


def is_national(project: Project) -> bool:
    return project.ruleset.startswith("national")


@dataclass(frozen=True, slots=True)
class Figure:
    """A number of the form: its value, its text as the form prints it, and the spreadsheet
    number format that prints it the same (``0.00``; ``0.00%`` with the value as a fraction)."""

    value: Decimal
    text: str
    number_format: str

    def __str__(self) -> str:
        return self.text


Cell = str | Figure


def score_figure(value: Decimal) -> Figure:
    """A 分值 or 得分 with two places (fmt2)."""
    return Figure(value, fmt2(value), "0.00")


def weight_figure(value: Decimal) -> Figure:
    """A 分值 as written (20, 2.5)."""
    return Figure(value, fmt_plain(value), "General")


def rate_figure(percent: Decimal) -> Figure:
    """An 执行率 given in percent (90.2381), printed rounded as the form does (90.24%)."""
    return Figure(round_score(percent) / 100, fmt_percent(percent), "0.00%")


@dataclass(frozen=True, slots=True)
class BudgetRow:
    name: str
    initial: Cell
    budget: Cell
    spend: Cell
    weight: Cell
    rate: Cell
    score: Cell


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    level1: str
    level2: str
    level3: str
    nature: str
    target: str
    actual: str
    weight: Cell
    score: Cell
    remark: str

    def cells(self) -> tuple[Cell, ...]:
        return (
            self.level1,
            self.level2,
            self.level3,
            self.nature,
            self.target,
            self.actual,
            self.weight,
            self.score,
            self.remark,
        )


def money(value: Decimal | None) -> Cell:
    """As entered: 132.912 stays 132.912, 89.9740 keeps its four places."""
    if value is None:
        return ""
    places = max(0, -int(value.as_tuple().exponent))
    return Figure(value, format(value, "f"), "0." + "0" * places if places else "0")


def _budget_score(result: ProjectScore) -> IndicatorScore | None:
    return next((i for i in result.indicators if reads_budget(i.explanation.family)), None)


def budget_rows(project: Project, result: ProjectScore) -> list[BudgetRow]:
    """年度资金总额 with its 分值, 执行率 and 得分, then the 其中 rows."""
    scored = _budget_score(result)
    weight: Cell = "" if scored is None else score_figure(scored.weight)
    score: Cell = "" if scored is None else score_figure(scored.score)
    table = block_table(project.budget_block) if project.budget_block else result.budget
    rate = table.total.execution_rate
    rate_text: Cell = "" if rate is None else rate_figure(rate)
    lines = project.budget_block
    if lines:
        total = total_line(lines) or BudgetLine(name="年度资金总额", role="总额")
        parts = part_lines(lines)
    else:
        figures = result.budget.total
        total = BudgetLine(
            name="年度资金总额",
            role="总额",
            initial=figures.budget,
            budget=figures.adjusted_budget,
            spend=figures.actual_spend,
        )
        parts = [
            BudgetLine(
                name=f.name,
                initial=f.budget,
                budget=f.budget + f.increase - f.decrease,
                spend=f.actual_spend,
            )
            for f in project.funds
        ]
    rows = [
        BudgetRow(
            "年度资金总额",
            money(total.initial),
            money(total.budget),
            money(total.spend),
            weight,
            rate_text,
            score,
        )
    ]
    for n, line in enumerate(parts):
        name = f"其中：{line.name}" if n == 0 else line.name
        rows.append(
            BudgetRow(
                name, money(line.initial), money(line.budget), money(line.spend), "—", "", "—"
            )
        )
    return rows


def nature_of(item: IndicatorScore) -> str:
    ind = item.indicator
    if ind.operator:
        return ind.operator
    if item.explanation.family == "graded":
        return QUALITATIVE
    return "≤" if ind.direction == "反向" else "≥"


def remark_of(item: IndicatorScore) -> str:
    ind = item.indicator
    parts = [ind.deviation] if ind.deviation else []
    if stated_only(ind):
        parts.append(STATED_ONLY)
    elif ind.stated_score is not None and ind.stated_score != item.score:
        parts.append(f"自评得分 {fmt2(ind.stated_score)}，按规则 {fmt2(item.score)}")
    return "；".join(parts)


def split_levels(levels: tuple[str, ...]) -> tuple[str, str, str]:
    """一级, 二级 and 三级 (a 四级 name is shown after its 三级, joined by ／)."""
    if len(levels) >= 3:
        return levels[0], levels[1], "／".join(levels[2:])
    if len(levels) == 2:
        return levels[0], "", levels[1]
    return "", "", levels[0]


def indicator_rows(result: ProjectScore) -> list[IndicatorRow]:
    rows: list[IndicatorRow] = []
    for item in result.indicators:
        if reads_budget(item.explanation.family):
            continue
        l1, l2, l3 = split_levels(item.levels)
        rows.append(
            IndicatorRow(
                l1,
                l2,
                l3,
                nature_of(item),
                item.target_display,
                item.actual_display,
                weight_figure(item.weight),
                score_figure(item.score),
                remark_of(item),
            )
        )
    return rows


def weight_total(result: ProjectScore) -> Decimal:
    return sum((i.weight for i in result.indicators), Decimal(0))


def header_fields(project: Project) -> list[tuple[str, str]]:
    b = project.basics
    return [
        ("项目名称", b.name),
        ("主管部门", b.department),
        ("实施单位", b.unit),
        ("项目负责人", b.team_leader),
    ]


def sign_off(project: Project) -> str:
    """The form's last line: 项目负责人 and 填报日期 as entered, 财务负责人 left to sign."""
    b = project.basics
    leader = b.team_leader or SIGN_GAP
    return f"项目负责人：{leader}    财务负责人：{SIGN_GAP}    填报日期：{b.fill_date}"


def closing_texts(project: Project) -> list[tuple[str, str]]:
    b = project.basics
    return [("评价结论", b.conclusion), ("存在问题", b.problems), ("改进措施", b.improvements)]
