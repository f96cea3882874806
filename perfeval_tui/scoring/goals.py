"""Goal completion: how many stated goals (报告一、（六）) were met, as the report counts them.

A goal is met when its linked 附表2 indicator's 完成值 reaches the goal's own 目标值: at least
the target for a 正向 indicator, at most the target for a 反向 one. The goal's target, not the
indicator's, is the yardstick, because the report counts against the goals it states.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .budget import percent
from .model import Indicator, Project, StatedGoal

GOAL_KINDS = ("总目标", "明细目标")


@dataclass(frozen=True, slots=True)
class GoalStatus:
    goal: StatedGoal
    indicator: Indicator | None
    actual: Decimal | None  # the linked indicator's 完成值, None when unlinked or not entered
    done: bool


@dataclass(frozen=True, slots=True)
class GoalCount:
    total: int
    done: int

    @property
    def rate(self) -> Decimal | None:
        """完成率 as a percentage number (100 means 100%), None when there are no goals."""
        return percent(Decimal(self.done), Decimal(self.total))


@dataclass(frozen=True, slots=True)
class GoalSummary:
    items: tuple[GoalStatus, ...]
    overall: GoalCount
    by_kind: tuple[tuple[str, GoalCount], ...]  # only the kinds that occur, 总目标 first

    @property
    def missed(self) -> tuple[GoalStatus, ...]:
        return tuple(item for item in self.items if not item.done)


def goal_status(goal: StatedGoal, indicator: Indicator | None) -> GoalStatus:
    actual = None if indicator is None else indicator.actual
    if actual is None or indicator is None:
        return GoalStatus(goal, indicator, actual, False)
    met = actual <= goal.target if indicator.direction == "反向" else actual >= goal.target
    return GoalStatus(goal, indicator, actual, met)


def goal_summary(project: Project) -> GoalSummary:
    by_id = {item.id: item for item in project.indicators}
    items = tuple(goal_status(g, by_id.get(g.indicator_id or "")) for g in project.goals)

    def count(selected: tuple[GoalStatus, ...]) -> GoalCount:
        return GoalCount(len(selected), sum(1 for s in selected if s.done))

    kinds = tuple(
        (kind, count(tuple(s for s in items if s.goal.kind == kind)))
        for kind in GOAL_KINDS
        if any(s.goal.kind == kind for s in items)
    )
    return GoalSummary(items, count(items), kinds)
