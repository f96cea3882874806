"""Reading a workbook this program exported back into a project, after edits in Excel or WPS.

The hidden data sheet supplies what the tables do not show (ids, rule inputs, readings, free
text); every visible cell the user changed wins over it. A cell is "unchanged" when it still
holds exactly what the export wrote for the hidden project, so an untouched workbook comes back
as the very project it was exported from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..project.factory import indicator_from_template, new_indicator
from ..project.storage import ProjectFileError, describe_validation_error, parse_project_scored
from ..scoring.engine import ProjectScore, collection_paused, reads_budget, score_project
from ..scoring.model import Basics, DistrictRow, FundRow, Indicator, Project, new_id
from ..scoring.ruleset import DEFAULT_RULESET, load_ruleset
from . import sheet_budget, sheet_districts, sheet_indicators
from .cells import cell_content
from .import_values import read_value
from .table import CLOSING_LABELS, Table
from .workbook import PAYLOAD_FORMAT, appendix_tables
from .xlsx_book import Book, SheetCells
from .xlsx_reader import (
    CellRead,
    SheetGrid,
    WorkbookImportError,
    hidden_payload,
    is_closing,
    labelled,
    number_of,
    open_workbook,
    read_grid,
    required_number_of,
    sheet,
    squash,
    text_of,
    unit_from,
)

_SECTION = re.compile(r"^[一二三四五六七八九十\d]+[、.．]\s*(.+)$")
_GENERATED = re.compile(r"^(扣|加) \d+(\.\d+)? 分：")
MAX_NOTICES = 12


@dataclass(slots=True)
class ImportResult:
    project: Project
    notices: list[str] = field(default_factory=list)
    result: ProjectScore | None = None  # the project's score, taken once while importing


ModelT = TypeVar("ModelT", bound=BaseModel)


def _validated(model: type[ModelT], data: dict[str, Any], where: str) -> ModelT:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        name = str(error["loc"][0]) if error["loc"] else ""
        info = model.model_fields.get(name)
        title = info.title if info is not None and info.title else name
        problem = describe_validation_error(exc).split("：", 1)[-1]
        raise WorkbookImportError(f"{where}「{title}」：{problem}") from None


def _expected(table: Table) -> dict[str, dict[str, Any]]:
    """What the export wrote in each row (by hidden key): the cell values for comparison."""
    out: dict[str, dict[str, Any]] = {}
    for row in table.rows:
        out[row.key] = {c.key: cell_content(row.cells.get(c.key), c.kind)[0] for c in table.columns}
    return out


def _same(cell: CellRead, written: Any) -> bool:
    value = None if cell.continued else cell.value
    if isinstance(value, str) and isinstance(written, str):
        return value.strip() == written.strip()
    if value == "" and written is None:
        return True
    return bool(value == written)


class _Importer:
    def __init__(self, base: Project | None, base_result: ProjectScore | None = None) -> None:
        self.base = base
        self.ruleset = load_ruleset(base.ruleset if base else DEFAULT_RULESET)
        self.rate_rules = {
            rid for rid, rule in self.ruleset.rules.items() if reads_budget(rule.family)
        }
        if base is not None:
            scored = base_result or score_project(base)
            tables = appendix_tables(base, scored)
            self.expected = [_expected(t) for t in tables]
        else:
            self.expected = [{}, {}, {}]

    # -- 附表1 and the district table ------------------------------------------------------
    def funds(self, grid: SheetGrid) -> list[FundRow]:
        by_id = {f.id: f for f in self.base.funds} if self.base else {}
        out: list[FundRow] = []
        for row, cells, key in grid.rows:
            if key == sheet_budget.TOTAL_KEY or squash(cells["index"].value) == "合计":
                continue
            old = by_id.pop(key.removeprefix(sheet_budget.FUND_PREFIX), None) if key else None
            data = self._money_row(grid, cells, sheet_budget.COLUMNS, sheet_budget.INPUT_KEYS)
            data["stated_adjusted_budget"] = self._stated(grid, cells, old, key)
            data["id"] = old.id if old else new_id("fund")
            fields = {"budget": "budget", "increase": "increase", "decrease": "decrease"}
            fields |= {"spend": "actual_spend", "arrived": "funds_arrived"}
            payload = {fields.get(k, k): v for k, v in data.items()}
            out.append(_validated(FundRow, payload, grid.row_where(row)))
        return out

    def _stated(
        self, grid: SheetGrid, cells: dict[str, CellRead], old: FundRow | None, key: str
    ) -> Decimal | None:
        # 调整后预算数 is derived; a cell still as exported keeps the stated figure of the file,
        # a changed one becomes the stated figure (and is checked against 安排 + 调增 − 调减).
        cell = cells["adjusted"]
        written = self.expected[0].get(key, {}).get("adjusted", object())
        if old is not None and _same(cell, written):
            return old.stated_adjusted_budget
        return number_of(grid, cell, "调整后预算数", "money")

    def _money_row(
        self, grid: SheetGrid, cells: dict[str, CellRead], columns: Any, keys: tuple[str, ...]
    ) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for column in columns:
            if column.key not in keys:
                continue
            cell = cells[column.key]
            header = column.header.replace("\n", "")
            if column.kind == "money":
                data[column.key] = required_number_of(grid, cell, header, "money")
            else:
                data[column.key] = text_of(cell)
        if not data["name"].strip():
            header = next(c.header for c in columns if c.key == "name").split("\n")[0]
            raise WorkbookImportError(
                f"{grid.where(cells['name'], header)}为空。请填写名称，或删除整行"
            )
        return data

    def districts(self, grid: SheetGrid) -> list[DistrictRow]:
        by_id = {d.id: d for d in self.base.districts} if self.base else {}
        out: list[DistrictRow] = []
        for row, cells, key in grid.rows:
            if key == sheet_districts.TOTAL_KEY or squash(cells["index"].value) == "合计":
                continue
            old = (
                by_id.pop(key.removeprefix(sheet_districts.DISTRICT_PREFIX), None) if key else None
            )
            data = self._money_row(grid, cells, sheet_districts.COLUMNS, sheet_districts.INPUT_KEYS)
            data["id"] = old.id if old else new_id("district")
            data["actual_spend"] = data.pop("spend")
            data["funds_arrived"] = data.pop("arrived")
            out.append(_validated(DistrictRow, data, grid.row_where(row)))
        return out

    # -- 附表2 -------------------------------------------------------------------------------
    def indicators(self, grid: SheetGrid, level_keys: tuple[str, ...]) -> list[Indicator]:
        base = self.base
        by_id = {i.id: i for i in base.indicators} if base else {}
        ruleset = self.ruleset
        expected = self.expected[1]
        seen: set[str] = set()
        out: list[Indicator] = []
        category: str | None = None
        previous: list[str] = []
        for row, cells, key in grid.rows:
            first = text_of(cells[level_keys[0]]).strip()
            if key in (sheet_indicators.TOTAL_KEY, sheet_indicators.GRADE_KEY) or squash(first) in (
                sheet_indicators.TOTAL_LABEL,
                sheet_indicators.GRADE_LABEL,
            ):
                continue
            section = _SECTION.match(first)
            if key.startswith(sheet_indicators.SECTION_PREFIX) or (section and not key):
                shown = section.group(1).strip() if section else first
                category = shown or key.removeprefix(sheet_indicators.SECTION_PREFIX)
                previous = []
                continue
            if category is None:
                raise WorkbookImportError(
                    f"{grid.row_where(row)}之前缺少分类行（如「一、共性指标」）。请恢复分类行"
                )
            leaf = cells[level_keys[-1]]
            named = leaf.continued or bool(text_of(leaf).strip())
            levels = self._levels(cells, level_keys, previous) if named else []
            if not levels:
                raise WorkbookImportError(
                    f"{grid.row_where(row)}没有指标名称。请填写指标名称，或删除整行"
                )
            previous = levels
            # On the national form the 一级指标 column holds the section itself (产出指标).
            national = self.ruleset.id.startswith("national") and levels[0] == category
            path = levels if national else [category, *levels]
            ind_id = key.removeprefix(sheet_indicators.INDICATOR_PREFIX) if key else ""
            old = by_id.get(ind_id)
            written = expected.get(key, {}) if old is not None and ind_id not in seen else {}
            if old is None:
                template = self._template(ruleset, path)
                old = template
            elif ind_id in seen:  # a copied row: a new indicator like the one it was copied from
                old = old.model_copy(
                    update={"id": new_id("ind"), "override": None, "part_of": None}
                )
            seen.add(old.id)
            out.append(self._indicator(grid, row, cells, old, path, written))
        return out

    def _template(self, ruleset: Any, levels: list[str]) -> Indicator:
        for template in ruleset.templates:
            if template.levels[-1] == levels[-1]:
                found = indicator_from_template(ruleset, template.id)
                return found.model_copy(update={"id": new_id("ind")})
        return new_indicator(ruleset, levels)

    @staticmethod
    def _levels(
        cells: dict[str, CellRead], keys: tuple[str, ...], previous: list[str]
    ) -> list[str]:
        values: list[str | None] = [text_of(cells[k]) or None for k in keys]
        filled = [v for v in values]
        last = max((n for n, v in enumerate(values) if v), default=-1)
        for n in range(last):
            if filled[n] is None and n < len(previous) - 1:
                filled[n] = previous[n]  # a row added below a group inherits the group's levels
        return [v for v in filled[: last + 1] if v]

    def _indicator(
        self,
        grid: SheetGrid,
        row: int,
        cells: dict[str, CellRead],
        old: Indicator,
        levels: list[str],
        written: dict[str, Any],
    ) -> Indicator:
        data = old.model_dump()
        data["levels"] = levels
        weight = number_of(grid, cells["weight"], "权重", "score")
        if weight is None:
            raise WorkbookImportError(
                f"{grid.where(cells['weight'], '权重')}为空。请填写权重（分）"
            )
        data["weight"] = weight
        unit = old.unit
        rate_rule = old.rule in self.rate_rules
        for name in ("target", "actual") if not rate_rule else ("target",):
            cell = cells[name]
            label_field = f"{name}_label"
            if name in written and _same(cell, written[name]):
                continue
            value, label, typed_unit = read_value(
                grid, cell, "目标值" if name == "target" else "完成值", unit
            )
            data[name], data[label_field] = (value, label) if label == "" else (data[name], label)
            if label == "" and typed_unit is not None:
                unit = typed_unit
        data["unit"] = unit
        for name, attr in (("explanation", "explanation_text"), ("criteria", "criteria_text")):
            if not (name in written and _same(cells[name], written[name])):
                data[attr] = text_of(cells[name])
        if not ("remark" in written and _same(cells["remark"], written["remark"])):
            lines = text_of(cells["remark"]).split("\n")
            kept = [line for line in lines if not _GENERATED.match(line)]
            data["remark"] = "\n".join(kept).strip("\n")
        return _validated(Indicator, data, grid.row_where(row))


def _basics(base: Basics | None, grids: list[SheetGrid], titles: list[str]) -> dict[str, Any]:
    data: dict[str, Any] = base.model_dump() if base else {"name": "", "year": 0, "unit": ""}
    found: dict[str, list[str]] = {
        "name": [],
        "unit": [],
        "preparer": [],
        "fill_date": [],
        "phone": [],
    }
    for grid, suffix in zip(grids, titles, strict=True):
        for text in grid.above:
            if text.strip().endswith(suffix) and len(text.strip()) > len(suffix):
                found["name"].append(text.strip()[: -len(suffix)].strip())
        unit = unit_from(grid.above)
        if unit is not None:
            found["unit"].append(unit)
        closing = [part for text in grid.below for part in re.split(r"[\u3000 ]{2,}|\t", text)]
        for label, attr in zip(CLOSING_LABELS, ("preparer", "fill_date", "phone"), strict=True):
            value = labelled(closing, label)
            if value is not None:
                found[attr].append(value)
    for attr, values in found.items():
        changed = [v for v in values if v != data.get(attr)]
        if changed:
            data[attr] = changed[0]
    if not base:
        year = re.search(r"(19|20)\d{2}", data["name"])
        data["year"] = int(year.group(0)) if year else 0
    return data


def import_workbook(source: str | Path | Book) -> ImportResult:
    """Read an exported (and possibly edited) workbook back into a project: a path, or the
    workbook already read by :func:`open_workbook`."""
    with collection_paused():  # a workbook is tens of thousands of objects that live on
        workbook = source if isinstance(source, Book) else open_workbook(Path(source))
        return _import_workbook(workbook)


def _import_workbook(workbook: Book) -> ImportResult:
    budget_ws = sheet(workbook, sheet_budget.SHEET)
    indicator_ws = sheet(workbook, sheet_indicators.SHEET)
    district_ws = sheet(workbook, sheet_districts.SHEET)

    notices: list[str] = []
    payload = hidden_payload(workbook)
    base: Project | None = None
    base_result: ProjectScore | None = None
    if payload is not None and payload.get("format") == PAYLOAD_FORMAT:
        try:
            base, base_result = parse_project_scored(payload.get("project"))
        except ProjectFileError:
            base = None
    if base is None:
        notices.append(
            "没有找到完整的隐藏数据表：勾选事项、发现次数、口径、指标方向等按默认值导入，请在向导中核对"
        )

    budget = read_grid(budget_ws, sheet_budget.COLUMNS, is_closing)
    districts = read_grid(district_ws, sheet_districts.COLUMNS, is_closing)
    count = _level_count(indicator_ws)
    keys = sheet_indicators.level_keys(count)
    indicators = read_grid(indicator_ws, sheet_indicators.columns(count), is_closing)

    importer = _Importer(base, base_result)
    basics = _basics(
        base.basics if base else None,
        [budget, indicators, districts],
        [sheet_budget.TITLE_SUFFIX, sheet_indicators.TITLE_SUFFIX, sheet_districts.TITLE_SUFFIX],
    )
    if not basics["year"]:
        raise WorkbookImportError(
            f"工作表「{sheet_budget.SHEET}」的标题中找不到年度（如 2020年度），请在标题中写明年度"
        )
    data: dict[str, Any] = base.model_dump(mode="json") if base else {"ruleset": DEFAULT_RULESET}
    data["basics"] = basics
    data["funds"] = [f.model_dump(mode="json") for f in importer.funds(budget)]
    data["districts"] = [d.model_dump(mode="json") for d in importer.districts(districts)]
    items = importer.indicators(indicators, keys)
    data["indicators"] = [i.model_dump(mode="json") for i in items]
    kept = {i.id for i in items}
    for goal in data.get("goals", []):
        if goal.get("indicator_id") not in kept:
            goal["indicator_id"] = None
    for item in data["indicators"]:
        if item.get("part_of") not in kept:
            item["part_of"] = None
    try:
        project, result = parse_project_scored(data)
    except ProjectFileError as exc:
        raise WorkbookImportError(f"导入后的项目数据有误：{exc}") from None
    notices += recomputed_notices(result, indicators)
    return ImportResult(project, notices, result)


def _level_count(ws: SheetCells) -> int:
    # The level columns are 一级指标… up to 四级指标; count those present in the header row.
    for r in range(1, 21):
        texts = [squash(value) for value in ws.row_values(r)]
        if "一级指标" in texts:
            return sum(1 for h in sheet_indicators.LEVEL_HEADERS if h in texts)
    return sheet_indicators.MIN_LEVEL_COLUMNS


def recomputed_notices(result: ProjectScore, grid: SheetGrid) -> list[str]:
    """Scores typed over in the workbook are not read: say which ones the engine puts back."""
    scores = {f"{sheet_indicators.INDICATOR_PREFIX}{i.id}": i.score for i in result.indicators}
    out = []
    for _row, cells, key in grid.rows:
        cell = cells["score"]
        if key in scores and isinstance(cell.value, (int, float)):
            shown = cell_content(scores[key], "score")[0]
            if cell.value != shown:
                out.append(
                    f"{grid.where(cell, '评分')}为 {cell.value}，评分由程序按规则计算，"
                    f"现为 {scores[key]}"
                )
    if len(out) > MAX_NOTICES:
        out = [*out[:MAX_NOTICES], f"……另有 {len(out) - MAX_NOTICES} 处评分按规则重新计算"]
    return out
