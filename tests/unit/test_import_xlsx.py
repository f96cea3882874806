"""Reading an exported workbook back: lossless round trips, edits made in Excel/WPS, foreign files."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from builders import COUNTY, WUXI
from export_helpers import BUDGET, DISTRICTS, INDICATORS, column_of, export_xlsx, row_by_key
from openpyxl.cell.cell import MergedCell
from openpyxl.worksheet.cell_range import CellRange

from perfeval_tui.cli import main
from perfeval_tui.exports.xlsx_import import import_workbook
from perfeval_tui.exports.xlsx_reader import WorkbookImportError
from perfeval_tui.project.storage import load_project
from perfeval_tui.scoring.checks import check_project
from perfeval_tui.scoring.engine import score_project


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def visible_values(path: Path) -> dict[str, list[tuple]]:
    wb = openpyxl.load_workbook(path)
    return {
        ws.title: [tuple(c.value for c in row) for row in ws.iter_rows()]
        for ws in wb.worksheets
        if ws.sheet_state == "visible"
    }


def insert_row(ws, row: int) -> None:
    """Insert a sheet row the way Excel does: merged ranges across it grow, those below move."""
    ranges = [CellRange(r.coord) for r in ws.merged_cells.ranges]
    for rng in list(ws.merged_cells.ranges):
        ws.merged_cells.remove(rng)
    ws.insert_rows(row)
    for rng in ranges:
        if rng.min_row >= row:
            rng.shift(0, 1)
        elif rng.max_row >= row:
            rng.expand(down=1)
        ws.merge_cells(rng.coord)


def edited(path: Path, tmp_path: Path, change) -> Path:
    wb = openpyxl.load_workbook(path)
    change(wb)
    out = tmp_path / "edited.xlsx"
    wb.save(out)
    return out


@pytest.mark.parametrize("source", [WUXI, COUNTY], ids=["seed", "county"])
def test_round_trip_gives_back_the_same_project_and_workbook(tmp_path, source):
    project = load_project(source)
    first = export_xlsx(project, tmp_path / "a")
    result = import_workbook(first)
    assert result.project == project
    assert result.notices == []
    second = export_xlsx(result.project, tmp_path / "b")
    assert visible_values(second) == visible_values(first)


def test_an_edited_value_wins_and_is_rescored(tmp_path):
    path = export_xlsx(load_project(WUXI), tmp_path)

    def change(wb):
        ws = wb[INDICATORS]
        ws.cell(row_by_key(ws, "ind:satisfaction"), column_of(ws, "完成值")).value = 0.98

    result = import_workbook(edited(path, tmp_path, change))
    satisfaction = result.project.indicator("satisfaction")
    assert satisfaction.actual == Decimal(98) and satisfaction.unit == "%"
    score = score_project(result.project)
    assert (score.by_id("satisfaction").score, score.total) == (Decimal("9.80"), Decimal("99.80"))
    assert len(result.notices) == 1
    assert "评分由程序按规则计算，现为 9.80" in result.notices[0]
    again = openpyxl.load_workbook(export_xlsx(result.project, tmp_path / "again"))[INDICATORS]
    assert (
        again.cell(row_by_key(again, "ind:satisfaction"), column_of(again, "评分（分）")).value
        == 9.8
    )


def test_values_typed_as_text_in_excel_are_read(tmp_path):
    path = export_xlsx(load_project(WUXI), tmp_path)

    def change(wb):
        ws = wb[INDICATORS]
        ws.cell(row_by_key(ws, "ind:total-cameras"), column_of(ws, "完成值")).value = "１,４００路"
        budget = wb[BUDGET]
        budget.cell(row_by_key(budget, "fund:fund-1"), 7).value = "430万元"

    project = import_workbook(edited(path, tmp_path, change)).project
    assert project.indicator("total-cameras").actual == Decimal(1400)
    assert project.funds[0].actual_spend == Decimal(430)
    assert score_project(project).by_id("budget_execution_rate").score == Decimal("4.00")


def test_a_changed_budget_keeps_the_stated_adjusted_budget_and_warns(tmp_path):
    path = export_xlsx(load_project(WUXI), tmp_path)

    def change(wb):
        ws = wb[BUDGET]
        ws.cell(row_by_key(ws, "fund:fund-1"), 3).value = 500

    project = import_workbook(edited(path, tmp_path, change)).project
    fund = project.funds[0]
    assert (fund.budget, fund.stated_adjusted_budget) == (Decimal(500), Decimal(450))
    assert any(w.field == "调整后预算数" for w in check_project(project))


def test_an_indicator_row_added_inside_a_group(tmp_path):
    path = export_xlsx(load_project(WUXI), tmp_path)

    def change(wb):
        ws = wb[INDICATORS]
        row = next(r for r in range(5, 40) if ws.cell(r, 3).value == "车辆抓拍（%）") + 1
        insert_row(ws, row)
        ws.cell(row, 3).value = "门禁联网（%）"
        ws.cell(row, column_of(ws, "权重（分）")).value = 2
        ws.cell(row, column_of(ws, "目标值")).value = "100%"
        ws.cell(row, column_of(ws, "完成值")).value = "90%"

    result = import_workbook(edited(path, tmp_path, change))
    project = result.project
    added = next(i for i in project.indicators if i.name == "门禁联网（%）")
    assert added.levels == ["个性指标", "其他绩效评价指标", "产出", "门禁联网（%）"]
    assert (added.rule, added.target, added.actual, added.unit) == (
        "completion_ratio",
        Decimal(100),
        Decimal(90),
        "%",
    )
    names = [i.name for i in project.indicators]
    assert names.index("门禁联网（%）") == names.index("车辆抓拍（%）") + 1
    assert score_project(project).by_id(added.id).score == Decimal("1.80")
    assert len(project.indicators) == 20


def test_a_copied_row_becomes_a_new_indicator_like_its_original(tmp_path):
    path = export_xlsx(load_project(COUNTY), tmp_path)

    def change(wb):
        ws = wb[INDICATORS]
        source = row_by_key(ws, "ind:garbage-hours")
        insert_row(ws, source + 1)
        for column in range(1, ws.max_column + 1):
            target = ws.cell(source + 1, column)
            if isinstance(target, MergedCell):
                continue  # inside a merged group: Excel keeps the group's one value
            target.value = ws.cell(source, column).value
            target.number_format = ws.cell(source, column).number_format
        ws.cell(source + 1, 3).value = "污水处理平均耗时"

    project = import_workbook(edited(path, tmp_path, change)).project
    copy = next(i for i in project.indicators if i.name == "污水处理平均耗时")
    original = project.indicator("garbage-hours")
    assert copy.id != original.id
    assert (copy.direction, copy.unit, copy.target, copy.actual) == ("反向", "小时", 48, 60)


def test_a_deleted_row_removes_the_indicator_and_unlinks_its_goal(tmp_path):
    path = export_xlsx(load_project(COUNTY), tmp_path)

    def change(wb):
        ws = wb[INDICATORS]
        ws.delete_rows(row_by_key(ws, "ind:acceptance"))

    project = import_workbook(edited(path, tmp_path, change)).project
    assert "acceptance" not in {i.id for i in project.indicators}
    assert len(project.indicators) == 14


def test_free_text_and_rule_inputs_come_from_the_hidden_data(tmp_path):
    source = load_project(COUNTY)
    project = import_workbook(export_xlsx(source, tmp_path)).project
    assert project.basics.background == source.basics.background
    assert project.indicator("supporting_measures").inputs.counts == {
        "incomplete": 3,
        "defect_loss": 1,
    }
    assert project.indicator("village-look").inputs.level == "良"


def test_edited_basics_in_the_visible_lines_win(tmp_path):
    path = export_xlsx(load_project(WUXI), tmp_path)

    def change(wb):
        ws = wb[BUDGET]
        ws["A3"].value = "填报单位名称（公章）：无锡市公安局大数据管理支队"
        closing = next(r for r in range(5, 20) if str(ws.cell(r, 1).value).startswith("填表人"))
        ws.cell(closing, 1).value = "填表人：高宏"

    basics = import_workbook(edited(path, tmp_path, change)).project.basics
    assert (basics.unit, basics.preparer) == ("无锡市公安局大数据管理支队", "高宏")


def test_remark_edits_keep_the_user_text_and_drop_generated_reasons(tmp_path):
    path = export_xlsx(load_project(WUXI), tmp_path)

    def change(wb):
        ws = wb[INDICATORS]
        cell = ws.cell(row_by_key(ws, "ind:satisfaction"), column_of(ws, "备注"))
        cell.value = "回访 500 户\n" + cell.value

    project = import_workbook(edited(path, tmp_path, change)).project
    assert project.indicator("satisfaction").remark == "回访 500 户"


def test_formula_like_text_round_trips_as_text(tmp_path):
    project = load_project(WUXI)
    project.funds[0].name = "=1+1"
    project.funds[0].remark = "@SUM(A1)"
    project.districts[0].name = "+1+1"
    project.districts[0].remark = "#N/A"
    project.indicator("total-cameras").remark = "-2+3"
    result = import_workbook(export_xlsx(project, tmp_path))
    assert result.project == project


def test_without_the_hidden_sheet_the_visible_tables_still_import(tmp_path):
    path = export_xlsx(load_project(WUXI), tmp_path)

    def change(wb):
        del wb["_perfeval"]

    result = import_workbook(edited(path, tmp_path, change))
    assert "隐藏数据表" in result.notices[0]
    project = result.project
    assert (project.basics.name, project.basics.year) == (
        "无锡市2020年度宜居住区技防改造专项",
        2020,
    )
    # Rules come from the rule set's templates by name, else its default rule.
    rules = {i.name: i.rule for i in project.indicators}
    assert rules["预算执行率（%）"] == "budget_execution_rate"
    assert rules["监控建成数量"] == "completion_ratio"
    assert score_project(project).total == Decimal("99.60")


def _foreign(tmp_path: Path, build) -> Path:
    wb = openpyxl.Workbook()
    build(wb)
    path = tmp_path / "foreign.xlsx"
    wb.save(path)
    return path


def test_a_workbook_that_is_not_ours_names_the_missing_sheet(tmp_path):
    path = _foreign(tmp_path, lambda wb: wb.active.cell(1, 1, "随便什么"))
    with pytest.raises(WorkbookImportError) as caught:
        import_workbook(path)
    assert "找不到工作表「附表1 预算安排及执行情况表」" in str(caught.value)
    assert "「Sheet」" in str(caught.value)


def test_a_wrong_header_names_the_sheet_and_cell(tmp_path):
    def build(wb):
        wb.active.title = BUDGET
        wb.active["A4"] = "编号"
        wb.create_sheet(INDICATORS)
        wb.create_sheet(DISTRICTS)

    with pytest.raises(WorkbookImportError) as caught:
        import_workbook(_foreign(tmp_path, build))
    assert "工作表「附表1 预算安排及执行情况表」单元格 A4 应为表头「序号」，实际为「编号」" in str(
        caught.value
    )


def test_a_missing_column_header_names_where_it_was(tmp_path):
    path = export_xlsx(load_project(WUXI), tmp_path)

    def change(wb):
        wb[BUDGET]["D4"].value = "调增"

    with pytest.raises(WorkbookImportError) as caught:
        import_workbook(edited(path, tmp_path, change))
    assert (
        "工作表「附表1 预算安排及执行情况表」第 4 行缺少表头「预算调增数（万元）」（原在单元格 D4）"
        in str(caught.value)
    )


def test_a_bad_number_names_the_cell_and_says_what_to_type(tmp_path):
    path = export_xlsx(load_project(WUXI), tmp_path)

    def change(wb):
        wb[BUDGET]["C6"].value = "四百五十"

    with pytest.raises(WorkbookImportError) as caught:
        import_workbook(edited(path, tmp_path, change))
    message = str(caught.value)
    assert message.startswith("工作表「附表1 预算安排及执行情况表」单元格 C6（预算安排数（万元））")
    assert "不是有效数字" in message and "请输入以万元为单位的非负金额" in message


def test_cli_import_writes_the_project_and_refuses_to_overwrite(tmp_path, capsys):
    path = export_xlsx(load_project(WUXI), tmp_path)
    target = tmp_path / "back.json"
    code, out, _ = run(capsys, "import", str(path), "-o", str(target))
    assert code == 0 and "总分 99.60，优" in out
    assert load_project(target) == load_project(WUXI)
    code, _, err = run(capsys, "import", str(path), "-o", str(target))
    assert code == 2 and "已存在" in err
    code, _, _ = run(capsys, "import", str(path), "-o", str(target), "--force")
    assert code == 0 and (tmp_path / "back.json.bak").exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"not a zip file", "不是有效的 xlsx 工作簿"), (None, "找不到文件")],
)
def test_cli_import_of_a_bad_file_exits_2_without_traceback(tmp_path, capsys, content, expected):
    path = tmp_path / "x.xlsx"
    if content is not None:
        path.write_bytes(content)
    target = tmp_path / "out.json"
    code, out, err = run(capsys, "import", str(path), "-o", str(target))
    assert code == 2 and expected in err and "Traceback" not in err
    assert not target.exists()


def test_cli_import_of_a_foreign_workbook_exits_2(tmp_path, capsys):
    path = _foreign(tmp_path, lambda wb: None)
    code, _, err = run(capsys, "import", str(path), "-o", str(tmp_path / "out.json"))
    assert code == 2 and err.startswith("错误：找不到工作表")


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
def test_a_workbook_saved_again_by_libreoffice_still_round_trips(tmp_path):
    project = load_project(COUNTY)
    path = export_xlsx(project, tmp_path / "src")
    out = tmp_path / "lo"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    assert import_workbook(out / path.name).project == project


@pytest.mark.parametrize(
    ("sheet_name", "cell", "value", "message"),
    [
        (INDICATORS, "D6", 150, "工作表「附表2 绩效评价指标表」第 6 行「权重」：不能大于 100"),
        (INDICATORS, "D6", None, "单元格 D6（权重）为空。请填写权重（分）"),
        (INDICATORS, "C6", None, "第 6 行没有指标名称。请填写指标名称，或删除整行"),
        (INDICATORS, "E16", "13o4路", "单元格 E16（目标值）「13o4路」不是有效数字"),
        (BUDGET, "C6", -5, "单元格 C6（预算安排数（万元））不能为负数"),
        (BUDGET, "C6", 450.123, "最多保留两位小数"),
        (BUDGET, "B6", None, "单元格 B6（专项（项目）资金名称）为空"),
        (DISTRICTS, "C5", "很多", "单元格 C5（资金下达数（万元））「很多」不是有效数字"),
    ],
)
def test_bad_cells_are_named_with_what_to_type(tmp_path, sheet_name, cell, value, message):
    path = export_xlsx(load_project(WUXI), tmp_path)

    def change(wb):
        wb[sheet_name][cell].value = value

    with pytest.raises(WorkbookImportError) as caught:
        import_workbook(edited(path, tmp_path, change))
    assert message in str(caught.value)


def test_a_date_typed_into_a_money_cell_is_named_not_a_crash(tmp_path):
    import datetime

    path = export_xlsx(load_project(WUXI), tmp_path)

    def change(wb):
        wb[BUDGET]["C6"].value = datetime.datetime(2021, 5, 23)

    with pytest.raises(WorkbookImportError) as caught:
        import_workbook(edited(path, tmp_path, change))
    assert "单元格 C6" in str(caught.value) and "不是有效数字" in str(caught.value)


def test_a_cleared_section_label_keeps_its_category(tmp_path):
    path = export_xlsx(load_project(WUXI), tmp_path)

    def change(wb):
        wb[INDICATORS]["A5"].value = None

    project = import_workbook(edited(path, tmp_path, change)).project
    assert project == load_project(WUXI)
