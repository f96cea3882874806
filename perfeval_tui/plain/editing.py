"""One typed answer to one saved field: ask, hand the text to the edit session, re-ask on error.

The edit session parses (the one number parser), validates (the model), re-scores (the engine)
and saves atomically; so by the time the next question is asked the answer is on disk.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from ..project.session import EditOutcome, EditSession, field_title
from ..scoring.families import InputField, read_input, updated_value
from ..scoring.families.graded import JUDGED, GradedRule, judged_error
from ..scoring.model import Indicator, YearValues
from ..scoring.numbers import NumberKind, fmt2, parse_number
from .display import points_line, shown
from .prompts import CLEAR, Option, Prompter

# Report texts may hold several paragraphs; in line mode they are typed with \n between them.
MULTILINE_FIELDS = frozenset(
    {
        "background",
        "basis",
        "organization",
        "content",
        "approach",
        "achievements",
        "problems",
        "suggestions",
        "goals_text",
        "goal_result",
        "conclusion",
        "improvements",
        "deviation",
        "explanation_text",
        "criteria_text",
    }
)


class Editor:
    def __init__(self, session: EditSession, prompter: Prompter) -> None:
        self.session = session
        self.ask = prompter

    def field(self, obj: BaseModel, field: str, *, label: str | None = None) -> None:
        """Ask for ``obj.field`` showing its current value; Enter keeps it, ``-`` empties it."""
        title = label or field_title(obj, field)
        unit = obj.unit if isinstance(obj, Indicator) and field in ("target", "actual") else ""
        if unit:
            title = f"{title}（{unit}）"
        while True:
            typed = self.ask.guarded(
                lambda: self.ask.ask_line(title, current_text(obj, field, unit))
            )
            text = typed.strip()
            if not text:
                return
            try:
                value = self._value(obj, field, text)
            except ValueError as exc:  # NumberInputError carries its own Chinese message
                self.ask.error(str(exc))
                continue
            # A target or actual as written (≥95%, ≤5个工作日, 按时完成) is kept as typed and its
            # number scored; a bare number replaces the text typed before: the edit session's own.
            if self.apply(obj, field, value):
                return

    def _value(self, obj: BaseModel, field: str, text: str) -> Any:
        if text == CLEAR:
            info = type(obj).model_fields[field]
            if field == "name":
                raise ValueError(f"「{field_title(obj, field)}」不能为空，请输入名称")
            if isinstance(getattr(obj, field), Decimal) and info.default is not None:
                raise ValueError(f"「{field_title(obj, field)}」不能清空；没有这一项请输入 0")
            return ""
        if field == "year":  # full-width digits too, through the one parser
            return int(parse_number(text, field=field_title(obj, field), kind="count"))
        if field in MULTILINE_FIELDS:
            return text.replace("\\n", "\n")
        return text

    def _out_of_band(
        self, indicator: Indicator, spec: InputField, number: Decimal | None
    ) -> str | None:
        """A judged 定性 score outside its band: the Chinese message with the band's range."""
        rule = self.session.ruleset.rules.get(indicator.rule)
        if number is None or spec.key != JUDGED or not isinstance(rule, GradedRule):
            return None
        return judged_error(rule, indicator.inputs.level, indicator.weight, number)

    def apply(self, obj: BaseModel, field: str, value: Any) -> bool:
        """Commit one value; print its effect on the score, or the Chinese message."""
        outcome = self.session.set_field(obj, field, value)
        if outcome.error is not None:
            self.ask.error(outcome.error)
            return False
        self.report(outcome)
        return True

    def report(self, outcome: EditOutcome) -> None:
        """``→ 预算执行率（%） 4.00 → 3.50；总分 96.50（优）`` when the edit moved a score."""
        if not outcome.changes:
            return
        moves = "；".join(
            f"{c.name} {fmt2(c.before)} → {fmt2(c.after)}" for c in outcome.changes[:3]
        )
        more = f" 等 {len(outcome.changes)} 项" if len(outcome.changes) > 3 else ""
        self.ask.say(f"  → {moves}{more}；{points_line(self.session.result)}")

    def structural(self) -> None:
        """After adding, removing or moving rows: re-score and save, and say what moved."""
        self.report(self.session.commit())

    # -- rule inputs ------------------------------------------------------------------------
    def rule_input(self, indicator: Indicator, spec: InputField, order: list[str]) -> None:
        """Ask one input of the indicator's rule (see the family's input spec)."""
        if spec.owner == "indicator" and spec.kind == "number":
            self.field(indicator, spec.key)
            return
        current = read_input(indicator, spec)
        prompt = f"{spec.label}：{spec.note}" if spec.note else spec.label
        value: Any
        if spec.kind == "tick":
            value = self.ask.ask_confirm(spec.label, bool(current))
        elif spec.kind == "choice":
            options = [Option(label, code) for label, code in spec.options if code]
            value = self.ask.ask_select(prompt, options, current or options[0].value)
        else:
            kind: NumberKind = "count" if spec.kind == "count" else spec.number_kind
            default = None if current is None else Decimal(current)
            while True:
                number = self.ask.ask_number(
                    prompt, default, field=spec.label, kind=kind, unit=spec.unit, optional=True
                )
                problem = self._out_of_band(indicator, spec, number)
                if problem is None:
                    break
                self.ask.error(problem)
            value = int(number) if spec.kind == "count" and number is not None else number
        if value == current:
            return
        owner = indicator if spec.owner == "indicator" else indicator.inputs
        self.apply(owner, spec.attribute, updated_value(indicator.inputs, spec, value, order))


def current_text(obj: BaseModel, field: str, unit: str) -> str:
    """The value as the question shows it: a target or actual as typed (``≥95%``) when it was."""
    typed = isinstance(obj, (Indicator, YearValues)) and field in ("target", "actual")
    label = getattr(obj, f"{field}_label", "") if typed else ""
    return label or shown(getattr(obj, field), unit)
