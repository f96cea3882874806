"""Where things are on a filled 项目支出绩效自评表: blocks found by their header words.

A form comes in as a grid of cell texts (from .tsv, .csv or .xlsx). Each block is found by the
words of its header row, with the synonyms provinces use (FORMS.md); nothing depends on the block
sitting at a fixed row or column.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# Column roles of the indicator table, each with the header words that name it (first match wins,
# so the longer or more specific words come first).
INDICATOR_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("level1", ("一级指标",)),
    ("level2", ("二级指标",)),
    ("level3", ("三级指标", "指标名称", "绩效指标名称")),
    ("nature", ("指标性质",)),
    ("target", ("年度指标值", "指标值", "年度目标值", "目标值", "预期指标值")),
    ("unit", ("度量单位", "计量单位", "单位")),
    (
        "actual",
        ("实际完成值", "全年实际值", "全年完成值", "完成值", "实际值", "实际完成情况"),
    ),
    ("weight", ("分值", "权重")),
    ("score", ("得分", "自评得分")),
    (
        "deviation",
        ("偏差原因", "未完成原因", "原因分析", "改进措施", "备注"),
    ),
)
BUDGET_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("initial", ("年初预算数", "年初预算")),
    ("budget", ("全年预算数", "调整后预算数", "调整后预算", "全年预算", "预算数")),
    ("spend", ("全年执行数", "实际支出数", "预算执行数", "执行数", "实际支出")),
    ("weight", ("分值", "权重")),
    ("rate", ("执行率",)),
    ("score", ("得分",)),
)
# Header fields written as 「label | value」 rows, by the words of the label.
FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("name", ("项目名称",)),
    ("leader", ("项目负责人",)),
    ("department", ("主管部门",)),
    ("unit", ("实施单位",)),
    ("goal_result", ("实际完成情况", "完成情况综述", "目标完成情况")),
    ("goals_text", ("预期目标", "年初设定目标", "年度目标", "年度总体目标", "总体目标")),
    ("conclusion", ("评价结论", "自评结论")),
    ("problems", ("存在问题", "存在的问题")),
    ("improvements", ("改进措施", "整改措施")),
)
YEAR_LABELS = ("年度", "评价年度", "项目年度", "所属年度")
TOTAL_LABELS = ("总分", "合计", "总计")

_WEIGHT = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]")
# A cross-year form (seed 附表2 note 5) gives each year its own columns: 2019年指标值 | 2019年实际完成值.
_YEAR_COLUMN = re.compile(r"^(\d{4})年度?(.+)$")
YEAR_ROLES = ("target", "actual")


def squash(text: str) -> str:
    """Spaces removed and full-width forms folded: ``产 出 指 标 (50分)`` → ``产出指标(50分)``."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def section_label(text: str) -> tuple[str, str | None]:
    """``产出指标(70分)`` → (``产出指标``, ``70``); ``(50分)`` → (``""``, ``50``)."""
    label = squash(text)
    match = _WEIGHT.search(label)
    if match is None:
        return label, None
    return (label[: match.start()] + label[match.end() :]).strip(), match.group(1)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True, slots=True)
class Grid:
    """One sheet's cell texts; rows and columns counted from 0, shown from 1 / A."""

    sheet: str
    rows: tuple[tuple[str, ...], ...]

    def cell(self, row: int, col: int) -> str:
        cells = self.rows[row]
        return cells[col].strip() if col < len(cells) else ""

    def where(self, row: int, col: int | None = None) -> str:
        place = f"工作表「{self.sheet}」第 {row + 1} 行"
        return place if col is None else f"{place} {column_letter(col)} 列"

    def blank(self, row: int) -> bool:
        return not any(c.strip() for c in self.rows[row])


@dataclass(slots=True)
class Header:
    """A header row: its row number and the column of each role found."""

    row: int
    columns: dict[str, int] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    # Cross-year columns: year → role (target / actual) → column.
    years: dict[int, dict[str, int]] = field(default_factory=dict)


def year_column(text: str) -> tuple[int, str] | None:
    """``2019年指标值`` → (2019, ``target``); ``2020年度实际完成值`` → (2020, ``actual``)."""
    match = _YEAR_COLUMN.match(squash(text))
    if match is None:
        return None
    rest = match.group(2)
    for role, words in INDICATOR_COLUMNS:
        if role in YEAR_ROLES and any(rest.startswith(word) for word in words):
            return int(match.group(1)), role
    return None


def match_header(grid: Grid, row: int, roles: tuple[tuple[str, tuple[str, ...]], ...]) -> Header:
    header = Header(row)
    taken: set[int] = set()
    for col, text in enumerate(grid.rows[row]):
        found = year_column(text)
        if found is not None:
            header.years.setdefault(found[0], {})[found[1]] = col
            taken.add(col)
    for role, words in roles:
        for col, text in enumerate(grid.rows[row]):
            label = squash(text)
            if col in taken or not label:
                continue
            if any(label.startswith(word) for word in words) or any(
                word in label for word in words if len(word) > 2
            ):
                header.columns[role] = col
                header.titles[role] = text.strip()
                taken.add(col)
                break
    return header


def find_indicator_header(grid: Grid) -> Header | None:
    for row in range(len(grid.rows)):
        header = match_header(grid, row, INDICATOR_COLUMNS)
        if "level3" in header.columns and "weight" in header.columns:
            return header
    return None


def find_budget_header(grid: Grid, before: int) -> Header | None:
    for row in range(min(before, len(grid.rows))):
        header = match_header(grid, row, BUDGET_COLUMNS)
        if "budget" in header.columns and "spend" in header.columns:
            return header
    return None


def field_of(label: str) -> str | None:
    key = re.split("[:：]", squash(label), maxsplit=1)[0]
    if key in YEAR_LABELS:
        return "year"
    for name, words in FIELDS:
        if name == "goal_result":
            if any(word in key for word in words):
                return name
        elif any(key.startswith(word) for word in words):
            return name
    return None


def header_fields(grid: Grid, skip: set[int]) -> dict[str, tuple[str, int]]:
    """Every 「label | value」 row outside the tables: field → (value, row).

    A label may carry its value after a colon (``项目负责人:某某``).
    """
    found: dict[str, tuple[str, int]] = {}
    for row in range(len(grid.rows)):
        if row in skip:
            continue
        label = grid.cell(row, 0)
        name = field_of(label)
        if name is None or name in found:
            continue
        parts = re.split("[:：]", label, maxsplit=1)
        inline = parts[1].strip() if len(parts) == 2 else ""
        found[name] = (inline or grid.cell(row, 1), row)
    return found
