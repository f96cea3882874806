"""New projects: the rule set's fixed indicators (e.g. Wuxi's 共性指标) filled in, ready to edit."""

from __future__ import annotations

from decimal import Decimal

from ..scoring.families import family_of
from ..scoring.model import Basics, Indicator, Project, RuleInputs
from ..scoring.ruleset import DEFAULT_RULESET, RuleSet, load_ruleset


def indicator_from_template(ruleset: RuleSet, template_id: str) -> Indicator:
    template = next(t for t in ruleset.templates if t.id == template_id)
    rule = ruleset.rules[template.rule]
    # A new checklist starts with every item met: the usual case, and the user unticks exceptions.
    ticked = [spec.key for spec in family_of(rule).inputs(rule) if spec.kind == "tick"]
    return Indicator(
        id=template.id,
        levels=list(template.levels),
        weight=template.weight,
        rule=template.rule,
        unit=template.unit,
        target=template.target,
        target_label=template.target_label,
        actual_label=template.actual_label,
        explanation_text=rule.explanation,
        criteria_text=rule.clause,
        inputs=RuleInputs(ticked=ticked),
    )


def new_project(name: str, year: int, unit: str, ruleset_id: str = DEFAULT_RULESET) -> Project:
    ruleset = load_ruleset(ruleset_id)
    return Project(
        ruleset=ruleset_id,
        basics=Basics(name=name, year=year, unit=unit),
        skeleton=[list(path) for path in ruleset.skeleton],
        indicators=[indicator_from_template(ruleset, t.id) for t in ruleset.templates],
    )


def new_indicator(ruleset: RuleSet, levels: list[str], weight: Decimal = Decimal(0)) -> Indicator:
    """A blank 个性指标 scored by the rule set's default rule."""
    rule = ruleset.rules[ruleset.default_rule]
    return Indicator(
        levels=levels,
        weight=weight,
        rule=rule.id,
        explanation_text="",
        criteria_text=rule.clause,
    )
