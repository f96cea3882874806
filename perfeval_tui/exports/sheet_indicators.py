"""附表2 绩效评价指标表: the indicator tree with merged level cells, subtotals, 总分 and grade.

levels[0] of an indicator is its category (共性指标/个性指标); each category opens with a section
row such as ``一、共性指标`` carrying the category's weight and subtotal, as in the seed. On the
national form levels[0] is the 一级指标 itself (产出指标 / 数量指标 / 三级): the level columns then
start with it, so 一级, 二级 and 三级 each stay in their own column.
"""

from __future__ import annotations

from decimal import Decimal

from ..scoring.engine import IndicatorScore, ProjectScore, reads_budget
from ..scoring.model import Project
from ..scoring.numbers import fmt2, fmt_plain
from .table import CellValue, Closing, Column, Quantity, Row, Table, VerticalMerge, unit_line

SHEET = "附表2 绩效评价指标表"
LABEL = "附件2附表2"
TITLE_SUFFIX = "资金绩效评价指标表"
LEVEL_HEADERS = ("一级指标", "二级指标", "三级指标", "四级指标")
MIN_LEVEL_COLUMNS = 3
NUMERALS = "一二三四五六七八九十"

SECTION_PREFIX = "section:"
INDICATOR_PREFIX = "ind:"
TOTAL_KEY = "total"
GRADE_KEY = "grade"
TOTAL_LABEL = "总分"
SHARED_TEXT_KEYS = ("explanation", "criteria")
GRADE_LABEL = "评价等级"

# Every generated 备注 line starts like this, so the import can tell them from the user's remark.
DEDUCTION_LINE = "{verb} {points} 分：{reason}"

NOTES = (
    "1.“目标值”填写年初目标值，年度预算若有调整，以相应调整后的预算绩效目标值为准，并在备注中说明；"
    "“完成值”填写同年度相应指标的完成值。",
    "2.“自评分”比较“目标值”与“完成值”，对照打分标准进行自评打分。",
    "3.“专项总目标”、“XX明细项目绩效目标”分别填写单位制定的专项总目标和明细项目绩效目标（涉及年度"
    "预算调整的，以调整后的绩效目标为准），“其他绩效评价指标”填写年度预算绩效目标之外补充设置的绩效"
    "评价指标。相应权重在50分内根据绩效目标的重要性分配。",
    "4.“社会满意度（％）”为该专项（项目）的社会满意度，若年度预算绩效目标中有多个满意度目标，则在此处"
    "合并填列，且权重总和为10分。",
    "5.开展跨年度绩效评价的专项（项目）：①“预算调整率（％）”、“预算执行率（％）”、“资金到位率（%）”"
    "以及每个年度都有的个性指标的权重按年平均分配，分别评分。如，2019-2020年度，“预算调整率（％）”"
    "2019年和2020年权重各占2分。",
    "6.评价主体可根据评价需要设置四级评价指标。",
)


def title_for(name: str) -> str:
    return f"{name}{TITLE_SUFFIX}"


def first_level(project: Project) -> int:
    """The index in ``levels`` of the 一级指标 column: 1 below a category (共性指标/个性指标),
    0 on the national form, whose levels[0] is the 一级指标 (产出指标, 效益指标 …)."""
    return 0 if project.ruleset.startswith("national") else 1


def level_count(project: Project) -> int:
    """How many level columns (一级…四级) the sheet needs below the category."""
    skip = first_level(project)
    deepest = max((len(i.levels) - skip for i in project.indicators), default=0)
    return min(max(deepest, MIN_LEVEL_COLUMNS), len(LEVEL_HEADERS))


def level_keys(count: int) -> tuple[str, ...]:
    return tuple(f"l{n}" for n in range(1, count + 1))


def columns(count: int) -> tuple[Column, ...]:
    levels = tuple(
        Column(key, LEVEL_HEADERS[n], "center", 12, wrap=True)
        for n, key in enumerate(level_keys(count))
    )
    # The lowest level holds the indicator names, which are long.
    last = levels[-1]
    levels = (*levels[:-1], Column(last.key, last.header, "text", 20, wrap=True))
    return (
        *levels,
        Column("weight", "权重\n（分）", "score", 8, wrap=True),
        Column("target", "目标值", "value", 11, wrap=True),
        Column("actual", "完成值", "value", 11, wrap=True),
        Column("explanation", "指标解释", "text", 30, wrap=True),
        Column("criteria", "评分标准", "text", 34, wrap=True),
        Column("score", "评分\n（分）", "score", 8, wrap=True),
        Column("remark", "备注", "text", 24, wrap=True),
    )


def section_label(number: int, category: str) -> str:
    numeral = NUMERALS[number - 1] if number <= len(NUMERALS) else str(number)
    return f"{numeral}、{category}"


def deduction_lines(item: IndicatorScore) -> list[str]:
    """The reason for every point lost (or given back by a manual score), in the engine's words."""
    lines = []
    for deduction in item.deductions:
        if deduction.points == 0:
            continue
        verb = "扣" if deduction.points > 0 else "加"
        points = fmt2(abs(deduction.points))
        lines.append(DEDUCTION_LINE.format(verb=verb, points=points, reason=deduction.reason))
    return lines


def remark_text(item: IndicatorScore) -> str:
    parts = [item.indicator.remark] if item.indicator.remark else []
    return "\n".join(parts + deduction_lines(item))


def value_cell(label: str, value: Decimal | None, unit: str) -> CellValue:
    """A typed label wins (it is what the engine shows); else the number with its unit."""
    if label:
        return label
    if value is None:
        return None
    return Quantity(value, unit)


def indicator_row(
    item: IndicatorScore, result: ProjectScore, keys: tuple[str, ...], skip: int = 1
) -> Row:
    indicator = item.indicator
    cells: dict[str, CellValue] = {}
    spans: dict[str, str] = {}
    below = indicator.levels[skip:] or indicator.levels[:1]
    for key, name in zip(keys, below[:-1], strict=False):
        cells[key] = name
    leaf = keys[min(len(below), len(keys)) - 1]
    cells[leaf] = below[-1]
    if leaf != keys[-1]:
        spans[leaf] = keys[-1]
    cells["weight"] = indicator.weight
    cells["target"] = value_cell(indicator.target_label, indicator.target, indicator.unit)
    if reads_budget(item.explanation.family):
        rate = item.measured_rate  # the very rate the engine scored (附表1's 合计 row)
        cells["actual"] = None if rate is None else Quantity(rate, "%")
    else:
        cells["actual"] = value_cell(indicator.actual_label, indicator.actual, indicator.unit)
    cells["explanation"] = indicator.explanation_text
    cells["criteria"] = item.explanation.clause
    cells["score"] = item.score
    cells["remark"] = remark_text(item)
    return Row("data", f"{INDICATOR_PREFIX}{indicator.id}", cells, spans)


def _merges(paths: list[tuple[str, ...]], keys: tuple[str, ...], start: int) -> list[VerticalMerge]:
    """Merge each group-level cell over the consecutive rows that share it.

    ``paths`` are the levels below the category, leaf included; column ``depth`` holds a group
    name (not the leaf) exactly when the path is longer than ``depth``.
    """
    out: list[VerticalMerge] = []
    for depth, key in enumerate(keys[:-1], start=1):
        n = 0
        while n < len(paths):
            m = n
            if len(paths[n]) > depth:
                while (
                    m + 1 < len(paths)
                    and len(paths[m + 1]) > depth
                    and paths[m + 1][:depth] == paths[n][:depth]
                ):
                    m += 1
            if m > n:
                out.append(VerticalMerge(key, start + n, start + m))
            n = m + 1
    return out


def _same_text_merges(rows: list[Row], key: str, start: int) -> list[VerticalMerge]:
    """Merge runs of identical 指标解释/评分标准 cells, as the seed prints a shared rule once."""
    out: list[VerticalMerge] = []
    n = 0
    while n < len(rows):
        text = rows[n].cells.get(key)
        m = n
        while text and m + 1 < len(rows) and rows[m + 1].cells.get(key) == text:
            m += 1
        if m > n:
            out.append(VerticalMerge(key, start + n, start + m))
        n = m + 1
    return out


def grade_rule_text(result: ProjectScore) -> str:
    """The rule set's grade bands in words: ≥90分为优，≥80分为良，≥60分为中，其余为差."""
    bands = sorted(result.ruleset.grade_bands, key=lambda b: b.min_score, reverse=True)
    words = [f"≥{fmt_plain(b.min_score)}分为{b.grade}" for b in bands[:-1]]
    return "，".join([*words, f"其余为{bands[-1].grade}"])


def indicator_sheet(project: Project, result: ProjectScore) -> Table:
    basics = project.basics
    keys = level_keys(level_count(project))
    skip = first_level(project)
    categories: dict[str, list[IndicatorScore]] = {}
    for item in result.indicators:
        categories.setdefault(item.levels[0], []).append(item)
    rows: list[Row] = []
    merges: list[VerticalMerge] = []
    for number, (category, items) in enumerate(categories.items(), start=1):
        group = result.group(category)
        section: dict[str, CellValue] = {keys[0]: section_label(number, category)}
        section["weight"] = group.weight
        section["score"] = group.score
        rows.append(Row("section", f"{SECTION_PREFIX}{category}", section, {keys[0]: keys[-1]}))
        merges += _merges([tuple(i.levels[skip:]) for i in items], keys, len(rows))
        block = [indicator_row(item, result, keys, skip) for item in items]
        for key in SHARED_TEXT_KEYS:
            merges += _same_text_merges(block, key, len(rows))
        rows += block
    total: dict[str, CellValue] = {keys[0]: TOTAL_LABEL, "weight": result.ruleset.total_weight}
    total["score"] = result.total
    if result.raw_total != result.total:
        total["remark"] = (
            f"各项评分合计 {fmt2(result.raw_total)} 分，总分按 0～{fmt2(result.ruleset.total_weight)} 分计"
        )
    rows.append(Row("total", TOTAL_KEY, total, {keys[0]: keys[-1]}))
    grade: dict[str, CellValue] = {keys[0]: GRADE_LABEL, "score": result.grade}
    grade["remark"] = grade_rule_text(result)
    rows.append(Row("grade", GRADE_KEY, grade, {keys[0]: keys[-1]}))
    return Table(
        sheet=SHEET,
        label=LABEL,
        title=title_for(basics.name),
        unit_line=unit_line(basics.unit),
        columns=columns(len(keys)),
        rows=tuple(rows),
        closing=Closing(basics.preparer, basics.fill_date, basics.phone),
        notes=NOTES,
        merges=tuple(merges),
    )
