"""The form's sections and how much of each one's weight the indicators hold so far.

A clerk building a new project's table reads ``个性指标 权重 50/60`` on the status line: the
sections come from the project's own form (its ``groups``) or else the rule set's group weights,
the sums from the engine's subtotals. Sections made only of the rule set's fixed indicators
(Wuxi's 共性指标, national 预算执行) are complete by construction and left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from .model import Project
from .ruleset import RuleSet

if TYPE_CHECKING:
    from .engine import ProjectScore

ZERO = Decimal(0)


def declared_weights(project: Project, ruleset: RuleSet) -> list[tuple[tuple[str, ...], Decimal]]:
    """The section weights in force: the ones written on the project's own form, else the rule
    set's defaults."""
    own = [(tuple(g.path), g.weight) for g in project.groups]
    return own or [(tuple(g.path), g.weight) for g in ruleset.group_weights]


def satisfaction_weight(project: Project, ruleset: RuleSet) -> Decimal | None:
    """What the satisfaction indicators' weights must add up to under the weights in force.

    Where satisfaction is a section of its own (national 满意度指标), it is that section's weight:
    the project's own when it declares its weights (none when its form gives that section no
    weight of its own, as 10 + 90 does), else the rule set's. Elsewhere (Wuxi's 10 points within
    个性指标) it is the rule set's."""
    section = ruleset.satisfaction_section
    if ruleset.satisfaction_weight is None or not section or not project.groups:
        return ruleset.satisfaction_weight
    return dict(declared_weights(project, ruleset)).get(tuple(section))


@dataclass(frozen=True, slots=True)
class SectionSum:
    path: tuple[str, ...]
    weight: Decimal  # the weights of the section's indicators, added up
    expected: Decimal  # what the form gives the section
    score: Decimal

    @property
    def name(self) -> str:
        return "/".join(self.path)

    @property
    def complete(self) -> bool:
        return self.weight == self.expected


def section_sums(project: Project, result: ProjectScore) -> tuple[SectionSum, ...]:
    """Each section the user fills, with its weight sum against the form's, in the form's order."""
    ruleset = result.ruleset
    fixed = {t.levels[0] for t in ruleset.templates if t.fixed}
    out: list[SectionSum] = []
    for path, expected in declared_weights(project, ruleset):
        if not path or (len(path) == 1 and path[0] in fixed):
            continue
        try:
            group = result.group(*path)
        except KeyError:  # no indicator in it yet
            out.append(SectionSum(path, ZERO, expected, ZERO))
            continue
        out.append(SectionSum(path, group.weight, expected, group.score))
    return tuple(out)
