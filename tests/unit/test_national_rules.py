"""The national rules and readings at their edges (FORMS.md §2), worked by hand from the clauses."""

from __future__ import annotations

import pytest
from builders import D, fund, indicator, project

from perfeval_tui.scoring.engine import score_project
from perfeval_tui.scoring.families.graded import judged_error
from perfeval_tui.scoring.model import BudgetLine
from perfeval_tui.scoring.ruleset import load_ruleset

NATIONAL = load_ruleset("national-2020")


def score(ind, funds=None, reading=None, block=None):
    readings = {ind.rule: reading} if reading else None
    p = project(ind, funds=funds, readings=readings, ruleset="national-2020")
    if block:
        p.budget_block = block
    return score_project(p, NATIONAL).indicators[0]


# ---------------------------------------------------------------- 预算执行率 = 分值 × min(执行率, 1)
@pytest.mark.parametrize(
    ("weight", "spend", "expected"),
    [
        ("20", "405", "18.00"),  # 90%: 20 x 90%, not 20 - 0.1 x 10
        ("5", "405", "4.50"),  # 90%: 5 x 90%, not 5 - 0.1 x 10
        ("10", "405", "9.00"),
        ("10", "450", "10.00"),
        ("20", "450", "20.00"),
        ("5", "0", "0.00"),
        ("10", "430", "9.56"),  # 95.56%
    ],
)
def test_execution_scores_weight_times_rate(weight, spend, expected):
    got = score(indicator("budget_execution", weight=weight), [fund(spend=spend, arrived=spend)])
    assert got.score == D(expected)


def test_execution_is_capped_at_the_weight():
    block = [BudgetLine(name="年度资金总额", role="总额", budget=D("100"), spend=D("120"))]
    assert score(indicator("budget_execution", weight="20"), block=block).score == D("20.00")


def test_execution_from_the_其中_rows_when_the_total_row_is_zero():
    block = [
        BudgetLine(name="年度资金总额", role="总额", budget=D(0), spend=D(0)),
        BudgetLine(name="本年财政拨款", budget=D("132.912"), spend=D("119.6208")),
    ]
    got = score(indicator("budget_execution", weight="10"), block=block)
    assert got.score == D("9.00")  # 119.6208 / 132.912 = 90%


def test_execution_explains_weight_times_rate():
    got = score(indicator("budget_execution", weight="20"), [fund(spend="405", arrived="405")])
    assert "得分 = 分值 20.00 × 预算执行率 90.00% = 18.00" in got.explanation.steps


# ---------------------------------------------------------------- ≥ / ≤ / =
def op(ind, operator):
    ind.operator = operator
    if operator in ("≤", "<"):
        ind.direction = "反向"
    return ind


@pytest.mark.parametrize(
    ("operator", "target", "actual", "reading", "expected"),
    [
        ("≥", "95", "96", None, "10.00"),  # met
        ("≥", "95", "95", None, "10.00"),  # at the target
        ("≥", "95", "76", None, "8.00"),  # below: 10 x 76/95
        ("≥", "95", "0", None, "0.00"),  # at 0
        ("≤", "5", "4", None, "10.00"),  # met
        ("≤", "5", "5", None, "10.00"),
        ("≤", "5", "8", None, "6.25"),  # exceeded: 10 x 5/8
        ("≤", "5", "0", None, "10.00"),  # actual 0 under a positive target
        ("=", "100", "100", None, "10.00"),
        ("=", "100", "120", None, "10.00"),  # reached: as ≥
        ("=", "100", "80", None, "8.00"),
        ("=", "100", "100", "deviation", "10.00"),
        ("=", "100", "120", "deviation", "8.33"),  # strict: 10 x 100/120
        ("=", "100", "80", "deviation", "8.00"),  # strict: 10 x 80/100
        ("≥", "100", "120", "deviation", "10.00"),  # strict reading touches only "="
    ],
)
def test_operators_and_the_two_equals_readings(operator, target, actual, reading, expected):
    ind = op(indicator("output", weight="10", target=target, actual=actual), operator)
    assert score(ind, reading=reading).score == D(expected)


def test_the_equals_reading_is_named_and_switchable():
    ind = op(indicator("output", weight="10", target="100", actual="120"), "=")
    got = score(ind, reading="deviation")
    assert any("偏离" in step for step in got.explanation.steps)
    # 按满意率计分 belongs to 满意度 only: an output rule offers the two "=" readings.
    assert [code for code, _ in got.explanation.alternatives] == ["reached"]
    assert got.explanation.reading_label.startswith("偏离计分")


def test_the_satisfaction_rate_reading_is_offered_only_on_satisfaction():
    from perfeval_tui.scoring.engine import ScoringError
    from perfeval_tui.scoring.ruleset import reading_options

    assert list(reading_options(NATIONAL.rules["output"])) == ["reached", "deviation"]
    assert list(reading_options(NATIONAL.rules["benefit"])) == ["reached", "deviation"]
    assert "times_rate" in reading_options(NATIONAL.rules["satisfaction"])
    ind = indicator("output", weight="10", target="90", actual="98", unit="%")
    with pytest.raises(ScoringError, match="没有口径「times_rate」"):
        score(ind, reading="times_rate")
    # A rule set cannot make it the default of a rule that is not 满意度.
    data = NATIONAL.rules["output"].model_dump()
    data["reading"] = "times_rate"
    with pytest.raises(ValueError, match="只适用于满意度指标"):
        type(NATIONAL.rules["output"]).model_validate(data)


# ---------------------------------------------------------------- 满意度
@pytest.mark.parametrize(
    ("reading", "actual", "expected"),
    [(None, "98", "20.00"), ("times_rate", "98", "19.60"), ("times_rate", "100", "20.00")],
)
def test_satisfaction_readings(reading, actual, expected):
    ind = indicator("satisfaction", weight="20", target="90", actual=actual, unit="%")
    assert score(ind, reading=reading).score == D(expected)


# ---------------------------------------------------------------- 定性: three bands, judged inside
@pytest.mark.parametrize(
    ("level", "judged", "expected", "error"),
    [
        ("达成", "10", "10.00", None),
        ("达成", "8", "8.00", None),  # 80% belongs to the top band
        ("达成", "7.99", "8.00", "[8.00, 10.00]"),
        ("部分达成", "7.99", "7.99", None),
        ("部分达成", "8", "8.00", "[6.00, 8.00)"),  # 80% is not in the middle band
        ("部分达成", "6", "6.00", None),  # 60% belongs to the middle band
        ("未达成", "5.99", "5.99", None),
        ("未达成", "0", "0.00", None),
        ("未达成", "6", "6.00", "[0.00, 6.00)"),
    ],
)
def test_qualitative_band_edges(level, judged, expected, error):
    ind = indicator("graded", weight="10", level=level, values={"judged": D(judged)})
    got = score(ind)
    message = judged_error(NATIONAL.rules["graded"], level, D(10), D(judged))
    assert got.score == D(expected)
    if error is None:
        assert message is None
    else:
        assert message is not None and error in message and "不在区间内" in message
    assert any(f"等级「{level}」得分区间" in s for s in got.explanation.steps)


def test_qualitative_without_a_judged_score_uses_the_level():
    assert score(indicator("graded", weight="10", level="达成")).score == D("10.00")
    assert score(indicator("graded", weight="10")).score == D("0.00")


# ------------------------------------------- readings offered only where they apply to the rule
def test_the_proportional_execution_rule_offers_no_per_percent_readings(capsys):
    from perfeval_tui.cli import main
    from perfeval_tui.commands.common import CommandError, apply_reading
    from perfeval_tui.scoring.ruleset import reading_options

    national = NATIONAL.rules["budget_execution"]
    assert list(reading_options(national)) == ["continuous"]
    wuxi = load_ruleset("wuxi-2021").rules["budget_execution_rate"]
    assert list(reading_options(wuxi)) == ["continuous", "floor", "ceil"]

    got = score(indicator("budget_execution", weight="20"), [fund(spend="405", arrived="405")])
    assert got.explanation.alternatives == ()
    assert got.explanation.reading_label.startswith("按比例计分")

    p = project(indicator("budget_execution", weight="20"), ruleset="national-2020")
    with pytest.raises(CommandError, match="没有口径「floor」"):
        apply_reading(p, "budget_execution=floor")

    assert main(["explain", "budget_execution", "--ruleset", "national-2020"]) == 0
    shown = capsys.readouterr().out
    assert "按比例计分【默认】" in shown
    for other in ("按整百分点", "按起算百分点", "连续计算", "--reading"):
        assert other not in shown


def test_execution_from_the_budget_block_is_explained_in_the_forms_words():
    block = [BudgetLine(name="年度资金总额", role="总额", budget=D("132.912"), spend=D("119.6208"))]
    got = score(indicator("budget_execution", weight="10"), block=block)
    assert [str(i) for i in got.explanation.inputs] == [
        "全年执行数 119.6208万元",
        "全年预算数 132.912万元",
    ]
    assert "预算执行率 = 全年执行数 119.6208 / 全年预算数 132.912 = 90.00%" in got.explanation.steps
    empty = [BudgetLine(name="年度资金总额", role="总额")]
    got = score(indicator("budget_execution", weight="10"), block=empty)
    assert got.deductions[0].reason == "全年预算数为 0，无法计算预算执行率"
