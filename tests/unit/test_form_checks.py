"""check is no longer silent on a blank 完成值, an unrated 定性 or a percent/fraction mix."""

from __future__ import annotations

from builders import D, indicator, project

from perfeval_tui.scoring.checks import check_project
from perfeval_tui.scoring.engine import score_project
from perfeval_tui.scoring.form_checks import unfilled_count


def national(*inds):
    return project(*inds, ruleset="national-2020")


def fields(p):
    return [
        (w.row, w.field, w.message)
        for w in check_project(p)
        if w.table != "附表2" or w.field != "权重"
    ]


def test_blank_actual_and_unrated_qualitative_are_named():
    blank = indicator("output", weight="50", target="95", unit="%")
    unrated = indicator("graded", weight="40")
    unrated.id, unrated.levels = "i2", ["产出指标", "质量指标", "验收合格"]
    found = fields(national(blank, unrated))
    assert ("测试指标", "完成值", "完成值未填写，按 0 分计") in found
    assert ("验收合格", "评价等级", "评价等级未选择，按 0 分计") in found
    assert unfilled_count(score_project(national(blank, unrated))) == 2


def test_unit_mismatch_between_target_and_actual_is_named():
    ind = indicator("output", weight="10", target="180", actual="12")
    ind.target_label, ind.actual_label = "180只", "12头"
    assert ("测试指标", "单位", "年度指标值单位「只」与实际完成值单位「头」不一致") in fields(
        national(ind)
    )


def test_percent_target_with_fraction_actual_is_flagged_not_silent():
    ind = indicator("output", weight="50", target="95", actual="0.96", unit="%")
    ind.target_label, ind.actual_label, ind.stated_score = "95%", "0.96", D(50)
    messages = [m for _, f, m in fields(national(ind)) if f == "完成值"]
    assert messages and "一个是百分数、一个是小数" in messages[0]
    reverse = indicator("output", weight="50", target="0.95", actual="96", unit="%")
    reverse.target_label, reverse.actual_label, reverse.stated_score = "0.95", "96%", D(50)
    assert any("一个是百分数、一个是小数" in m for _, _, m in fields(national(reverse)))


def test_a_complete_project_has_nothing_to_fill():
    ind = indicator("output", weight="10", target="95", actual="96", unit="%")
    assert unfilled_count(score_project(national(ind))) == 0
