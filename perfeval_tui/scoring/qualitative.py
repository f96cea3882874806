"""A 目标值 or 完成值 typed without a number makes the indicator 定性, as the importer reads a form.

``按时完成`` typed as a target moves the indicator to the rule set's qualitative rule (定性指标),
whose 评价等级 the clerk then picks; an actual that says the target was reached (完成, 已完成,
达成预期, 是, or the target's own words) picks the top band for them.
"""

from __future__ import annotations

from .families import family_of
from .families.graded import GradedRule
from .inputs_check import known_inputs
from .model import Indicator, RuleInputs
from .ruleset import RuleSet
from .targets import normalise, parse_target, words_only


def qualitative_rule(ruleset: RuleSet, levels: list[str], rule_id: str) -> str | None:
    """The rule id a 定性 text scores an indicator under ``levels`` by: its own ``rule_id`` if
    already qualitative, else the rule set's (``graded`` first); None when it has none there."""
    if isinstance(ruleset.rules.get(rule_id), GradedRule):
        return rule_id
    usable = ruleset.rules_for(levels)
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
    ruleset: RuleSet,
    indicator: Indicator,
    field: str,
    text: str,
    *,
    began: tuple[str, RuleInputs] | None = None,
) -> dict[str, object]:
    """The rule and inputs (评价等级) to set when ``text`` is typed in 目标值/完成值 (``field``);
    empty when the text has a number, or the indicator's rule reads the budget table.

    ``began``: the rule and inputs the edit began with (a text typed key by key counts from
    them, not from what ``按时`` on the way set). Both are always given for a 定性 text, so that
    nothing of them is put back as left alone by it.
    """
    rule_id, inputs = began or (indicator.rule, indicator.inputs)
    if field not in ("target", "actual") or not words_only(text):
        return {}
    current = ruleset.rules.get(rule_id)
    if current is not None and family_of(current).reads_budget:
        return {}
    qualitative = qualitative_rule(ruleset, indicator.levels, rule_id)
    if qualitative is None:
        return {}
    rule = ruleset.rules[qualitative]
    assert isinstance(rule, GradedRule)
    if qualitative != rule_id:
        inputs = known_inputs(rule, inputs)  # ticks and counts of the old rule do not carry over
    target_text = text if field == "target" else indicator.target_label
    actual_text = text if field == "actual" else indicator.actual_label
    top = top_level(rule)
    if inputs.level is None and top is not None and reached(target_text, actual_text):
        inputs = inputs.model_copy(update={"level": top})
    return {"rule": qualitative, "inputs": inputs}
