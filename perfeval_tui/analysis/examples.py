"""Worked examples: a small project per rule, scored by the engine under every reading.

Used by ``perfeval explain`` and the rule book; the numbers are the brief's own checks where it
gives them (430/450 and 400/450 spent, 1338 of 1304 built, 96% satisfied).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..scoring.engine import IndicatorScore, score_project
from ..scoring.families import ExampleCase, family_of
from ..scoring.model import Basics, FundRow, Indicator, Project
from ..scoring.ruleset import RuleSet, reading_options

D = Decimal


@dataclass(frozen=True)
class WorkedExample:
    description: str
    project: Project
    indicator_id: str
    ruleset: RuleSet | None = None  # None: the project's own rule set, by id


def example_for(ruleset: RuleSet, rule_id: str) -> WorkedExample:
    rule = ruleset.rules[rule_id]
    template = next((t for t in ruleset.templates if t.rule == rule_id), None)
    weight = template.weight if template else D(10)
    levels = list(template.levels) if template else ["示例", rule.name]
    funds = [
        FundRow(
            id="example", name="示例专项", budget=D(450), actual_spend=D(450), funds_arrived=D(450)
        )
    ]
    indicator = Indicator(id="example", levels=levels, weight=weight, rule=rule_id)
    text = family_of(rule).worked_example(rule, ExampleCase(indicator, funds[0]))
    project = Project(
        ruleset=ruleset.id,
        basics=Basics(name="示例", year=2020, unit="示例单位"),
        funds=funds,
        indicators=[indicator],
    )
    return WorkedExample(text, project, indicator.id, ruleset)


def score_example(example: WorkedExample, reading: str) -> IndicatorScore:
    project = example.project.model_copy(
        update={"readings": {example.project.indicators[0].rule: reading}}
    )
    return score_project(project, example.ruleset).by_id(example.indicator_id)


def example_under_every_reading(ruleset: RuleSet, rule_id: str) -> list[tuple[str, IndicatorScore]]:
    example = example_for(ruleset, rule_id)
    return [
        (code, score_example(example, code)) for code in reading_options(ruleset.rules[rule_id])
    ]
