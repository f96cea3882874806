"""Properties that hold for any input, checked with hypothesis."""

from __future__ import annotations

import json
from decimal import Decimal

from builders import fund, indicator, project
from hypothesis import given, settings
from hypothesis import strategies as st

from perfeval_tui.project.storage import parse_project, project_json
from perfeval_tui.scoring.engine import score_project
from perfeval_tui.scoring.model import Indicator, RuleInputs
from perfeval_tui.scoring.ruleset import load_ruleset, reading_options
from perfeval_tui.scoring.text import first_problem

WUXI = load_ruleset("wuxi-2021")
money = st.decimals(min_value=0, max_value=100000, places=2, allow_nan=False, allow_infinity=False)
value = st.decimals(min_value=0, max_value=50000, places=2, allow_nan=False, allow_infinity=False)
weights = st.decimals(min_value=0, max_value=20, places=1, allow_nan=False, allow_infinity=False)


@st.composite
def scored_indicator(draw, *, uncapped_allowed: bool = True) -> Indicator:
    rule_id = draw(st.sampled_from(sorted(WUXI.rules)))
    rule = WUXI.rules[rule_id]
    inputs = RuleInputs()
    if rule.family == "checklist":
        inputs = RuleInputs(
            ticked=draw(st.lists(st.sampled_from([i.id for i in rule.items]), unique=True))
        )
    elif rule.family == "incidents":
        clauses = [c for c in rule.clauses if uncapped_allowed or not c.uncapped]
        inputs = RuleInputs(
            counts=draw(
                st.dictionaries(st.sampled_from([c.id for c in clauses]), st.integers(0, 6))
            )
        )
    elif rule.family == "graded":
        inputs = RuleInputs(level=draw(st.sampled_from([*rule.levels, None])))
    ind = indicator(
        rule_id,
        weight=str(draw(weights)),
        target=str(draw(value)),
        actual=str(draw(value)),
        unit=draw(st.sampled_from(["", "%", "路"])),
        direction=draw(st.sampled_from(["正向", "反向"])),
    )
    ind.inputs = inputs
    ind.reading = draw(st.sampled_from(sorted(reading_options(rule))))
    return ind


@st.composite
def fund_rows(draw):
    budget = draw(money)
    return fund(
        budget=str(budget),
        increase=str(draw(money)),
        decrease=str(draw(st.decimals(min_value=0, max_value=budget, places=2))),
        spend=str(draw(money)),
        arrived=str(draw(money)),
    )


@settings(max_examples=300, deadline=None)
@given(scored_indicator(uncapped_allowed=False), fund_rows())
def test_score_stays_within_zero_and_weight(ind, row):
    item = score_project(project(ind, funds=[row])).indicators[0]
    assert Decimal(0) <= item.score <= item.weight
    assert item.score == item.score.quantize(Decimal("0.01"))
    assert sum((d.points for d in item.deductions), Decimal(0)) == item.weight - item.score


@settings(max_examples=200, deadline=None)
@given(
    st.decimals(min_value="0.01", max_value=50000, places=2),
    st.decimals(min_value=0, max_value=1, places=4),
    st.decimals(min_value=0, max_value=1, places=4),
    st.sampled_from(["", "%", "路"]),
)
def test_score_never_decreases_as_actual_rises_below_target(target, f1, f2, unit):
    low, high = sorted((target * f1, target * f2))
    scores = []
    for actual in (low, high):
        ind = indicator(
            "completion_ratio",
            weight="15",
            target=str(target),
            actual=str(actual.quantize(Decimal("0.0001"))),
            unit=unit,
        )
        scores.append(score_project(project(ind)).indicators[0].score)
    assert scores[0] <= scores[1]


@settings(max_examples=100, deadline=None)
@given(st.lists(scored_indicator(), min_size=1, max_size=8), fund_rows())
def test_total_is_the_bounded_sum_of_indicator_scores(inds, row):
    for number, ind in enumerate(inds):
        ind.id = f"i{number}"
    result = score_project(project(*inds, funds=[row]))
    assert result.raw_total == sum((i.score for i in result.indicators), Decimal(0))
    assert result.total == min(max(result.raw_total, Decimal(0)), Decimal(100))
    assert result.grade == WUXI.grade(result.total)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(scored_indicator(), max_size=6),
    st.lists(fund_rows(), max_size=3),
    st.text(min_size=1, max_size=20).filter(lambda s: s.strip() and first_problem(s) is None),
)
def test_json_round_trip_gives_an_equal_model(inds, rows, name):
    for number, ind in enumerate(inds):
        ind.id = f"i{number}"
    for number, row in enumerate(rows):
        row.id = f"f{number}"
    original = project(*inds, funds=rows)
    original.basics.name = name.strip()
    again = parse_project(json.loads(project_json(original)))
    assert again == original
