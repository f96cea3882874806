"""F5 模拟: try values on a copy of the project and see every score move against the saved file.

Edits go to a :class:`~perfeval_tui.analysis.whatif.Sandbox` (a copy scored by the engine; the project and
its file are never touched). The list shows every subtotal and indicator against the file, the
pane on the right edits the chosen indicator's inputs, and the bottom line shows the total.
Goal seek (F6, F8) drafts answers that the engine has re-scored; Enter puts one into the sandbox.
``采用这些修改`` (Ctrl+S) carries the sandbox into the project through the workspace's edit path,
after a confirmation, so it is saved like any edit.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Checkbox, Footer, Input, ListView, Select

from ...analysis.paths import SimulationError
from ...analysis.seek import SeekAnswer
from ...analysis.whatif import Sandbox
from ...project.workspace import Workspace
from ..host import FocusContext, WizardHost, require_host
from ..keymap import SANDBOX_KEYS, bindings
from ..widgets.delta_list import DeltaList
from ..widgets.field import FieldInput
from ..widgets.line_stack import LineStack
from ..widgets.live import LiveStatic
from ..widgets.rule_inputs import apply_change
from ..widgets.sandbox_editor import SandboxEditor, changes_text
from ..widgets.score_bar import StepBar

LIST_WIDTH = 46  # the score list; the edit pane takes the rest of 80 columns


def differences(live: BaseModel, edited: BaseModel) -> list[tuple[BaseModel, str, Any]]:
    """(object of ``live``, field, value of ``edited``) for every field that differs.

    Rows are matched by position and id (a sandbox never adds or removes rows), so the project's
    own objects are edited in place and open forms stay bound to them.
    """
    out: list[tuple[BaseModel, str, Any]] = []
    for name in type(live).model_fields:
        old, new = getattr(live, name), getattr(edited, name)
        if old == new:
            continue
        if isinstance(old, BaseModel) and type(old) is type(new):
            out += differences(old, new)
        elif _same_rows(old, new):
            for a, b in zip(old, new, strict=True):
                out += differences(a, b)
        else:
            out.append((live, name, copy.deepcopy(new)))
    return out


def _same_rows(old: object, new: object) -> bool:
    return (
        isinstance(old, list)
        and isinstance(new, list)
        and len(old) == len(new)
        and all(
            isinstance(a, BaseModel)
            and type(a) is type(b)
            and getattr(a, "id", None) == getattr(b, "id", None)
            for a, b in zip(old, new, strict=True)
        )
    )


def adopt(workspace: Workspace, sandbox: Sandbox) -> list[str]:
    """Carry the sandbox's values into the project through the edit session; the problems."""
    if workspace.read_only:
        return ["本项目以只读方式打开（另一个窗口正在编辑），不能采用修改"]
    workspace.begin_field()  # the score bar then shows the effect of the whole adoption
    problems = []
    for obj, field, value in differences(workspace.project, sandbox.project):
        outcome = workspace.edit(obj, field, value)
        if outcome.error:
            problems.append(outcome.error)
    return problems


class SimulationScreen(Screen[None]):
    BINDINGS = bindings(SANDBOX_KEYS)
    DEFAULT_CSS = f"""
    SimulationScreen #sb-split {{ height: 1fr; }}
    SimulationScreen #sb-left {{
        width: {LIST_WIDTH}; max-width: 60%; height: 1fr; border-right: solid $primary 50%;
    }}
    SimulationScreen.-wide #sb-left {{ width: 64; }}
    SimulationScreen #sb-list {{ height: 1fr; }}
    SimulationScreen #sb-changes {{
        height: 5; border-top: solid $primary 50%; padding: 0 1 0 0;
    }}
    SimulationScreen #sb-editor {{ width: 1fr; height: 1fr; }}
    SimulationScreen #sb-total {{
        height: 1; background: $panel; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis;
    }}
    """

    def __init__(self, workspace: Workspace, indicator_id: str | None = None) -> None:
        super().__init__()
        self.workspace = workspace
        self.sandbox = Sandbox(
            workspace.project, workspace.session.ruleset, baseline=workspace.session.result
        )
        self.start_indicator = indicator_id

    @property
    def wizard(self) -> WizardHost:
        return require_host(self.app)

    def compose(self) -> ComposeResult:
        yield StepBar(id="sb-title")
        with Horizontal(id="sb-split"):
            with Vertical(id="sb-left"):
                yield DeltaList(self.sandbox.comparison(), width=LIST_WIDTH - 2, id="sb-list")
                yield LineStack(id="sb-changes")
            yield SandboxEditor(self.sandbox, id="sb-editor")
        yield LiveStatic(id="sb-total")
        yield Footer(compact=True)

    @property
    def deltas(self) -> DeltaList:
        return self.query_one(DeltaList)

    @property
    def editor(self) -> SandboxEditor:
        return self.query_one(SandboxEditor)

    def on_mount(self) -> None:
        title = self.query_one(StepBar)
        title.update(
            Text.assemble(
                ("模拟试算", "bold"),
                "（不改动项目文件；Esc 返回）  ",
                self.workspace.project.basics.name,
            )
        )
        start = self.start_indicator or self._indicator_underneath()
        if start is None and self.workspace.project.indicators:
            start = self.workspace.project.indicators[0].id
        if start is not None:
            self.deltas.select_indicator(start)
        self.deltas.focus()
        self.show_sandbox()

    def _indicator_underneath(self) -> str | None:
        """The indicator the step underneath is on: the indicator step's selection, or the first
        indicator scored by the rule behind the focused field (预算执行率 from 实际支出数)."""
        stack = self.app.screen_stack
        below = stack[-2] if len(stack) > 1 else None
        if not isinstance(below, FocusContext):
            return None
        selected = below.focused_indicator_id()
        if selected is not None:
            return selected
        rule = below.rule_for_focus()
        using = [i.id for i in self.workspace.project.indicators if i.rule == rule]
        return using[0] if using else None

    # ----- rendering ----------------------------------------------------------------------

    def show_sandbox(self) -> None:
        """Render the sandbox's current result everywhere (only texts that changed repaint)."""
        comparison = self.sandbox.comparison()
        self.deltas.show(comparison)
        self.editor.show(comparison)
        self.query_one("#sb-changes", LineStack).set(changes_text(self.sandbox))
        warnings = len(self.sandbox.warnings)
        total = comparison.total_line() + (f"  警告 {warnings} 条（Ctrl+G）" if warnings else "")
        self.query_one("#sb-total", LiveStatic).set(Text(total, style="bold"))

    async def show_indicator(self, indicator_id: str | None) -> None:
        editor = self.editor
        editor.indicator_id = indicator_id
        await editor.recompose()
        editor.scroll_home(animate=False)
        editor.show(self.sandbox.comparison())

    @on(ListView.Highlighted, "#sb-list")
    async def _highlighted(self, event: ListView.Highlighted) -> None:
        indicator_id = self.deltas.indicator_id
        if indicator_id is not None and indicator_id != self.editor.indicator_id:
            await self.show_indicator(indicator_id)

    @on(ListView.Selected, "#sb-list")
    def _selected(self, event: ListView.Selected) -> None:
        # Enter: 完成值 first, as in the wizard's indicator step; else the first input there is.
        widgets = [w for w in self.editor.query("Input, Checkbox, Select") if w.focusable]
        actual = [w for w in widgets if (w.id or "").endswith("-actual")]
        if actual or widgets:
            (actual or widgets)[0].focus()

    # ----- edits --------------------------------------------------------------------------

    # The field whose edit the sandbox has begun and its object (ids; see ``StepScreen``).
    field_edit: tuple[int, int] | None = None

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.sandbox.begin_field()  # a refused text keeps what the field held when entered
        self.field_edit = None

    def _apply(self, widget: Any, value: Any) -> None:
        if isinstance(widget, FieldInput):
            try:
                obj = widget.ref.resolve(self.sandbox.project)
            except KeyError:
                obj = None
            if self.field_edit != (id(widget), id(obj)):
                self.sandbox.begin_field()
                self.field_edit = (id(widget), id(obj))
        error = apply_change(self.sandbox, widget, value)
        if isinstance(widget, FieldInput):
            if error is not None and self.sandbox.put_back():
                self.show_sandbox()  # the sandbox as before this field's edit, not a value on the way
            widget.show_error(error)
        elif error:
            self.notify(error, severity="warning", timeout=5)
        if error is None:
            self.show_sandbox()

    def on_input_changed(self, event: Input.Changed) -> None:
        if isinstance(event.input, FieldInput):
            event.stop()
            self._apply(event.input, event.value)

    @on(Checkbox.Changed)
    def _checkbox(self, event: Checkbox.Changed) -> None:
        event.stop()
        self._apply(event.checkbox, event.value)

    @on(Select.Changed)
    def _select(self, event: Select.Changed) -> None:
        event.stop()
        self._apply(event.select, event.value)

    async def apply_answer(self, answer: SeekAnswer | None) -> None:
        """Put a goal-seek answer into the sandbox (its settings, as ``perfeval simulate`` takes them)."""
        if answer is None:
            return
        try:
            for setting in answer.settings:
                self.sandbox.set(setting.path, setting.value)
        except SimulationError as exc:
            self.notify(str(exc), severity="warning", timeout=6)
        self.sandbox.begin_field()  # the answer is no part of an edit typed before it
        self.field_edit = None
        self.deltas.select_indicator(answer.indicator_id)
        await self.show_indicator(answer.indicator_id)
        self.show_sandbox()
        self.notify(f"已放入模拟：{answer.summary}", timeout=4)

    # ----- keys ---------------------------------------------------------------------------

    def action_close(self) -> None:
        if not self.sandbox.dirty:
            self.dismiss(None)
            return
        from ..dialogs.confirm import ConfirmDialog

        count = len(self.sandbox.changes())

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(None)
                self.app.notify("模拟已关闭，修改未采用（项目文件未改动）。", timeout=4)

        question = f"放弃模拟中的 {count} 项修改？（Ctrl+S 可先采用）"
        self.app.push_screen(ConfirmDialog(question, yes="放弃"), answered)

    def action_warnings(self) -> None:
        from ..dialogs.warnings import WarningsDialog

        self.app.push_screen(WarningsDialog(self.sandbox.warnings, where="（模拟值）"))

    async def action_reset(self) -> None:
        if not self.sandbox.dirty:
            self.notify("没有修改，无需重置。", timeout=2)
            return
        self.sandbox.reset()
        await self.show_indicator(self.editor.indicator_id)
        self.show_sandbox()
        self.notify("已全部恢复为文件中的数值。", timeout=3)

    def action_adopt(self) -> None:
        from ..widgets.in_order import after_typed_keys

        after_typed_keys(self.app, self._ask_adopt)  # a value typed just before Ctrl+S counts

    def _ask_adopt(self) -> None:
        changes = self.sandbox.changes()
        if not changes:
            self.notify("没有修改可采用。", timeout=3)
            return
        if self.workspace.read_only:
            self.notify("本项目以只读方式打开，不能采用修改。", severity="warning", timeout=5)
            return
        from ..dialogs.confirm import ConfirmDialog

        total = self.sandbox.comparison().total_line()
        question = f"采用这些修改（{len(changes)} 项）并保存到项目文件？\n{total}"

        def answered(yes: bool | None) -> None:
            if yes:
                self._adopt()

        self.app.push_screen(ConfirmDialog(question, yes="采用"), answered)

    def _adopt(self) -> None:
        count = len(self.sandbox.changes())
        problems = adopt(self.workspace, self.sandbox)
        self.wizard.save_now()
        if problems:
            self.notify("；".join(problems), severity="error", timeout=8)
            return
        self.dismiss(None)
        below = self.app.screen
        reload = getattr(below, "load_form", None)
        if reload is not None:  # the indicator step: ticks and choices are rebuilt, not refreshed
            self.app.call_later(reload, getattr(below, "selected", None))
        self.app.notify(f"已采用 {count} 项修改并保存。", timeout=4)

    def action_seek(self) -> None:
        indicator_id = self.deltas.indicator_id or self.editor.indicator_id
        if indicator_id is None:
            self.notify("先在左侧选择一个指标。", timeout=3)
            return
        from ..dialogs.seek import SeekDialog

        self.app.push_screen(SeekDialog(self.sandbox, indicator_id), self.apply_answer)

    def action_seek_total(self) -> None:
        from ..dialogs.seek import TotalSeekDialog

        self.app.push_screen(TotalSeekDialog(self.sandbox), self.apply_answer)

    def action_changes(self) -> None:
        from ..dialogs.seek import ChangesDialog

        self.app.push_screen(ChangesDialog(self.sandbox))

    def action_rule_help(self) -> None:
        indicator_id = self.editor.indicator_id
        if indicator_id is None:
            return
        from ..dialogs.rule import RuleDialog

        rule = self.sandbox.project.indicator(indicator_id).rule
        self.app.push_screen(RuleDialog(self.workspace, rule))

    def action_curve(self) -> None:
        indicator_id = self.editor.indicator_id
        if indicator_id is None:
            return
        from ..dialogs.curve import CurveDialog

        self.app.push_screen(CurveDialog(self.sandbox.project, indicator_id, self.sandbox.ruleset))
