"""Shared helpers for the export and import tests: export a project, open its workbook."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from perfeval_tui.exports import export_project
from perfeval_tui.scoring.model import Project

BUDGET = "附表1 预算安排及执行情况表"
INDICATORS = "附表2 绩效评价指标表"
DISTRICTS = "区县资金分配表"


def export_xlsx(project: Project, folder: Path) -> Path:
    (path,) = export_project(project, folder, xlsx=True, md=False, force=True)
    return path


def open_xlsx(path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(path)


def row_by_key(ws, key: str) -> int:
    """The sheet row whose hidden 行标识 cell is ``key``."""
    header = next(r for r in range(1, 10) if ws.cell(r, 1).value in ("序号", "一级指标"))
    key_col = next(c.column for c in ws[header] if c.value == "行标识")
    for row in range(header + 1, ws.max_row + 1):
        if ws.cell(row, key_col).value == key:
            return row
    raise KeyError(key)


def column_of(ws, header: str) -> int:
    for row in range(1, 10):
        for cell in ws[row]:
            if isinstance(cell.value, str) and cell.value.replace("\n", "") == header:
                return cell.column
    raise KeyError(header)
