"""An editing session: the one path from a typed value to a re-scored, saved project.

Every surface (wizard, plain mode, sandbox) edits through :meth:`EditSession.set_field`: the text
goes through the model's validators (and so the one number parser), the project is re-scored by
the engine, and, unless the session is read-only or a sandbox, saved atomically before the next
edit is taken.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..scoring.checks import DataWarning, check_project
from ..scoring.engine import ProjectScore, score_project
from ..scoring.model import Indicator, Project, YearValues
from ..scoring.numbers import NumberInputError, parse_number
from ..scoring.qualitative import qualitative_updates
from ..scoring.ruleset import RuleSet, load_ruleset
from ..scoring.targets import typed_updates
from .storage import describe_validation_error, save_project
from .structure import regroup

ZERO = Decimal(0)
Edit = Callable[[BaseModel, str, Any], "EditOutcome"]  # an edit path: (object, field, value)


@dataclass(frozen=True, slots=True)
class ScoreChange:
    """What one edit did to one indicator's score (for the score bar: ``预算执行率 −3.06``)."""

    indicator_id: str
    name: str
    before: Decimal
    after: Decimal

    @property
    def delta(self) -> Decimal:
        return self.after - self.before


@dataclass(frozen=True, slots=True)
class EditOutcome:
    error: str | None  # Chinese message naming the field and what to type; None when accepted
    changes: tuple[ScoreChange, ...] = ()
    total_before: Decimal = ZERO
    total_after: Decimal = ZERO

    @property
    def ok(self) -> bool:
        return self.error is None


def field_title(obj: BaseModel, field: str) -> str:
    info = type(obj).model_fields.get(field)
    return info.title if info is not None and info.title else field


def validation_message(obj: BaseModel, field: str, exc: ValidationError) -> str:
    """A Chinese message for a rejected assignment, naming the field."""
    error = exc.errors(include_url=False)[0]
    cause = (error.get("ctx") or {}).get("error")
    title = field_title(obj, field)
    if isinstance(cause, NumberInputError):
        return f"「{title}」{cause.problem}。{cause.hint}"
    detail = describe_validation_error(exc).split("：", 1)[-1]
    return f"「{title}」{detail}"


class EditSession:
    def __init__(
        self,
        project: Project,
        path: Path | None = None,
        *,
        read_only: bool = False,
        autosave: bool = True,
        result: ProjectScore | None = None,
    ) -> None:
        self.project = project
        self.path = path
        self.read_only = read_only
        self.autosave = autosave and path is not None and not read_only
        self.ruleset: RuleSet = load_ruleset(project.ruleset)
        # ``result``: the loader's own score of this very project, so a load scores once.
        self.result: ProjectScore = result or score_project(project, self.ruleset)
        self.warnings: list[DataWarning] = self.full_check()
        self.last: EditOutcome | None = None
        # While an edit is on (from begin_field): what each field it changed held before it,
        # (object id, field) -> (object, field, value). A text that is no value puts these back.
        self._origin: dict[tuple[int, str], tuple[BaseModel, str, Any]] | None = None

    def begin_field(self) -> None:
        """A new edit begins (a field is entered, a cell is opened): what it changes from here on
        is remembered as it is now."""
        self._origin = {}

    def put_back(self, edit: Edit | None = None) -> EditOutcome | None:
        """The text being typed is no value: every field this edit has changed goes back to what
        it held when the edit began, through ``edit`` (this session's :meth:`set_field` unless
        given); the last outcome, or None when nothing had changed.

        So while a text is no value the project holds the value from before the edit, never one
        typed on the way (``4x50`` typed over 450: 450, not the ``4``).
        """
        edit = edit or self.set_field
        outcome = None
        for _ in range(2):  # a number put back clears the text beside it (目标值): then the text
            for obj, field, value in list((self._origin or {}).values()):
                if getattr(obj, field) != value:
                    outcome = edit(obj, field, value)
        return outcome

    def set_on_the_way(self, obj: BaseModel, field: str, updates: dict[str, Any]) -> dict[str, Any]:
        """What the text now typed in 目标值/完成值 leaves alone of the fields an earlier text of
        this edit set beside it (unit, operator, direction; the 定性 rule and its 评价等级), with
        what they held before the edit: ``≥9.5`` typed key by key keeps no unit ``.`` from
        ``≥9.``, a bare ``9`` no ``≥`` of ``≥9``, ``控制在3天以内`` not the 定性 rule of ``控``.
        (The text itself is always the one typed now, or none for a bare number.)"""
        if not self._origin or field not in ("target", "actual"):
            return {}
        beside = ("unit", "operator", "direction") if field == "target" else ()
        out: dict[str, Any] = {}
        for key in (*beside, "rule", "inputs"):
            if key in updates or key not in type(obj).model_fields:
                continue
            before = self._origin.get((id(obj), key))
            if before is not None and getattr(obj, key) != before[2]:
                out[key] = before[2]
        return out

    def began_with(self, obj: BaseModel, key: str) -> Any:
        """What ``obj.key`` held when this edit began (as it is now if the edit left it alone)."""
        before = (self._origin or {}).get((id(obj), key))
        return getattr(obj, key) if before is None else before[2]

    def full_check(self) -> list[DataWarning]:
        """Every data warning of the project as it is now."""
        return check_project(self.project, self.ruleset)

    def set_field(self, obj: BaseModel, field: str, value: Any) -> EditOutcome:
        """Assign ``value`` (typed text or a parsed value) to ``obj.field``; re-score; save.

        A rejected value leaves the model as it was and returns the Chinese message.
        """
        if self.read_only:
            return EditOutcome("本项目以只读方式打开（另一个窗口正在编辑），修改不会保存")
        old = getattr(obj, field)
        # 目标值/完成值 of an indicator, or of one year of a cross-year one: kept as typed.
        as_written = isinstance(obj, (Indicator, YearValues)) and field in ("target", "actual")
        if isinstance(value, str) and isinstance(old, (Decimal, type(None))) and field != "reading":
            value = value.strip()
            label = getattr(obj, f"{field}_label", "") if as_written else ""
            if value == "" and old is None and not label:
                return EditOutcome(None)
            if value == "":
                value = None
        updates: dict[str, Any] = {field: value}
        unit = obj.unit if isinstance(obj, Indicator) else ""
        if as_written and isinstance(value, (str, type(None))):
            # The unit the edit began with, not one read from a text typed on the way (``≥9.``).
            unit = self.set_on_the_way(obj, field, {}).get("unit", unit)
        if as_written and isinstance(value, str):
            typed = typed_updates(field, value, unit) if value else None
            if typed is not None:
                # As written (≥95%, ≤5个工作日, 按时完成): the text is kept, its number scored,
                # its operator sets the direction and a unit in the cell the indicator's unit.
                updates = {k: v for k, v in typed.items() if k in type(obj).model_fields}
                if isinstance(obj, Indicator):
                    # No number: 定性 (按时完成), as the importer reads it.
                    began = (self.began_with(obj, "rule"), self.began_with(obj, "inputs"))
                    updates.update(
                        qualitative_updates(self.ruleset, obj, field, value, began=began)
                    )
            else:
                try:  # the indicator's own unit may be typed with the value: 1338路
                    number = parse_number(
                        value, field=field_title(obj, field), kind="value", unit=unit
                    )
                except NumberInputError as exc:
                    return EditOutcome(f"「{exc.field}」{exc.problem}。{exc.hint}")
                updates = {field: number}
                if getattr(obj, f"{field}_label"):  # a bare number replaces the text typed before
                    updates[f"{field}_label"] = ""
        elif as_written and value is None:
            updates[f"{field}_label"] = ""
        if as_written and isinstance(value, (str, type(None))):
            updates.update(self.set_on_the_way(obj, field, updates))
        replaced = {key: getattr(obj, key) for key in updates}
        error = assign(obj, updates)
        if error is not None and value is None and isinstance(old, Decimal):
            # A typed field left empty: the field's typed-entry message (不能为空, what to type),
            # not the file wording of a missing number.
            error = assign(obj, {field: ""}) or error
        if error is not None:
            return EditOutcome(error)
        if self._origin is not None:
            for key, before in replaced.items():
                self._origin.setdefault((id(obj), key), (obj, key, before))
        if (
            isinstance(obj, Indicator)
            and field == "levels"
            and any(item is obj for item in self.project.indicators)
        ):
            regroup(self.project, obj, old)  # a new group: to the end of it, in the file too
        return self.commit()

    def commit(self) -> EditOutcome:
        """Re-score after any change to ``self.project``, and save it if this session saves."""
        before = self.result
        self.result = score_project(self.project, self.ruleset)
        self.warnings = self.full_check()
        if self.autosave and self.path is not None:
            save_project(self.project, self.path)
        self.last = EditOutcome(
            None, score_changes(before, self.result), before.total, self.result.total
        )
        return self.last

    def save(self) -> None:
        if self.path is not None and not self.read_only:
            save_project(self.project, self.path)


def assign(obj: BaseModel, updates: dict[str, Any]) -> str | None:
    """Set every field of ``updates`` on ``obj``, or none of them: the Chinese message if refused."""
    olds = {key: getattr(obj, key) for key in updates}
    for key, value in updates.items():
        try:
            setattr(obj, key, value)
        except ValidationError as exc:
            # A model-wide check (a manual score above the weight) fails after pydantic has
            # already assigned the value: put the old ones back, so a refused edit changes nothing.
            obj.__dict__.update(olds)
            return validation_message(obj, key, exc)
    return None


def score_changes(before: ProjectScore, after: ProjectScore) -> tuple[ScoreChange, ...]:
    old = {item.id: item.score for item in before.indicators}
    out = []
    for item in after.indicators:
        previous = old.get(item.id, ZERO)
        if previous != item.score:
            out.append(ScoreChange(item.id, item.name, previous, item.score))
    return tuple(out)
