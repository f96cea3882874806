"""The open project behind the wizard: the edit session, the file lock and when to save.

Plain Python (no Textual), so it can be tested and benchmarked without a screen. Every edit goes
through :meth:`EditSession.set_field` (parse -> model -> re-score); the wizard then saves at each
commit point (Enter, leaving a field, changing step, a pause in typing, Ctrl+S, quitting), so what
was committed is on disk before the next field is taken.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..scoring.checks import DataWarning
from ..scoring.engine import ProjectScore, score_project
from ..scoring.live_checks import LiveChecks
from ..scoring.model import BudgetLine, DistrictRow, FundRow, Indicator, Project, RuleInputs
from ..scoring.rescore import rescore_indicator
from .lock import LockOutcome, ProjectLock
from .session import EditOutcome, EditSession, ScoreChange, score_changes
from .storage import load_project_scored, parse_file_data, save_project

# Indicator fields that move the indicator within the tree or rename it: score and check whole.
STRUCTURAL_FIELDS = frozenset({"id", "levels", "part_of"})


class WizardSession(EditSession):
    """The edit session, where a keystroke costs what the edit touches.

    An edit to one indicator re-scores that indicator alone and moves its groups' subtotals and
    the total by the difference (:mod:`perfeval_tui.scoring.rescore`); the data checks that read
    the edited field run again, from indexes built once per structural change
    (:mod:`perfeval_tui.scoring.live_checks`). Any other change is scored and checked whole.
    """

    _edit: tuple[Indicator, str, Any] | None = None
    _money_edit = False
    _rule_before: str | None = None  # the edited indicator's rule when the edit began
    # Positions in the result of the indicators the last commit re-scored; None: maybe all.
    touched: tuple[int, ...] | None = None

    def full_check(self) -> list[DataWarning]:
        self._live = LiveChecks(self.project, self.ruleset)
        # Built once per indicator list: where each indicator sits, and whose inputs are whose.
        self._positions = {id(item): n for n, item in enumerate(self.project.indicators)}
        self._owners = {id(item.inputs): item for item in self.project.indicators}
        return self._live.warnings()

    def set_field(self, obj: BaseModel, field: str, value: Any) -> EditOutcome:
        indicator = self._indicator_of(obj)
        if indicator is not None:
            name = field if obj is indicator else "inputs"
            self._edit = (indicator, name, getattr(obj, field, None))
            self._rule_before = indicator.rule
        self._money_edit = isinstance(obj, (FundRow, DistrictRow, BudgetLine))
        try:
            return super().set_field(obj, field, value)
        finally:
            self._edit = None
            self._rule_before = None
            self._money_edit = False

    def _indicator_of(self, obj: BaseModel) -> Indicator | None:
        if isinstance(obj, Indicator):
            return obj
        if isinstance(obj, RuleInputs):
            owner = self._owners.get(id(obj))
            if owner is not None and owner.inputs is obj:
                return owner
            return next((i for i in self.project.indicators if i.inputs is obj), None)
        return None

    def commit(self) -> EditOutcome:
        edit = self._edit
        if self.autosave or edit is None or edit[1] in STRUCTURAL_FIELDS:
            if self._money_edit and not self.autosave:
                return self._commit_money()
            self.touched = None
            return super().commit()
        indicator, field, old = edit
        if field != "rule" and indicator.rule != (self._rule_before or indicator.rule):
            # A 定性 text moved the indicator to another rule: its checks and sums all again.
            self.touched = None
            return super().commit()
        before = self.result
        position = self._positions.get(id(indicator), -1)
        self.result = rescore_indicator(before, self.project, indicator, position)
        index = self.result.cached_index
        if index is not None and index is before.cached_index:
            self.touched = (position,)
            self._live.indicator_changed(indicator, field, old)
            self.warnings = self._live.warnings()
            changes = changes_at(before, self.result, self.touched)
        else:  # the list had changed after all: everything was scored again
            self.touched = None
            self.warnings = self.full_check()
            changes = score_changes(before, self.result)
        self.last = EditOutcome(None, changes, before.total, self.result.total)
        return self.last

    def _commit_money(self) -> EditOutcome:
        """A value in 附表1, the national budget block or the district table: every score again,
        only the money checks."""
        before = self.result
        self.result = score_project(self.project, self.ruleset)
        self.touched = None
        self._live.money_changed()
        self.warnings = self._live.warnings()
        self.last = EditOutcome(
            None, score_changes(before, self.result), before.total, self.result.total
        )
        return self.last


def changes_at(
    before: ProjectScore, after: ProjectScore, positions: Iterable[int]
) -> tuple[ScoreChange, ...]:
    """The score changes at ``positions`` (same indicator list before and after), in list order."""
    out = []
    for n in sorted(positions):
        old, new = before.indicators[n], after.indicators[n]
        if old.score != new.score:
            out.append(ScoreChange(new.id, new.name, old.score, new.score))
    return tuple(out)


class Workspace:
    def __init__(
        self,
        project: Project,
        path: Path | None,
        lock: ProjectLock | None = None,
        lock_outcome: LockOutcome | None = None,
        result: ProjectScore | None = None,
    ) -> None:
        self.path = path
        self.lock = lock
        self.lock_outcome = lock_outcome or LockOutcome(True)
        read_only = not self.lock_outcome.acquired
        # Saving is done here at commit points rather than per keystroke: cheap for any size.
        self.session = WizardSession(
            project, path, read_only=read_only, autosave=False, result=result
        )
        self.dirty = False
        self.last_error: str | None = None
        # The result before the field now being edited was entered: the score bar shows the
        # effect of the whole edit (450 -> 400: 预算执行率 −3.06), not of its last keystroke.
        self.baseline: ProjectScore = self.session.result
        self.effect: tuple[ScoreChange, ...] | None = None
        # The total before and after that edit: a capped total may not move when scores do.
        self.effect_total: tuple[Decimal, Decimal] | None = None
        # Positions re-scored since the baseline, while only single indicators were; else None.
        self._touched: set[int] | None = set()

    @property
    def project(self) -> Project:
        return self.session.project

    @property
    def read_only(self) -> bool:
        return self.session.read_only

    @property
    def name(self) -> str:
        return self.path.name if self.path else "（未保存）"

    def find_indicator(self, indicator_id: str) -> Indicator:
        """The indicator of that id (the first, as the project's own lookup), or KeyError."""
        result = self.session.result
        position = result.index.positions.get(indicator_id)
        if position is not None and position < len(self.project.indicators):
            found = self.project.indicators[position]
            if result.indicators[position].indicator is found and found.id == indicator_id:
                return found
        return self.project.indicator(indicator_id)

    def holds(self, indicator: Indicator) -> bool:
        """Whether ``indicator`` (this very object) is still one of the project's indicators."""
        try:
            if self.find_indicator(indicator.id) is indicator:
                return True
        except KeyError:
            return False
        return any(item is indicator for item in self.project.indicators)  # a repeated id

    def begin_field(self) -> None:
        """A new field is being edited: later changes are measured from here, and what it changes
        is remembered as it is now (see :meth:`put_back`)."""
        self.baseline = self.session.result
        self._touched = set()
        self.session.begin_field()

    def put_back(self) -> EditOutcome | None:
        """The typed text is no value: every field this edit changed goes back to what it held
        when the edit began, through the edit path; the last outcome, or None if nothing moved."""
        return self.session.put_back(self.edit)

    def edit(self, obj: BaseModel, field: str, value: Any) -> EditOutcome:
        outcome = self.session.set_field(obj, field, value)
        if outcome.ok and not self.read_only:
            self.dirty = True
            touched = self.session.touched
            if touched is None or self._touched is None:
                self._touched = None
                self.effect = score_changes(self.baseline, self.session.result)
            else:  # only these indicators were scored again since the baseline
                self._touched.update(touched)
                self.effect = changes_at(self.baseline, self.session.result, self._touched)
            self.effect_total = (self.baseline.total, self.session.result.total)
        return outcome

    def restructure(self, change: Callable[[Project], object]) -> EditOutcome:
        """Apply a structural change (add, remove, move a row) and re-score; refused when read-only."""
        if self.read_only:
            return EditOutcome("本项目以只读方式打开（另一个窗口正在编辑），修改不会保存")
        change(self.project)
        self.dirty = True
        outcome = self.session.commit()
        self.effect = outcome.changes
        self.effect_total = (outcome.total_before, outcome.total_after)
        self.baseline = self.session.result
        self._touched = set()
        self.session.begin_field()  # rows moved or gone: nothing of them to put back
        return outcome

    def save(self, *, force: bool = False) -> str | None:
        """Save if there are unsaved edits (or ``force``); the Chinese problem, or None when fine."""
        if self.read_only or self.path is None or not (self.dirty or force):
            return None
        try:
            save_project(self.project, self.path)
        except OSError as exc:
            self.last_error = (
                f"保存失败：{exc.strerror or exc}（{self.path}）。请检查磁盘空间和文件权限"
            )
            return self.last_error
        self.dirty = False
        self.last_error = None
        return None

    def close(self) -> str | None:
        problem = self.save()
        if self.lock is not None:
            self.lock.release()
        return problem


def open_workspace(path: Path, data: dict[str, Any] | None = None) -> Workspace:
    """Load ``path`` (raises ProjectFileError with a Chinese message) and take its edit lock.

    ``data``: the file's JSON as :func:`~perfeval_tui.project.rawfile.read_project_data` read it.
    """
    project, result = load_project_scored(path) if data is None else parse_file_data(path, data)
    return workspace_for(path, project, result)


def workspace_for(path: Path, project: Project, result: ProjectScore) -> Workspace:
    """The workspace of a project validated and scored from ``path``: takes the edit lock."""
    lock = ProjectLock(path)
    outcome = lock.acquire()
    return Workspace(project, path, lock, outcome, result)


def create_workspace(project: Project, path: Path) -> Workspace:
    """Save a new project to ``path`` (must not exist) and open it."""
    save_project(project, path)
    return open_workspace(path)
