"""The scoring engine: a project and its rule set in, every score with its explanation out.

Pure Python (no textual, questionary or openpyxl). Every number any surface shows comes from
:func:`score_project`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from .budget import BudgetTable, DistrictTable, budget_table, district_table
from .budget_block import block_table
from .cross_year import score_cross_year
from .explanation import Deduction, Explanation
from .families import RuleBase, ScoringContext, registry
from .model import Indicator, Project
from .numbers import fmt_percent, fmt_plain
from .ruleset import RuleSet, load_ruleset, reading_options

ZERO = Decimal(0)
AnyRule = RuleBase


def reads_budget(family: str) -> bool:
    """The rule's 完成值 is a rate read from 附表1 (shown in place of a typed 完成值)."""
    return registry.get(family).reads_budget


class ScoringError(ValueError):
    """A project that cannot be scored (unknown rule, unknown reading); the message is Chinese."""


class IndicatorScore(NamedTuple):
    indicator: Indicator
    explanation: Explanation
    score: Decimal
    # For the rate rules, the rate read from 附表1 (shown as the 完成值); None otherwise.
    measured_rate: Decimal | None = None

    @property
    def target_display(self) -> str:
        ind = self.indicator
        if ind.target_label:
            return ind.target_label
        return "" if ind.target is None else f"{fmt_plain(ind.target)}{ind.unit}"

    @property
    def actual_display(self) -> str:
        ind = self.indicator
        if reads_budget(self.explanation.family):
            return "" if self.measured_rate is None else fmt_percent(self.measured_rate)
        if ind.actual_label:
            return ind.actual_label
        return "" if ind.actual is None else f"{fmt_plain(ind.actual)}{ind.unit}"

    @property
    def id(self) -> str:
        return self.indicator.id

    @property
    def name(self) -> str:
        return self.indicator.name

    @property
    def levels(self) -> tuple[str, ...]:
        return tuple(self.indicator.levels)

    @property
    def weight(self) -> Decimal:
        return self.indicator.weight

    @property
    def computed_score(self) -> Decimal:
        return self.explanation.result

    @property
    def overridden(self) -> bool:
        return self.indicator.override is not None

    @property
    def lost(self) -> Decimal:
        return self.weight - self.score

    @property
    def deductions(self) -> tuple[Deduction, ...]:
        if self.indicator.override is not None:
            change = self.computed_score - self.score
            if change:
                reason = f"人工评分 {fmt_plain(self.score)}（{self.indicator.override.reason}）"
                return (*self.explanation.deductions, Deduction(reason, change))
        return self.explanation.deductions


@dataclass(frozen=True, slots=True)
class GroupScore:
    """A subtotal over every indicator whose levels start with ``path``."""

    path: tuple[str, ...]
    weight: Decimal
    score: Decimal


@dataclass(frozen=True, slots=True)
class ProjectScore:
    ruleset: RuleSet
    indicators: tuple[IndicatorScore, ...]
    groups: tuple[GroupScore, ...]
    raw_total: Decimal
    total: Decimal
    grade: str
    budget: BudgetTable
    districts: DistrictTable
    # The national budget block (年度资金总额 and its 其中 rows) as computed, when the project has one.
    block: BudgetTable | None = None

    def by_id(self, indicator_id: str) -> IndicatorScore:
        for item in self.indicators:
            if item.id == indicator_id:
                return item
        raise KeyError(indicator_id)

    def group(self, *path: str) -> GroupScore:
        for item in self.groups:
            if item.path == path:
                return item
        raise KeyError(path)

    def deductions_by_size(self) -> list[tuple[IndicatorScore, Deduction]]:
        """Every deduction of every indicator, largest first (ties keep table order)."""
        pairs = [(item, d) for item in self.indicators for d in item.deductions if d.points > 0]
        return sorted(pairs, key=lambda pair: pair[1].points, reverse=True)


def rule_for(ruleset: RuleSet, indicator: Indicator) -> AnyRule:
    try:
        return ruleset.rules[indicator.rule]
    except KeyError:
        known = "、".join(ruleset.rules)
        raise ScoringError(
            f"指标「{indicator.name}」的评分规则「{indicator.rule}」不在规则集「{ruleset.id}」中，可用：{known}"
        ) from None


def reading_for(project: Project, rule: AnyRule, indicator: Indicator) -> str:
    """The reading in force: the indicator's own, else the project's for the rule, else the rule set's."""
    if indicator.reading is None and not project.readings:
        return rule.reading  # the rule set's default, already checked when the rule set loaded
    reading = indicator.reading or project.readings.get(rule.id) or rule.reading
    options = reading_options(rule)
    if reading not in options:
        known = "、".join(f"{k}（{v.split('：')[0]}）" for k, v in options.items())
        raise ScoringError(f"规则「{rule.name}」没有口径「{reading}」，可选：{known}")
    return reading


def score_project(project: Project, ruleset: RuleSet | None = None) -> ProjectScore:
    ruleset = ruleset or load_ruleset(project.ruleset)
    budget = (
        block_table(project.budget_block) if project.budget_block else budget_table(project.funds)
    )
    context = ScoringContext(budget=budget)
    scored: list[IndicatorScore] = []
    default_readings = not project.readings
    for indicator in project.indicators:
        rule = rule_for(ruleset, indicator)
        if default_readings and indicator.reading is None:
            reading: str = rule.reading  # checked when the rule set loaded
        else:
            reading = reading_for(project, rule, indicator)
        family = registry.get(rule.family)
        if indicator.yearly:
            explanation = score_cross_year(
                indicator,
                lambda one, f=family, r=rule, how=reading: f.score(r, one, context, how),  # type: ignore[misc]
            )
        else:
            explanation = family.score(rule, indicator, context, reading)
        score = explanation.result if indicator.override is None else indicator.override.score
        rate = None if family.measured is None else family.measured(rule, budget.total)
        scored.append(IndicatorScore(indicator, explanation, score, rate))
    # 附表1 shows the fund rows; a national budget block is shown by its own layout.
    if not project.budget_block:
        return assemble_score(ruleset, scored, budget, district_table(project.districts))
    table = budget_table(project.funds)
    return assemble_score(ruleset, scored, table, district_table(project.districts), budget)


def assemble_score(
    ruleset: RuleSet,
    scored: list[IndicatorScore],
    budget: BudgetTable,
    districts: DistrictTable,
    block: BudgetTable | None = None,
) -> ProjectScore:
    """Subtotals, the bounded total and the grade from scored indicators: the one place they are summed."""
    raw_total = sum((item.score for item in scored), ZERO)
    total = min(max(raw_total, ZERO), ruleset.total_weight)
    return ProjectScore(
        ruleset=ruleset,
        indicators=tuple(scored),
        groups=_group_scores(scored),
        raw_total=raw_total,
        total=total,
        grade=ruleset.grade(total),
        budget=budget,
        districts=districts,
        block=block,
    )


def _group_scores(scored: list[IndicatorScore]) -> tuple[GroupScore, ...]:
    """Subtotals for every level prefix, in first-appearance order."""
    # Sum per parent path first (many indicators share one), then spread to every prefix.
    parents: dict[tuple[str, ...], list[Decimal]] = {}
    for item in scored:
        levels = item.indicator.levels
        sums = parents.setdefault(tuple(levels[:-1]), [ZERO, ZERO])
        sums[0] += item.indicator.weight
        sums[1] += item.score
    totals: dict[tuple[str, ...], list[Decimal]] = {}
    for parent, (weight, score) in parents.items():
        for depth in range(1, len(parent) + 1):
            sums = totals.setdefault(parent[:depth], [ZERO, ZERO])
            sums[0] += weight
            sums[1] += score
    return tuple(GroupScore(path, weight, score) for path, (weight, score) in totals.items())
