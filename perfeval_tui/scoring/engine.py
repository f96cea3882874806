"""The scoring engine: a project and its rule set in, every score with its explanation out.

Pure Python (no textual, questionary or openpyxl). Every number any surface shows comes from
:func:`score_project`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
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
    # The weight when it was scored: what the subtotals hold for it (the model may move on).
    scored_weight: Decimal = ZERO

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
class ScoreIndex:
    """Where each indicator id and each group path sits in a result's tuples (first wins).

    Built once per indicator list; a one-indicator re-score keeps positions, so it is passed on.
    """

    positions: dict[str, int]
    groups: dict[tuple[str, ...], int]

    @classmethod
    def of(
        cls, indicators: tuple[IndicatorScore, ...], groups: tuple[GroupScore, ...]
    ) -> ScoreIndex:
        positions: dict[str, int] = {}
        for n, item in enumerate(indicators):
            positions.setdefault(item.indicator.id, n)
        return cls(positions, {group.path: n for n, group in enumerate(groups)})


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
    cached_index: ScoreIndex | None = field(default=None, compare=False, repr=False)
    # Positions of the indicators that still lack an input (form_checks.unfilled_count).
    cached_unfilled: frozenset[int] | None = field(default=None, compare=False, repr=False)

    @property
    def index(self) -> ScoreIndex:
        if self.cached_index is None:
            object.__setattr__(self, "cached_index", ScoreIndex.of(self.indicators, self.groups))
        assert self.cached_index is not None
        return self.cached_index

    def by_id(self, indicator_id: str) -> IndicatorScore:
        position = self.index.positions.get(indicator_id)
        if position is None:
            raise KeyError(indicator_id)
        return self.indicators[position]

    def group(self, *path: str) -> GroupScore:
        position = self.index.groups.get(path)
        if position is None:
            raise KeyError(path)
        return self.groups[position]

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


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection inside: for building many objects that live on.

    A collection walks every tracked object of the process; with a 20,000-indicator project in
    memory, the collections that thousands of new objects trigger cost more than the work itself.
    What is built here holds no reference cycles, so reference counting frees it as before.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def score_project(project: Project, ruleset: RuleSet | None = None) -> ProjectScore:
    ruleset = ruleset or load_ruleset(project.ruleset)
    budget = (
        block_table(project.budget_block) if project.budget_block else budget_table(project.funds)
    )
    context = ScoringContext(budget=budget, national_block=bool(project.budget_block))
    with collection_paused():
        scored = [score_one(project, ruleset, item, context) for item in project.indicators]
        districts = district_table(project.districts)
        # 附表1 shows the fund rows; a national budget block is shown by its own layout.
        if not project.budget_block:
            return assemble_score(ruleset, scored, budget, districts)
        return assemble_score(ruleset, scored, budget_table(project.funds), districts, budget)


def score_one(
    project: Project, ruleset: RuleSet, indicator: Indicator, context: ScoringContext
) -> IndicatorScore:
    """One indicator's score: its rule, the reading in force and the budget figures (``context``:
    附表1's 合计 row, or the national budget block's 年度资金总额)."""
    rule = rule_for(ruleset, indicator)
    if indicator.reading is None and not project.readings:
        reading: str = rule.reading  # checked when the rule set loaded
    else:
        reading = reading_for(project, rule, indicator)
    family = registry.get(rule.family)
    if indicator.yearly:
        explanation = score_cross_year(
            indicator, lambda one: family.score(rule, one, context, reading)
        )
    else:
        explanation = family.score(rule, indicator, context, reading)
    score = explanation.result if indicator.override is None else indicator.override.score
    rate = None if family.measured is None else family.measured(rule, context.budget.total)
    return IndicatorScore(indicator, explanation, score, rate, indicator.weight)


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
