"""The Wuxi 2020 case scores exactly as the seed's 附表2, indicator by indicator, and raises its warnings."""

from __future__ import annotations

from builders import COUNTY, WUXI, D

from perfeval_tui.project.storage import load_project
from perfeval_tui.scoring.checks import check_project
from perfeval_tui.scoring.engine import score_project

SEED_SCORES = {
    "预算调整率（%）": "4",
    "预算执行率（%）": "4",
    "绩效目标合理性": "4",
    "绩效目标明确性": "4",
    "资金到位率（%）": "5",
    "明细支出合规性": "5",
    "项目实施配套办法": "3",
    "项目运转程序规范": "6",
    "项目实施监控管理": "5",
    "监控建成数量": "15",
    "监控建成数量（2019年宜居住区老旧小区技防改造）": "4",
    "监控建成数量（2018年宜居住区老旧小区技防改造）": "4",
    "人脸抓拍（%）": "2",
    "车辆抓拍（%）": "2",
    "WIFI探针（%）": "2",
    "雪亮工程对接（%）": "2",
    "社会满意度（％）": "9.6",
}


def test_seed_scores_indicator_by_indicator():
    result = score_project(load_project(WUXI))
    by_name = {}
    for item in result.indicators:
        by_name.setdefault(item.name, []).append(item.score)
    for name, expected in SEED_SCORES.items():
        assert by_name[name][0] == D(expected), name
    # 高清监控占比 appears twice: 15 in 专项总目标 and 4 in the detail goals.
    assert by_name["高清监控占比"] == [D("15"), D("4")]
    assert len(result.indicators) == 19


def test_seed_totals_and_grade():
    result = score_project(load_project(WUXI))
    assert result.group("共性指标").score == D("40.00")
    assert result.group("个性指标").score == D("59.60")
    assert result.total == D("99.60")
    assert result.grade == "优"


def test_seed_budget_table():
    total = score_project(load_project(WUXI)).budget.total
    assert (total.budget, total.adjusted_budget, total.actual_spend, total.funds_arrived) == (
        D(450),
    ) * 4
    assert (total.adjustment_rate, total.execution_rate, total.arrival_rate) == (
        D(0),
        D(100),
        D(100),
    )


def test_seed_raises_its_own_data_warnings():
    warnings = check_project(load_project(WUXI))
    messages = [w.where + "：" + w.message for w in warnings]
    assert any(
        "梁溪区" in m and "实际支出数 450 万元 大于资金下达数 400 万元" in m for m in messages
    )
    assert any(
        "各区县实际支出数合计 500 万元" in m and "附表1 实际支出数合计 450 万元" in m
        for m in messages
    )
    assert any("居民满意率" in m and "96%" in m and "100%" in m for m in messages)
    assert any(
        "结余结转数 0 万元，应为 资金下达数 400 − 实际支出数 450 = -50 万元" in m for m in messages
    )
    assert len(warnings) == 4


def test_linked_detail_goals_add_up_in_the_seed():
    # 221 + 1083 = 1304 and 234 + 1104 = 1338: no linked-goal warning.
    assert not [w for w in check_project(load_project(WUXI)) if "明细目标" in w.message]


def test_linked_goal_mismatch_is_reported():
    project = load_project(WUXI)
    project.indicator("cameras-2019").target = D(220)
    messages = [w.message for w in check_project(project)]
    assert "明细目标目标值 220 + 1083 = 1303，与总目标目标值 1304 不一致" in messages


def test_county_demo_loses_points_under_every_rule_family():
    result = score_project(load_project(COUNTY))
    losing_families = {item.explanation.family for item in result.indicators if item.lost > 0}
    assert losing_families == {
        "ceiling_rate",
        "floor_rate",
        "reference_rate",
        "checklist",
        "incidents",
        "completion_ratio",
        "graded",
    }
    assert result.total == D("69.51")
    assert result.grade == "中"


def test_weight_structure_checks():
    project = load_project(WUXI)
    project.indicator("satisfaction").weight = D(8)
    messages = [w.message for w in check_project(project)]
    assert "全部指标权重合计 98 分，应为 100 分" in messages
    assert "「个性指标」下各指标权重合计 58 分，应为 60 分" in messages
    assert any(m.startswith("满意度指标权重合计 8 分，应为 10 分") for m in messages)
