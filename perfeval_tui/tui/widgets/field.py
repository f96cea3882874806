"""Entry fields bound to one field of one model object, with the Chinese message under them.

A field knows *where* its value lives (a :class:`Ref` plus a field name), never how to score it:
the screen sends every change through the workspace's edit session, the one path to the model.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from ...scoring.numbers import fmt_plain
from ..keymap import STEP_JUMP_KEYS
from .in_order import InOrderKeys

if TYPE_CHECKING:  # the models are imported after the first paint
    from pydantic import BaseModel

    from ...scoring.model import Indicator, Project

Table = Literal["basics", "funds", "districts", "indicators", "inputs", "budget_block", "yearly"]


@dataclass(frozen=True, slots=True)
class Ref:
    """Where a field's object lives in the project: ``Ref("funds", "fund-1")``."""

    table: Table
    row_id: str | None = None

    def resolve(
        self, project: Project, find: Callable[[str], Indicator] | None = None
    ) -> BaseModel:
        """The object; ``find`` looks an indicator up by id faster than a scan, when given."""
        if self.table == "basics":
            return project.basics
        if self.table in ("inputs", "indicators"):
            indicator = (find or project.indicator)(self.row_id or "")
            return indicator.inputs if self.table == "inputs" else indicator
        if self.table == "yearly":  # one year of a cross-year indicator: ``<id>/<position>``
            owner, _, position = (self.row_id or "").rpartition("/")
            years = (find or project.indicator)(owner).yearly
            if not position.isdigit() or int(position) >= len(years):
                raise KeyError(self.row_id)
            return years[int(position)]
        if self.table == "budget_block":  # the national block's rows have no id: by position
            index = int(self.row_id or "0")
            if index >= len(project.budget_block):
                raise KeyError(self.row_id)
            return project.budget_block[index]
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
    home: Widget | None = None  # where it is mounted with its first message, if not composed

    def show_message(self, message: str | None) -> None:
        if (message or "") == self.message:
            return
        self.message = message or ""
        home = self.home
        if message and self.parent is None and home is not None and home.is_mounted:
            home.mount(self)
        self.set_class(bool(message), "-shown")
        self.update(self.message)


class FieldInput(InOrderKeys, Input):
    # Keys run in the order typed: see in_order.py (a burst "Ctrl+U 9 0" once became "9690").
    """A compact one-line input for ``ref.field``; Enter or leaving it commits (saves).

    A ``live`` field is applied on every keystroke; others only on Enter or when left.
    """

    live = True
    _quiet = False  # set while the value is shown from the model, not typed
    # Input sets its virtual size (the typed text's width) on every keystroke; as a layout
    # reactive that lays the whole step out again per key. A field's own size never depends
    # on its text (fixed width, one line, no scroll bars), so the text's width is only
    # recorded here, for scrolling the cursor into view.
    virtual_size = Reactive(Size(0, 0), layout=False)

    def __init__(
        self,
        ref: Ref,
        field: str,
        value: str = "",
        *,
        placeholder: str = "",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(
            value,
            placeholder=placeholder,
            # Never a ``restrict``: a refused character vanished without a word (``4x50`` became
            # 450). The text is taken as typed and the edit session refuses it with the field's
            # message.
            compact=True,
            # The edit session judges the value; Input's own validation would only add a
            # -valid class to every field, a restyle each, when the step opens.
            validate_on=(),
            id=id,
            classes=classes,
        )
        self.ref = ref
        self.field = field
        self.error_label: FieldError | None = None

    async def take_key(self, event: events.Key) -> bool:
        # Enter commits the field and goes on to the next one at once, in the order typed:
        # "2024 Enter 某局" in one burst put 某局 into 年度, since the focus moved only when the
        # screen got round to the Submitted message, after the characters behind the Enter.
        if event.key != "enter":
            return False
        commit = getattr(self.screen, "commit_field", None)
        if commit is not None:
            commit(self)
        self.screen.focus_next()
        return True

    def _on_blur(self, event: events.Blur) -> None:
        # Input's own blur handler runs as well (Textual calls each class's handler). A long
        # value left scrolled to its end reads as another text (`018年宜居住区…`): back to
        # its start, so what the field shows is how the value begins.
        self.scroll_to(x=0, animate=False, immediate=True)

    def _on_paste(self, event: events.Paste) -> None:
        # Rows copied from WPS/Excel (tabs, several lines) become rows of the step's table.
        from ...project.paste import looks_like_rows  # the models: not before the first paint

        paste_rows = getattr(self.screen, "paste_rows", None)
        table = getattr(self.screen, "PASTE_TABLE", None)
        if paste_rows is not None and table and looks_like_rows(event.text):
            event.stop()
            event.prevent_default()  # not into the line as well
            paste_rows(event.text)
            return
        # Otherwise Input's own handler takes it (Textual calls each class's handler in turn:
        # calling it from here as well pasted the text twice).

    def check_consume_key(self, key: str, character: str | None) -> bool:
        # Alt+N arrives as the character Option+N types (ESC 4 -> ¢); it jumps to step N
        # even while a field has the focus.
        return key not in STEP_JUMP_KEYS and super().check_consume_key(key, character)

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
        # At least one cell between a label and its value (目标值文字 is as wide as the form's
        # 10-cell labels and ran into its text: 目标值文字≥80%).
        self.label_width = max(label_width or 14, cell_len(label) + 1)
        self.error = FieldError()
        self.error.home = self
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
        # The message line is mounted when there is a first message (most fields never get
        # one): fewer widgets to build and style when a step opens.
