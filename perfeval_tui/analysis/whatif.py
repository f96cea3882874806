"""What-if simulation: edit a copy of a project and compare its scores with the saved baseline.

A :class:`Sandbox` never touches the caller's project or any file: it works on a deep copy, edits
go through the same validators and engine as real edits (an :class:`EditSession` that does not
save), and :meth:`Sandbox.apply` hands back the edited copy for the caller to adopt after
confirmation. Every number comes from :func:`score_project`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from ..project.session import EditOutcome, EditSession, field_title
from ..scoring.checks import DataWarning
from ..scoring.engine import ProjectScore, ScoringError, score_project
from ..scoring.families import family_of, tick_order
from ..scoring.model import Indicator, Project, RuleInputs
from ..scoring.numbers import NumberInputError, fmt2, parse_number
from ..scoring.ruleset import RuleSet, load_ruleset, reading_options
from .paths import FieldRef, PathError, SimulationError, nearest, resolve

ZERO = Decimal(0)
MINUS = "\u2212"
_YES = frozenset({"是", "1", "满足", "true", "yes", "y", "√", "✓", "勾选"})
_NO = frozenset({"否", "0", "不满足", "false", "no", "n", "×", "不勾选", ""})
_LIST_SPLIT = re.compile(r"[,，、;；\s]+")


def fmt_delta(delta: Decimal) -> str:
    """``−0.51`` / ``+0.51`` / ``±0.00`` (true minus sign, 2 decimals)."""
    if delta > 0:
        return f"+{fmt2(delta)}"
    if delta < 0:
        return f"{MINUS}{fmt2(-delta)}"
    return "±0.00"


@dataclass(frozen=True, slots=True)
class ScoreDelta:
    """One indicator, subtotal or the total: baseline vs simulated (None when absent on one side)."""

    key: str  # indicator id, "/".join(group path), or "total"
    name: str
    levels: tuple[str, ...]
    weight: Decimal
    before: Decimal | None
    after: Decimal | None

    @property
    def delta(self) -> Decimal:
        return (self.after or ZERO) - (self.before or ZERO)

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def line(self) -> str:
        """``监控建成数量 15.00 → 14.49 (−0.51)``."""
        before = "—" if self.before is None else fmt2(self.before)
        after = "—" if self.after is None else fmt2(self.after)
        return f"{self.name} {before} → {after} ({fmt_delta(self.delta)})"


@dataclass(frozen=True, slots=True)
class Comparison:
    indicators: tuple[ScoreDelta, ...]
    groups: tuple[ScoreDelta, ...]
    total: ScoreDelta
    grade_before: str
    grade_after: str

    @property
    def changed_indicators(self) -> tuple[ScoreDelta, ...]:
        return tuple(d for d in self.indicators if d.changed)

    def total_line(self) -> str:
        """``总分 99.60（优） → 98.79（优） (−0.81)``."""
        t = self.total
        return (
            f"总分 {fmt2(t.before or ZERO)}（{self.grade_before}） → "
            f"{fmt2(t.after or ZERO)}（{self.grade_after}） ({fmt_delta(t.delta)})"
        )


@dataclass(frozen=True, slots=True)
class ValueChange:
    """One value that differs from the baseline, as stored in the file (JSON text)."""

    pointer: str
    label: str
    old: str
    new: str

    def line(self) -> str:
        return f"{self.label}  {self.old} → {self.new}"


def compare(baseline: ProjectScore, simulated: ProjectScore) -> Comparison:
    before = {item.id: item for item in baseline.indicators}
    after = {item.id: item for item in simulated.indicators}
    indicators = [
        ScoreDelta(
            key,
            (after.get(key) or before[key]).name,
            (after.get(key) or before[key]).levels,
            (after.get(key) or before[key]).weight,
            before[key].score if key in before else None,
            after[key].score if key in after else None,
        )
        for key in [*after, *(k for k in before if k not in after)]
    ]
    old_groups = {g.path: g for g in baseline.groups}
    new_groups = {g.path: g for g in simulated.groups}
    groups = [
        ScoreDelta(
            "/".join(path),
            "/".join(path),
            path,
            (new_groups.get(path) or old_groups[path]).weight,
            old_groups[path].score if path in old_groups else None,
            new_groups[path].score if path in new_groups else None,
        )
        for path in [*new_groups, *(p for p in old_groups if p not in new_groups)]
    ]
    total = ScoreDelta(
        "total", "总分", (), simulated.ruleset.total_weight, baseline.total, simulated.total
    )
    return Comparison(tuple(indicators), tuple(groups), total, baseline.grade, simulated.grade)


class Sandbox:
    """A scratch copy of a project: set values, switch readings, compare, reset, apply."""

    def __init__(
        self,
        project: Project,
        ruleset: RuleSet | None = None,
        *,
        baseline: ProjectScore | None = None,
    ) -> None:
        """``baseline``: the engine's score of ``project`` when the caller already has it."""
        self.ruleset = ruleset or load_ruleset(project.ruleset)
        self._original = project.model_copy(deep=True)
        self.baseline: ProjectScore = baseline or score_project(self._original, self.ruleset)
        self._session = EditSession(self._original.model_copy(deep=True), None, autosave=False)

    @property
    def project(self) -> Project:
        """The edited copy (wizard forms may bind to its objects and edit via :meth:`set_field`)."""
        return self._session.project

    @property
    def result(self) -> ProjectScore:
        return self._session.result

    @property
    def warnings(self) -> list[DataWarning]:
        return self._session.warnings

    @property
    def dirty(self) -> bool:
        return self.project != self._original

    def resolve(self, path: str) -> FieldRef:
        return resolve(self.project, self.ruleset, path)

    def set(self, path: str, value: str | Decimal | int | None) -> FieldRef:
        """Set the value at ``path`` (JSON pointer or ``指标名.完成值``); raise :class:`SimulationError`."""
        ref = self.resolve(path)
        self._assign(ref.owner, ref.field, self._coerce(ref, value), ref.label)
        return ref

    def set_assignment(self, text: str) -> FieldRef:
        """``PATH=VALUE`` as typed on the command line."""
        path, sep, value = text.partition("=")
        if not sep or not path.strip():
            raise SimulationError(
                f"「{text}」格式不对，请写成 路径=数值，例如 监控建成数量.完成值=1600 或 /funds/0/actual_spend=430"
            )
        return self.set(path, value)

    def set_field(self, obj: BaseModel, field: str, value: Any) -> EditOutcome:
        """Edit an object of :attr:`project` directly, as the wizard's forms do; never saves."""
        return self._session.set_field(obj, field, value)

    def begin_field(self) -> None:
        """A field of the sandbox is entered: what its edit changes is remembered as it is now."""
        self._session.begin_field()

    def put_back(self) -> bool:
        """The text being typed is no value: the sandbox as before the field's edit began (never a
        value typed on the way); whether anything changed."""
        return self._session.put_back() is not None

    def set_reading(self, rule_id: str, reading: str | None) -> None:
        """Switch a rule's reading for the whole project (None: back to the rule set's default)."""
        rule = self.ruleset.rules.get(rule_id)
        if rule is None:
            raise PathError(
                f"规则集「{self.ruleset.id}」中没有规则「{rule_id}」",
                nearest(rule_id, list(self.ruleset.rules)),
            )
        readings = dict(self.project.readings)
        if reading:
            _check_choice(f"规则「{rule.name}」的口径", reading, list(reading_options(rule)))
            readings[rule_id] = reading
        else:
            readings.pop(rule_id, None)
        self._assign(self.project, "readings", readings, f"规则「{rule.name}」的口径")

    def set_reading_switch(self, text: str) -> None:
        """``RULE=READING`` as typed on the command line."""
        rule_id, sep, reading = text.partition("=")
        if not sep or not rule_id.strip() or not reading.strip():
            raise SimulationError(
                f"--reading「{text}」格式不对，请写成 规则=口径，例如 budget_execution_rate=floor"
            )
        self.set_reading(rule_id.strip(), reading.strip())

    def comparison(self) -> Comparison:
        return compare(self.baseline, self.result)

    def changes(self) -> list[ValueChange]:
        old = self._original.model_dump(mode="json")
        new = self.project.model_dump(mode="json")
        return [
            ValueChange(
                pointer, self._label(pointer), self._show(pointer, a), self._show(pointer, b)
            )
            for pointer, a, b in _diff(old, new, "")
        ]

    def reset(self) -> None:
        self._session = EditSession(self._original.model_copy(deep=True), None, autosave=False)

    def apply(self) -> Project:
        """The edited project, for the caller to adopt (after confirmation) in the real session."""
        return self.project.model_copy(deep=True)

    # -- internals --------------------------------------------------------------------------

    def _label(self, pointer: str) -> str:
        try:
            return resolve(self.project, self.ruleset, pointer).label
        except PathError:
            return pointer

    def _show(self, pointer: str, value: Any) -> str:
        rule = self.ruleset.rules.get(pointer.removeprefix("/readings/"))
        if value is None and pointer.startswith("/readings/") and rule is not None:
            return f"默认（{rule.reading}）"
        return _show(value)

    def _coerce(self, ref: FieldRef, value: str | Decimal | int | None) -> Any:
        text = "" if value is None else (value if isinstance(value, str) else str(value)).strip()
        indicator = ref.indicator
        if ref.kind == "count":
            number = _parse(text, ref.label, "count", "")
            counts = dict(ref.owner.counts) if isinstance(ref.owner, RuleInputs) else {}
            if number or ref.key in counts:
                counts[str(ref.key)] = int(number)
            return counts
        if ref.kind == "value":
            values = dict(ref.owner.values) if isinstance(ref.owner, RuleInputs) else {}
            if text:
                values[str(ref.key)] = _parse(text, ref.label, "value", "")
            else:
                values.pop(str(ref.key), None)
            return values
        if ref.kind == "tick":
            if text.lower() not in _YES | _NO:
                raise SimulationError(f"{ref.label}：请填 是 或 否（满足/不满足）")
            return _ticked(self.ruleset, indicator, ref, text.lower() in _YES)
        if ref.kind == "ticked":
            return _ticked_list(self.ruleset, indicator, ref, text)
        if ref.kind == "reading":
            readings = dict(self.project.readings)
            if text:
                named = self.ruleset.rules[str(ref.key)]
                _check_choice(ref.label, text, list(reading_options(named)))
                readings[str(ref.key)] = text
            else:
                readings.pop(str(ref.key), None)
            return readings
        rule = self.ruleset.rules.get(indicator.rule) if indicator is not None else None
        if indicator is not None and ref.owner is indicator and ref.field in ("target", "actual"):
            return None if not text else _parse(text, ref.label, "value", indicator.unit)
        if ref.field in ("reading", "level") and not text:
            return None
        if indicator is not None and ref.field == "reading" and rule is not None:
            _check_choice(ref.label, text, list(reading_options(rule)))
        if ref.field == "level" and rule is not None:
            levels = [
                code
                for spec in family_of(rule).inputs(rule)
                if spec.key == "level"
                for _label, code in spec.options
                if code
            ]
            _check_choice(ref.label, text, levels)
        if ref.field == "direction":
            _check_choice(ref.label, text, ["正向", "反向"])
        return text

    def _assign(self, owner: BaseModel, field: str, value: Any, label: str) -> None:
        old = getattr(owner, field)
        try:
            outcome = self._session.set_field(owner, field, value)
        except ScoringError as exc:
            setattr(owner, field, old)
            self._session.commit()
            raise SimulationError(str(exc)) from None
        if outcome.error is not None:
            title = f"「{field_title(owner, field)}」"
            message = outcome.error
            message = (
                label + message[len(title) :]
                if message.startswith(title)
                else f"{label}：{message}"
            )
            raise SimulationError(message)


def _parse(text: str, label: str, kind: Any, unit: str) -> Decimal:
    try:
        return parse_number(text, field=label, kind=kind, unit=unit)
    except NumberInputError as exc:
        raise SimulationError(f"{label}{exc.problem}。{exc.hint}") from None


def _check_choice(label: str, value: str, choices: list[str]) -> None:
    if value not in choices:
        raise SimulationError(
            f"{label}没有「{value}」这一项，可选：{'、'.join(choices)}", nearest(value, choices, 3)
        )


def _items(ruleset: RuleSet, indicator: Indicator | None) -> list[str]:
    rule = ruleset.rules.get(indicator.rule) if indicator is not None else None
    return [] if rule is None else tick_order(family_of(rule).inputs(rule))


def _ticked(ruleset: RuleSet, indicator: Indicator | None, ref: FieldRef, met: bool) -> list[str]:
    current = set(ref.owner.ticked) if isinstance(ref.owner, RuleInputs) else set()
    current = current | {str(ref.key)} if met else current - {str(ref.key)}
    order = _items(ruleset, indicator)
    return [i for i in order if i in current] + sorted(current - set(order))


def _ticked_list(
    ruleset: RuleSet, indicator: Indicator | None, ref: FieldRef, text: str
) -> list[str]:
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1].replace('"', " ").replace("'", " ")
    chosen = [t for t in _LIST_SPLIT.split(text) if t]
    known = _items(ruleset, indicator)
    for item in chosen:
        if item not in known:
            raise SimulationError(
                f"{ref.label}：没有事项「{item}」，可选：{'、'.join(known)}",
                nearest(item, known, 3),
            )
    return [i for i in known if i in chosen]


def _show(value: Any) -> str:
    if value is None:
        return "（空）"
    if isinstance(value, list):
        return "、".join(str(v) for v in value) or "（无）"
    return str(value)


def _diff(old: Any, new: Any, pointer: str) -> Iterator[tuple[str, Any, Any]]:
    """Leaf-level differences between two JSON documents, as (pointer, old, new)."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [*old, *(k for k in new if k not in old)]:
            token = str(key).replace("~", "~0").replace("/", "~1")
            yield from _diff(old.get(key), new.get(key), f"{pointer}/{token}")
    elif (
        isinstance(old, list)
        and isinstance(new, list)
        and any(isinstance(v, (dict, list)) for v in [*old, *new])
    ):
        for index in range(max(len(old), len(new))):
            a = old[index] if index < len(old) else None
            b = new[index] if index < len(new) else None
            yield from _diff(a, b, f"{pointer}/{index}")
    elif old != new:
        yield pointer, old, new
