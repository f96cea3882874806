"""What every step screen shares: the step bar, the score bar, the explanation panel, the keys,
and the one edit path (a field changes -> the edit session parses, updates, re-scores -> the
score bar, the explanation and the step's own derived cells show the new result).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.containers import Container
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input

from .. import keymap
from ..host import WizardHost, require_host
from ..steps import STEP_KEYS, STEPS, position_label, step_index
from ..widgets.explanation import ExplanationPanel
from ..widgets.field import FieldInput
from ..widgets.read_only import lock_entries
from ..widgets.score_bar import ScoreBar, StepBar

if TYPE_CHECKING:  # the models are imported after the first paint (see ..deferred)
    from pydantic import BaseModel

    from ...project.paste import PasteTable
    from ...project.session import EditOutcome
    from ...project.workspace import Workspace
    from ...scoring.engine import IndicatorScore


def _is_text_area(widget: object) -> bool:
    """Whether ``widget`` is a TextArea, without importing TextArea (heavy) to ask."""
    module = sys.modules.get("textual.widgets._text_area")
    return module is not None and isinstance(widget, module.TextArea)


# What works while the file is being validated (see ..deferred): leaving, and the key list.
BEFORE_VALIDATION = frozenset({"quit", "help", "toggle_explain"})


class StepScreen(Screen[None]):
    STEP: ClassVar[str] = ""
    HAS_EXPLANATION: ClassVar[bool] = True
    LOCKS_READ_ONLY: ClassVar[bool] = True  # entry fields edit the project: off when read-only
    # The table that rows pasted from WPS/Excel go to (附表1, 区县, 附表2), if any.
    PASTE_TABLE: ClassVar[PasteTable | None] = None
    BINDINGS = keymap.bindings(keymap.STEP_KEYS)

    def __init__(self) -> None:
        super().__init__()
        # The breakpoint class from the start: added on the first resize instead, it would
        # restyle every widget of the step once more.
        width = self.app.size.width
        breakpoints = self.HORIZONTAL_BREAKPOINTS or self.app.HORIZONTAL_BREAKPOINTS or []
        # Not styled yet: ``update=False`` (styling an unmounted screen costs a pass over the CSS).
        self.add_class(*self._get_breakpoint_classes(width, breakpoints), update=False)

    DEFAULT_CSS = """
    StepScreen #step-main { height: 1fr; layout: vertical; }
    StepScreen #step-body { height: 1fr; }
    StepScreen #explain {
        display: none; height: 10; max-height: 45%; border-top: solid $primary;
        border-title-align: right;
    }
    StepScreen.-show-explain #explain { display: block; }
    StepScreen.-wide #step-main { layout: horizontal; }
    StepScreen.-wide #step-body { width: 1fr; height: 1fr; }
    StepScreen.-wide #explain {
        display: block; width: 35%; min-width: 42; height: 1fr; max-height: 100%;
        border-top: none;
        border-left: solid $primary;
    }
    """

    _host: WizardHost | None = None
    # The field whose edit the workspace has begun, and its object (see ``apply_field``).
    field_edit: tuple[FieldInput, BaseModel] | None = None

    @property
    def wizard(self) -> WizardHost:
        # Asked on every keystroke: a runtime Protocol check walks every member, so once.
        if self._host is None:
            self._host = require_host(self.app)
        return self._host

    @property
    def ws(self) -> Workspace:
        workspace = self.wizard.workspace
        assert workspace is not None, "step screens are shown only with a project open"
        return workspace

    # ----- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield StepBar(id="step-bar")
        with Container(id="step-main"):
            with Container(id="step-body"):
                yield from self.compose_body()
            if self.HAS_EXPLANATION:
                yield ExplanationPanel(id="explain")
        yield ScoreBar()
        yield Footer(compact=True)

    def compose_body(self) -> ComposeResult:
        yield from ()

    # Textual runs a handler such as ``on_mount`` once for every class that defines it, so a
    # step never defines the event handlers below (nor calls them through ``super()``, which
    # would run this work twice): it overrides the hooks they call instead.

    def on_mount(self) -> None:
        if self.wizard.workspace is None:  # drawn from the file's JSON; validated after the paint
            from ..deferred import PENDING_TEXT

            self.query_one(StepBar).show(position_label(self.STEP), None)
            self.query_one(ScoreBar).show_pending(PENDING_TEXT)
            self.call_after_refresh(self.wizard.validate_pending)
            return
        self.project_attached = True
        self.build_views()
        self.query_one(StepBar).show(position_label(self.STEP), self.ws)
        self.refresh_from_model()
        self.shows_current_project = True
        self.call_after_refresh(self.wizard.settle_memory)
        self.mounted()

    def build_views(self) -> None:
        """Build what :meth:`refresh_from_model` fills in (a grid's rows, the indicator tree).

        Called once, when the step is mounted with its project, before the project is shown.
        """

    def mounted(self) -> None:
        """The step has been mounted and shows its project: set the focus or the selection.

        Called once, after the first :meth:`refresh_from_model`; not for a step drawn while its
        file is still being validated (see :meth:`attach_project`).
        """

    project_attached = False  # whether the validated project is shown (see ..deferred)
    # Whether the step shows the project as it is now: false once another screen (another
    # step, a dialog) has been over it, where the project may have changed.
    shows_current_project = False

    def attach_project(self) -> None:
        """The project has been validated: show it, and apply what was typed meanwhile."""
        if self.project_attached or not self.is_mounted:
            return
        self.project_attached = True
        self.query_one(StepBar).show(position_label(self.STEP), self.ws)
        self.refresh_from_model()
        self.shows_current_project = True

    def on_screen_suspend(self) -> None:
        self.shows_current_project = False

    def on_screen_resume(self) -> None:
        # Another step may have changed the project (or a dialog did): show it as it is now.
        # A step shown for the first time gets this more than once right after its mount
        # (Textual resumes a new mode's screen as it builds it, and again as it switches to
        # it): nothing can have changed in between, so nothing is drawn again.
        if not self.project_attached:
            if self.wizard.workspace is not None:
                self.attach_project()
        elif self.is_mounted and not self.shows_current_project:
            # Back from a dialog, the sandbox or another step, whose changes are no part of the
            # edit typed here before: what a refused text keeps is counted from now.
            self.ws.begin_field()
            self.field_edit = None
            self.query_one(StepBar).show(position_label(self.STEP), self.ws)
            self.refresh_from_model()
            self.shows_current_project = True
            self.resumed()

    def resumed(self) -> None:
        """The step is shown again, after another step or a dialog, and :meth:`refresh_from_model`
        has shown the project as it is now: update what that leaves out."""

    async def rebuild(self) -> None:
        """Compose the step again after a structural change (a row added, removed or moved)."""
        await self.recompose()
        self.query_one(StepBar).show(position_label(self.STEP), self.ws)
        self.refresh_from_model()

    def refresh_from_model(self) -> None:
        """Show the model's current values and the latest result everywhere on this step."""
        for field in self.query(FieldInput):
            try:
                obj = field.ref.resolve(self.ws.project)
            except KeyError:
                continue
            if not field.has_class("-invalid") or not field.has_focus:
                field.set_quietly(field.model_text(obj))
                field.show_error(None)
        self.show_result(None)
        self.update_explanation(self.focused)
        self.lock_if_read_only()

    def lock_if_read_only(self) -> None:
        """A read-only window: the project's entry fields take no typing (see read_only.py)."""
        if self.LOCKS_READ_ONLY:
            lock_entries(self, self.ws.read_only)

    def show_result(self, outcome: EditOutcome | None) -> None:
        """Re-render what depends on the score; steps extend this with their derived cells."""
        self.query_one(ScoreBar).show(self.ws)

    # ----- the edit path ------------------------------------------------------------------

    def apply_value(self, obj: BaseModel, field: str, value: Any) -> EditOutcome:
        """Send one change through the edit session, then show its result."""
        outcome = self.ws.edit(obj, field, value)
        if outcome.ok:
            self.show_edit(outcome)
        elif self.ws.read_only and not self.wizard.told_read_only:
            self.wizard.told_read_only = True  # once; the field's own message says it each time
            self.notify(outcome.error or "", severity="warning", timeout=4)
        return outcome

    def show_edit(self, outcome: EditOutcome) -> None:
        self.show_result(outcome)
        self.update_explanation(self.focused)
        self.wizard.schedule_save()

    def put_back(self) -> bool:
        """The text being typed is no value: the project goes back to what the edit began with
        (never a value typed on the way, as the 4 of ``4x50``); whether anything moved."""
        outcome = self.ws.put_back()
        if outcome is not None:
            self.show_edit(outcome)
        return outcome is not None

    def on_input_changed(self, event: Input.Changed) -> None:
        if isinstance(event.input, FieldInput):
            event.stop()  # handled already, by field_edited

    def field_edited(self, field: FieldInput, text: str) -> None:
        """Every keystroke in a field arrives here (called by the field as its value changes)."""
        if field.live:
            self.apply_field(field, text)
        else:
            field.show_error(None)

    def apply_field(self, field: FieldInput, text: str) -> None:
        if not self.project_attached:
            return  # kept in the field; applied when the project is ready (attach_project)
        try:
            obj = field.ref.resolve(self.ws.project, self.ws.find_indicator)
        except KeyError:
            return
        if not field.live and text == field.model_text(obj):
            field.show_error(None)
            return
        if (
            self.field_edit is None
            or self.field_edit[0] is not field
            or self.field_edit[1] is not obj
        ):
            # This field's first change on this object (it may show another indicator now, or
            # the project changed since it was entered): its edit begins here.
            self.ws.begin_field()
            self.field_edit = (field, obj)
        name, value = field.to_model(text, obj)
        from ...project.session import EditOutcome

        if isinstance(value, EditOutcome):  # the field's own conversion refused the text
            self.put_back()
            field.show_error(value.error)
            return
        outcome = self.apply_value(obj, name, value)
        if outcome.error is not None:
            self.put_back()
        field.show_error(outcome.error)

    def commit_field(self, field: FieldInput) -> None:
        """Enter in ``field`` (which then moves the focus on itself): apply it and save."""
        if not field.live:
            self.apply_field(field, field.value)
        self.wizard.save_now()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        widget = event.widget
        if isinstance(widget, FieldInput) and not widget.live and widget.is_mounted:
            self.apply_field(widget, widget.value)
        if isinstance(widget, FieldInput) or _is_text_area(widget):
            self.wizard.save_now()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if not self.project_attached:
            return
        self.ws.begin_field()
        self.field_edit = None
        self.update_explanation(event.widget)

    # ----- pasted rows --------------------------------------------------------------------

    def on_paste(self, event: events.Paste) -> None:
        from ...project.paste import looks_like_rows  # the models: not before the first paint

        if self.PASTE_TABLE is not None and looks_like_rows(event.text):
            event.stop()
            self.paste_rows(event.text)

    def paste_rows(self, text: str) -> None:
        """Rows pasted from WPS/Excel: a preview first; the rows are added only when confirmed."""
        if self.PASTE_TABLE is None:
            return
        from ..paste_flow import offer_paste

        offer_paste(self, self, self.PASTE_TABLE, text)

    async def rows_pasted(self, ids: list[str]) -> None:
        """Show the rows just pasted."""
        await self.rebuild()

    # ----- explanation --------------------------------------------------------------------

    def explain_target(self, widget: Widget | None) -> tuple[IndicatorScore | None, str] | None:
        """The score to explain for ``widget`` (and a note), or None to keep the panel as is."""
        return None

    def update_explanation(self, widget: Widget | None) -> None:
        if not self.HAS_EXPLANATION or not self.project_attached:
            return
        panel = self.query_one(ExplanationPanel)
        if not panel.display:
            return  # hidden at 80 columns until F4: nothing to repaint
        target = self.explain_target(widget)
        if target is not None:
            panel.show_score(*target)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.project_attached and action not in BEFORE_VALIDATION:
            return False  # every other key reads the validated project
        # The footer shows only keys that work here: no F4 without a panel, no 下一步 on the
        # last step, no 上一步 on the first.
        index = step_index(self.STEP)
        if action == "next_step":
            return index + 1 < len(STEPS)
        if action == "previous_step":
            return index > 0
        return not (action == "toggle_explain" and not self.HAS_EXPLANATION)

    def action_toggle_explain(self) -> None:
        if not self.HAS_EXPLANATION:
            self.notify("本步骤没有评分解释面板。", timeout=3)
            return
        panel = self.query_one(ExplanationPanel)
        if panel.display and panel.page_down():
            return  # the explanation goes on below: F4 shows its next page first
        if self.has_class("-wide"):
            if panel.scroll_y:
                panel.scroll_home(animate=False)
                return
            self.notify("窗口宽度≥120 列时解释面板常显。", timeout=3)
            return
        self.toggle_class("-show-explain")
        panel.scroll_home(animate=False)
        self.update_explanation(self.focused)

    # ----- keys ---------------------------------------------------------------------------

    def action_save(self) -> None:
        self.wizard.save_now(force=True, announce=True)

    def action_next_step(self) -> None:
        index = step_index(self.STEP)
        if index + 1 < len(STEPS):
            self.wizard.goto_step(STEP_KEYS[index + 1])
        else:
            self.notify("已是最后一步。", timeout=2)

    def action_previous_step(self) -> None:
        index = step_index(self.STEP)
        if index > 0:
            self.wizard.goto_step(STEP_KEYS[index - 1])
        else:
            self.notify("已是第一步。", timeout=2)

    def action_goto_step(self, number: int) -> None:
        self.wizard.goto_step(STEP_KEYS[number - 1])

    def action_export(self) -> None:
        self.wizard.goto_step("export")

    def action_deductions(self) -> None:
        from ..dialogs.deductions import DeductionsDialog

        self.app.push_screen(DeductionsDialog(self.ws))

    def action_warnings(self) -> None:
        from ..dialogs.warnings import WarningsDialog

        self.app.push_screen(WarningsDialog(self.ws.session.warnings))

    def rule_for_focus(self) -> str | None:
        """The rule id behind the focused field, for F3; None opens the whole rule book."""
        return None

    def focused_indicator_id(self) -> str | None:
        """The indicator the user is on, for goal seek; None where a step has no indicators."""
        return None

    def action_rule_help(self) -> None:
        rule_id = self.rule_for_focus()
        if rule_id is None:
            self.notify("此字段不参与评分，已打开整本规则说明。", timeout=3)
            self.wizard.goto_step("rules")
            return
        from ..dialogs.rule import RuleDialog

        self.app.push_screen(RuleDialog(self.ws, rule_id))

    def action_simulate(self) -> None:
        self.wizard.open_simulation()
