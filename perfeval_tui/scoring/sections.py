"""The form's sections and how much of each one's weight the indicators hold so far.

A clerk building a new project's table reads ``个性指标 权重 50/60`` on the status line: the
sections come from the project's own form (its ``groups``) or else the rule set's group weights,
the sums from the engine's subtotals. Sections made only of the rule set's fixed indicators
(Wuxi's 共性指标, national 预算执行) are complete by construction and left out.

Every form totals 100: :func:`declared_total_problem` says when the section weights in force
cannot (110 on a form whose 产出 70 / 效益 20 / 满意度 10 were written beside a budget's 10).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from .model import Project
from .numbers import fmt_plain
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


def top_sections(result: ProjectScore) -> list[str]:
    """The 一级 names the scored indicators sit under."""
    return [group.path[0] for group in result.groups if len(group.path) == 1]


@dataclass(frozen=True, slots=True)
class DeclaredTotal:
    """The top sections of the weights in force (none of them inside another) and their sum."""

    parts: tuple[tuple[tuple[str, ...], Decimal], ...]
    total: Decimal

    def sum_text(self) -> str:
        """``预算执行 10 + 产出指标 70 + 效益指标 20 = 100 分``."""
        terms = " + ".join(f"{'/'.join(path)} {fmt_plain(w)}" for path, w in self.parts)
        return f"{terms} = {fmt_plain(self.total)} 分"


def top_total(weights: Sequence[tuple[Sequence[str], Decimal]]) -> DeclaredTotal:
    """Section weights added up over their top sections (a 二级 weight written beside its 一级
    is part of it, not more)."""
    paths = {tuple(path) for path, _ in weights}
    tops = tuple(
        (tuple(path), weight)
        for path, weight in weights
        if path and not any(tuple(path[:depth]) in paths for depth in range(1, len(path)))
    )
    return DeclaredTotal(tops, sum((w for _, w in tops), ZERO))


def declared_total(project: Project, ruleset: RuleSet) -> DeclaredTotal:
    """The weights in force, added up over their top sections."""
    return top_total(declared_weights(project, ruleset))


@dataclass(frozen=True, slots=True)
class DeclaredProblem:
    message: str
    indicators_follow: bool  # the indicators' weights add up to the section weights' sum


def declared_total_problem(
    project: Project, ruleset: RuleSet, sections: Iterable[str], indicators_total: Decimal
) -> DeclaredProblem | None:
    """Why the section weights in force cannot be the form's, in Chinese, or None.

    Every form totals ``ruleset.total_weight`` (100). Section weights that add to more say so;
    weights that add to less say so when every indicator's 一级 (``sections``) has its weight
    written (a form that gives only some sections a weight may leave the rest to its rows). The
    message names each weight, the sum, what it should be and where to correct it.
    """
    declared = declared_total(project, ruleset)
    full = ruleset.total_weight
    if not declared.parts or declared.total == full:
        return None
    tops = {path for path, _ in declared.parts}
    if declared.total < full and not all((name,) in tops for name in sections):
        return None
    diff = declared.total - full
    gap = f"比总分 {fmt_plain(full)} 分{'多' if diff > 0 else '少'} {fmt_plain(abs(diff))} 分"
    follows = indicators_total == declared.total
    also = f"（各指标权重按此合计也是 {fmt_plain(indicators_total)} 分）" if follows else ""
    return DeclaredProblem(
        f"分项权重 {declared.sum_text()}，{gap}{also}：请按表上所写，在「分项权重」中改正"
        f"各分项的权重，使合计为 {fmt_plain(full)} 分",
        follows,
    )


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
