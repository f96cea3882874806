"""The data warnings kept current edit by edit, re-running only the checks that read the field.

:func:`~perfeval_tui.scoring.checks.check_project` checks a whole project in one pass. While one
field is typed into, most of that is unchanged: :class:`LiveChecks` keeps the indexes the checks
read (weight sums per level prefix, the detail goals of each total goal, the stated goals of each
indicator), built once per structural change, and after an edit to one indicator re-runs only
what reads the edited field: the weight checks from the moved sums for 权重, the linked and stated
goals of that indicator for 目标值/完成值, nothing for a tick or a remark. A test checks the
outcome equals a full check after random edit sequences.
"""

from __future__ import annotations

from decimal import Decimal

from .checks import (
    DataWarning,
    WeightSums,
    first_by_id,
    form_disagreements,
    linked_goal_warnings,
    money_warnings,
    parts_by_parent,
    stated_goal_warning,
    weight_warnings,
)
from .form_checks import indicator_completeness
from .model import Indicator, Project
from .ruleset import RuleSet

# Indicator fields no check reads: an edit to them leaves every warning as it was.
UNCHECKED_FIELDS = frozenset(
    {
        "target_label",
        "actual_label",
        "direction",
        "explanation_text",
        "criteria_text",
        "remark",
        "inputs",
        "reading",
        "override",
    }
)


class LiveChecks:
    def __init__(self, project: Project, ruleset: RuleSet) -> None:
        self.project = project
        self.ruleset = ruleset
        self.rebuild()

    def rebuild(self) -> None:
        """Build every index and every warning again (after a structural change)."""
        project = self.project
        self._money = money_warnings(project)
        self._sums = WeightSums.of(project, self.ruleset)
        self._weights = weight_warnings(project, self.ruleset, self._sums)
        self._by_id = first_by_id(project.indicators)
        self._parts = parts_by_parent(project.indicators)
        self._linked = {
            parent: linked_goal_warnings(parent, parts, self._by_id)
            for parent, parts in self._parts.items()
        }
        self._goals_of: dict[str, list[int]] = {}
        for n, goal in enumerate(project.goals):
            self._goals_of.setdefault(goal.indicator_id or "", []).append(n)
        self._stated = [stated_goal_warning(goal, self._by_id) for goal in project.goals]
        # Rows still to fill, per indicator (any field may change them), and a filled form's own
        # disagreements (re-derived on every edit, only for projects that hold form data).
        self._position = {id(ind): n for n, ind in enumerate(project.indicators)}
        self._complete = [indicator_completeness(ind, self.ruleset) for ind in project.indicators]
        # How many indicators hold a 自评得分: whether there is a filled form, without a scan
        # (an edit to a 自评得分 rebuilds the checks, so the count follows).
        self._stated_scores = sum(1 for ind in project.indicators if ind.stated_score is not None)
        self._form = form_disagreements(project, self.ruleset)
        self._list: list[DataWarning] | None = None

    def _form_checks(self) -> list[DataWarning]:
        """A filled form's disagreements (:func:`form_disagreements`), none without form data."""
        project = self.project
        if not (
            self._stated_scores
            or project.budget_block
            or project.stated_total is not None
            or project.stated_weight_total is not None
        ):
            return []
        return form_disagreements(project, self.ruleset)

    def money_changed(self) -> None:
        """附表1 or 区县资金分配表 changed (a value, not a row added or removed)."""
        self._money = money_warnings(self.project)
        self._form = self._form_checks()
        self._list = None

    def indicator_changed(self, indicator: Indicator, field: str, old: object) -> None:
        """``indicator.field`` was ``old`` and is now what the indicator holds."""
        position = self._position.get(id(indicator))
        if position is not None:
            complete = indicator_completeness(indicator, self.ruleset)
            if complete != self._complete[position]:
                self._complete[position] = complete
                self._list = None
        form = self._form_checks()
        if form != self._form:
            self._form = form
            self._list = None
        # Unchanged so far: the list stands (typing a digit rebuilds nothing of it).
        if field in UNCHECKED_FIELDS:
            return
        if field == "weight" and isinstance(old, Decimal):
            self._sums.add(indicator, indicator.weight - old, self.ruleset)
            self._weights = weight_warnings(self.project, self.ruleset, self._sums)
        elif field == "rule" and isinstance(old, str):
            satisfaction = self.ruleset.satisfaction_rule
            if satisfaction and (old == satisfaction) != (indicator.rule == satisfaction):
                sign = 1 if indicator.rule == satisfaction else -1
                self._sums.satisfaction += sign * indicator.weight
                self._weights = weight_warnings(self.project, self.ruleset, self._sums)
        elif field in ("target", "actual", "unit"):
            if self._by_id.get(indicator.id) is not indicator:
                return  # a repeated id: the checks read the other indicator of that id
            touched = False
            for parent in (indicator.part_of, indicator.id):
                parts = self._parts.get(parent or "")
                if parts is not None:
                    self._linked[parent or ""] = linked_goal_warnings(
                        parent or "", parts, self._by_id
                    )
                    touched = True
            for n in self._goals_of.get(indicator.id, ()):
                self._stated[n] = stated_goal_warning(self.project.goals[n], self._by_id)
                touched = True
            if not touched:
                return  # no check reads this indicator's values: the list stands
        else:
            self.rebuild()
        self._list = None

    def warnings(self) -> list[DataWarning]:
        """The warnings in :func:`check_project`'s order, each once."""
        if self._list is None:
            found = [*self._money, *self._weights]
            for warnings in self._linked.values():
                found.extend(warnings)
            found.extend(w for w in self._stated if w is not None)
            found.extend(self._form)
            for warnings in self._complete:
                found.extend(warnings)
            self._list = list(dict.fromkeys(found))
        return self._list
