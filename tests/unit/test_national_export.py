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


def levelled(depth: int):
    """A national project whose output indicators are ``depth`` levels deep (一级 … leaf)."""
    from builders import D

    from perfeval_tui.project.factory import new_project
    from perfeval_tui.scoring.model import Indicator

    project = new_project("农村公路养护", 2024, "某县交通运输局", "national-2020")
    middle = ["数量指标", "路面养护"][: depth - 2]
    for n, leaf in enumerate(("养护里程", "修补面积"), start=1):
        project.indicators.append(
            Indicator(
                id=f"q{n}",
                levels=["产出指标", *middle, leaf],
                weight=D(25),
                rule="output",
                target=D(100),
                actual=D(100),
            )
        )
    return project


def appendix_rows(xlsx: Path) -> tuple[list[str], list[list[str]]]:
    ws = openpyxl.load_workbook(xlsx)["附表2 绩效评价指标表"]
    rows = rows_of(ws)
    header = next(r for r in rows if "一级指标" in r)
    return header, rows


def test_the_appendix_after_the_national_sheet_keeps_each_level_in_its_column(tmp_path):
    # Three levels: 一级 产出指标, 二级 数量指标, 三级 the indicator.
    xlsx, md = export_project(levelled(3), tmp_path / "three")
    header, rows = appendix_rows(xlsx)
    at = {name: header.index(name) for name in ("一级指标", "二级指标", "三级指标")}
    assert "四级指标" not in header
    first = next(r for r in rows if "养护里程" in r)
    assert first[at["一级指标"]] == "产出指标"
    assert first[at["二级指标"]] == "数量指标"
    assert first[at["三级指标"]] == "养护里程"
    second = next(r for r in rows if "修补面积" in r)
    assert second[at["三级指标"]] == "修补面积"
    text = md.read_text("utf-8")
    assert "| 一级指标 | 二级指标 | 三级指标 |" in text
    assert "| 产出指标 | 数量指标 | 养护里程 |" in text

    # Four levels (附表2 note 6): the leaf in 四级指标.
    xlsx, md = export_project(levelled(4), tmp_path / "four")
    header, rows = appendix_rows(xlsx)
    names = ("一级指标", "二级指标", "三级指标", "四级指标")
    at = {name: header.index(name) for name in names}
    first = next(r for r in rows if "养护里程" in r)
    assert [first[at[n]] for n in names] == ["产出指标", "数量指标", "路面养护", "养护里程"]
    # The report follows the national form, which shows a 四级 name after its 三级 name.
    assert "| 产出指标 | 数量指标 | 路面养护／养护里程 |" in md.read_text("utf-8")


def test_a_label_as_wide_as_its_column_gets_a_second_line_and_the_rate_fits(tmp_path):
    """Printed, 经济效益指标 (as wide as 二级指标) wrapped into a one-line row and was cut, and
    100.00% of 执行率 wrapped into two lines of the budget row."""
    from rich.cells import cell_len

    xlsx, _ = export_project(national("01_tianchang_2022"), tmp_path)
    ws = openpyxl.load_workbook(xlsx)["项目支出绩效自评表"]
    economic = next(c.row for c in ws["B"] if c.value == "经济效益指标")
    assert (ws.row_dimensions[economic].height or 0) >= 2 * 15
    rate = next(c for c in ws["H"] if c.number_format == "0.00%")
    assert rate.value == 1  # printed 100.00%
    assert ws.column_dimensions["H"].width > cell_len("100.00%") + 2


def test_the_national_sheets_figures_are_numbers_printed_as_the_form_prints_them(tmp_path):
    """Every figure was text (D8 '200', H8 '90.24%', the 总分 '97.13'): Excel could not add them."""
    project = national("05_chizhou_cunji_2022")
    project.basics.team_leader = "王组长"
    project.basics.fill_date = "2027-01-15"
    xlsx, md = export_project(project, tmp_path)
    ws = openpyxl.load_workbook(xlsx)["项目支出绩效自评表"]
    total_row = next(c.row for c in ws["A"] if c.value == "年度资金总额")
    figures = [ws.cell(total_row, col) for col in range(4, 10)]
    assert all(c.data_type == "n" for c in figures if c.value is not None)
    rate = ws.cell(total_row, 8)
    assert rate.number_format == "0.00%" and 0 <= rate.value <= 1.2
    score = ws.cell(total_row, 9)
    assert score.number_format == "0.00" and isinstance(score.value, (int, float))
    parts = ws.cell(total_row + 1, 5)
    assert parts.value == 132.912 and parts.number_format == "0.000"  # places as entered
    # A number wider than its column prints ###: 202.64 in 年初预算数 (D, 7 wide for 指标性质).
    assert ws.cell(total_row + 1, 4).value == 202.64
    assert ws.column_dimensions["D"].width >= len("202.64") + 3
    quantity = next(c.row for c in ws["C"] if c.value == "补助村(社区)数量")
    assert ws.cell(quantity, 5).data_type == "s"  # =8个 stays the text typed
    assert ws.cell(quantity, 7).value == 8 and ws.cell(quantity, 8).value == 8
    assert ws.cell(quantity, 8).number_format == "0.00"
    grand = next(c.row for c in ws["A"] if c.value == "总分")
    assert ws.cell(grand, 8).data_type == "n"
    # The last line: 项目负责人 and 填报日期 as entered, 财务负责人 left to sign by hand.
    last = ws.cell(ws.max_row, 1).value
    assert last.startswith("项目负责人：王组长") and last.endswith("填报日期：2027-01-15")
    assert md.read_text("utf-8").rstrip().endswith("填报日期：2027-01-15")


def test_the_national_sheet_merges_titles_levels_and_reasons_over_empty_cells(tmp_path):
    xlsx, _ = export_project(national("05_chizhou_cunji_2022"), tmp_path)
    ws = openpyxl.load_workbook(xlsx)["项目支出绩效自评表"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:J1", "A2:J2"} <= merged  # the title and the year span the page
    rows = rows_of(ws)
    quantity = next(n for n, r in enumerate(rows, start=1) if r[2] == "补助村(社区)数量")
    assert f"I{quantity}:J{quantity}" in merged  # 偏差原因 spans the last two columns
    first = next(n for n, r in enumerate(rows, start=1) if r[0] == "产出指标")
    levels = [r for r in ws.merged_cells.ranges if r.min_col == 1 and r.min_row == first]
    assert len(levels) == 1 and levels[0].max_col == 1 and levels[0].max_row > first
    assert len(merged) == len(ws.merged_cells.ranges)  # none twice
    for rng in ws.merged_cells.ranges:  # what a merge covers is empty: nothing is hidden
        for row in ws.iter_rows(rng.min_row, rng.max_row, rng.min_col, rng.max_col):
            assert all(cell.value is None for cell in row[1:] if cell.row == rng.min_row)
            assert all(cell.value is None for cell in row if cell.row > rng.min_row)
