"""Real filled 绩效自评表 read as written (.tsv, and the same forms saved as .xlsx).

The expected totals and disagreements are EXPECTED.md's (tests/data/real-forms/), worked by hand.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest

from perfeval_tui.cli import main
from perfeval_tui.exports.form_grid import read_grids
from perfeval_tui.project.form_import import STATED_ONLY, FormImportError, read_form
from perfeval_tui.project.storage import load_project
from perfeval_tui.scoring.engine import score_project
from perfeval_tui.scoring.form_checks import disagreements
from perfeval_tui.scoring.ruleset import load_ruleset

FORMS = Path(__file__).resolve().parent.parent / "data" / "real-forms"
NATIONAL = load_ruleset("national-2020")

# form → (computed total, every disagreement as (row, field))
EXPECTED = {
    "01_tianchang_2022": ("100.00", []),
    "02_zhongjiang_2022": ("100.00", [("总分", "分值"), ("总分", "得分")]),
    "05_chizhou_cunji_2022": (
        "80.00",
        [("年度资金总额", "其中"), ("年度资金总额", "执行率"), ("预算执行率（%）", "自评得分")],
    ),
    "06_xiaoxian_hexi_2023": ("90.00", []),
    "08a_daying_sifa_2023": ("90.00", []),
    "12_lijiang_2020": (
        "100.00",
        [
            ("卫片执法补助经费", "自评得分"),
            ("项目验收合格率", "自评得分"),
            ("项目完成及时率", "自评得分"),
            ("违法行为责停率", "自评得分"),
        ],
    ),
}
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
PERCENT = re.compile(r"^(\d+(\.\d+)?)%$")


def as_xlsx(tsv: Path, folder: Path) -> Path:
    """The form as a clerk keeps it in Excel: numbers as numbers, % cells formatted, 一级/二级 merged."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "自评表"
    rows = [line.split("\t") for line in tsv.read_text("utf-8").splitlines()]
    for r, cells in enumerate(rows, start=1):
        for c, text in enumerate(cells, start=1):
            cell = ws.cell(r, c)
            if NUMBER.match(text):
                cell.value = float(text) if "." in text else int(text)
            elif (m := PERCENT.match(text)) is not None:
                cell.value = float(m.group(1)) / 100
                cell.number_format = "0.00%" if "." in m.group(1) else "0%"
            elif text:
                cell.value = text
                cell.data_type = "s"  # typed text, even when it begins with "=" (=8个)
    header = next(i for i, cells in enumerate(rows) if "三级指标" in cells)
    for col in (rows[header].index(n) for n in ("一级指标", "二级指标") if n in rows[header]):
        start = None
        for i in range(header + 1, len(rows) + 1):
            blank = i < len(rows) and len(rows[i]) > col and not rows[i][col] and any(rows[i])
            if blank and start is None:
                start = i - 1
            if not blank and start is not None:
                if i - 1 > start:
                    ws.merge_cells(
                        start_row=start + 1, end_row=i, start_column=col + 1, end_column=col + 1
                    )
                start = None
    path = folder / (tsv.stem + ".xlsx")
    wb.save(path)
    return path


def imported(path: Path):
    project = read_form(read_grids(path)[0], NATIONAL, path.stem).project
    return project, score_project(project, NATIONAL)


@pytest.mark.parametrize("kind", ["tsv", "xlsx"])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_real_form_gives_the_expected_total_and_disagreements(name, kind, tmp_path):
    path = FORMS / f"{name}.tsv"
    if kind == "xlsx":
        path = as_xlsx(path, tmp_path)
    project, result = imported(path)
    total, expected = EXPECTED[name]
    assert result.total == D(total)
    found = [(w.row, w.field) for w in disagreements(project, result)]
    assert found == expected


def test_both_numbers_are_named_in_each_disagreement():
    project, result = imported(FORMS / "12_lijiang_2020.tsv")
    messages = [w.message for w in disagreements(project, result)]
    assert messages[0] == "自评得分 9.00，按规则计算为 10.00"
    project, result = imported(FORMS / "05_chizhou_cunji_2022.tsv")
    messages = [w.message for w in disagreements(project, result)]
    assert "全年预算数 0 ≠ 132.912" in messages[0]
    assert messages[1] == "表上执行率 0%，按其中各行计算为 100.00%"


def test_budget_block_amounts_to_four_decimals_and_其中_rows():
    project, result = imported(FORMS / "05_chizhou_cunji_2022.tsv")
    total, *parts = project.budget_block
    assert (total.role, total.budget, total.spend) == ("总额", D(0), D(0))
    assert [p.name for p in parts] == ["本年财政拨款", "上年结转资金", "其他资金"]
    assert parts[0].budget == D("132.912") and parts[0].initial == D("202.64")


def test_the_repeated_分值_of_a_其中_budget_row_is_not_counted_twice():
    project, result = imported(FORMS / "06_xiaoxian_hexi_2023.tsv")
    assert [i.weight for i in project.indicators if i.rule == "budget_execution"] == [D(10)]


def test_filler_rows_are_skipped_and_merged_levels_inherited():
    project, _ = imported(FORMS / "01_tianchang_2022.tsv")
    names = [i.name for i in project.indicators]
    assert len(names) == 10 and not any(n in ("指标2:", "……", "指标1:/") for n in names)
    levels = {tuple(i.levels[:2]) for i in project.indicators}
    assert ("效益指标", "可持续影响指标") in levels and ("产出指标", "时效指标") in levels
    assert [g.weight for g in project.groups if g.path == ["产出指标"]] == [D(50)]


def test_a_row_without_inputs_keeps_its_stated_score_marked():
    project, result = imported(FORMS / "01_tianchang_2022.tsv")
    kept = result.by_id(next(i.id for i in project.indicators if i.name.endswith("工程质量合格")))
    assert kept.score == D(10) and kept.overridden
    assert STATED_ONLY in kept.indicator.override.reason


def test_star_rows_keep_their_其中_sub_rows():
    project, _ = imported(FORMS / "06_xiaoxian_hexi_2023.tsv")
    star = next(i for i in project.indicators if i.name.startswith("★补助家畜"))
    assert [p.name for p in star.parts] == ["其中羊养殖数量", "其中猪养殖数量"]
    assert star.weight == D(10) and len(project.indicators) == 8


def test_qualitative_rows_and_text_actuals_read_as_the_top_band():
    project, result = imported(FORMS / "08a_daying_sifa_2023.tsv")
    (row,) = result.indicators
    assert row.indicator.inputs.level == "达成" and row.score == D(90)
    assert row.indicator.target_label == "30" and row.indicator.operator == "≤"
    assert project.basics.conclusion.startswith("根据财政局资金下达")


def test_operators_and_units_from_columns_are_kept():
    project, _ = imported(FORMS / "12_lijiang_2020.tsv")
    first = project.indicators[1]
    assert (first.operator, first.target, first.unit) == ("=", D(72890), "元")


def test_cli_import_writes_the_project_and_score_json_has_stated_scores(tmp_path, capsys):
    out = tmp_path / "lijiang.json"
    assert main(["import", str(FORMS / "12_lijiang_2020.tsv"), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "按规则计算总分 100.00（优）" in printed
    assert "自评得分 27.00，按规则计算为 30.00" in printed
    assert main(["score", str(out), "--json"]) in (0, 1)
    data = json.loads(capsys.readouterr().out)
    rows = {row["name"]: row for row in data["indicators"]}
    assert rows["违法行为责停率"]["stated_score"] == "27.00"
    assert rows["违法行为责停率"]["score"] == "30.00"
    assert main(["check", str(out)]) == 1
    assert "自评得分 19.00，按规则计算为 20.00" in capsys.readouterr().out
    assert load_project(out).basics.name.startswith("2020年省级自然资源卫片执法")


def test_a_stated_only_row_is_marked_in_check_and_score(tmp_path, capsys):
    out = tmp_path / "t.json"
    assert main(["import", str(FORMS / "01_tianchang_2022.tsv"), "-o", str(out)]) == 0
    capsys.readouterr()
    main(["score", str(out)])
    assert STATED_ONLY in capsys.readouterr().out


def test_an_unreadable_cell_names_sheet_row_and_column(tmp_path):
    text = (FORMS / "12_lijiang_2020.tsv").read_text("utf-8").replace("30.00\t27.00", "三十\t27.00")
    path = tmp_path / "bad.tsv"
    path.write_text(text, "utf-8")
    with pytest.raises(FormImportError) as caught:
        imported(path)
    assert str(caught.value).startswith(
        "工作表「bad.tsv」第 19 行 H 列「分值」：「三十」不是有效数字"
    )


def test_a_file_that_is_no_form_exits_2_in_chinese(tmp_path, capsys):
    path = tmp_path / "x.tsv"
    path.write_text("随便\t什么\n", "utf-8")
    assert main(["import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "没有找到绩效自评表的指标表" in err and "Traceback" not in err


def test_a_csv_copy_in_gb18030_reads_the_same(tmp_path):
    import csv

    rows = [
        line.split("\t") for line in (FORMS / "12_lijiang_2020.tsv").read_text("utf-8").splitlines()
    ]
    path = tmp_path / "lijiang.csv"
    with path.open("w", encoding="gb18030", newline="") as handle:
        csv.writer(handle).writerows(rows)
    project, result = imported(path)
    assert result.total == D("100.00")
    assert [(w.row, w.field) for w in disagreements(project, result)] == EXPECTED[
        "12_lijiang_2020"
    ][1]


CROSS_YEAR = Path(__file__).resolve().parent.parent / "data" / "forms" / "cross_year_2019_2020.tsv"


@pytest.mark.parametrize("kind", ["tsv", "xlsx"])
def test_a_cross_year_form_keeps_each_years_values_and_scores_each_year(kind, tmp_path):
    path = CROSS_YEAR if kind == "tsv" else as_xlsx(CROSS_YEAR, tmp_path)
    project, result = imported(path)
    road = next(i for i in project.indicators if i.name == "养护里程")
    years = [(y.year, y.target, y.actual) for y in road.yearly]
    assert years == [(2019, D(100), D(100)), (2020, D(100), D(80))]
    assert road.unit == "公里" and road.operator == "≥"
    item = result.by_id(road.id)
    # 50 split over two years: 25 × 100/100 + 25 × 80/100 = 45.00, the form's own 得分;
    # read as one year's 80/100 it would be 40.00.
    assert item.score == D("45.00") and item.indicator.stated_score == D(45)
    assert "跨年度评价：权重 50.00 按 2 个年度平均分配，每年 25.00" in item.explanation.steps
    assert result.total == D("95.00")
    assert disagreements(project, result) == []
