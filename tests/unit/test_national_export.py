"""A national project exports in the national layout: xlsx sheet 项目支出绩效自评表 and the report."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from builders import WUXI

from perfeval_tui.exports.files import export_project
from perfeval_tui.exports.form_grid import read_grids
from perfeval_tui.project.form_import import read_form
from perfeval_tui.project.storage import load_project
from perfeval_tui.scoring.ruleset import load_ruleset

FORMS = Path(__file__).resolve().parent.parent / "data" / "real-forms"


def national(name: str):
    grid = read_grids(FORMS / f"{name}.tsv")[0]
    return read_form(grid, load_ruleset("national-2020"), name).project


def rows_of(ws) -> list[list[str]]:
    return [[str(c.value or "") for c in row] for row in ws.iter_rows()]


def test_the_national_sheet_comes_first_with_every_block(tmp_path):
    xlsx, md = export_project(national("05_chizhou_cunji_2022"), tmp_path)
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames[0] == "项目支出绩效自评表"
    ws = wb["项目支出绩效自评表"]
    rows = rows_of(ws)
    flat = [c for row in rows for c in row if c]
    for word in (
        "年初预算数",
        "全年执行数",
        "年度总体目标",
        "指标性质",
        "年度指标值",
        "实际完成值",
    ):
        assert word in flat
    assert "偏差原因分析及改进措施" in flat and "评价结论" in flat and "总分" in flat
    quantity = next(r for r in rows if r[2] == "补助村(社区)数量")
    # 一级, 二级, 三级 in their own columns: no level shift.
    assert quantity[:6] == ["产出指标", "数量指标", "补助村(社区)数量", "=", "=8个", "8"]
    parts = next(r for r in rows if r[0].startswith("其中"))
    assert parts[4] == "132.912"  # four decimals of 万元, as entered
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4 and ws.page_setup.fitToWidth == 1
    text = md.read_text("utf-8")
    assert "| 产出指标 | 数量指标 | 补助村(社区)数量 | = | =8个 | 8 | 8 | 8.00 |  |" in text


def test_a_stated_score_that_differs_and_a_kept_one_are_marked(tmp_path):
    _, md = export_project(national("12_lijiang_2020"), tmp_path)
    assert "自评得分 27.00，按规则 30.00" in md.read_text("utf-8")
    _, md = export_project(national("01_tianchang_2022"), tmp_path / "t")
    assert "按自评得分（无法复算）" in md.read_text("utf-8")


def test_wuxi_keeps_its_appendix_sheets(tmp_path):
    xlsx, _ = export_project(load_project(WUXI), tmp_path)
    assert "项目支出绩效自评表" not in openpyxl.load_workbook(xlsx).sheetnames


def test_a_national_export_imports_back_as_the_same_project(tmp_path, capsys):
    from perfeval_tui.cli import main
    from perfeval_tui.project.storage import save_project

    project = national("12_lijiang_2020")
    source = tmp_path / "p.json"
    save_project(project, source)
    xlsx, _ = export_project(load_project(source), tmp_path / "out")
    back = tmp_path / "back.json"
    assert main(["import", str(xlsx), "-o", str(back)]) == 0
    assert load_project(back) == load_project(source)
