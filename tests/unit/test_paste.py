"""Rows pasted from WPS/Excel read into a table: header by its words or the step's column order,
merged cells inherited, targets as written, every refusal with its reason in Chinese."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from perfeval_tui.project.factory import new_project
from perfeval_tui.project.paste import apply_paste, looks_like_rows, read_paste
from perfeval_tui.scoring.engine import score_project
from perfeval_tui.scoring.model import Indicator, Project
from perfeval_tui.scoring.ruleset import load_ruleset

ROOT = Path(__file__).resolve().parents[2]
ANNEX2 = (ROOT / "demo_data" / "wuxi-2020-annex2.tsv").read_text("utf-8")


def project() -> Project:
    return new_project("技防改造专项", 2020, "无锡市公安局")


def test_a_paste_is_rows_when_it_has_tabs_or_several_lines() -> None:
    assert looks_like_rows("梁溪区\t400")
    assert looks_like_rows("梁溪区\n滨湖区\n")
    assert not looks_like_rows("450\r\n")  # one cell copied from Excel
    assert not looks_like_rows("梁溪区")


def test_the_seed_annex2_as_copied_from_wps_scores_99_60_with_the_fund_row() -> None:
    p = project()
    ruleset = load_ruleset(p.ruleset)
    plan = read_paste(ANNEX2, "indicators", p, ruleset)
    # The merged 三级指标 header leaves the name column's header blank: still read as the name.
    assert plan.header and "指标名称" in plan.columns
    assert len(plan.rows) == 10 and len(plan.refused) == 9
    first = plan.rows[0]
    assert isinstance(first, Indicator)
    assert first.levels == ["个性指标", "专项总目标", "产出", "监控建成数量"]
    assert (first.target, first.actual, first.unit) == (Decimal(1304), Decimal(1338), "路")
    assert plan.refused[0].line == 2 and "已有同名指标「预算调整率（%）」" in plan.refused[0].reason
    apply_paste(p, plan)
    funds = read_paste("专项资金\t450\t0\t0\t450\t450", "funds", p, ruleset)
    apply_paste(p, funds)
    assert score_project(p, ruleset).total == Decimal("99.60")


def test_group_headings_and_numbering_as_forms_write_them() -> None:
    p = project()
    text = (
        "一级指标\t二级指标\t三级指标\t指标名称\t权重\t目标值\t完成值\n"
        "二、个性指标（60分）\t\t\t\t\t\t\n"
        "\t（一）专项总目标\t产出\t监控建成数量\t15\t≥1304路\t1338路\n"
        "\t\t效果\t居民满意率\t10\t≥90%\t96%\n"
        "\t\t\t工程进度\t5\t按时完成\t已完成\n"
    )
    plan = read_paste(text, "indicators", p, load_ruleset(p.ruleset))
    assert plan.refused == []
    cameras, satisfaction, progress = plan.rows
    assert isinstance(cameras, Indicator) and isinstance(satisfaction, Indicator)
    assert isinstance(progress, Indicator)
    assert cameras.levels == ["个性指标", "专项总目标", "产出", "监控建成数量"]
    assert cameras.target_label == "≥1304路" and cameras.operator == "≥"
    assert satisfaction.levels[:-1] == ["个性指标", "专项总目标", "效果"]
    assert satisfaction.rule == "satisfaction" and satisfaction.unit == "%"
    assert progress.rule == "graded" and progress.target_label == "按时完成"


def test_no_header_uses_the_step_order_and_every_refusal_says_why() -> None:
    p = project()
    text = (
        "个性指标 / 其他 / 产出\t人脸抓拍\t2\t100%\t100%\t%\n"
        "\t车辆抓拍\t两分\t100%\t100%\t%\n"
        "\t\t\t100%\t100%\t%\n"
        "\tWIFI探针\t\t100%\t100%\t%\n"
        "合计\t\t60\n"
    )
    plan = read_paste(text, "indicators", p, load_ruleset(p.ruleset))
    assert not plan.header
    assert [r.name for r in plan.rows] == ["人脸抓拍"]
    assert plan.rows[0].levels == ["个性指标", "其他", "产出", "人脸抓拍"]  # type: ignore[union-attr]
    reasons = {r.line: r.reason for r in plan.refused}
    assert "「权重」" in reasons[2]
    assert reasons[3] == "「指标名称」是空的。每行须有指标名称"
    assert reasons[4] == "「权重」是空的。请填写「WIFI探针」的分值，例如 4"
    assert "合计" in reasons[5]


def test_money_rows_by_header_words_in_any_order_with_a_quoted_remark() -> None:
    p = project()
    text = (
        "市（县）区名称\t实际支出数\t资金下达数\t备注\n"
        '梁溪区\t450\t400\t"超支\n待核实"\n'
        "滨湖区\t5o\t50\t\n"
        "梁溪区\t1\t1\t\n"
    )
    plan = read_paste(text, "districts", p, load_ruleset(p.ruleset))
    assert len(plan.rows) == 1
    row = plan.rows[0]
    assert (row.name, row.allocated, row.actual_spend) == ("梁溪区", Decimal(400), Decimal(450))  # type: ignore[union-attr]
    assert row.remark == "超支\n待核实"  # type: ignore[union-attr]
    reasons = [r.reason for r in plan.refused]
    assert "「实际支出数」" in reasons[0]
    assert reasons[1] == "已有同名行「梁溪区」，未重复添加"


def test_a_row_of_the_form_left_blank_is_filled_not_refused() -> None:
    """A new project may hold the form's own rows still empty (社会满意度 worth 10): the pasted
    row fills it instead of being refused as a repeat."""
    p = project()
    ruleset = load_ruleset(p.ruleset)
    blank = p.indicator("satisfaction")  # the form's own 社会满意度, as a new project holds it
    assert (blank.weight, blank.target, blank.actual) == (Decimal(10), None, None)
    plan = read_paste(ANNEX2, "indicators", p, ruleset)
    assert len(plan.rows) == 10 and list(plan.fills.values()) == ["satisfaction"]
    apply_paste(p, plan)
    assert [i.id for i in p.indicators].count("satisfaction") == 1
    assert (blank.target, blank.actual) == (Decimal(100), Decimal(96))
    apply_paste(p, read_paste("专项资金\t450\t0\t0\t450\t450", "funds", p, ruleset))
    assert score_project(p, ruleset).total == Decimal("99.60")
    # Filled once, the row is the project's own: a second paste refuses it.
    again = read_paste(ANNEX2, "indicators", p, ruleset)
    assert again.rows == [] and len(again.refused) == 19
