"""The rule-family registry: every family declares every part, and a family registered from
outside the package works through every surface with no other module changed."""

from __future__ import annotations

import io
import json
import random
from decimal import Decimal
from pathlib import Path

import pytest

from perfeval_tui.analysis.curve import score_curve
from perfeval_tui.analysis.examples import example_for, example_under_every_reading
from perfeval_tui.analysis.quiz import QuizResult, check_answer, generate, summarize
from perfeval_tui.analysis.seek import seek_indicator
from perfeval_tui.analysis.whatif import Sandbox
from perfeval_tui.plain.editing import Editor
from perfeval_tui.plain.indicators import IndicatorStep
from perfeval_tui.plain.prompts import LinePrompter
from perfeval_tui.project.session import EditSession
from perfeval_tui.project.storage import load_project
from perfeval_tui.scoring.completeness import missing_items
from perfeval_tui.scoring.engine import score_project
from perfeval_tui.scoring.families import (
    QuizCase,
    RuleFamily,
    all_families,
    get,
    read_input,
)
from perfeval_tui.scoring.model import FundRow, Indicator
from perfeval_tui.scoring.ruleset import RuleSet, available_rulesets, load_ruleset
from tests.toy_family import TOY, registered_toy, toy_project_file, toy_ruleset_file

D = Decimal
PARTS = (
    "score",
    "inputs",
    "missing",
    "describe",
    "worked_example",
    "quiz_scenario",
)


@pytest.fixture
def toy():
    with registered_toy() as family:
        yield family


def _rules():
    for ruleset_id in available_rulesets():
        ruleset = load_ruleset(ruleset_id)
        for rule in ruleset.rules.values():
            yield ruleset, rule


def test_every_registered_family_declares_every_part() -> None:
    families = all_families()
    assert [f.id for f in families] == [
        "ceiling_rate",
        "floor_rate",
        "reference_rate",
        "checklist",
        "incidents",
        "completion_ratio",
        "national_completion",
        "graded",
    ]
    for family in families:
        assert isinstance(family, RuleFamily)
        assert family.label and not family.label.isascii()  # a Chinese name
        assert family.rule_model.model_fields["family"].default == family.id
        assert family.readings and all(not name.isascii() for name in family.readings.values())
        assert family.rule_model.model_fields["reading"].default in family.readings
        for part in PARTS:
            assert callable(getattr(family, part)), (family.id, part)
        # seek and curve are a function or an explicit None ("no inverse", "no curve")
        assert family.seek is None or callable(family.seek)
        assert family.curve is None or callable(family.curve)


def test_every_rule_of_every_packaged_rule_set_has_inputs_an_example_and_a_quiz_case() -> None:
    for ruleset, rule in _rules():
        family = get(rule.family)
        specs = family.inputs(rule)
        assert all(spec.label and not spec.label.isascii() for spec in specs), rule.id
        example = example_for(ruleset, rule.id)
        assert example.description, rule.id  # never an empty worked example
        indicator = Indicator(levels=["a", "b"], weight=D(10), rule=rule.id)
        case = QuizCase(indicator, FundRow(name="x", budget=D(500)), D(10), satisfaction=False)
        assert family.quiz_scenario(random.Random(3), rule, case)
        for spec in specs:
            read_input(indicator, spec, case.fund)  # every input can be read back


def test_a_rule_set_validates_through_the_registry(tmp_path: Path, toy) -> None:
    ruleset = load_ruleset(str(toy_ruleset_file(tmp_path)))
    assert type(ruleset.rules["judged"]).__name__ == "ToyRule"
    schema = json.dumps(RuleSet.model_json_schema(), ensure_ascii=False)
    assert TOY in schema and "completion_ratio" in schema


def test_an_unregistered_family_is_refused_by_name(tmp_path: Path) -> None:
    path = toy_ruleset_file(tmp_path)
    from perfeval_tui.scoring.ruleset import RuleSetFileError

    with pytest.raises(RuleSetFileError, match="rules.judged.*评分规则类型"):
        load_ruleset(str(path))
    assert TOY not in json.dumps(RuleSet.model_json_schema())


def test_the_toy_family_is_scored_explained_and_checked_for_completeness(
    tmp_path: Path, toy
) -> None:
    project = load_project(toy_project_file(tmp_path))
    result = score_project(project)
    item = result.by_id("expert")
    assert item.score == D("3.00")
    assert item.explanation.reading_label == "按评定分：得分即评定分"
    assert item.explanation.steps == ("得分 = 评定分 3 = 3.00",)
    assert [d.reason for d in item.deductions] == ["评定分为 3 分"]
    assert result.raw_total == D("99.60") + D(3)  # the seed's 99.60 plus 3 of 5
    assert result.total == D(100)  # bounded by the rule set's total weight
    project.indicator("expert").inputs.values.clear()
    assert "附表2「专家评定」评定分未填写" in missing_items(score_project(project), project)
    worked = example_under_every_reading(result.ruleset, "judged")
    assert [(code, s.score) for code, s in worked] == [
        ("as_judged", D("7.00")),
        ("halved", D("3.50")),
    ]


def test_the_toy_family_is_quizzed(tmp_path: Path, toy) -> None:
    ruleset = load_ruleset(str(toy_ruleset_file(tmp_path)))
    scenarios = generate(seed=5, rounds=16, ruleset=ruleset)
    mine = [s for s in scenarios if s.family == TOY]
    assert mine, "every family of the rule set is asked before any repeats"
    for scenario in mine:
        judged = scenario.indicator.inputs.values["judged"]
        expected = min(judged, scenario.indicator.weight)
        if scenario.explanation.reading == "halved":
            expected /= 2
        assert scenario.expected == expected
        assert "已知：评定分" in "\n".join(scenario.question_lines())
        assert check_answer(scenario, str(expected)).correct
    summary = summarize([QuizResult(s, check_answer(s, "0")) for s in mine])
    assert [(x.family, x.label) for x in summary] == [(TOY, "评定计分")]


def test_the_toy_family_is_sought_simulated_and_drawn(tmp_path: Path, toy) -> None:
    project = load_project(toy_project_file(tmp_path))
    seek = seek_indicator(project, "专家评定", D(4))
    assert [(a.summary, a.score) for a in seek.answers] == [("评定分改为 4 分", D("4.00"))]
    assert [s.assignment for s in seek.answers[0].settings] == ["专家评定.judged=4"]
    sandbox = Sandbox(project, load_ruleset(project.ruleset))
    sandbox.set("专家评定.judged", "4.5")
    assert sandbox.result.by_id("expert").score == D("4.50")
    curve = score_curve(project, "expert")
    assert curve.x_label == "评定分"
    assert [(p.x, p.score) for p in curve.points if p.x in (0, 2, 5)] == [
        (D(0), D(0)),
        (D(2), D("2.00")),
        (D(5), D("5.00")),
    ]
    assert curve.current is not None and curve.current.x == D(3)


def test_plain_mode_asks_for_the_toy_familys_inputs(tmp_path: Path, toy) -> None:
    path = toy_project_file(tmp_path)
    session = EditSession(load_project(path), path)
    out = io.StringIO()
    ask = LinePrompter(io.StringIO("8\n"), out)
    step = IndicatorStep(Editor(session, ask), ask)
    step.edit_values(session.project.indicator("expert"))
    assert "评定分" in out.getvalue()
    assert "得分 5.00/5.00" in out.getvalue()  # 8 judged, capped at the weight
    assert load_project(path).indicator("expert").inputs.values == {"judged": D(8)}
