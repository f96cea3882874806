"""Goal seek: ranges and values worked by hand, every answer re-scored by the engine and replayed
through ``perfeval simulate``."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from builders import COUNTY, WUXI, D, fund, indicator, project

from perfeval_tui.analysis.seek import seek_indicator
from perfeval_tui.analysis.seek_total import seek_total
from perfeval_tui.cli import main
from perfeval_tui.project.storage import load_project, project_json
from perfeval_tui.scoring.engine import score_project


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def replay(capsys, path, answer):
    """Feed an answer's settings back through ``perfeval simulate`` and read the engine's result."""
    args = [part for s in answer.settings for part in ("--set", s.assignment)]
    code, out, err = run(capsys, "simulate", str(path), *args, "--json")
    assert code == 0, err
    data = json.loads(out)
    item = next(i for i in data["indicators"] if i["id"] == answer.indicator_id)
    return D(item["after"]), D(data["total"]["after"])


def write(tmp_path, proj):
    path = tmp_path / "p.json"
    path.write_text(project_json(proj), encoding="utf-8")
    return path


# (indicator, funds, readings, score asked or None for full marks, full-marks text, answers as
#  (setting, engine score)); values worked by hand from the rule text.
CASES = [
    pytest.param(
        indicator("budget_adjustment_rate", weight="4"),
        [fund(increase="60.5", spend="510.5", arrived="510.5")],
        None,
        None,
        "预算调增数合计至多 45 万元（预算调整率 ≤ 10.00%）",
        [("/funds/0/increase=45", "4.00")],
        id="ceiling-full",
    ),
    pytest.param(
        indicator("budget_adjustment_rate", weight="4"),
        [fund()],
        None,
        "2",
        None,
        [("/funds/0/increase=54", "2.00")],  # 12% of 450
        id="ceiling-score",
    ),
    pytest.param(
        indicator("budget_execution_rate", weight="4"),
        [fund(spend="400")],
        None,
        None,
        "实际支出数合计至少 427.5 万元（预算执行率 ≥ 95.00%）",
        [("/funds/0/actual_spend=427.5", "4.00")],
        id="floor-full",
    ),
    pytest.param(
        indicator("budget_execution_rate", weight="4"),
        [fund(budget="333.33", spend="300", arrived="300")],
        None,
        None,
        None,
        [("/funds/0/actual_spend=316.67", "4.00")],  # 316.6635 rounded up to the cent
        id="floor-full-rounded-up",
    ),
    pytest.param(
        indicator("budget_execution_rate", weight="4"),
        [fund()],
        {"budget_execution_rate": "floor"},
        "2.5",
        None,
        [("/funds/0/actual_spend=409.51", "2.50")],  # floor(gap) <= 3 needs gap < 4: rate > 91%
        id="floor-score-floor-reading",
    ),
    pytest.param(
        indicator("funds_arrival_rate", weight="5"),
        [fund(spend="430", arrived="400")],
        None,
        None,
        "实际到位资金合计至少 430 万元（资金到位率 ≥ 95.56%）",
        [("/funds/0/funds_arrived=430", "5.00")],
        id="reference-full",
    ),
    pytest.param(
        indicator("funds_arrival_rate", weight="5"),
        [fund(spend="430", arrived="430")],
        None,
        "3",
        None,
        [("/funds/0/funds_arrived=412", "3.00")],  # 4 points below 95.56%
        id="reference-score",
    ),
    pytest.param(
        indicator("goal_rationality", weight="4", ticked=["policy"]),
        [fund()],
        None,
        None,
        None,
        [("测试指标.every_project=是 测试指标.relevance=是 测试指标.matches_budget=是", "4.00")],
        id="checklist-full",
    ),
    pytest.param(
        indicator(
            "goal_clarity", weight="4", ticked=["output_and_effect", "measurable", "formula"]
        ),
        [fund()],
        None,
        "2",
        None,
        [("测试指标.output_and_effect=否", "2.00")],
        id="checklist-score",
    ),
    pytest.param(
        indicator("supporting_measures", weight="3", counts={"incomplete": 3, "defect_loss": 1}),
        [fund()],
        None,
        None,
        None,
        [("测试指标.incomplete=0 测试指标.defect_loss=0", "3.00")],
        id="incidents-full-with-cap-and-uncapped",
    ),
    pytest.param(
        indicator("spending_compliance", weight="5"),
        [fund()],
        None,
        "3",
        None,
        [("测试指标.misuse=1", "3.00")],  # one incident: the fewest that costs 2 points
        id="incidents-score",
    ),
    pytest.param(
        indicator("completion_ratio", weight="15", target="1304", actual="1338", unit="路"),
        [fund()],
        None,
        None,
        "完成值 [1304, 1564.8] 路",
        [("测试指标.完成值=1304", "15.00"), ("测试指标.完成值=1564.8", "15.00")],
        id="ratio-full",
    ),
    pytest.param(
        indicator("completion_ratio", weight="15", target="1304", actual="1338", unit="路"),
        [fund()],
        None,
        "14.49",
        None,
        [("测试指标.完成值=1260", "14.49"), ("测试指标.完成值=1600", "14.49")],
        id="ratio-score-both-sides",
    ),
    pytest.param(
        indicator(
            "completion_ratio", weight="10", target="48", actual="60", unit="小时", direction="反向"
        ),
        [fund()],
        None,
        None,
        "完成值 [32, 48] 小时，或完成值为 0",
        [("测试指标.完成值=32", "10.00"), ("测试指标.完成值=48", "10.00")],
        id="ratio-reverse-full",
    ),
    pytest.param(
        indicator(
            "completion_ratio", weight="10", target="48", actual="48", unit="小时", direction="反向"
        ),
        [fund()],
        None,
        "8",
        None,
        # 48 / 1.7 = 28.235…; 28.2 would give 7.98, 28.24 is the roundest value giving 8.00
        [("测试指标.完成值=60", "8.00"), ("测试指标.完成值=28.24", "8.00")],
        id="ratio-reverse-score",
    ),
    pytest.param(
        indicator("completion_ratio", weight="5", target="0", actual="2", unit="起"),
        [fund()],
        None,
        None,
        "完成值 = 0起",
        [("测试指标.完成值=0", "5.00")],
        id="ratio-target-zero",
    ),
    pytest.param(
        indicator("satisfaction", weight="10", target="100", actual="96", unit="%"),
        [fund()],
        None,
        "9.5",
        "完成值 [100, 120] %",
        [("测试指标.完成值=95", "9.50"), ("测试指标.完成值=121.5", "9.50")],
        id="ratio-percent-score",
    ),
    pytest.param(
        indicator("completion_ratio", weight="10", target="800", actual="1500", unit="户"),
        [fund()],
        {"completion_ratio": "capped"},
        None,
        "完成值 ≥ 800户",
        [("测试指标.完成值=800", "10.00")],
        id="ratio-capped-reading",
    ),
    pytest.param(
        indicator("graded", weight="10", level="中"),
        [fund()],
        None,
        "8",
        None,
        [("测试指标.评价等级=良", "8.00")],
        id="graded-score",
    ),
]


@pytest.mark.parametrize(("ind", "funds", "readings", "score", "full", "expected"), CASES)
def test_seek_answers_are_the_engines_and_replay_through_simulate(
    capsys, tmp_path, ind, funds, readings, score, full, expected
):
    proj = project(ind, funds=funds, readings=readings)
    result = seek_indicator(proj, "测试指标", None if score is None else D(score))
    if full is not None:
        assert full in (result.full_range or "")
    got = [(" ".join(s.assignment for s in a.settings), str(a.score)) for a in result.answers]
    assert got == expected
    path = write(tmp_path, proj)
    for answer in result.answers:
        assert answer.exact and answer.promised == result.goal
        assert replay(capsys, path, answer) == (answer.score, answer.total)
        for setting in answer.settings:
            if setting.path.startswith("/funds/"):
                assert Decimal(setting.value).as_tuple().exponent >= -2  # money keeps 2 decimals


def test_money_answer_is_rounded_towards_the_goal():
    """95% of 333.33 is 316.6635 万元: rounding up to 316.67 keeps the rate at or above 95%."""
    proj = project(
        indicator("budget_execution_rate", weight="4"), funds=[fund(budget="333.33", spend="300")]
    )
    [answer] = seek_indicator(proj, "测试指标").answers
    assert answer.settings[0].value == "316.67" and answer.score == D("4.00")

    def rate(spend):
        funds = [fund(budget="333.33", spend=spend)]
        return score_project(
            project(indicator("budget_execution_rate"), funds=funds)
        ).budget.total.execution_rate

    assert rate("316.66") < 95 <= rate("316.67")


def test_step_reading_says_the_score_moves_in_steps():
    proj = project(
        indicator("budget_execution_rate", weight="4"), readings={"budget_execution_rate": "ceil"}
    )
    result = seek_indicator(proj, "测试指标", D("2.2"))
    [answer] = result.answers
    assert answer.score == D("2.50") and answer.reaches and not answer.exact
    assert any("0.5 分一档" in note for note in result.notes)


def test_rate_answer_reports_side_effects_on_other_indicators():
    proj = load_project(WUXI)
    result = seek_indicator(proj, "预算调整率（%）", D(3))
    [answer] = result.answers
    assert answer.score == D("3.00")
    assert [d.key for d in answer.side_effects] == [
        "budget_execution_rate"
    ]  # 调增 raises 调整后预算


def test_seek_outside_the_weight_and_seed_case():
    proj = load_project(WUXI)
    over = seek_indicator(proj, "监控建成数量", D(16))
    assert over.answers == () and "无法达到" in over.notes[0]
    full = seek_indicator(proj, "监控建成数量")
    assert full.full_range == "完成值 [1304, 1564.8] 路" and full.current == D("15.00")


# --------------------------------------------------------------------------------- totals


def test_total_seek_answers_reach_the_goal_smallest_change_first(capsys):
    result = seek_total(load_project(COUNTY), D(70))
    assert result.current == D("69.51") and result.needed == D("0.49")
    assert len(result.answers) >= 5
    sizes = [a.size for a in result.answers]
    assert sizes == sorted(sizes)
    families = {a.indicator_id for a in result.answers}
    assert {"funds_arrival_rate", "goal_rationality", "spending_compliance"} <= families
    assert len(result.answers) == 10 and "另有 1 项变动幅度更大的单项修改未列出" in result.notes
    everything = seek_total(load_project(COUNTY), D(70), limit=20)
    assert everything.answers[:10] == result.answers
    assert everything.answers[-1].indicator_id == "procedure_compliance"  # 1 incident of 1: 100%
    for answer in result.answers:
        after, total = replay(capsys, COUNTY, answer)
        assert total == answer.total >= D(70) and after == answer.score


def test_total_seek_for_seed_case_and_grades():
    wuxi = load_project(WUXI)
    [answer] = seek_total(wuxi, D(100)).answers
    assert [s.assignment for s in answer.settings] == ["社会满意度（％）.完成值=100"]
    assert answer.total == D("100.00")
    assert seek_total(wuxi, grade="优").needed < 0
    county = seek_total(load_project(COUNTY), grade="优")
    assert county.goal == D(90) and county.answers == ()
    assert "需要同时修改多项" in county.notes[0]


# -------------------------------------------------------------------------------- command


def test_seek_command_text(capsys):
    code, out, _ = run(capsys, "seek", str(WUXI), "监控建成数量")
    assert code == 0
    assert "满分条件：完成值 [1304, 1564.8] 路" in out
    assert "完成值 1564.8路（满分区间上限） → 引擎复核：15.00 分，总分 99.60（优）" in out
    code, out, _ = run(capsys, "seek", str(WUXI), "预算执行率（%）")
    assert "实际支出数合计至少 427.5 万元（预算执行率 ≥ 95.00%）" in out
    code, out, _ = run(capsys, "seek", str(COUNTY), "--total", "70")
    assert code == 0 and "能单独达到目标的修改（按变动幅度从小到大）：" in out


def test_seek_command_json(capsys):
    code, out, _ = run(capsys, "seek", str(WUXI), "监控建成数量", "--score", "14.49", "--json")
    data = json.loads(out)
    assert code == 0 and data["goal"] == "14.49"
    assert [(a["settings"][0]["value"], a["score"]) for a in data["answers"]] == [
        ("1260", "14.49"),
        ("1600", "14.49"),
    ]
    code, out, _ = run(capsys, "seek", str(COUNTY), "--grade", "中", "--json")
    assert json.loads(out)["needed"] == "0.00"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["监控建成数"], "最接近的有效写法：监控建成数量"),
        (["高清监控占比"], "专项总目标/产出/高清监控占比"),
        (["监控建成数量", "--score", "很高"], "「--score」「很高」不是有效数字"),
        ([], "请给出指标名"),
        (["--grade", "特优"], "没有等级「特优」"),
        (["监控建成数量", "--total", "90"], "只能选一种"),
    ],
)
def test_seek_command_bad_input_exits_2(capsys, args, message):
    code, out, err = run(capsys, "seek", str(WUXI), *args)
    assert code == 2 and out == "" and message in err and "Traceback" not in err


# ------------------------------------------------ a national project: its 项目资金 block
def national_with_block(*lines):
    from perfeval_tui.project.factory import new_project

    project = new_project("农村公路养护", 2024, "某县交通运输局", "national-2020")
    project.budget_block = list(lines)
    return project


def test_seek_on_national_execution_gives_the_spend_on_the_budget_block():
    from decimal import Decimal as D

    from perfeval_tui.analysis.seek import seek_indicator
    from perfeval_tui.scoring.model import BudgetLine

    total = BudgetLine(name="年度资金总额", role="总额", budget=D("132.912"), spend=D("100"))
    project = national_with_block(total, BudgetLine(name="当年财政拨款"))
    full = seek_indicator(project, "budget_execution")
    assert full.full_range == "全年执行数合计至少 132.912 万元（预算执行率 ≥ 100.00%）"
    (answer,) = full.answers
    assert [s.assignment for s in answer.settings] == ["/budget_block/0/spend=132.912"]
    assert answer.score == D("10.00") and answer.reaches
    # 9 of 10 points: 10 × 执行率 = 9 → 执行率 90% of 132.912 = 119.6208 万元, to 4 decimals.
    nine = seek_indicator(project, "budget_execution", D(9))
    (answer,) = nine.answers
    assert [s.assignment for s in answer.settings] == ["/budget_block/0/spend=119.6208"]
    assert answer.score == D("9.00") and answer.exact


def test_seek_on_national_execution_read_from_the_其中_rows():
    from decimal import Decimal as D

    from perfeval_tui.analysis.seek import seek_indicator
    from perfeval_tui.scoring.model import BudgetLine

    project = national_with_block(
        BudgetLine(name="年度资金总额", role="总额"),
        BudgetLine(name="当年财政拨款", budget=D("100"), spend=D("50")),
        BudgetLine(name="上年结转资金", budget=D("32.912"), spend=D("20")),
    )
    (answer,) = seek_indicator(project, "budget_execution").answers
    # 132.912 in all; the 上年结转资金 row keeps its 20, the 财政拨款 row takes the rest.
    assert [s.assignment for s in answer.settings] == ["/budget_block/1/spend=112.912"]
    assert answer.score == D("10.00")
