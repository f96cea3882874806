"""Every rule family, table-driven, at every band edge and under every reading.

Expected figures are worked by hand from the rule text (brief §4), not read back from the engine.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from builders import D, fund, indicator, project

from perfeval_tui.scoring.engine import score_project
from perfeval_tui.scoring.model import Override
from perfeval_tui.scoring.ruleset import load_ruleset


def score(ind, funds=None, reading=None, ruleset=None):
    readings = {ind.rule: reading} if reading else None
    result = score_project(project(ind, funds=funds, readings=readings), ruleset)
    return result.indicators[0]


# ---------------------------------------------------------------- 预算调整率 (ceiling 10%, 1 per %)
@pytest.mark.parametrize(
    ("increase", "decrease", "reading", "expected"),
    [
        ("0", "0", "continuous", "4.00"),
        ("45", "0", "continuous", "4.00"),  # exactly 10%
        ("47.25", "0", "continuous", "3.50"),  # 10.5%: 0.5 point over
        ("47.25", "0", "floor", "4.00"),  # less than one whole percent: nothing
        ("47.25", "0", "ceil", "3.00"),  # a started percent counts as one
        ("60.5", "0", "continuous", "0.56"),  # 13.44%: 4 - 3.444
        ("60.5", "0", "floor", "1.00"),
        ("60.5", "0", "ceil", "0.00"),
        ("10", "90", "continuous", "0.00"),  # max(调增, 调减) = 90 -> 20%, 扣完为止
    ],
)
def test_budget_adjustment_rate(increase, decrease, reading, expected):
    ind = indicator("budget_adjustment_rate", weight="4")
    got = score(
        ind, [fund(increase=increase, decrease=decrease, spend="400", arrived="400")], reading
    )
    assert got.score == D(expected)


def test_adjustment_rate_uses_original_budget_as_denominator():
    ind = indicator("budget_adjustment_rate", weight="4")
    got = score(ind, [fund(budget="450", decrease="90", spend="360", arrived="360")])
    assert "预算调整率 = 90 / 450 = 20.00%" in got.explanation.steps


# ---------------------------------------------------------------- 预算执行率 (floor 95%, 0.5 per %)
@pytest.mark.parametrize(
    ("spend", "reading", "expected"),
    [
        ("450", "continuous", "4.00"),
        ("430", "continuous", "4.00"),  # 95.56%, the brief's check
        ("427.5", "continuous", "4.00"),  # exactly 95%
        ("400", "continuous", "0.94"),  # 88.89%: 4 - 0.5 x 6.11, the brief's check
        ("400", "floor", "1.00"),  # 6 whole points
        ("400", "ceil", "0.50"),  # 7 started points
        ("0", "continuous", "0.00"),  # 47.5 points off, 扣完为止
    ],
)
def test_budget_execution_rate(spend, reading, expected):
    got = score(
        indicator("budget_execution_rate", weight="4"), [fund(spend=spend, arrived=spend)], reading
    )
    assert got.score == D(expected)


def test_execution_rate_denominator_is_adjusted_budget():
    got = score(
        indicator("budget_execution_rate", weight="4"),
        [fund(decrease="50", spend="380", arrived="380")],
    )
    assert got.score == D("4.00")
    assert "预算执行率 = 实际支出数 380 / 调整后预算数 400 = 95.00%" in got.explanation.steps


def test_zero_budget_scores_zero_with_a_reason():
    got = score(
        indicator("budget_execution_rate", weight="4"), [fund(budget="0", spend="0", arrived="0")]
    )
    assert got.score == 0
    assert "调整后预算数为 0" in got.deductions[0].reason


# ---------------------------------------------------------------- 资金到位率 (vs 执行率, 0.5 per %)
@pytest.mark.parametrize(
    ("spend", "arrived", "reading", "expected"),
    [
        ("450", "450", "continuous", "5.00"),
        ("400", "430", "continuous", "5.00"),  # above the execution rate
        ("430", "430", "continuous", "5.00"),  # equal
        ("430", "400", "continuous", "1.67"),  # 95.56 vs 88.89: 6.67 points -> 3.33 off
        ("430", "400", "floor", "2.00"),
        ("430", "400", "ceil", "1.50"),
        ("450", "0", "continuous", "0.00"),
    ],
)
def test_funds_arrival_rate(spend, arrived, reading, expected):
    got = score(
        indicator("funds_arrival_rate", weight="5"), [fund(spend=spend, arrived=arrived)], reading
    )
    assert got.score == D(expected)


# ---------------------------------------------------------------- checklists
@pytest.mark.parametrize(
    ("rule", "ticked", "expected"),
    [
        ("goal_rationality", ["policy", "every_project", "relevance", "matches_budget"], "4.00"),
        ("goal_rationality", ["policy", "relevance"], "2.00"),
        ("goal_rationality", [], "0.00"),
        ("goal_clarity", ["output_and_effect"], "2.00"),  # the 2-point item
        ("goal_clarity", ["measurable", "formula"], "2.00"),
        ("goal_clarity", ["output_and_effect", "measurable", "formula"], "4.00"),
    ],
)
def test_checklists(rule, ticked, expected):
    got = score(indicator(rule, weight="4", ticked=ticked))
    assert got.score == D(expected)
    assert sum((d.points for d in got.deductions), Decimal(0)) == D("4") - D(expected)


# ---------------------------------------------------------------- incidents
@pytest.mark.parametrize(
    ("rule", "weight", "counts", "reading", "expected"),
    [
        ("spending_compliance", "5", {}, "clause_caps", "5.00"),
        ("spending_compliance", "5", {"misuse": 1}, "clause_caps", "3.00"),
        ("spending_compliance", "5", {"mismatch": 3}, "clause_caps", "3.50"),
        ("spending_compliance", "5", {"misuse": 2, "over_scope": 1}, "clause_caps", "0.00"),
        ("spending_compliance", "5", {"misuse": 3}, "clause_caps", "0.00"),  # 扣完为止
        ("supporting_measures", "3", {"incomplete": 3}, "clause_caps", "2.00"),  # 扣完1分为止
        ("supporting_measures", "3", {"incomplete": 3}, "no_clause_caps", "1.50"),
        ("supporting_measures", "3", {"no_measures": 1}, "clause_caps", "0.00"),
        ("supporting_measures", "3", {"defect_loss": 1}, "clause_caps", "1.00"),
        ("supporting_measures", "3", {"defect_loss": 2}, "clause_caps", "-1.00"),  # 不设上限
        ("supporting_measures", "3", {"no_measures": 1, "defect_loss": 1}, "clause_caps", "-2.00"),
        ("procedure_compliance", "6", {"violation": 2}, "clause_caps", "2.00"),
        ("procedure_compliance", "6", {"violation": 4}, "clause_caps", "0.00"),
        ("monitoring", "5", {"no_monitoring": 1}, "clause_caps", "0.00"),
        ("monitoring", "5", {"no_records": 2, "assets_unrecorded": 1}, "clause_caps", "2.00"),
    ],
)
def test_incidents(rule, weight, counts, reading, expected):
    got = score(indicator(rule, weight=weight, counts=counts), reading=reading)
    assert got.score == D(expected)
    # The listed deductions always add up to the points actually lost.
    assert sum((d.points for d in got.deductions), Decimal(0)) == D(weight) - D(expected)


def test_uncapped_clause_keeps_reducing_the_total():
    measures = indicator("supporting_measures", weight="3", counts={"defect_loss": 2})
    measures.id = "measures"
    full = indicator("completion_ratio", weight="10", target="100", actual="100", unit="%")
    full.id = "full"
    result = score_project(project(measures, full))
    assert result.by_id("measures").score == D("-1.00")
    assert result.by_id("measures").explanation.excess == D("1.00")
    assert result.total == D("9.00")  # 10 + 3 - 4


# ---------------------------------------------------------------- completion ratio
@pytest.mark.parametrize(
    ("target", "actual", "unit", "expected"),
    [
        # below 1: proportional
        ("1304", "652", "路", "7.50"),
        ("100", "96", "%", "14.40"),
        # exactly 1
        ("1304", "1304", "路", "15.00"),
        # percentage targets and 0 < t <= 1: (1.2, 1.5)
        ("50", "60", "%", "15.00"),  # r = 1.2 = L
        ("50", "67.5", "%", "7.50"),  # r = 1.35, halfway
        ("50", "75", "%", "0.00"),  # r = 1.5 = U
        ("50", "80", "%", "0.00"),  # above U
        ("0.8", "0.96", "", "15.00"),
        ("0.8", "1.08", "", "7.50"),
        # 1 < t <= 20: (2, 3)
        ("10", "20", "个", "15.00"),
        ("10", "25", "个", "7.50"),
        ("10", "30", "个", "0.00"),
        ("10", "31", "个", "0.00"),
        ("20", "40", "个", "15.00"),  # t = 20 is still this band
        # 20 < t <= 100: (1.5, 2.5)
        ("80", "120", "个", "15.00"),
        ("80", "160", "个", "7.50"),
        ("80", "200", "个", "0.00"),
        ("100", "200", "个", "7.50"),  # t = 100 (a count, not a percentage)
        # 100 < t <= 10000: (1.2, 2)
        ("1304", "1338", "路", "15.00"),  # the brief's check
        ("1304", "1564.8", "路", "15.00"),  # r = 1.2 exactly
        ("1000", "1600", "路", "7.50"),
        ("1000", "2000", "路", "0.00"),
        ("10000", "12000", "路", "15.00"),
        # t > 10000: (1.1, 1.5)
        ("20000", "22000", "人", "15.00"),
        ("20000", "26000", "人", "7.50"),
        ("20000", "30000", "人", "0.00"),
        # target 0
        ("0", "0", "起", "15.00"),
        ("0", "1", "起", "0.00"),
    ],
)
def test_completion_ratio_bands(target, actual, unit, expected):
    got = score(indicator("completion_ratio", weight="15", target=target, actual=actual, unit=unit))
    assert got.score == D(expected)


def test_brief_worked_checks():
    satisfaction = score(
        indicator("satisfaction", weight="10", target="100", actual="96", unit="%")
    )
    assert satisfaction.score == D("9.60")
    cameras = score(
        indicator("completion_ratio", weight="15", target="1304", actual="1338", unit="路")
    )
    assert cameras.score == D("15.00")
    assert "完成值/目标值 = 1338 / 1304 = 1.0261" in cameras.explanation.steps


@pytest.mark.parametrize(
    ("target", "actual", "expected"),
    [
        ("48", "60", "12.00"),  # 48/60 = 0.8
        ("60", "48", "15.00"),  # 1.25, band 20 < t <= 100 -> full
        ("60", "20", "0.00"),  # 3.0 > 2.5
        ("48", "0", "15.00"),  # reverse with 完成值 0: full (parameter)
    ],
)
def test_reverse_indicators(target, actual, expected):
    got = score(
        indicator(
            "completion_ratio",
            weight="15",
            target=target,
            actual=actual,
            unit="小时",
            direction="反向",
        )
    )
    assert got.score == D(expected)


def test_reverse_zero_parameter_can_be_switched_off():
    wuxi = load_ruleset("wuxi-2021")
    strict_rule = wuxi.rules["completion_ratio"].model_copy(update={"reverse_zero_full": False})
    strict = wuxi.model_copy(update={"rules": {**wuxi.rules, "completion_ratio": strict_rule}})
    ind = indicator("completion_ratio", weight="15", target="48", actual="0", direction="反向")
    assert score(ind, ruleset=strict).score == D("0.00")


def test_capped_reading_gives_full_marks_above_target():
    ind = indicator("completion_ratio", weight="15", target="1000", actual="2500", unit="路")
    assert score(ind).score == D("0.00")
    assert score(ind, reading="capped").score == D("15.00")


def test_missing_actual_scores_zero_and_says_so():
    got = score(indicator("completion_ratio", weight="15", target="1304"))
    assert got.score == 0
    assert got.deductions[0].reason == "完成值未填写"


# ---------------------------------------------------------------- graded
@pytest.mark.parametrize(
    ("level", "expected"),
    [("优", "10.00"), ("良", "8.00"), ("中", "6.00"), ("差", "3.00"), (None, "0.00")],
)
def test_graded(level, expected):
    assert score(indicator("graded", weight="10", level=level)).score == D(expected)


# ---------------------------------------------------------------- national rule set
def test_national_ruleset_is_not_wuxi_shaped():
    execution = indicator("budget_execution", weight="10")
    got = score(
        execution, [fund(spend="430", arrived="430")], ruleset=load_ruleset("national-2020")
    )
    assert got.score == D("9.56")  # 10 x 95.56%
    output = indicator("output", weight="50", target="100", actual="150")
    assert score(output, ruleset=load_ruleset("national-2020")).score == D("50.00")
    output.actual = D("80")
    assert score(output, ruleset=load_ruleset("national-2020")).score == D("40.00")


# ---------------------------------------------------------------- totals, grades, overrides
@pytest.mark.parametrize(
    ("total", "grade"),
    [
        ("100", "优"),
        ("90.00", "优"),
        ("89.99", "良"),
        ("80", "良"),
        ("79.99", "中"),
        ("60", "中"),
        ("59.99", "差"),
        ("0", "差"),
    ],
)
def test_grade_bands(total, grade):
    assert load_ruleset("wuxi-2021").grade(D(total)) == grade


def test_override_is_used_in_the_total_and_the_computed_score_is_kept():
    ind = indicator("completion_ratio", weight="15", target="1304", actual="652", unit="路")
    ind.override = Override(score=D("12"), reason="经复核调整")
    got = score_project(project(ind))
    item = got.indicators[0]
    assert (item.computed_score, item.score, got.total) == (D("7.50"), D("12"), D("12"))
    assert "人工评分" in item.deductions[-1].reason


def test_reading_per_indicator_beats_project_reading():
    ind = indicator("budget_execution_rate", weight="4")
    ind.reading = "ceil"
    result = score_project(
        project(
            ind,
            funds=[fund(spend="400", arrived="400")],
            readings={"budget_execution_rate": "floor"},
        )
    )
    assert result.indicators[0].score == D("0.50")
    assert result.indicators[0].explanation.reading == "ceil"
    assert ("floor", "按整百分点：不足 1 个百分点的部分不扣分") in result.indicators[
        0
    ].explanation.alternatives


def test_an_explanation_keeps_the_numbers_it_was_scored_with():
    # Sentences are rendered on demand; editing the model afterwards must not change them.
    ind = indicator("completion_ratio", weight="10", target="100", actual="96", unit="%")
    before = score(ind)
    ind.actual = D("50")
    assert before.explanation.steps[0] == "完成值/目标值 = 96 / 100 = 0.9600"
    assert before.deductions[0].reason == "完成比例 0.9600 ＜ 1，按比例扣分"
    assert [str(i) for i in before.explanation.inputs][:2] == ["目标值 100%", "完成值 96%"]


def test_incidents_past_the_weight_list_only_what_was_taken():
    got = score(indicator("spending_compliance", weight="5", counts={"misuse": 2, "over_scope": 3}))
    assert got.score == D("0.00")
    assert [(d.reason, d.points) for d in got.deductions] == [
        ("存在挤占、挪用、虚列支出等情况：2 起，扣 4.00 分", D("4")),
        ("存在超范围补助情况：3 起，扣 3.00 分（扣完为止，实扣 1.00 分）", D("1")),
    ]
