"""Structural edits of a project: add, remove and move rows; add an indicator to its group;
change an indicator's levels.

The wizard and plain mode both call these, so the file's order is the one order every surface
shows: the indicator tree, ``perfeval score`` and the exported 附表2 list the indicators as the
file does, each group's indicators together. The functions change the project in place; the
caller re-scores and saves (``Workspace.restructure`` / ``EditSession.commit``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from ..scoring.model import DistrictRow, FundRow, Indicator, Project
from ..scoring.ruleset import RuleSet

Table = Literal["funds", "districts", "indicators"]
Row = FundRow | DistrictRow | Indicator


def _rows(project: Project, table: Table) -> list[Row]:
    rows: list[Row] = getattr(project, table)
    return rows


def _index(rows: Sequence[Row], row_id: str) -> int:
    for index, row in enumerate(rows):
        if row.id == row_id:
            return index
    raise KeyError(row_id)


def add_row(
    project: Project, table: Literal["funds", "districts"], row: FundRow | DistrictRow
) -> int:
    """Append a fund or district row; its index."""
    rows = _rows(project, table)
    rows.append(row)
    return len(rows) - 1


def remove_row(project: Project, table: Table, row_id: str) -> str | None:
    """Remove a row; the id of the row to select next (the one after it, else before), or None."""
    rows = _rows(project, table)
    index = _index(rows, row_id)
    del rows[index]
    if not rows:
        return None
    return rows[min(index, len(rows) - 1)].id


def move_row(project: Project, table: Table, row_id: str, step: int) -> bool:
    """Move a row one place up (-1) or down (+1); an indicator moves within its own group.

    False when it is already first or last (of its group).
    """
    rows = _rows(project, table)
    index = _index(rows, row_id)
    if table == "indicators":
        group = rows[index].levels[:-1]  # type: ignore[union-attr]
        others = range(index + step, len(rows) if step > 0 else -1, step)
        target = next((i for i in others if rows[i].levels[:-1] == group), None)  # type: ignore[union-attr]
    else:
        target = index + step if 0 <= index + step < len(rows) else None
    if target is None:
        return False
    rows[index], rows[target] = rows[target], rows[index]
    return True


def _shared(a: Sequence[str], b: Sequence[str]) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def group_position(indicators: Sequence[Indicator], levels: Sequence[str]) -> int:
    """Where an indicator with ``levels`` goes: after the last indicator of its group, else after
    the last one sharing the longest leading part of its levels, else at the end."""
    group = list(levels[:-1])
    best, where = 0, len(indicators)
    for index, other in enumerate(indicators):
        shared = _shared(other.levels[:-1], group)
        if shared and shared >= best:
            best, where = shared, index + 1
    return where


def add_indicator(project: Project, indicator: Indicator, beside: Indicator | None = None) -> int:
    """Insert a new indicator into its group: right after ``beside`` when that is of the same
    group, else at the end of its group (see :func:`group_position`); its index."""
    items = project.indicators
    if beside is not None and beside in items and beside.levels[:-1] == indicator.levels[:-1]:
        index = items.index(beside) + 1
    else:
        index = group_position(items, indicator.levels)
    items.insert(index, indicator)
    return index


def regroup(project: Project, indicator: Indicator, old_levels: Sequence[str]) -> bool:
    """After ``indicator``'s levels changed from ``old_levels``: if its group changed, move it
    to the end of its new group. True when it moved."""
    if list(old_levels[:-1]) == indicator.levels[:-1]:
        return False
    items = project.indicators
    items.remove(indicator)
    items.insert(group_position(items, indicator.levels), indicator)
    return True


def set_levels(project: Project, indicator_id: str, levels: list[str]) -> bool:
    """Change an indicator's levels; it moves to the end of its new group. True when it moved."""
    indicator = project.indicator(indicator_id)
    old = list(indicator.levels)
    indicator.levels = levels
    return regroup(project, indicator, old)


def categories(ruleset: RuleSet) -> list[str]:
    """The top-level groups of the rule set (共性指标/个性指标, 产出指标/效益指标 …), from its
    group weights, in the rule set's order."""
    return list(dict.fromkeys(group.path[0] for group in ruleset.group_weights if group.path))


def free_categories(ruleset: RuleSet) -> list[str]:
    """The categories a project may add its own indicators to: those not made only of the rule
    set's fixed indicators (Wuxi's 共性指标, national 预算执行)."""
    fixed = {t.levels[0] for t in ruleset.templates}
    free = [c for c in categories(ruleset) if c not in fixed]
    return free or categories(ruleset)


def new_indicator_group(project: Project, ruleset: RuleSet, current: Indicator | None) -> list[str]:
    """The levels above a new indicator: beside ``current`` unless that is one of the rule set's
    fixed indicators; then with the project's own indicators, else the first free category."""
    fixed = {t.id for t in ruleset.templates}
    if current is not None and current.id not in fixed:
        return list(current.levels[:-1])
    own = [i for i in project.indicators if i.id not in fixed]
    if own:
        return list(own[-1].levels[:-1])
    free = free_categories(ruleset)
    return free[:1] if free else ["指标"]
