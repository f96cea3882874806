"""A filled 项目支出绩效自评表 read into a project, as written.

Header fields, the budget block (年度资金总额 and its 其中 rows), the indicator table with its
merged 一级/二级 cells inherited from the row above, ★ indicators with their 其中 sub-rows, the
总分 row and the closing texts. The form's own 得分 is kept as 自评得分 beside what the rules give;
a row the rules cannot recompute keeps its 自评得分, marked 按自评得分（无法复算）.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..scoring.families.graded import JUDGED, GradedRule
from ..scoring.form_checks import STATED_ONLY
from ..scoring.model import (
    Basics,
    BudgetLine,
    Indicator,
    IndicatorGroup,
    IndicatorPart,
    Override,
    Project,
    RuleInputs,
    YearValues,
)
from ..scoring.numbers import NumberInputError, NumberKind, parse_number
from ..scoring.qualitative import reached
from ..scoring.ruleset import RuleSet
from ..scoring.targets import Target, normalise, parse_target
from .form_layout import (
    TOTAL_LABELS,
    Grid,
    Header,
    find_budget_header,
    find_indicator_header,
    header_fields,
    section_label,
    squash,
)

BUDGET_LEVELS = ["预算执行", "预算执行率（%）"]
TOP_BAND = "达成"
_FILLER = re.compile(r"^指标\d+[:：]?")
_NO_VALUE = frozenset({"", "-", "—", "－", "/", "……", "…", "......", "..."})
# 二级指标 names tell the 一级 when a form leaves it out (``(50分)`` with the name lost).
_LEVEL1_BY_LEVEL2 = (
    (("数量", "质量", "时效", "成本"), "产出指标"),
    (("经济效益", "社会效益", "生态效益", "可持续"), "效益指标"),
    (("满意",), "满意度指标"),
)
REQUIRED_RULES = ("budget_execution", "output", "benefit", "satisfaction", "graded")


class FormImportError(ValueError):
    """A filled form that cannot be read; the message names the sheet, row and column."""


@dataclass(slots=True)
class FormImport:
    project: Project
    notes: list[str] = field(default_factory=list)


def _number(grid: Grid, row: int, col: int | None, what: str, kind: NumberKind) -> Decimal | None:
    """The cell's number (``value``: as written; ``money4``: 万元 to 4 decimals), None if blank."""
    if col is None:
        return None
    text = grid.cell(row, col)
    if squash(text) in _NO_VALUE:
        return None
    try:
        return parse_number(text, field=what, kind=kind)
    except NumberInputError as exc:
        raise FormImportError(
            f"{grid.where(row, col)}「{what}」：{exc.problem}。{exc.hint}"
        ) from None


def _decimal(grid: Grid, row: int, col: int | None, what: str) -> Decimal | None:
    return _number(grid, row, col, what, "value")


def _money(grid: Grid, row: int, col: int | None, what: str) -> Decimal | None:
    return _number(grid, row, col, what, "money4")


def _rate(grid: Grid, row: int, col: int | None) -> Decimal | None:
    """执行率 as written, as a percentage number: ``100.00%`` and ``1`` both read as 100."""
    value = _decimal(grid, row, col, "执行率")
    if value is None or col is None:
        return None
    if "%" not in normalise(grid.cell(row, col)) and value <= 1 and value != 0:
        return value * 100
    return value


def level1_for(level2: str) -> str:
    for words, name in _LEVEL1_BY_LEVEL2:
        if any(word in level2 for word in words):
            return name
    return "产出指标"


def rule_for_section(level1: str) -> str:
    if "满意" in level1:
        return "satisfaction"
    if "效益" in level1:
        return "benefit"
    return "output"


class _Reader:
    def __init__(self, grid: Grid, ruleset: RuleSet) -> None:
        self.grid = grid
        self.ruleset = ruleset
        self.notes: list[str] = []
        self.used_rows: set[int] = set()
        self.groups: dict[str, Decimal] = {}
        self.years: dict[int, dict[str, int]] = {}  # cross-year columns of the indicator table

    # -- budget block ---------------------------------------------------------------------
    def budget(self, header: Header) -> tuple[list[BudgetLine], Indicator | None]:
        g, cols = self.grid, header.columns
        lines: list[BudgetLine] = []
        indicator: Indicator | None = None
        self.used_rows.add(header.row)
        for row in range(header.row + 1, len(g.rows)):
            label = g.cell(row, 0)
            if g.blank(row) or not label:
                break
            self.used_rows.add(row)
            name = re.sub(r"^其中[:：]?", "", squash(label)).rstrip(":：")
            role = "总额" if ("总额" in name or "合计" in name) and not lines else "其中"
            line = BudgetLine(
                name=name,
                role=role,
                initial=_money(g, row, cols.get("initial"), "年初预算数"),
                budget=_money(g, row, cols.get("budget"), header.titles["budget"]),
                spend=_money(g, row, cols.get("spend"), header.titles["spend"]),
                stated_rate=_rate(g, row, cols.get("rate")),
            )
            lines.append(line)
            weight = _decimal(g, row, cols.get("weight"), "分值")
            if role == "总额" and weight is not None:
                stated = _decimal(g, row, cols.get("score"), "得分")
                indicator = Indicator(
                    levels=list(BUDGET_LEVELS),
                    weight=weight,
                    rule="budget_execution",
                    unit="%",
                    stated_score=stated,
                )
                self.groups["预算执行"] = weight
        return lines, indicator

    # -- indicator table ------------------------------------------------------------------
    def indicators(self, header: Header) -> tuple[list[Indicator], int]:
        g, cols = self.grid, header.columns
        out: list[Indicator] = []
        level1 = level2 = ""
        pending_weight: str | None = None  # ``(50分)`` seen before its name is known
        row = header.row + 1
        self.used_rows.add(header.row)
        self.years = header.years
        while row < len(g.rows):
            first = squash(g.cell(row, 0))
            if first in TOTAL_LABELS or any(
                squash(g.cell(row, c)) in TOTAL_LABELS for c in range(cols["level3"])
            ):
                return out, row
            if g.blank(row):
                break
            self.used_rows.add(row)
            if "level1" in cols and squash(g.cell(row, cols["level1"])) not in _NO_VALUE:
                level1, weight = section_label(g.cell(row, cols["level1"]))
                pending_weight = weight
                if level1 and weight:
                    self.groups[level1] = Decimal(weight)
            if "level2" in cols and g.cell(row, cols["level2"]):
                level2 = squash(g.cell(row, cols["level2"]))
            if not level1 and level2:
                level1 = level1_for(level2)
                if pending_weight:
                    self.groups[level1] = Decimal(pending_weight)
            self._row(row, cols, level1 or level1_for(level2), level2, out)
            row += 1
        return out, -1

    def _row(
        self, row: int, cols: dict[str, int], level1: str, level2: str, out: list[Indicator]
    ) -> None:
        g = self.grid
        name = g.cell(row, cols["level3"])
        target_text = g.cell(row, cols["target"]) if "target" in cols else ""
        actual_text = g.cell(row, cols["actual"]) if "actual" in cols else ""
        weight = _decimal(g, row, cols["weight"], "分值")
        stated = _decimal(g, row, cols.get("score"), "得分")
        bare = _FILLER.sub("", squash(name))
        if bare in _NO_VALUE and weight is None and stated is None:
            return  # template filler: 指标2:, ……, /, or a lone 二级 label
        if weight is None:
            if squash(name).startswith("其中") and out:
                out[-1].parts.append(
                    IndicatorPart(name=name, target_label=target_text, actual_label=actual_text)
                )
                return
            self.notes.append(f"{g.where(row)}「{name}」没有分值，未计入")
            return
        nature = g.cell(row, cols["nature"]) if "nature" in cols else ""
        unit = g.cell(row, cols["unit"]) if "unit" in cols else ""
        target = parse_target(target_text, nature=nature, unit=unit)
        actual = parse_target(actual_text, unit=unit)
        yearly = self._yearly(row, unit)
        if yearly and target.blank and actual.blank:
            # Only the per-year columns are filled: the last year tells the operator and unit.
            target = parse_target(yearly[-1].target_label, nature=nature, unit=unit)
            actual = parse_target(yearly[-1].actual_label, unit=unit)
        levels = [level1, level2 or level1, name.strip()] if level2 else [level1, name.strip()]
        indicator = Indicator(
            levels=levels,
            weight=weight,
            rule=rule_for_section(level1),
            target_label=target_text,
            actual_label=actual_text,
            stated_score=stated,
            deviation=g.cell(row, cols["deviation"]) if "deviation" in cols else "",
        )
        self._score_inputs(indicator, target, actual, row)
        indicator.yearly = yearly if len(yearly) > 1 else []
        out.append(indicator)

    def _yearly(self, row: int, unit: str) -> list[YearValues]:
        """The row's per-year 指标值 and 完成值 (a cross-year form), in year order."""
        out = []
        for year, cols in sorted(self.years.items()):
            texts = {role: self.grid.cell(row, col) for role, col in cols.items()}
            target_text, actual_text = texts.get("target", ""), texts.get("actual", "")
            target = parse_target(target_text, unit=unit)
            actual = parse_target(actual_text, unit=unit)
            if target.blank and actual.blank:
                continue
            out.append(
                YearValues(
                    year=year,
                    target=target.value,
                    actual=actual.value,
                    target_label=target_text,
                    actual_label=actual_text,
                )
            )
        return out

    def _score_inputs(self, ind: Indicator, target: Target, actual: Target, row: int) -> None:
        if target.blank and actual.blank:
            ind.rule = "graded"
            if ind.stated_score is not None:
                ind.override = Override(
                    score=ind.stated_score, reason=f"{STATED_ONLY}：表上没有年度指标值和实际完成值"
                )
            return
        if target.qualitative or actual.qualitative:
            self._qualitative(ind, target, actual, row)
            return
        assert target.value is not None and actual.value is not None
        ind.target, ind.actual = target.value, actual.value
        ind.unit = target.unit or actual.unit
        ind.operator = target.operator
        ind.direction = target.direction

    def _qualitative(self, ind: Indicator, target: Target, actual: Target, row: int) -> None:
        ind.rule = "graded"
        if target.value is not None:
            ind.operator, ind.unit = target.operator, target.unit
            ind.direction = target.direction
        met = reached(target.text, actual.text)
        if not target.qualitative:
            self.notes.append(
                f"{self.grid.where(row)}「{ind.name}」实际完成值「{actual.text}」为文字，无法按比例复算，按定性评定"
            )
        if not met:
            return
        rule = self.ruleset.rules["graded"]
        level = TOP_BAND if isinstance(rule, GradedRule) and TOP_BAND in rule.levels else None
        judged = None
        if level is not None and isinstance(rule, GradedRule) and ind.stated_score is not None:
            low, high = rule.bands.get(level, (Decimal(1), Decimal(1)))
            if ind.weight * low <= ind.stated_score <= ind.weight * high:
                judged = ind.stated_score
        values = {} if judged is None else {JUDGED: judged}
        ind.inputs = RuleInputs(level=level, values=values)


def _year(text: str, where: str) -> int:
    match = re.search(r"(19|20|21)\d{2}", text)
    if match is None:
        raise FormImportError(f"{where}「年度」：「{text}」不是年份。请写成 2023 这样的四位年份")
    return int(match.group(0))


def read_form(grid: Grid, ruleset: RuleSet, fallback_name: str) -> FormImport:
    """Read one sheet of a filled form; raise :class:`FormImportError` naming the cell."""
    missing = [r for r in REQUIRED_RULES if r not in ruleset.rules]
    if missing:
        raise FormImportError(
            f"评分规则集「{ruleset.id}」没有自评表所需的规则（{'、'.join(missing)}）。"
            "请用 --ruleset national-2020"
        )
    header = find_indicator_header(grid)
    if header is None:
        raise FormImportError(
            f"工作表「{grid.sheet}」中没有找到绩效指标表：表头应有「三级指标」和「分值」（或「权重」）"
        )
    reader = _Reader(grid, ruleset)
    budget_header = find_budget_header(grid, header.row)
    lines: list[BudgetLine] = []
    budget_indicator = None
    if budget_header is not None:
        lines, budget_indicator = reader.budget(budget_header)
    indicators, total_row = reader.indicators(header)
    stated_weight = stated_total = None
    if total_row >= 0:
        reader.used_rows.add(total_row)
        stated_weight = _decimal(grid, total_row, header.columns["weight"], "分值")
        stated_total = _decimal(grid, total_row, header.columns.get("score"), "得分")
    fields = header_fields(grid, reader.used_rows)
    text = {name: value for name, (value, _) in fields.items()}
    year_text, year_row = fields.get("year", ("", -1))
    year = _year(year_text, grid.where(year_row)) if year_row >= 0 else 2020
    name = text.get("name") or fallback_name
    if not text.get("name"):
        reader.notes.append(f"表上没有项目名称，暂以「{name}」为名")
    basics = Basics(
        name=name,
        year=year,
        unit=text.get("unit") or text.get("department") or "（表上未填写）",
        department=text.get("department", ""),
        team_leader=text.get("leader", ""),
        goals_text=text.get("goals_text", ""),
        goal_result=text.get("goal_result", ""),
        conclusion=text.get("conclusion", ""),
        problems=text.get("problems", ""),
        improvements=text.get("improvements", ""),
    )
    all_indicators = ([budget_indicator] if budget_indicator else []) + indicators
    project = Project(
        ruleset=ruleset.id,
        basics=basics,
        budget_block=lines,
        groups=[IndicatorGroup(path=[k], weight=v) for k, v in reader.groups.items()],
        indicators=all_indicators,
        stated_total=stated_total,
        stated_weight_total=stated_weight,
    )
    return FormImport(project, reader.notes)
