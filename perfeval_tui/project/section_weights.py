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


def own_weights(project: Project) -> bool:
    """Whether the project declares its own section weights."""
    return bool(project.groups)


def groups_of(weights: list[tuple[list[str], Decimal]]) -> list[IndicatorGroup]:
    """The project's ``groups`` for these (path, weight) pairs."""
    return [IndicatorGroup(path=path, weight=weight) for path, weight in weights]
