"""A keystroke's incremental result equals a full re-score and a full check, after any edits.

Random sequences of edits go through the wizard's own path (``Workspace.edit``): values typed
into 完成值/目标值/权重, ticks, counts, levels, readings, manual scores, a rule switched to any rule
of the rule set (so every rule family is reached), 附表1 and district amounts, and now and then
an indicator renamed or a row added. After each edit the session's score, its data warnings and
the score bar's effect must equal what the engine and the checks give from scratch.
"""

from __future__ import annotations

from decimal import Decimal

from builders import COUNTY, WUXI
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perfeval_tui.project.session import EditOutcome, score_changes
from perfeval_tui.project.storage import load_project
from perfeval_tui.project.workspace import Workspace
from perfeval_tui.scoring.checks import check_project
from perfeval_tui.scoring.engine import ProjectScore, score_project
from perfeval_tui.scoring.families import all_families
from perfeval_tui.scoring.families.checklist import ChecklistRule
from perfeval_tui.scoring.families.graded import GradedRule
from perfeval_tui.scoring.families.incidents import IncidentRule
from perfeval_tui.scoring.model import Indicator, Override
from perfeval_tui.scoring.ruleset import load_ruleset, reading_options

KINDS = (
    "actual",
    "target",
    "weight",
    "ticks",
    "counts",
    "level",
    "reading",
    "override",
    "rule",
    "unit",
    "fund",
    "district",
    "rename",
    "add",
)
NUMBERS = st.sampled_from(["0", "1", "7", "12.5", "80", "96%", "221", "1083", "1304", "", "x"])
EDITS = st.lists(
    st.tuples(st.sampled_from(KINDS), st.integers(0, 10_000), NUMBERS), min_size=1, max_size=25
)


def same(a: ProjectScore, b: ProjectScore) -> None:
    assert (a.total, a.raw_total, a.grade) == (b.total, b.raw_total, b.grade)
    assert a.groups == b.groups
    assert len(a.indicators) == len(b.indicators)
    for x, y in zip(a.indicators, b.indicators, strict=True):
        assert x.indicator is y.indicator
        assert (x.score, x.explanation.result, x.measured_rate) == (
            y.score,
            y.explanation.result,
            y.measured_rate,
        )
        assert x.explanation.steps == y.explanation.steps
    for item in b.indicators:
        assert a.by_id(item.id).indicator is b.by_id(item.id).indicator


def apply(workspace: Workspace, kind: str, pick: int, text: str) -> EditOutcome | None:
    project = workspace.project
    ruleset = workspace.session.ruleset
    indicator = project.indicators[pick % len(project.indicators)]
    rule = ruleset.rules[indicator.rule]
    if pick % 3 == 0:
        workspace.begin_field()  # focus moved: the score bar measures from here
    if kind in ("actual", "target", "weight"):
        return workspace.edit(indicator, kind, text)
    elif kind == "unit":
        return workspace.edit(indicator, "unit", text if text != "x" else "路")
    elif kind == "ticks" and isinstance(rule, ChecklistRule):
        ticked = [item.id for n, item in enumerate(rule.items) if (pick >> n) & 1]
        return workspace.edit(indicator.inputs, "ticked", ticked)
    elif kind == "counts" and isinstance(rule, IncidentRule):
        counts = {c.id: (pick >> (2 * n)) & 3 for n, c in enumerate(rule.clauses)}
        return workspace.edit(indicator.inputs, "counts", counts)
    elif kind == "level" and isinstance(rule, GradedRule):
        levels = list(rule.levels)
        return workspace.edit(indicator.inputs, "level", levels[pick % len(levels)])
    elif kind == "reading":
        options = [None, *reading_options(rule)]
        return workspace.edit(indicator, "reading", options[pick % len(options)])
    elif kind == "override":
        value = None if pick % 2 else Override(score=Decimal(pick % 5), reason="复核")
        return workspace.edit(indicator, "override", value)
    elif kind == "rule" and indicator.reading is None:
        rules = list(ruleset.rules)
        return workspace.edit(indicator, "rule", rules[pick % len(rules)])
    elif kind == "fund" and project.funds:
        return workspace.edit(project.funds[pick % len(project.funds)], "actual_spend", text)
    elif kind == "district" and project.districts:
        return workspace.edit(project.districts[pick % len(project.districts)], "carryover", text)
    elif kind == "rename":
        levels = [*indicator.levels[:-1], f"{indicator.name}{pick % 7}"]
        return workspace.edit(indicator, "levels", levels)
    elif kind == "add":
        copy = Indicator(levels=[*indicator.levels[:-1], f"新增{pick}"], weight="1", rule="graded")
        return workspace.restructure(lambda p: p.indicators.insert(pick % len(p.indicators), copy))
    return None


def check_sequence(source, edits: list[tuple[str, int, str]]) -> None:
    workspace = Workspace(load_project(source), None)
    project = workspace.project
    workspace.begin_field()
    for kind, pick, text in edits:
        outcome = apply(workspace, kind, pick, text)
        same(workspace.session.result, score_project(project))
        assert workspace.session.warnings == check_project(project)
        if outcome is not None and outcome.ok and kind != "add":
            assert workspace.effect == score_changes(workspace.baseline, workspace.session.result)


@settings(
    max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(edits=EDITS)
def test_wuxi_edits_keep_the_incremental_result_equal_to_the_full_one(edits) -> None:
    check_sequence(WUXI, edits)


@settings(
    max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(edits=EDITS)
def test_county_edits_keep_the_incremental_result_equal_to_the_full_one(edits) -> None:
    check_sequence(COUNTY, edits)


def test_the_rule_switch_reaches_every_rule_family() -> None:
    ruleset = load_ruleset(load_project(WUXI).ruleset)
    # Every family but the national form's own (scored in tests/unit/test_national_rules.py).
    families = {family.id for family in all_families()} - {"national_completion"}
    assert {rule.family for rule in ruleset.rules.values()} == families


def test_a_weight_typed_moves_the_weight_warnings_and_a_target_the_linked_goal_warning() -> None:
    workspace = Workspace(load_project(WUXI), None)
    project = workspace.project
    before = list(workspace.session.warnings)
    part = next(i for i in project.indicators if i.part_of)
    assert workspace.edit(part, "target", "5").ok
    linked = [w for w in workspace.session.warnings if w not in before]
    linked = [w for w in linked if w.table == "附表2"]
    assert [w.field for w in linked] == ["目标值"]
    assert "明细目标目标值" in linked[0].message
    satisfaction = next(i for i in project.indicators if i.rule == "satisfaction")
    assert workspace.edit(satisfaction, "weight", "9").ok
    weights = {w.row for w in workspace.session.warnings if w.field == "权重"}
    assert {"总分", "社会满意度"} <= weights
    assert workspace.session.warnings == check_project(project)


def test_a_refused_manual_score_leaves_the_indicator_as_it_was() -> None:
    """Found by the edit sequences above: a new indicator (weight 0) given a manual score of 4."""
    check_sequence(WUXI, [("add", 242, "0"), ("override", 1054, "0")])
    workspace = Workspace(load_project(WUXI), None)
    indicator = workspace.project.indicator("satisfaction")
    outcome = workspace.edit(indicator, "override", Override(score=Decimal(20), reason="复核"))
    assert not outcome.ok and "超过权重" in (outcome.error or "")
    assert indicator.override is None


def test_a_stated_score_typed_and_cleared_brings_the_form_checks_and_takes_them_away() -> None:
    workspace = Workspace(load_project(WUXI), None)
    project = workspace.project
    indicator = next(i for i in project.indicators if i.name == "监控建成数量")
    assert not [w for w in workspace.session.warnings if "自评得分" in w.message]
    workspace.begin_field()
    assert workspace.edit(indicator, "stated_score", "3").ok  # the rules give 15.00
    assert workspace.session.warnings == check_project(project)
    assert [w for w in workspace.session.warnings if "自评得分" in w.message]
    assert workspace.edit(indicator, "stated_score", "15").ok
    assert workspace.session.warnings == check_project(project)
    assert workspace.edit(indicator, "stated_score", None).ok
    assert workspace.session.warnings == check_project(project)
    assert not [w for w in workspace.session.warnings if "自评得分" in w.message]
