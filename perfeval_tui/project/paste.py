"""Rows pasted from WPS/Excel (tab-separated) read into a table of the project, before anything
changes: what would be added, and what is refused with the reason.

The first line is a header when the importer's header reader finds the table's column words in it
(:func:`perfeval_tui.project.form_layout.match_header`); otherwise the columns are the step's own
order. Nothing here touches the project: :func:`apply_paste` adds the rows the caller accepted.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from ..scoring.families import family_of
from ..scoring.model import DistrictRow, FundRow, Indicator, Project
from ..scoring.numbers import NumberInputError, NumberKind, parse_number
from ..scoring.ruleset import RuleSet
from ..scoring.targets import parse_target
from .factory import new_indicator
from .form_layout import INDICATOR_COLUMNS, TOTAL_LABELS, Grid, match_header, section_label, squash
from .structure import add_indicator, add_row, new_indicator_group

PasteTable = Literal["funds", "districts", "indicators"]
Roles = tuple[tuple[str, tuple[str, ...]], ...]
PastedRow = FundRow | DistrictRow | Indicator

TABLE_TITLES: dict[str, str] = {
    "funds": "附表1 预算安排及执行情况表",
    "districts": "区县资金分配表",
    "indicators": "附表2 绩效评价指标表",
}

FUND_COLUMNS: Roles = (
    ("name", ("专项（项目）资金名称", "资金名称", "项目资金名称", "专项", "名称")),
    ("stated_adjusted_budget", ("调整后预算",)),
    ("budget", ("预算安排数", "预算安排", "年初预算")),
    ("increase", ("预算调增数", "调增")),
    ("decrease", ("预算调减数", "调减")),
    ("actual_spend", ("实际支出数", "实际支出")),
    ("funds_arrived", ("实际到位资金", "到位资金")),
    ("remark", ("备注",)),
)
DISTRICT_COLUMNS: Roles = (
    ("name", ("市（县）区名称", "市(县)区名称", "区县", "市县区", "名称")),
    ("allocated", ("资金下达数", "下达")),
    ("actual_spend", ("实际支出数", "实际支出")),
    ("carryover", ("结余结转数", "结余", "结转")),
    ("funds_arrived", ("项目资金到位数", "到位数")),
    ("remark", ("备注",)),
)
LEVEL_ROLES = ("level1", "level2", "level3", "level4")
# The importer's indicator words, with the Wuxi form's columns (四级指标, 指标解释, 评分标准) and
# the grid's own (层级, 名称).
INDICATOR_PASTE_COLUMNS: Roles = (
    ("path", ("层级",)),
    *((role, words) for role, words in INDICATOR_COLUMNS if role in ("level1", "level2")),
    ("level3", ("三级指标",)),
    ("level4", ("四级指标",)),
    ("name", ("指标名称", "绩效指标名称", "名称")),
    ("explanation", ("指标解释",)),
    ("criteria", ("评分标准",)),
    *((role, words) for role, words in INDICATOR_COLUMNS if role in ("nature", "target", "unit")),
    *((role, words) for role, words in INDICATOR_COLUMNS if role in ("actual", "weight")),
    ("score", ("得分", "自评得分", "评分")),
    ("remark", ("备注",)),
    ("deviation", ("偏差原因", "未完成原因", "原因分析", "改进措施")),
)
# The fields of each table in the order the steps show and plain mode asks them; a paste
# without a header is read in this order.
STEP_ORDER: dict[str, tuple[str, ...]] = {
    "funds": (
        "name",
        "budget",
        "increase",
        "decrease",
        "actual_spend",
        "funds_arrived",
        "stated_adjusted_budget",
        "remark",
    ),
    "districts": ("name", "allocated", "actual_spend", "carryover", "funds_arrived", "remark"),
    "indicators": ("path", "name", "weight", "target", "actual", "unit"),
}
ROLES: dict[str, Roles] = {
    "funds": FUND_COLUMNS,
    "districts": DISTRICT_COLUMNS,
    "indicators": INDICATOR_PASTE_COLUMNS,
}
PATH_SPLIT = re.compile(r"\s*[/／]\s*")
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])"
)
_BLANK = frozenset({"", "-", "—", "－", "/", "……", "…"})


@dataclass(frozen=True, slots=True)
class Refusal:
    line: int  # 1-based line of the pasted text
    text: str  # the line as pasted, shortened for the preview
    reason: str  # Chinese, naming the column and what to type


@dataclass(slots=True)
class PastePlan:
    table: PasteTable
    header: bool
    rows: list[PastedRow] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # the pasted line of each row
    refused: list[Refusal] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)  # the column titles as read
    # Rows that fill an indicator of the form left blank (a skeleton's 社会满意度): its id.
    fills: dict[int, str] = field(default_factory=dict)  # index in ``rows`` -> indicator id

    @property
    def title(self) -> str:
        return TABLE_TITLES[self.table]


def looks_like_rows(text: str) -> bool:
    """A paste meant as table rows: cells split by tabs, or several lines."""
    lines = [line for line in text.splitlines() if line.strip()]
    return "\t" in text or len(lines) > 1


def read_cells(text: str) -> list[list[str]]:
    """Tab-separated lines; a cell with line breaks comes quoted (as Excel and WPS copy it)."""
    # Terminals send a pasted line break as CR; Excel copies CRLF.
    lines = text.replace("\r\n", "\n").replace("\r", "\n")
    reader = csv.reader(io.StringIO(lines), delimiter="\t")
    return [row for row in reader]


def _short(cells: list[str]) -> str:
    text = " | ".join(c.strip().replace("\n", " ") for c in cells if c.strip())
    return text if len(text) <= 40 else text[:39] + "…"


def find_header(grid: Grid, roles: Roles) -> dict[str, int] | None:
    """The first line's columns when it is a header (two of the table's words or more)."""
    if not grid.rows:
        return None
    header = match_header(grid, 0, roles)
    if len(header.columns) < 2:
        return None
    columns = dict(header.columns)
    # A merged 三级指标 header copied from WPS leaves the next (name) column's header blank.
    levels = [columns[r] for r in LEVEL_ROLES if r in columns]
    if levels and "name" not in columns:
        after = max(levels) + 1
        if after < len(grid.rows[0]) and not grid.cell(0, after) and after not in columns.values():
            columns["name"] = after
    return columns


def read_paste(text: str, table: PasteTable, project: Project, ruleset: RuleSet) -> PastePlan:
    """What pasting ``text`` into ``table`` would add, and what it refuses (and why)."""
    rows = tuple(tuple(cells) for cells in read_cells(text))
    grid = Grid("粘贴内容", rows)
    columns = find_header(grid, ROLES[table])
    start = 1 if columns is not None else 0
    if columns is None:
        columns = {role: n for n, role in enumerate(STEP_ORDER[table])}
    titles = {role: words[0] for role, words in ROLES[table]}
    order = sorted(columns.items(), key=lambda item: item[1])
    plan = PastePlan(table, start == 1, columns=[titles[role] for role, _ in order])
    reader = _IndicatorReader(project, ruleset, columns) if table == "indicators" else None
    names = {_key(row) for row in getattr(project, table)}
    blank = {
        _key(i): i.id for i in project.indicators if table == "indicators" and _blank(i, ruleset)
    }
    for index in range(start, len(rows)):
        if grid.blank(index):
            continue
        line = index + 1
        try:
            if reader is not None:
                row: PastedRow | None = reader.row(grid, index)
            else:
                row = _money_row(grid, index, table, columns)
        except _Refused as exc:
            plan.refused.append(Refusal(line, _short(list(rows[index])), str(exc)))
            continue
        if row is None:
            continue
        key = _key(row)
        if key in blank:  # the form's own row, still empty: the paste fills it
            plan.fills[len(plan.rows)] = blank.pop(key)
            plan.rows.append(row)
            plan.lines.append(line)
            continue
        if key in names:
            what = "指标" if isinstance(row, Indicator) else "行"
            plan.refused.append(
                Refusal(
                    line, _short(list(rows[index])), f"已有同名{what}「{row.name}」，未重复添加"
                )
            )
            continue
        names.add(key)
        plan.rows.append(row)
        plan.lines.append(line)
    return plan


def _key(row: PastedRow) -> str:
    """Rows are the same when their names (an indicator: its levels) are."""
    return "/".join(row.levels) if isinstance(row, Indicator) else row.name


def _blank(indicator: Indicator, ruleset: RuleSet) -> bool:
    """An indicator the form gives but nobody has filled yet (no values, no inputs); not one
    whose 完成值 is computed from 附表1."""
    rule = ruleset.rules.get(indicator.rule)
    if rule is None or family_of(rule).reads_budget:
        return False
    return (
        indicator.target is None
        and indicator.actual is None
        and not indicator.target_label
        and not indicator.actual_label
        and not indicator.inputs.ticked
        and not indicator.inputs.counts
    )


FILLED = ("weight", "target", "actual", "target_label", "actual_label", "unit", "operator")


def apply_paste(project: Project, plan: PastePlan) -> None:
    """Add the plan's rows (indicators into their groups); the caller re-scores and saves."""
    for index, row in enumerate(plan.rows):
        filled = plan.fills.get(index)
        if filled is not None and isinstance(row, Indicator):
            target = project.indicator(filled)
            for name in (*FILLED, "direction"):
                setattr(target, name, getattr(row, name))
            for name in ("explanation_text", "remark", "deviation"):
                if getattr(row, name):
                    setattr(target, name, getattr(row, name))
        elif isinstance(row, Indicator):
            add_indicator(project, row)
        elif isinstance(row, FundRow):
            add_row(project, "funds", row)
        else:
            add_row(project, "districts", row)


def rule_for_name(ruleset: RuleSet, name: str) -> str:
    """The rule a new indicator of that name is scored by: 满意度 by the rule set's satisfaction
    rule, any other by its default rule."""
    satisfaction = ruleset.satisfaction_rule
    if "满意" in name and satisfaction is not None and satisfaction in ruleset.rules:
        return satisfaction
    return ruleset.default_rule


class _Refused(ValueError):
    pass


def _number(grid: Grid, row: int, col: int | None, title: str, kind: NumberKind) -> Decimal | None:
    if col is None:
        return None
    text = grid.cell(row, col)
    if squash(text) in _BLANK:
        return None
    try:
        return parse_number(text, field=title, kind=kind)
    except NumberInputError as exc:
        raise _Refused(f"「{title}」{exc.problem}。{exc.hint}") from None


def _money_row(
    grid: Grid, row: int, table: PasteTable, columns: dict[str, int]
) -> FundRow | DistrictRow | None:
    model: type[FundRow] | type[DistrictRow] = FundRow if table == "funds" else DistrictRow
    name = grid.cell(row, columns["name"]) if "name" in columns else ""
    title = model.model_fields["name"].title or "名称"
    if squash(name) in TOTAL_LABELS:
        raise _Refused("合计行由程序按各行相加，不必粘贴")
    if not name:
        raise _Refused(f"「{title}」是空的。每行须有名称")
    values: dict[str, object] = {"name": name}
    for role, col in columns.items():
        info = model.model_fields.get(role)
        if role in ("name", "remark") or info is None:
            continue
        number = _number(grid, row, col, info.title or role, "money")
        if number is not None:
            values[role] = number
    if "remark" in columns:
        values["remark"] = grid.cell(row, columns["remark"])
    return model.model_validate(values)


class _IndicatorReader:
    """Indicator rows: blank level cells inherit from the row above (merged cells copied)."""

    def __init__(self, project: Project, ruleset: RuleSet, columns: dict[str, int]) -> None:
        self.project = project
        self.ruleset = ruleset
        self.columns = columns
        self.levels = {role: "" for role in LEVEL_ROLES}
        self.path: list[str] | None = None

    def _level(self, text: str) -> str:
        label, _ = section_label(text)
        return _NUMBERING.sub("", label).strip()

    def group(self, grid: Grid, row: int) -> list[str]:
        cols = self.columns
        roles = [r for r in LEVEL_ROLES if r in cols]
        for depth, role in enumerate(roles):
            text = grid.cell(row, cols[role])
            if squash(text) not in _BLANK:
                self.levels[role] = self._level(text)
                for deeper in roles[depth + 1 :]:  # a new 一级 starts its 二级 afresh
                    self.levels[deeper] = ""
        if "path" in cols:
            text = grid.cell(row, cols["path"])
            if text:
                self.path = [p for p in PATH_SPLIT.split(text) if p]
        if self.path is not None:
            return list(self.path)
        group = [self.levels[r] for r in roles if self.levels[r]]
        if group:
            return group
        current = self.project.indicators[-1] if self.project.indicators else None
        return new_indicator_group(self.project, self.ruleset, current)

    def row(self, grid: Grid, row: int) -> Indicator | None:
        cols = self.columns
        name_role = (
            "name"
            if "name" in cols
            else next((r for r in reversed(LEVEL_ROLES) if r in cols), None)
        )
        labels = [c for r, c in cols.items() if r in (*LEVEL_ROLES, "path", "name")]
        if any(squash(grid.cell(row, c)) in TOTAL_LABELS for c in labels):
            raise _Refused("合计行由程序计算，不必粘贴")
        group = self.group(grid, row)
        if name_role is None:
            raise _Refused("找不到指标名称一列。请在第一行写表头（如 指标名称、权重、目标值）")
        name = grid.cell(row, cols[name_role]).strip()
        if name_role != "name" and name:
            group = group[:-1]  # the lowest level column is the indicator's own name
        weight = _number(grid, row, cols.get("weight"), "权重", "score")
        if not name or squash(name) in _BLANK:
            others = [c for r, c in cols.items() if r not in (*LEVEL_ROLES, "path", name_role)]
            if all(squash(grid.cell(row, c)) in _BLANK for c in others):
                return None  # a group heading (一、共性指标): only sets the levels below it
            raise _Refused("「指标名称」是空的。每行须有指标名称")
        if weight is None:
            raise _Refused(f"「权重」是空的。请填写「{name}」的分值，例如 4")
        if not group:
            raise _Refused("「层级」是空的。请写出所属分组，例如 个性指标 / 专项总目标 / 产出")
        if len(group) > 4:
            raise _Refused("「层级」最多四级。请删去多余的层级")
        return self._indicator(grid, row, [*group, name], weight)

    def _indicator(self, grid: Grid, row: int, levels: list[str], weight: Decimal) -> Indicator:
        cols, ruleset = self.columns, self.ruleset
        text = {r: grid.cell(row, cols[r]) if r in cols else "" for r in cols}
        indicator = new_indicator(ruleset, levels, weight)
        indicator.rule = rule_for_name(ruleset, levels[-1])
        indicator.criteria_text = ruleset.rules[indicator.rule].clause
        unit = text.get("unit", "")
        target = parse_target(text.get("target", ""), nature=text.get("nature", ""), unit=unit)
        actual = parse_target(text.get("actual", ""), unit=unit)
        if target.qualitative and not target.blank or actual.qualitative and not actual.blank:
            if "graded" not in ruleset.rules:
                raise _Refused("目标值或完成值不是数字，本规则集没有定性评分。请填写数字")
            indicator.rule = "graded"
            indicator.criteria_text = ruleset.rules["graded"].clause
        indicator.target, indicator.actual = target.value, actual.value
        if target.operator is not None or (target.unit not in ("", "%") and not unit):
            indicator.target_label = target.text.strip()
        if target.qualitative and not target.blank:
            indicator.target_label = target.text.strip()
        if actual.qualitative and not actual.blank:
            indicator.actual_label = actual.text.strip()
        indicator.unit = unit or target.unit or actual.unit
        if target.operator is not None:
            indicator.operator = target.operator
            indicator.direction = target.direction
        indicator.explanation_text = text.get("explanation", "")
        indicator.criteria_text = text.get("criteria", "") or indicator.criteria_text
        indicator.remark = text.get("remark", "")
        indicator.deviation = text.get("deviation", "")
        return indicator
