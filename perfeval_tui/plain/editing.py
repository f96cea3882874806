"""One typed answer to one saved field: ask, hand the text to the edit session, re-ask on error.

The edit session parses (the one number parser), validates (the model), re-scores (the engine)
and saves atomically; so by the time the next question is asked the answer is on disk.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from ..project.session import EditOutcome, EditSession, field_title
from ..scoring.families.checklist import ChecklistItem
from ..scoring.families.incidents import IncidentClause
from ..scoring.model import Indicator
from ..scoring.numbers import fmt2, parse_number
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
                lambda: self.ask.ask_line(title, shown(getattr(obj, field), unit))
            )
            text = typed.strip()
            if not text:
                return
            try:
                value = self._value(obj, field, text)
            except ValueError as exc:  # NumberInputError carries its own Chinese message
                self.ask.error(str(exc))
                continue
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
    def tick(self, indicator: Indicator, item: ChecklistItem) -> None:
        ticked = item.id in indicator.inputs.ticked
        met = self.ask.ask_confirm(f"{item.text}（{fmt2(item.points)} 分）", ticked)
        if met == ticked:
            return
        wanted = set(indicator.inputs.ticked) ^ {item.id}
        order = [i.id for i in self._items(indicator)]
        self.apply(indicator.inputs, "ticked", [i for i in order if i in wanted])

    def _items(self, indicator: Indicator) -> list[ChecklistItem]:
        rule = self.session.ruleset.rules[indicator.rule]
        return list(getattr(rule, "items", []))

    def count(self, indicator: Indicator, clause: IncidentClause) -> None:
        current = Decimal(indicator.inputs.counts.get(clause.id, 0))
        cap = f"，扣完 {fmt2(clause.cap)} 分为止" if clause.cap is not None else ""
        cap = "，不设上限" if clause.uncapped else cap
        label = f"发现次数：{clause.text}（每起扣 {fmt2(clause.points)} 分{cap}）"
        number = self.ask.ask_number(label, current, field="发现次数", kind="count")
        if number is None or number == current:
            return
        counts = {k: v for k, v in indicator.inputs.counts.items() if k != clause.id}
        if number:
            counts[clause.id] = int(number)
        self.apply(indicator.inputs, "counts", counts)

    def level(self, indicator: Indicator, levels: list[str]) -> None:
        options = [Option(name, name) for name in levels]
        chosen = self.ask.ask_select("评价等级", options, indicator.inputs.level or levels[0])
        if chosen != indicator.inputs.level:
            self.apply(indicator.inputs, "level", chosen)
