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


def resolved_skeleton(
    skeleton: Sequence[Sequence[str]], levels: Sequence[Sequence[str]]
) -> list[tuple[str, ...]]:
    """The form's skeleton with the names the project gave its groups: the form's
    「XX明细项目绩效目标」 is the project's own 「宜居住区…明细项目绩效目标」, a level that ends
    with the skeleton's name under the same parents. ``levels`` are the indicators' levels. A name
    the project uses as it is stays."""
    if not skeleton:
        return []
    deepest = max(len(path) for path in skeleton)
    used: dict[tuple[str, ...], set[str]] = {}  # group names in use under each parent path
    for own in levels:
        for depth in range(min(deepest, len(own) - 1)):
            used.setdefault(tuple(own[:depth]), set()).add(own[depth])
    names: dict[tuple[str, ...], str] = {}
    out: list[tuple[str, ...]] = []
    for path in skeleton:
        resolved: tuple[str, ...] = ()
        for name in path:
            key = (*resolved, name)
            if key not in names:
                here = used.get(resolved, set())
                named = sorted(u for u in here if u != name and u.endswith(name))
                names[key] = name if name in here or not named else named[0]
            resolved = (*resolved, names[key])
        out.append(resolved)
    return list(dict.fromkeys(out))


def group_skeleton(project: Project) -> list[tuple[str, ...]]:
    """The project's skeleton groups under the names it gave them (see :func:`resolved_skeleton`)."""
    return resolved_skeleton(project.skeleton, [i.levels for i in project.indicators])


def skeleton_rank(skeleton: Sequence[Sequence[str]], group: Sequence[str]) -> int | None:
    """The place of ``group`` in the form's skeleton: the first skeleton group it lies in, else
    the first that lies in it; None when it is not on the form."""
    group = list(group)
    for rank, path in enumerate(skeleton):
        if path and group[: len(path)] == list(path):
            return rank
    for rank, path in enumerate(skeleton):
        if group and list(path[: len(group)]) == group:
            return rank
    return None


def group_position(
    indicators: Sequence[Indicator],
    levels: Sequence[str],
    skeleton: Sequence[Sequence[str]] = (),
) -> int:
    """Where an indicator with ``levels`` goes: after the last indicator of its group; in a
    group of the form's skeleton that has none yet, before the first indicator of a later
    skeleton group; else after the last one sharing the longest leading part of its levels,
    else at the end."""
    group = list(levels[:-1])
    skeleton = resolved_skeleton(skeleton, [*(i.levels for i in indicators), levels])
    rank = skeleton_rank(skeleton, group)
    if rank is not None and not any(other.levels[:-1] == group for other in indicators):
        for index, other in enumerate(indicators):
            later = skeleton_rank(skeleton, other.levels[:-1])
            if later is not None and later > rank:
                return index
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
        index = group_position(items, indicator.levels, project.skeleton)
    items.insert(index, indicator)
    return index


def regroup(project: Project, indicator: Indicator, old_levels: Sequence[str]) -> bool:
    """After ``indicator``'s levels changed from ``old_levels``: if its group changed, move it
    to the end of its new group. True when it moved."""
    if list(old_levels[:-1]) == indicator.levels[:-1]:
        return False
    items = project.indicators
    items.remove(indicator)
    items.insert(group_position(items, indicator.levels, project.skeleton), indicator)
    return True


def categories(ruleset: RuleSet) -> list[str]:
    """The top-level groups of the rule set (共性指标/个性指标, 产出指标/效益指标 …), from its
    group weights, in the rule set's order."""
    return list(dict.fromkeys(group.path[0] for group in ruleset.group_weights if group.path))


def free_categories(ruleset: RuleSet) -> list[str]:
    """The categories a project may add its own indicators to: those not made only of the rule
    set's fixed indicators (Wuxi's 共性指标, national 预算执行)."""
    fixed = {t.levels[0] for t in ruleset.templates if t.fixed}
    free = [c for c in categories(ruleset) if c not in fixed]
    return free or categories(ruleset)


def group_paths(project: Project) -> list[tuple[str, ...]]:
    """Every group an indicator may be put in, deepest level first-come: the groups of the
    project's indicators in file order, with the form's skeleton groups (even when empty) in
    their places (see :func:`skeleton_rank`)."""
    out: list[tuple[str, ...]] = []
    skeleton = group_skeleton(project)
    emitted = 0
    for indicator in project.indicators:
        group = tuple(indicator.levels[:-1])
        rank = skeleton_rank(skeleton, group)
        if rank is not None:
            out.extend(skeleton[emitted:rank])
            emitted = max(emitted, rank)
        out.append(group)
    out.extend(skeleton[emitted:])
    return list(dict.fromkeys(out))


def new_indicator_group(
    project: Project,
    ruleset: RuleSet,
    current: Indicator | None,
    group: Sequence[str] | None = None,
) -> list[str]:
    """The levels above a new indicator: ``group`` (the highlighted group of the tree) or beside
    ``current``, unless that is under one of the rule set's fixed categories; then with the
    project's own indicators, else the first group of the form's skeleton, else the first free
    category."""
    fixed_ids = {t.id for t in ruleset.templates if t.fixed}
    template_ids = {t.id for t in ruleset.templates}
    fixed_categories = set(categories(ruleset)) - set(free_categories(ruleset))
    if group:
        chosen = list(group)
        below = [p for p in group_paths(project) if list(p[: len(chosen)]) == chosen]
        if below and len(below[0]) > len(chosen):
            chosen = list(below[0])  # a group of groups: its first group of indicators
        if chosen[0] not in fixed_categories:
            return chosen
    elif current is not None and current.id not in fixed_ids:
        return list(current.levels[:-1])
    own = [i for i in project.indicators if i.id not in template_ids]
    if own:
        return list(own[-1].levels[:-1])
    free = free_categories(ruleset)
    for path in project.skeleton:
        if path and path[0] in free:
            return list(path)
    return free[:1] if free else ["指标"]
