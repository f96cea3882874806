"""区县资金分配表: money passed down to each district and its 资金到位率.

The data warnings about these rows are not part of the form; they go to 审核提示 (:mod:`.review`).
"""

from __future__ import annotations

from ..scoring.budget import DistrictFigures
from ..scoring.engine import ProjectScore
from ..scoring.model import DistrictRow, Project
from .table import CellValue, Closing, Column, Row, Table, unit_line

SHEET = "区县资金分配表"
LABEL = "区县资金分配表"
TITLE_SUFFIX = "资金区县分配情况表"

COLUMNS = (
    Column("index", "序号", "index", 6),
    Column("name", "市（县）区名称", "text", 16, wrap=True),
    Column("allocated", "资金下达数\n（万元）", "money", 12, wrap=True),
    Column("spend", "实际支出数\n（万元）", "money", 12, wrap=True),
    Column("carryover", "市（县）区结余结转数\n（万元）", "money", 14, wrap=True),
    Column("arrived", "项目资金到位数\n（万元）", "money", 12, wrap=True),
    Column("arrival_rate", "市（县）区资金到位率\n（%）", "rate", 13, wrap=True),
    Column("remark", "备注", "text", 16, wrap=True),
)
INPUT_KEYS = ("name", "allocated", "spend", "carryover", "arrived", "remark")

TOTAL_KEY = "total"
DISTRICT_PREFIX = "district:"


def title_for(name: str) -> str:
    return f"{name}{TITLE_SUFFIX}"


def _figures(figures: DistrictFigures) -> dict[str, CellValue]:
    return {
        "allocated": figures.allocated,
        "spend": figures.actual_spend,
        "carryover": figures.carryover,
        "arrived": figures.funds_arrived,
        "arrival_rate": figures.arrival_rate,
    }


def district_row(number: int, district: DistrictRow, figures: DistrictFigures) -> Row:
    cells: dict[str, CellValue] = {"index": number, "name": district.name, **_figures(figures)}
    cells["remark"] = district.remark
    return Row("data", f"{DISTRICT_PREFIX}{district.id}", cells)


def district_sheet(project: Project, result: ProjectScore) -> Table:
    basics = project.basics
    rows = [
        district_row(n, district, figures)
        for n, (district, figures) in enumerate(
            zip(project.districts, result.districts.rows, strict=True), start=1
        )
    ]
    total: dict[str, CellValue] = {"index": "合     计", **_figures(result.districts.total)}
    rows.append(Row("total", TOTAL_KEY, total, spans={"index": "name"}))
    return Table(
        sheet=SHEET,
        label=LABEL,
        title=title_for(basics.name),
        unit_line=unit_line(basics.unit),
        columns=COLUMNS,
        rows=tuple(rows),
        closing=Closing(basics.preparer, basics.fill_date, basics.phone),
    )
