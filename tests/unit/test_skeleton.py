"""The form's group skeleton in a new project: where new indicators go, the groups offered, the
section sums the status line shows."""

from __future__ import annotations

from decimal import Decimal

from perfeval_tui.project.factory import new_indicator, new_project
from perfeval_tui.project.storage import load_project
from perfeval_tui.project.structure import add_indicator, group_paths, resolved_skeleton
from perfeval_tui.scoring.engine import score_project
from perfeval_tui.scoring.ruleset import load_ruleset
from perfeval_tui.scoring.sections import section_sums
from tests.builders import WUXI

D = Decimal


def test_a_new_wuxi_project_carries_the_forms_skeleton_and_its_satisfaction() -> None:
    project = new_project("测试", 2024, "测试单位")
    assert [i.name for i in project.indicators][-1] == "社会满意度（％）"
    assert project.indicators[-1].weight == D(10)
    assert project.skeleton[0] == ["个性指标", "专项总目标", "产出"]
    paths = group_paths(project)
    personal = [p for p in paths if p[0] == "个性指标"]
    assert personal == [
        ("个性指标", "专项总目标", "产出"),
        ("个性指标", "专项总目标", "效果"),
        ("个性指标", "明细项目绩效目标", "产出"),
        ("个性指标", "明细项目绩效目标", "效果"),
        ("个性指标", "其他绩效评价指标", "产出"),
        ("个性指标", "其他绩效评价指标", "效果"),
    ]


def test_new_indicators_keep_the_forms_order_and_a_named_detail_group_takes_its_place() -> None:
    ruleset = load_ruleset("wuxi-2021")
    project = new_project("测试", 2024, "测试单位")
    detail = "宜居住区老旧小区技防改造明细项目绩效目标"
    for levels in (
        ["个性指标", "其他绩效评价指标", "产出", "人脸抓拍（%）"],
        ["个性指标", detail, "产出", "高清监控占比"],
        ["个性指标", "专项总目标", "产出", "监控建成数量"],
    ):
        add_indicator(project, new_indicator(ruleset, levels, D(5)))
    groups = [i.levels[1] for i in project.indicators[9:]]
    assert groups == ["专项总目标", detail, "其他绩效评价指标", "其他绩效评价指标"]
    skeleton = resolved_skeleton(project.skeleton, [i.levels for i in project.indicators])
    assert ("个性指标", detail, "效果") in skeleton
    assert ("个性指标", "明细项目绩效目标", "产出") not in skeleton


def test_section_sums_give_each_sections_weights_against_the_forms() -> None:
    project = new_project("测试", 2024, "测试单位", "national-2020")
    sums = {s.name: s for s in section_sums(project, score_project(project))}
    assert "预算执行" not in sums  # the fixed 预算执行率 alone: complete by construction
    assert (sums["产出指标"].weight, sums["产出指标"].expected) == (D(0), D(50))
    ruleset = load_ruleset("national-2020")
    add_indicator(project, new_indicator(ruleset, ["产出指标", "数量指标", "道路"], D(20)))
    sums = {s.name: s for s in section_sums(project, score_project(project))}
    assert sums["产出指标"].weight == D(20) and not sums["产出指标"].complete


def test_a_new_wuxi_projects_rates_carry_the_seed_forms_targets() -> None:
    # 附表2 of the seed: 预算调整率 目标值 0%, 预算执行率 and 资金到位率 100%. A new project
    # carries them, so a clerk types only the 完成值 the form asks for.
    seed = {i.id: i for i in load_project(WUXI).indicators}
    new = {i.id: i for i in new_project("测试", 2024, "测试单位").indicators}
    rates = ("budget_adjustment_rate", "budget_execution_rate", "funds_arrival_rate")
    assert [new[r].target for r in rates] == [D(0), D(100), D(100)]
    assert [new[r].target for r in rates] == [seed[r].target for r in rates]
    assert all(new[r].actual is None for r in rates)
