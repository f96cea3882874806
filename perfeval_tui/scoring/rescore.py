"""Re-scoring after an edit to one indicator, at the cost of that one indicator.

An indicator's score depends only on itself, its rule, the readings in force and 附表1's 合计 row.
So when one indicator changed and nothing else did, the engine scores that indicator alone (the
same :func:`~perfeval_tui.scoring.engine.score_one` the full re-score uses) and the previous result
is reused for the rest. Its groups' subtotals and the total are moved by the difference between
the old and the new figures (exact: Decimal sums of 2- and 4-place numbers), the total is bounded
and graded as the engine does it. A test checks the outcome equals a full re-score after random
edit sequences, for every rule family.
"""

from __future__ import annotations

from decimal import Decimal

from .engine import GroupScore, ProjectScore, score_one, score_project
from .families.explain import ScoringContext
from .form_checks import is_unfilled
from .model import Indicator, Project


def rescore_indicator(
    previous: ProjectScore,
    project: Project,
    indicator: Indicator,
    position: int | None = None,
) -> ProjectScore:
    """The project's result after ``indicator`` (and nothing else) changed since ``previous``.

    ``position`` is where the indicator sits in the list (found by identity when not given). The
    indicator's levels must not have changed. Falls back to a full re-score when the indicator list itself
    changed (added, removed, moved).
    """
    items = previous.indicators
    if position is None:
        position = next((n for n, item in enumerate(items) if item.indicator is indicator), -1)
    if (
        position < 0
        or len(items) != len(project.indicators)
        or position >= len(items)
        or project.indicators[position] is not indicator
        or items[position].indicator is not indicator
    ):
        return score_project(project, previous.ruleset)
    ruleset = previous.ruleset
    old = items[position]
    budget = previous.block if previous.block is not None else previous.budget
    context = ScoringContext(budget=budget, national_block=previous.block is not None)
    new = score_one(project, ruleset, indicator, context)
    weight_delta = new.scored_weight - old.scored_weight
    score_delta = new.score - old.score
    groups = previous.groups
    index = previous.index
    if weight_delta or score_delta:
        changed = list(groups)
        levels = indicator.levels
        for depth in range(1, len(levels)):
            at = index.groups.get(tuple(levels[:depth]))
            if at is None:  # the levels changed after all: sum everything again
                return score_project(project, ruleset)
            group = changed[at]
            changed[at] = GroupScore(
                group.path, group.weight + weight_delta, group.score + score_delta
            )
        groups = tuple(changed)
    unfilled = previous.cached_unfilled
    if unfilled is not None and (position in unfilled) != is_unfilled(new):
        unfilled = unfilled ^ {position}
    raw_total = previous.raw_total + score_delta
    total = min(max(raw_total, Decimal(0)), ruleset.total_weight)
    return ProjectScore(
        ruleset=ruleset,
        indicators=(*items[:position], new, *items[position + 1 :]),
        groups=groups,
        raw_total=raw_total,
        total=total,
        grade=ruleset.grade(total),
        budget=previous.budget,
        districts=previous.districts,
        block=previous.block,
        cached_index=index,
        cached_unfilled=unfilled,
    )
