"""The appendix workbook: values as the engine computed them, the seed's layout, print setup, text safety."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from builders import COUNTY, ROOT, WUXI
from export_helpers import (
    BUDGET,
    DISTRICTS,
    INDICATORS,
    column_of,
    export_xlsx,
    open_xlsx,
    row_by_key,
)

from perfeval_tui.project.storage import load_project
from perfeval_tui.scoring.engine import score_project
from perfeval_tui.term.textwidth import display_width, line_width

INJECTIONS = ("=1+1", "+1+1", "@SUM(A1)", "#N/A", "-2+3", "\tTAB", '=HYPERLINK("http://x")')


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    project = load_project(WUXI)
    path = export_xlsx(project, tmp_path_factory.mktemp("seed"))
    return project, open_xlsx(path)


def test_sheets_are_the_three_tables_in_order_and_the_data_sheet_is_hidden(seed):
    _, wb = seed
    visible = [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]
    assert visible == [BUDGET, INDICATORS, DISTRICTS, "审核提示"]
    assert [ws.sheet_state for ws in wb.worksheets if ws.title not in visible] == ["veryHidden"]


def test_budget_sheet_total_row_and_derived_columns(seed):
    _, wb = seed
    ws = wb[BUDGET]
    assert (
        ws["B2"].value is None
        and ws["A2"].value == "无锡市2020年度宜居住区技防改造专项资金预算安排及执行情况表"
    )
    assert ws["A3"].value == "填报单位名称（公章）：无锡市公安局"
    total = row_by_key(ws, "total")
    assert total == 5 and ws.cell(total, 1).value == "合     计"
    values = [ws.cell(total, c).value for c in range(3, 12)]
    # 安排, 调增, 调减, 调整后, 实际支出, 调整率, 执行率, 到位资金, 到位率 (rates as fractions)
    assert values == [450, 0, 0, 450, 450, 0, 1, 450, 1]
    fund = row_by_key(ws, "fund:fund-1")
    assert ws.cell(fund, 1).value == 1
    assert ws.cell(fund, 2).value == "无锡市2020年度宜居住区老旧小区技防改造专项（项目）"
    assert ws.cell(fund, 3).number_format == "0.00"
    assert ws.cell(fund, column_of(ws, "预算执行率（%）")).number_format == "0.00%"
    assert ws.cell(fund, column_of(ws, "资金到位率（%）")).number_format == "0.00%"


def test_budget_sheet_has_the_closing_line_and_the_eight_notes(seed):
    _, wb = seed
    ws = wb[BUDGET]
    texts = [c.value for row in ws.iter_rows(min_row=7) for c in row if isinstance(c.value, str)]
    assert "填表人：（填表人）" in texts and "日期：20210523" in texts
    assert "联系电话：138xxxxxxxx" in texts
    notes = [t for t in texts if t.lstrip("说明：　").startswith(tuple("12345678"))]
    assert [n.lstrip("说明：　")[0] for n in notes] == list("12345678")
    assert "预算调整率（%）=预算调整数/预算安排数*100%" in notes[4]


def test_county_budget_rates_match_the_engine(tmp_path):
    project = load_project(COUNTY)
    result = score_project(project)
    ws = open_xlsx(export_xlsx(project, tmp_path))[BUDGET]
    for fund, figures in zip(project.funds, result.budget.rows, strict=True):
        row = row_by_key(ws, f"fund:{fund.id}")
        assert ws.cell(row, 6).value == float(figures.adjusted_budget)
        for header, rate in (
            ("预算调整率（%）", figures.adjustment_rate),
            ("预算执行率（%）", figures.execution_rate),
            ("资金到位率（%）", figures.arrival_rate),
        ):
            assert ws.cell(row, column_of(ws, header)).value == pytest.approx(float(rate / 100))
    total = row_by_key(ws, "total")
    assert [ws.cell(total, c).value for c in (3, 4, 5, 6, 7)] == [450, 30, 60, 420, 390]


def test_every_indicator_score_total_and_grade(seed):
    project, wb = seed
    ws = wb[INDICATORS]
    result = score_project(project)
    score_col = column_of(ws, "评分（分）")
    for item in result.indicators:
        row = row_by_key(ws, f"ind:{item.id}")
        assert ws.cell(row, score_col).value == float(item.score), item.name
        assert ws.cell(row, score_col).number_format == "0.00"
    assert ws.cell(row_by_key(ws, "ind:satisfaction"), score_col).value == 9.6
    total = row_by_key(ws, "total")
    assert ws.cell(total, 1).value == "总分"
    assert ws.cell(total, score_col).value == 99.6
    assert ws.cell(row_by_key(ws, "grade"), score_col).value == "优"
    common, individual = row_by_key(ws, "section:共性指标"), row_by_key(ws, "section:个性指标")
    assert (
        ws.cell(common, 1).value == "一、共性指标"
        and ws.cell(individual, 1).value == "二、个性指标"
    )
    weight_col = column_of(ws, "权重（分）")
    assert (ws.cell(common, weight_col).value, ws.cell(common, score_col).value) == (40, 40)
    assert (ws.cell(individual, weight_col).value, ws.cell(individual, score_col).value) == (
        60,
        59.6,
    )


def test_level_columns_are_merged_over_the_rows_they_span(seed):
    _, wb = seed
    ws = wb[INDICATORS]
    level_merges = {
        (r.min_col, r.min_row, r.max_row)
        for r in ws.merged_cells.ranges
        if r.min_col == r.max_col and r.min_col in (1, 2) and r.min_row >= 5
    }
    breaks = [b.id for b in ws.row_breaks.brk]
    assert 13 in breaks  # 过程 is taller than a page: it is split after row 13 …
    # … and the pieces of each block, joined again, are the blocks of the seed's form.
    top = {(c, r): first for c, first, last in level_merges for r in range(first, last + 1)}
    joined: dict[tuple[int, str], list[int]] = {}
    for col in (1, 2):
        for r in range(6, 26):
            label = ws.cell(top.get((col, r), r), col).value
            if label and ws.cell(r, 4).value != "一、共性指标":
                joined.setdefault((col, label), []).append(r)
    blocks = {key: (min(rows), max(rows)) for key, rows in joined.items()}
    assert blocks[(1, "决策")] == (6, 9) and blocks[(1, "过程")] == (10, 14)
    assert blocks[(2, "使用情况")] == (6, 7) and blocks[(2, "规范运作")] == (12, 14)
    assert blocks[(1, "其他绩效评价指标")] == (21, 25)
    # No merged 一级/二级 cell runs over a page break.
    assert not [m for m in level_merges if any(m[1] <= b < m[2] for b in breaks)]
    assert ws["A14"].value == "过程" and ws["B14"].value == "规范运作"
    assert ws["A7"].value is None  # covered cells hold nothing
    spans = {str(r) for r in ws.merged_cells.ranges if r.min_row == r.max_row and r.min_col == 1}
    assert {"A5:C5", "A15:C15", "A26:C26", "A27:C27"} <= spans


def test_indicator_values_are_numbers_with_their_units(seed):
    _, wb = seed
    ws = wb[INDICATORS]
    target, actual = column_of(ws, "目标值"), column_of(ws, "完成值")
    cameras = row_by_key(ws, "ind:total-cameras")
    assert (ws.cell(cameras, target).value, ws.cell(cameras, actual).value) == (1304, 1338)
    assert ws.cell(cameras, target).number_format == 'General"路"'
    satisfaction = row_by_key(ws, "ind:satisfaction")
    assert (ws.cell(satisfaction, target).value, ws.cell(satisfaction, actual).value) == (1, 0.96)
    assert ws.cell(satisfaction, actual).number_format == "0.00%"
    rationality = row_by_key(ws, "ind:goal_rationality")
    assert ws.cell(rationality, target).value == "合理"
    # The rate rules show the rate the engine measured from 附表1.
    assert ws.cell(row_by_key(ws, "ind:budget_execution_rate"), actual).value == 1


def test_points_lost_are_explained_in_the_remark(seed):
    _, wb = seed
    ws = wb[INDICATORS]
    remark = ws.cell(row_by_key(ws, "ind:satisfaction"), column_of(ws, "备注")).value
    assert remark == "扣 0.40 分：完成比例 0.9600 ＜ 1，按比例扣分"
    own = ws.cell(row_by_key(ws, "ind:total-cameras"), column_of(ws, "备注")).value
    assert own == "反向指标一般以“目标值/完成值”计算"


def test_district_sheet_total_rate_and_warnings_on_their_own_sheet(seed):
    _, wb = seed
    ws = wb[DISTRICTS]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert not any("数据检查" in t or "大于资金下达数" in t for t in texts)
    total = row_by_key(ws, "total")
    assert [ws.cell(total, c).value for c in range(3, 8)] == [450, 500, 0, 450, 1]
    assert ws.cell(total, 7).number_format == "0.00%"
    review = wb["审核提示"]
    rows = [[c.value for c in row] for row in review.iter_rows(min_row=4)]
    assert rows[0] == [
        1,
        "数据核对",
        "区县资金分配表「梁溪区」实际支出数",
        "实际支出数 450 万元 大于资金下达数 400 万元，实际支出应不超过下达数",
    ]
    assert "= −50 万元" in rows[1][3]  # one minus sign throughout
    assert any("各区县实际支出数合计 500 万元" in r[3] for r in rows)
    assert review.page_setup.orientation == "landscape"


@pytest.mark.parametrize("name", [BUDGET, INDICATORS, DISTRICTS])
def test_print_setup_and_frozen_header(seed, name):
    _, wb = seed
    ws = wb[name]
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    # A fixed scale of at least 86% keeps 10.5 pt text at 9 pt or more on paper.
    assert not ws.sheet_properties.pageSetUpPr.fitToPage
    assert 86 <= int(ws.page_setup.scale) <= 100
    assert ws.print_title_rows == "$4:$4"
    # Each form numbers its own pages and states its own count.
    assert ws.page_setup.useFirstPageNumber and int(ws.page_setup.firstPageNumber) == 1
    assert re.fullmatch(r"第 &P 页 共 \d+ 页", ws.oddFooter.center.text)
    assert ws.freeze_panes == "A5"
    header_cells = [c for c in ws[4] if c.value and c.value != "行标识"]
    assert all(c.font.b and c.border.left.style == "thin" for c in header_cells)
    key_col = next(c.column_letter for c in ws[4] if c.value == "行标识")
    assert ws.column_dimensions[key_col].hidden
    assert key_col not in str(ws.print_area)


def test_fonts_title_and_wrapping(seed):
    _, wb = seed
    ws = wb[INDICATORS]
    assert ws["A2"].font.name == "黑体" and ws["A2"].font.sz == 16
    body = ws.cell(row_by_key(ws, "ind:satisfaction"), column_of(ws, "评分标准"))
    assert body.font.name == "宋体" and body.font.sz == 10.5 and body.alignment.wrap_text


def test_document_properties_name_the_unit_and_the_form(seed):
    _, wb = seed
    assert wb.properties.creator == "无锡市公安局"
    assert wb.properties.title == "无锡市2020年度宜居住区技防改造专项资金绩效评价附表"
    assert "openpyxl" not in (wb.properties.creator or "") + (wb.properties.lastModifiedBy or "")


def test_notes_are_the_seeds_complete_lists(seed):
    _, wb = seed
    ws = wb[INDICATORS]
    texts = "".join(c.value for r in ws.iter_rows(min_row=5) for c in r if isinstance(c.value, str))
    squashed = "".join(texts.split()).replace("　", "")
    assert "5.开展跨年度绩效评价的专项（项目）：①" in squashed
    assert "6.评价主体可根据评价需要设置四级评价指标。" in squashed
    header = wb[BUDGET].cell(4, 2).value.replace("\n", "")
    assert header == "专项（项目）资金名称（含对下转移支付资金的专项（项目）填列）"


def test_cjk_counts_double_in_widths():
    assert display_width("预算执行率（%）") == 15
    assert display_width("WIFI探针") == 8
    assert display_width("第一行\n长一些的第二行") == 14
    # The fast pattern agrees with Unicode's East Asian Width on every character of the seed.
    chars = set((ROOT / "tests" / "data" / "seed-wuxi-2020.txt").read_text("utf-8"))
    for ch in chars - {"\n"}:
        expected = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        assert line_width(ch) == expected, repr(ch)


def test_column_widths_follow_cjk_content(seed):
    _, wb = seed
    ws = wb[DISTRICTS]
    # 序号 is narrow; the district names (CJK) get at least their double width.
    assert ws.column_dimensions["A"].width < ws.column_dimensions["B"].width
    assert ws.column_dimensions["B"].width >= display_width("梁溪区") + 2


def test_user_text_that_looks_like_a_formula_stays_text(tmp_path):
    project = load_project(WUXI)
    project.basics.unit = "@cmd"
    project.basics.preparer = "=1+1"
    project.funds[0].name, project.funds[0].remark = INJECTIONS[0], INJECTIONS[2]
    project.districts[0].name, project.districts[0].remark = INJECTIONS[1], INJECTIONS[3]
    project.districts[1].remark = INJECTIONS[5]  # a one-line name folds the tab away
    camera = project.indicator("total-cameras")
    camera.levels = [*camera.levels[:-1], INJECTIONS[6]]
    camera.remark = INJECTIONS[4]
    wb = open_xlsx(export_xlsx(project, tmp_path))
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    found = {c.value: c for c in cells if c.value in INJECTIONS}
    assert set(found) == set(INJECTIONS)
    assert all(c.data_type == "s" for c in found.values())
    assert all(c.data_type != "f" for c in cells)
    texts = {c.value for c in cells if isinstance(c.value, str)}
    assert "填报单位名称（公章）：@cmd" in texts and "填表人：=1+1" in texts


def test_numbers_are_stored_as_numbers(seed):
    _, wb = seed
    ws = wb[BUDGET]
    money = [ws.cell(5, c) for c in range(3, 12)]
    assert all(c.data_type == "n" and isinstance(c.value, (int, float)) for c in money)


def test_county_demo_exports_cleanly(tmp_path):
    project = load_project(COUNTY)
    result = score_project(project)
    wb = open_xlsx(export_xlsx(project, tmp_path))
    ws = wb[INDICATORS]
    score_col = column_of(ws, "评分（分）")
    assert ws.cell(row_by_key(ws, "total"), score_col).value == 69.51
    assert ws.cell(row_by_key(ws, "grade"), score_col).value == "中"
    remark = ws.cell(row_by_key(ws, "ind:supporting_measures"), column_of(ws, "备注")).value
    assert remark.splitlines() == [
        f"扣 {d.points:.2f} 分：{d.reason}" for d in result.by_id("supporting_measures").deductions
    ]
    hours = row_by_key(ws, "ind:garbage-hours")
    assert ws.cell(hours, column_of(ws, "完成值")).number_format == 'General"小时"'
    assert ws.cell(hours, score_col).value == 8


def test_four_level_indicators_get_a_fourth_level_column(tmp_path):
    project = load_project(COUNTY)
    road = project.indicator("road-km")
    road.levels = ["个性指标", "专项总目标", "产出", "数量指标", "道路硬化里程"]
    ws = open_xlsx(export_xlsx(project, tmp_path))[INDICATORS]
    assert [ws.cell(4, c).value.replace("\n", "") for c in range(1, 5)] == [
        "一级指标",
        "二级指标",
        "三级指标",
        "四级指标",
    ]
    row = row_by_key(ws, "ind:road-km")
    assert [ws.cell(row, c).value for c in range(1, 5)] == [
        "专项总目标",
        "产出",
        "数量指标",
        "道路硬化里程",
    ]
    # A three-level indicator's name spans the third and fourth level columns.
    toilets = row_by_key(ws, "ind:toilets")
    assert ws.cell(toilets, 3).value == "农户改厕数量"
    assert f"C{toilets}:D{toilets}" in {str(r) for r in ws.merged_cells.ranges}


def test_a_decimal_weight_and_value_survive_as_numbers(tmp_path):
    project = load_project(COUNTY)
    project.indicator("road-km").actual = Decimal("10.55")
    ws = open_xlsx(export_xlsx(project, tmp_path))[INDICATORS]
    row = row_by_key(ws, "ind:road-km")
    assert ws.cell(row, column_of(ws, "完成值")).value == 10.55


def test_module_import_does_not_load_openpyxl():
    import subprocess
    import sys

    code = (
        "import sys, perfeval_tui.exports, perfeval_tui.exports.report, perfeval_tui.scoring.goals\n"
        "bad = sorted(m for m in ('textual', 'questionary', 'openpyxl', 'docx') if m in sys.modules)\n"
        "print(','.join(bad))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_writer_never_imports_textual(tmp_path):
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from perfeval_tui.project.storage import load_project\n"
        "from perfeval_tui.exports import export_project\n"
        f"export_project(load_project({str(WUXI)!r}), {str(tmp_path)!r})\n"
        "print(','.join(sorted(m for m in ('textual', 'questionary') if m in sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""
    assert len(list(Path(tmp_path).iterdir())) == 2
