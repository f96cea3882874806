"""The open project behind the wizard: the edit session, the file lock and when to save.

Plain Python (no Textual), so it can be tested and benchmarked without a screen. Every edit goes
through :meth:`EditSession.set_field` (parse -> model -> re-score); the wizard then saves at each
commit point (Enter, leaving a field, changing step, a pause in typing, Ctrl+S, quitting), so what
was committed is on disk before the next field is taken.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..scoring.checks import check_project
from ..scoring.engine import ProjectScore
from ..scoring.model import Indicator, Project, RuleInputs
from ..scoring.rescore import rescore_indicator
from .lock import LockOutcome, ProjectLock
from .session import EditOutcome, EditSession, ScoreChange, score_changes
from .storage import load_project, save_project


class WizardSession(EditSession):
    """The edit session, re-scoring only the edited indicator when just one indicator changed.

    With 1,000 indicators a full re-score per keystroke would be most of the time budget; the
    one-indicator re-score gives the same result (see :mod:`perfeval_tui.scoring.rescore`).
    """

    _editing: Indicator | None = None

    def set_field(self, obj: BaseModel, field: str, value: Any) -> EditOutcome:
        self._editing = self._indicator_of(obj)
        try:
            return super().set_field(obj, field, value)
        finally:
            self._editing = None

    def _indicator_of(self, obj: BaseModel) -> Indicator | None:
        if isinstance(obj, Indicator):
            return obj
        if isinstance(obj, RuleInputs):
            return next((i for i in self.project.indicators if i.inputs is obj), None)
        return None

    def commit(self) -> EditOutcome:
        if self._editing is None or self.autosave:
            return super().commit()
        before = self.result
        self.result = rescore_indicator(before, self.project, self._editing)
        self.warnings = check_project(self.project, self.ruleset)
        self.last = EditOutcome(
            None, score_changes(before, self.result), before.total, self.result.total
        )
        return self.last


class Workspace:
    def __init__(
        self,
        project: Project,
        path: Path | None,
        lock: ProjectLock | None = None,
        lock_outcome: LockOutcome | None = None,
    ) -> None:
        self.path = path
        self.lock = lock
        self.lock_outcome = lock_outcome or LockOutcome(True)
        read_only = not self.lock_outcome.acquired
        # Saving is done here at commit points rather than per keystroke: cheap for any size.
        self.session = WizardSession(project, path, read_only=read_only, autosave=False)
        self.dirty = False
        self.last_error: str | None = None
        # The result before the field now being edited was entered: the score bar shows the
        # effect of the whole edit (450 -> 400: 预算执行率 −3.06), not of its last keystroke.
        self.baseline: ProjectScore = self.session.result
        self.effect: tuple[ScoreChange, ...] | None = None

    @property
    def project(self) -> Project:
        return self.session.project

    @property
    def read_only(self) -> bool:
        return self.session.read_only

    @property
    def name(self) -> str:
        return self.path.name if self.path else "（未保存）"

    def begin_field(self) -> None:
        """A new field is being edited: later changes are measured from here."""
        self.baseline = self.session.result

    def edit(self, obj: BaseModel, field: str, value: Any) -> EditOutcome:
        outcome = self.session.set_field(obj, field, value)
        if outcome.ok and not self.read_only:
            self.dirty = True
            self.effect = score_changes(self.baseline, self.session.result)
        return outcome

    def restructure(self, change: Callable[[Project], object]) -> EditOutcome:
        """Apply a structural change (add, remove, move a row) and re-score; refused when read-only."""
        if self.read_only:
            return EditOutcome("本项目以只读方式打开（另一个窗口正在编辑），修改不会保存")
        change(self.project)
        self.dirty = True
        outcome = self.session.commit()
        self.effect = outcome.changes
        self.baseline = self.session.result
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


def open_workspace(path: Path) -> Workspace:
    """Load ``path`` (raises ProjectFileError with a Chinese message) and take its edit lock."""
    project = load_project(path)
    lock = ProjectLock(path)
    outcome = lock.acquire()
    return Workspace(project, path, lock, outcome)


def create_workspace(project: Project, path: Path) -> Workspace:
    """Save a new project to ``path`` (must not exist) and open it."""
    save_project(project, path)
    return open_workspace(path)
