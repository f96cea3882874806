"""A 目标值 or 完成值 typed without a number makes the indicator 定性, as the importer reads a form.

``按时完成`` typed as a target moves the indicator to the rule set's qualitative rule (定性指标),
whose 评价等级 the clerk then picks; an actual that says the target was reached (完成, 已完成,
达成预期, 是, or the target's own words) picks the top band for them.
"""

from __future__ import annotations

from .families import family_of
from .families.graded import GradedRule
from .inputs_check import known_inputs
from .model import Indicator
from .ruleset import RuleSet
from .targets import normalise, parse_target, words_only


def qualitative_rule(ruleset: RuleSet, indicator: Indicator) -> str | None:
    """The rule id a 定性 text scores ``indicator`` by: its own if already qualitative, else the
    rule set's (``graded`` first); None when the rule set has none for its group."""
    if isinstance(ruleset.rules.get(indicator.rule), GradedRule):
        return indicator.rule
    usable = ruleset.rules_for(indicator.levels)
    graded = [rid for rid in usable if isinstance(ruleset.rules[rid], GradedRule)]
    if "graded" in graded:
        return "graded"
    return graded[0] if graded else None


def top_level(rule: GradedRule) -> str | None:
    """The band an actual that reached its target reads as: 达成, or the highest coefficient."""
    if "达成" in rule.levels:
        return "达成"
    return max(rule.levels, key=lambda name: rule.levels[name]) if rule.levels else None


def reached(target_text: str, actual_text: str) -> bool:
    """The actual says the target was reached: a completed word, or the target's own words."""
    actual = parse_target(actual_text)
    if actual.blank:
        return False
    return actual.completed or normalise(actual_text) == normalise(target_text)


def qualitative_updates(
    ruleset: RuleSet, indicator: Indicator, field: str, text: str
) -> dict[str, object]:
    """The rule and 评价等级 to set when ``text`` is typed in 目标值/完成值 (``field``); empty
    when the text has a number, or the indicator's rule reads the budget table."""
    if field not in ("target", "actual") or not words_only(text):
        return {}
    current = ruleset.rules.get(indicator.rule)
    if current is not None and family_of(current).reads_budget:
        return {}
    rule_id = qualitative_rule(ruleset, indicator)
    if rule_id is None:
        return {}
    rule = ruleset.rules[rule_id]
    assert isinstance(rule, GradedRule)
    updates: dict[str, object] = {}
    inputs = indicator.inputs
    if rule_id != indicator.rule:
        updates["rule"] = rule_id
        inputs = known_inputs(rule, inputs)  # ticks and counts of the old rule do not carry over
    target_text = text if field == "target" else indicator.target_label
    actual_text = text if field == "actual" else indicator.actual_label
    top = top_level(rule)
    if inputs.level is None and top is not None and reached(target_text, actual_text):
        inputs = inputs.model_copy(update={"level": top})
    if inputs is not indicator.inputs:
        updates["inputs"] = inputs
    return updates
