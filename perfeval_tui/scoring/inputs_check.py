"""Rule inputs read from a file must name the rule's own checklist items and clauses.

A typo (``"misues": 3``) or a ticked item the rule does not have would otherwise be dropped in
silence and the indicator scored as if nothing had been found.
"""

from __future__ import annotations

from .engine import ScoringError
from .families import RuleBase, family_of
from .model import Indicator, Project, RuleInputs
from .ruleset import RuleSet

AnyRule = RuleBase


def _keys(rule: RuleBase, kind: str) -> list[str]:
    """The input keys of ``kind`` (``tick``: checklist items, ``count``: incident clauses) that
    the rule's family reads, from its input spec."""
    return [spec.key for spec in family_of(rule).inputs(rule) if spec.kind == kind]


def _item_ids(rule: RuleBase) -> list[str]:
    return _keys(rule, "tick")


def _clause_ids(rule: RuleBase) -> list[str]:
    return _keys(rule, "count")


def unknown_inputs(rule: AnyRule, inputs: RuleInputs) -> tuple[list[str], list[str]]:
    """(ticked ids, count keys) that ``rule`` does not have."""
    items, clauses = set(_item_ids(rule)), set(_clause_ids(rule))
    return (
        [tick for tick in inputs.ticked if tick not in items],
        [key for key in inputs.counts if key not in clauses],
    )


def known_inputs(rule: AnyRule, inputs: RuleInputs) -> RuleInputs:
    """``inputs`` without what ``rule`` does not have (used when an indicator changes rule)."""
    bad_ticks, bad_counts = unknown_inputs(rule, inputs)
    if not bad_ticks and not bad_counts:
        return inputs
    return inputs.model_copy(
        update={
            "ticked": [t for t in inputs.ticked if t not in bad_ticks],
            "counts": {k: v for k, v in inputs.counts.items() if k not in bad_counts},
        }
    )


def check_rule_inputs(project: Project, ruleset: RuleSet) -> None:
    """Raise :class:`ScoringError` naming the indicator and the key the rule does not have."""
    for number, indicator in enumerate(project.indicators, start=1):
        rule = ruleset.rules.get(indicator.rule)
        if rule is None:
            continue  # the engine names the unknown rule
        bad_ticks, bad_counts = unknown_inputs(rule, indicator.inputs)
        if bad_ticks:
            raise ScoringError(
                _message(number, indicator, "已勾选事项", bad_ticks[0], _item_ids(rule))
            )
        if bad_counts:
            raise ScoringError(
                _message(number, indicator, "发现次数", bad_counts[0], _clause_ids(rule))
            )


def _message(number: int, indicator: Indicator, field: str, key: str, known: list[str]) -> str:
    where = f"附表2 第 {number} 行「{indicator.name}」的{field}"
    if known:
        return f"{where}中的「{key}」不是该指标评分规则的事项，可用：{'、'.join(known)}。请检查拼写"
    return f"{where}中的「{key}」用不上：该指标的评分规则没有{field}。请删除此项"
