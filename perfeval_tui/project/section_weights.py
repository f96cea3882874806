"""The section weights written on the project's own form (产出 70 / 效益 20 / 满意度 10 …).

A project's ``groups`` replace the rule set's ``group_weights``, which are only the default for a
new project; structure checks use the project's. Wizard and plain mode both edit them through
:meth:`EditSession.set_field` on ``project.groups``.
"""

from __future__ import annotations

from decimal import Decimal

from ..scoring.model import IndicatorGroup, Project
from ..scoring.ruleset import RuleSet


def current_weights(project: Project, ruleset: RuleSet) -> list[tuple[list[str], Decimal]]:
    """(path, weight) of every section in force: the project's own, else the rule set's."""
    if project.groups:
        return [(list(g.path), g.weight) for g in project.groups]
    return [(list(g.path), g.weight) for g in ruleset.group_weights]


def offered_weights(project: Project, ruleset: RuleSet) -> list[tuple[list[str], Decimal | None]]:
    """Every section a weight can be written for, as (path, weight or None when none is written):
    the weights in force, then the rule set's sections and the indicators' 一级 that have none.

    A form's weights table may lack a section its indicators sit under (满意度指标 left off when
    the form was typed in); it is offered, empty, so that its weight can be added.
    """
    offered: list[tuple[list[str], Decimal | None]] = list(current_weights(project, ruleset))
    seen = {tuple(path) for path, _ in offered}
    candidates = [list(g.path) for g in ruleset.group_weights]
    candidates += [[i.levels[0]] for i in project.indicators if len(i.levels) > 1]
    for path in candidates:
        if tuple(path) not in seen:
            seen.add(tuple(path))
            offered.append((path, None))
    return offered


def own_weights(project: Project) -> bool:
    """Whether the project declares its own section weights."""
    return bool(project.groups)


def groups_of(weights: list[tuple[list[str], Decimal]]) -> list[IndicatorGroup]:
    """The project's ``groups`` for these (path, weight) pairs."""
    return [IndicatorGroup(path=path, weight=weight) for path, weight in weights]
