"""Entry widgets for the parts of an indicator that are not a plain field: its name and level path,
incident counts, checklist ticks, the choice fields, and the manual override.

Each turns what the user did into ``(field, value)`` for the edit session, or a Chinese message.
Numbers still go through the one number parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from pydantic import BaseModel
from textual.containers import ScrollableContainer
from textual.widgets import Select

from ...project.session import EditOutcome
from ...scoring.families import InputField, parse_input, updated_value
from ...scoring.model import Indicator, RuleInputs, YearValues
from ...scoring.numbers import NumberInputError, fmt_plain, parse_number
from .field import FieldInput, Ref, display_value
from .tick import MarkedCheckbox

MENU_OPEN = "-menu-open"  # on the form while a choice's menu is open: room below the last field
PATH_SPLIT = re.compile(r"\s*[/／]\s*")


def refused(message: str) -> tuple[str, EditOutcome]:
    return "", EditOutcome(message)


class NameInput(FieldInput):
    """The indicator's own name: the last of its levels."""

    def __init__(self, ref: Ref, *, id: str | None = None) -> None:
        super().__init__(ref, "levels", id=id)

    def model_text(self, obj: BaseModel) -> str:
        return str(obj.levels[-1]) if isinstance(obj, Indicator) else ""

    def to_model(self, text: str, obj: BaseModel) -> tuple[str, Any]:
        assert isinstance(obj, Indicator)
        if not text.strip():
            return refused("「指标名称」不能为空。请输入指标名称，例如 监控建成数量")
        return "levels", [*obj.levels[:-1], text.strip()]


class PathInput(FieldInput):
    """The levels above the indicator, ``个性指标 / 专项总目标 / 产出``; applied on Enter or leaving."""

    live = False

    def __init__(self, ref: Ref, *, id: str | None = None) -> None:
        super().__init__(ref, "levels", placeholder="例如 个性指标 / 专项总目标 / 产出", id=id)

    def model_text(self, obj: BaseModel) -> str:
        return " / ".join(obj.levels[:-1]) if isinstance(obj, Indicator) else ""

    def to_model(self, text: str, obj: BaseModel) -> tuple[str, Any]:
        assert isinstance(obj, Indicator)
        parts = [p for p in PATH_SPLIT.split(text.strip()) if p]
        if not parts:
            return refused(
                "「指标层级」不能为空。请用 / 分隔各级，例如 个性指标 / 专项总目标 / 产出"
            )
        if len(parts) > 4:
            return refused("「指标层级」最多四级（一级/二级/三级/四级）。请删去多余的层级")
        return "levels", [*parts, obj.levels[-1]]


class ValueInput(FieldInput):
    """目标值 or 完成值: shown as typed (``≥95%``, ``按时完成``) when it was; the edit session reads
    an operator, a unit and a text as plain mode and the importer do."""

    def model_text(self, obj: BaseModel) -> str:
        typed = isinstance(obj, (Indicator, YearValues))
        label = getattr(obj, f"{self.field}_label", "") if typed else ""
        return label or display_value(getattr(obj, self.field))


class SpecInput(FieldInput):
    """A count or a number a rule keeps in the indicator's ``inputs`` (its family's input spec):
    incident counts, a judged score …; empty means 0 for a count and nothing for a number."""

    def __init__(
        self,
        ref: Ref,
        spec: InputField,
        *,
        check: Callable[[Decimal], str | None] | None = None,
        id: str | None = None,
    ) -> None:
        count = spec.kind == "count"
        super().__init__(
            ref,
            spec.attribute,
            placeholder="0" if count else "",
            id=id,
            classes="-number",
        )
        self.spec = spec
        self.check = check  # a range the rule sets (a 定性 band's 评定得分): the message, or None

    def model_text(self, obj: BaseModel) -> str:
        if not isinstance(obj, RuleInputs):
            return ""
        if self.spec.kind == "count":
            count = obj.counts.get(self.spec.key, 0)
            return str(count) if count else ""
        value = obj.values.get(self.spec.key)
        return "" if value is None else fmt_plain(value)

    def to_model(self, text: str, obj: BaseModel) -> tuple[str, Any]:
        assert isinstance(obj, RuleInputs)
        try:
            value = parse_input(self.spec, text)
        except NumberInputError as exc:
            return refused(str(exc))
        if self.check is not None and isinstance(value, Decimal):
            problem = self.check(value)
            if problem is not None:
                return refused(problem)
        return self.spec.attribute, updated_value(obj, self.spec, value)


class OverrideInput(FieldInput):
    """One half of the manual override (the score or the reason); the other half is ``partner``."""

    def __init__(
        self, ref: Ref, part: str, enabled: Callable[[], bool], *, id: str | None = None
    ) -> None:
        placeholder = "例如 8" if part == "score" else "必填：为何不用计算得分"
        super().__init__(
            ref,
            "override",
            placeholder=placeholder,
            id=id,
            classes="-number" if part == "score" else None,
        )
        self.part = part
        self.enabled = enabled
        self.partner: OverrideInput | None = None

    def model_text(self, obj: BaseModel) -> str:
        override = obj.override if isinstance(obj, Indicator) else None
        if override is None:
            return ""
        return str(override.score if self.part == "score" else override.reason)

    def to_model(self, text: str, obj: BaseModel) -> tuple[str, Any]:
        if not self.enabled():
            return refused("请先勾选「使用人工评分」")
        other = self.partner.value if self.partner is not None else ""
        score_text, reason = (text, other) if self.part == "score" else (other, text)
        return override_value(score_text, reason)


def tick_label(spec: InputField) -> str:
    """A checklist item with its points first (``1 分 · 每个项目都有绩效目标``), so that a narrow
    form cuts the end of the wording, never the points."""
    points = spec.label.removeprefix(spec.subject).strip().strip("（）()").strip()
    if not spec.subject or not points or points == spec.label:
        return spec.label
    return f"{points} · {spec.subject}"


def override_value(score_text: str, reason: str) -> tuple[str, Any]:
    try:
        score = parse_number(score_text, field="人工评分", kind="score")
    except NumberInputError as exc:
        return refused(str(exc))
    if not reason.strip():
        return refused("「调整理由」不能为空。请写明为何不用计算得分，例如 经复核应扣 1 分")
    return "override", {"score": score, "reason": reason.strip()}


class TickBox(MarkedCheckbox):
    """One checklist item; ticked means the item is met and its points are earned."""

    def __init__(self, label: str, item_id: str, value: bool, *, id: str | None = None) -> None:
        super().__init__(label, value, id=id, compact=True)
        self.item_id = item_id

    def ticked_list(self, inputs: RuleInputs, order: list[str]) -> list[str]:
        ticked = set(inputs.ticked)
        if self.value:
            ticked.add(self.item_id)
        else:
            ticked.discard(self.item_id)
        return [item for item in order if item in ticked]


class ChoiceSelect(Select[str]):
    """A choice bound to ``ref.field``; the empty value means None (e.g. the rule set's reading)."""

    def __init__(
        self,
        ref: Ref,
        field: str,
        options: list[tuple[str, str]],
        value: str,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(options, value=value, allow_blank=False, compact=True, id=id)
        self.ref = ref
        self.field = field

    def model_value(self, value: str) -> str | None:
        if self.field in ("reading", "level"):
            return value or None
        return value

    # The menu opens below the choice. Drawn over the score bar and the footer it lost
    # characters there (a wide character cut at a footer key's edge), so the form first gives
    # itself room below, brings the choice to its top, and the menu stops above the status lines.

    def action_show_overlay(self) -> None:
        form = self._form()
        if form is None:
            super().action_show_overlay()
            return
        form.add_class(MENU_OPEN)
        self.call_after_refresh(self._open_below)

    def _open_below(self) -> None:
        self.scroll_visible(animate=False, top=True, immediate=True)
        super().action_show_overlay()
        self.call_after_refresh(self._fit_menu)

    def _fit_menu(self) -> None:
        status_lines = 2  # the score bar and the footer
        room = self.screen.size.height - status_lines - self.region.bottom
        self.query_one("SelectOverlay").styles.max_height = max(3, min(12, room))

    def watch_expanded(self, expanded: bool) -> None:
        form = self._form()
        if not expanded and form is not None:
            form.remove_class(MENU_OPEN)

    def _form(self) -> ScrollableContainer | None:
        for ancestor in self.ancestors:
            if isinstance(ancestor, ScrollableContainer):
                return ancestor
        return None
