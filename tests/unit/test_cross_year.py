"""Seed 附表2 notes 5 and 6: a cross-year evaluation splits a yearly indicator's weight evenly
across the years and scores each year; 四级指标 are allowed."""

from __future__ import annotations

from builders import D, indicator, project

from perfeval_tui.exports.national_layout import split_levels
from perfeval_tui.scoring.engine import score_project
from perfeval_tui.scoring.model import YearValues


def test_each_year_scores_its_share_of_the_weight():
    ind = indicator("output", weight="10", unit="个")
    ind.yearly = [
        YearValues(year=2019, target=D(100), actual=D(100)),
        YearValues(year=2020, target=D(100), actual=D(80)),
    ]
    got = score_project(project(ind, ruleset="national-2020")).indicators[0]
    assert got.score == D("9.00")  # 5 × 100/100 + 5 × 80/100
    steps = got.explanation.steps
    assert steps[0] == "跨年度评价：权重 10.00 按 2 个年度平均分配，每年 5.00"
    assert "2020年得分 4.00" in steps and steps[-1] == "得分 = 5.00 + 4.00 = 9.00"
    assert [d.reason.startswith("2020年") for d in got.deductions] == [True]


def test_three_years_round_each_year_then_add():
    ind = indicator("output", weight="10")
    ind.yearly = [YearValues(year=y, target=D(3), actual=D(2)) for y in (2018, 2019, 2020)]
    got = score_project(project(ind, ruleset="national-2020")).indicators[0]
    assert got.score == D("6.66")  # 3 × round(3.3333 × 2/3 = 2.2222) = 3 × 2.22


def test_four_level_indicators_are_allowed_and_shown():
    ind = indicator("output", weight="10", target="1", actual="1")
    ind.levels = ["产出指标", "数量指标", "设备采购", "摄像机"]
    result = score_project(project(ind, ruleset="national-2020"))
    assert result.indicators[0].score == D("10.00")
    assert split_levels(result.indicators[0].levels) == ("产出指标", "数量指标", "设备采购／摄像机")
