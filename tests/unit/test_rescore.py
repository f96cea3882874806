"""Re-scoring one edited indicator gives exactly the full re-score, for every rule family."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from builders import COUNTY, WUXI

from perfeval_tui.project.storage import load_project
from perfeval_tui.project.workspace import Workspace
from perfeval_tui.scoring.engine import ProjectScore, score_project
from perfeval_tui.scoring.families.checklist import ChecklistRule
from perfeval_tui.scoring.families.graded import GradedRule
from perfeval_tui.scoring.families.incidents import IncidentRule
from perfeval_tui.scoring.form_checks import unfilled_count
from perfeval_tui.scoring.model import Indicator, Override, Project
from perfeval_tui.scoring.rescore import rescore_indicator
from perfeval_tui.scoring.ruleset import reading_options


def same(a: ProjectScore, b: ProjectScore) -> None:
    assert (a.total, a.raw_total, a.grade) == (b.total, b.raw_total, b.grade)
    assert unfilled_count(a) == unfilled_count(b)  # carried over by difference, or counted
    assert a.groups == b.groups
    for x, y in zip(a.indicators, b.indicators, strict=True):
        assert x.indicator is y.indicator
        assert (x.score, x.explanation.result, x.measured_rate) == (
            y.score,
            y.explanation.result,
            y.measured_rate,
        )
        assert [d.points for d in x.deductions] == [d.points for d in y.deductions]
        assert x.explanation.steps == y.explanation.steps


def edit(indicator: Indicator, project: Project, rng: random.Random) -> None:
    """One plausible change to ``indicator``, chosen by what its rule reads."""
    rule = score_project(project).ruleset.rules[indicator.rule]
    choice = rng.randrange(6)
    if choice == 0:
        top = int(indicator.weight)  # a manual score is never above the weight
        indicator.override = Override(score=Decimal(rng.randint(0, min(top, 4))), reason="复核")
    elif choice == 1:
        floor = indicator.override.score if indicator.override is not None else Decimal(0)
        weights = [w for w in ("2", "4.5", "10") if Decimal(w) >= floor]
        indicator.weight = Decimal(rng.choice(weights))
    elif choice == 2:
        indicator.reading = rng.choice(list(reading_options(rule)))
    elif isinstance(rule, ChecklistRule):
        indicator.inputs.ticked = [i.id for i in rule.items if rng.random() < 0.5]
    elif isinstance(rule, IncidentRule):
        indicator.inputs.counts = {c.id: rng.randint(0, 3) for c in rule.clauses}
    elif isinstance(rule, GradedRule):
        indicator.inputs.level = rng.choice(list(rule.levels))
    else:
        indicator.actual = Decimal(rng.randint(0, 3000))
        indicator.target = Decimal(rng.choice([0, 1, 12, 80, 100, 1304, 25000]))
        indicator.direction = rng.choice(["正向", "反向"])


@pytest.mark.parametrize("source", [WUXI, COUNTY], ids=["wuxi", "county"])
def test_one_indicator_rescore_equals_the_full_rescore(source) -> None:
    project = load_project(source)
    rng = random.Random(7)
    result = score_project(project)
    for _ in range(4):
        for indicator in project.indicators:
            edit(indicator, project, rng)
            result = rescore_indicator(result, project, indicator)
            same(result, score_project(project))


def test_the_wizard_session_rescores_through_set_field_with_the_same_result() -> None:
    workspace = Workspace(load_project(COUNTY), None)
    project = workspace.project
    for indicator in project.indicators:
        for value in ("0", "7", "1304"):
            assert workspace.edit(indicator, "actual", value).ok
            same(workspace.session.result, score_project(project))
    funds = project.funds[0]
    assert workspace.edit(funds, "actual_spend", "1").ok  # not an indicator: full re-score
    same(workspace.session.result, score_project(project))


def test_a_changed_indicator_list_falls_back_to_the_full_rescore() -> None:
    project = load_project(WUXI)
    result = score_project(project)
    moved = project.indicators.pop(0)
    project.indicators.append(moved)
    same(rescore_indicator(result, project, moved), score_project(project))


def test_the_count_of_indicators_to_fill_moves_with_a_one_indicator_rescore() -> None:
    project = load_project(WUXI)
    result = score_project(project)
    assert unfilled_count(result) == 0 and result.cached_unfilled == frozenset()
    blank = next(i for i in project.indicators if i.name == "监控建成数量")  # reads 完成值
    blank.actual = None
    result = rescore_indicator(result, project, blank)
    assert result.cached_unfilled is not None  # carried over, not counted again
    assert unfilled_count(result) == 1 == unfilled_count(score_project(project))
    blank.override = Override(score=Decimal(1), reason="复核")  # a manual score fills it
    result = rescore_indicator(result, project, blank)
    assert unfilled_count(result) == 0 == unfilled_count(score_project(project))
    blank.override = None
    blank.actual = Decimal(5)
    result = rescore_indicator(result, project, blank)
    assert unfilled_count(result) == 0
