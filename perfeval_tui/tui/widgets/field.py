"""Entry fields bound to one field of one model object, with the Chinese message under them.

A field knows *where* its value lives (a :class:`Ref` plus a field name), never how to score it:
the screen sends every change through the workspace's edit session, the one path to the model.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel
from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static

from ...scoring.model import Project
from ...scoring.numbers import fmt_plain
from ..keymap import alt_digit_characters

ALT_DIGIT_CHARS = alt_digit_characters()

Table = Literal["basics", "funds", "districts", "indicators", "inputs"]

# Characters a money field accepts as typed (digits, full-width digits, separators, 万元);
# anything else is refused at the key, the rest is judged by the number parser.
MONEY_CHARS = r"[0-9０-９,，.．。 \u3000+\-－万元]*"
COUNT_CHARS = r"[0-9０-９ ]*"


@dataclass(frozen=True, slots=True)
class Ref:
    """Where a field's object lives in the project: ``Ref("funds", "fund-1")``."""

    table: Table
    row_id: str | None = None

    def resolve(self, project: Project) -> BaseModel:
        if self.table == "basics":
            return project.basics
        if self.table == "inputs":
            return project.indicator(self.row_id or "").inputs
        rows: list[Any] = getattr(project, self.table)
        for row in rows:
            if row.id == self.row_id:
                return row  # type: ignore[no-any-return]
        raise KeyError(self.row_id)


def display_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return fmt_plain(value)
    return str(value)


class FieldError(Static):
    """The message under a field; takes no room while there is none."""

    DEFAULT_CSS = """
    FieldError {
        display: none;
        color: $error;
        padding: 0 0 0 1;
    }
    FieldError.-shown { display: block; }
    """

    message = ""

    def show_message(self, message: str | None) -> None:
        if (message or "") == self.message:
            return
        self.message = message or ""
        self.set_class(bool(message), "-shown")
        self.update(self.message)


class FieldInput(Input):
    """A compact one-line input for ``ref.field``; Enter or leaving it commits (saves).

    A ``live`` field is applied on every keystroke; others only on Enter or when left.
    """

    live = True
    _quiet = False  # set while the value is shown from the model, not typed

    def __init__(
        self,
        ref: Ref,
        field: str,
        value: str = "",
        *,
        restrict: str | None = None,
        placeholder: str = "",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(
            value,
            placeholder=placeholder,
            restrict=restrict,
            compact=True,
            id=id,
            classes=classes,
        )
        self.ref = ref
        self.field = field
        self.error_label: FieldError | None = None

    def check_consume_key(self, key: str, character: str | None) -> bool:
        # Alt+digit arrives as a character (ESC 4 -> ``¢``): leave it to the step keys.
        if character is not None and character in ALT_DIGIT_CHARS:
            return False
        return super().check_consume_key(key, character)

    def watch_value(self, value: str) -> None:
        # Straight to the screen's edit path, before the next frame is drawn: the score bar
        # changes in the same refresh as the typed character (no message round trip).
        if self._quiet or not self.is_mounted:
            return
        edited = getattr(self.screen, "field_edited", None)
        if edited is not None:
            edited(self, value)

    def model_text(self, obj: BaseModel) -> str:
        """The text this field shows for the model's current value."""
        return display_value(getattr(obj, self.field))

    def to_model(self, text: str, obj: BaseModel) -> tuple[str, Any]:
        """(model field, value) to hand to the edit session for the typed ``text``."""
        return self.field, text

    def set_quietly(self, text: str) -> None:
        """Show ``text`` without it counting as an edit."""
        if self.value != text:
            self._quiet = True
            try:
                with self.prevent(Input.Changed):
                    self.value = text
            finally:
                self._quiet = False

    def show_error(self, message: str | None) -> None:
        self.set_class(bool(message), "-invalid")
        if self.error_label is not None:
            self.error_label.show_message(message)


class FieldRow(Vertical):
    """``label [input] unit  derived`` on one line, the field's message below it."""

    DEFAULT_CSS = """
    FieldRow { height: auto; }
    FieldRow > Horizontal { height: 1; }
    FieldRow .field-label { width: 14; }
    FieldRow FieldInput { width: 1fr; }
    FieldRow FieldInput.-number { width: 12; }
    FieldRow .field-unit { width: auto; min-width: 5; padding: 0 1; color: $text-muted; }
    FieldRow .field-derived { width: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(
        self,
        label: str,
        field: FieldInput,
        *,
        unit: str = "",
        derived: Static | None = None,
        label_width: int | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.label = label
        self.input = field
        self.unit = unit
        self.derived = derived
        self.label_width = label_width or max(14, cell_len(label) + 1)
        self.error = FieldError()
        field.error_label = self.error

    def compose(self) -> ComposeResult:
        with Horizontal():
            label = Label(self.label, classes="field-label")
            label.styles.width = self.label_width
            yield label
            yield self.input
            if self.unit or self.derived is not None:
                yield Label(self.unit, classes="field-unit")
            if self.derived is not None:
                yield self.derived
        yield self.error
