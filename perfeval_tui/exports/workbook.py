"""The xlsx appendix workbook: the three tables, plus a hidden sheet with the project data.

The hidden sheet keeps what the visible tables do not show (ids, rule inputs, readings, free
text), so that a workbook read back by :mod:`.xlsx_import` loses nothing; values typed into the
visible cells still win over it.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..scoring.checks import DataWarning, check_project
from ..scoring.engine import ProjectScore, score_project
from ..scoring.model import Project
from .national_layout import is_national
from .review import warning_items
from .sheet_budget import budget_sheet
from .sheet_districts import district_sheet
from .sheet_indicators import indicator_sheet
from .table import Table

PAYLOAD_FORMAT = "perfeval-tui"


def appendix_tables(project: Project, result: ProjectScore) -> tuple[Table, Table, Table]:
    return (
        budget_sheet(project, result),
        indicator_sheet(project, result),
        district_sheet(project, result),
    )


def workbook_title(project: Project) -> str:
    return f"{project.basics.name}资金绩效评价附表"


def payload_json(project: Project) -> str:
    data = {"format": PAYLOAD_FORMAT, "project": project.model_dump(mode="json")}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def write_xlsx(
    project: Project,
    path: Path,
    result: ProjectScore | None = None,
    warnings: list[DataWarning] | None = None,
    tables: tuple[Table, Table, Table] | None = None,
) -> None:
    """Write the workbook to ``path`` (the caller makes the write atomic); ``tables``: the
    appendix tables when the caller has built them already (for the report too)."""
    from .xlsx_writer import build_workbook

    result = result or score_project(project)
    warnings = check_project(project) if warnings is None else warnings
    workbook = build_workbook(
        tables or appendix_tables(project, result),
        payload_json(project),
        review=warning_items(warnings),
        title=workbook_title(project),
        unit=project.basics.unit,
    )
    if is_national(project):
        from .national_xlsx import write_national_sheet

        write_national_sheet(workbook, project, result)
        workbook.active = 0
    workbook.save(path)
