"""Worked examples: a small project per rule, scored by the engine under every reading.

Used by ``perfeval explain`` and the rule book; the numbers are the brief's own checks where it
gives them (430/450 and 400/450 spent, 1338 of 1304 built, 96% satisfied).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..scoring.engine import IndicatorScore, score_project
from ..scoring.model import Basics, FundRow, Indicator, Project, RuleInputs
from ..scoring.ruleset import (
    ChecklistRule,
    CompletionRatioRule,
    GradedRule,
    IncidentRule,
    RuleSet,
    reading_options,
)

D = Decimal


@dataclass(frozen=True)
class WorkedExample:
    description: str
    project: Project
    indicator_id: str


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
    family = rule.family
    if family == "ceiling_rate":
        funds[0].increase = D("60.5")
        text = "预算安排 450 万元，调增 60.5 万元"
    elif family == "floor_rate":
        funds[0].actual_spend = D(400)
        text = "调整后预算 450 万元，实际支出 400 万元"
    elif family == "reference_rate":
        funds[0].actual_spend, funds[0].funds_arrived = D(430), D(400)
        text = "调整后预算 450 万元，实际支出 430 万元，实际到位 400 万元"
    elif isinstance(rule, ChecklistRule):
        indicator.inputs = RuleInputs(ticked=[item.id for item in rule.items[:-1]])
        text = "除最后一项外其余事项均满足"
    elif isinstance(rule, IncidentRule):
        indicator.inputs = RuleInputs(counts={c.id: 2 for c in rule.clauses[:2]})
        text = "前两条各发现 2 起"
    elif isinstance(rule, CompletionRatioRule):
        indicator.target, indicator.actual, indicator.unit = D(1304), D(1600), "路"
        text = "目标值 1304 路，完成值 1600 路"
    elif isinstance(rule, GradedRule):
        indicator.inputs = RuleInputs(level=list(rule.levels)[1])
        text = f"评价等级为「{list(rule.levels)[1]}」"
    else:  # pragma: no cover - every family is handled above
        text = ""
    project = Project(
        ruleset=ruleset.id,
        basics=Basics(name="示例", year=2020, unit="示例单位"),
        funds=funds,
        indicators=[indicator],
    )
    return WorkedExample(text, project, indicator.id)


def score_example(example: WorkedExample, reading: str) -> IndicatorScore:
    project = example.project.model_copy(
        update={"readings": {example.project.indicators[0].rule: reading}}
    )
    return score_project(project).by_id(example.indicator_id)


def example_under_every_reading(ruleset: RuleSet, rule_id: str) -> list[tuple[str, IndicatorScore]]:
    example = example_for(ruleset, rule_id)
    return [
        (code, score_example(example, code)) for code in reading_options(ruleset.rules[rule_id])
    ]
