"""Step 1 基本情况: the project's basics and the free-text parts of the report."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from ...scoring.basics_fields import BASICS_TITLES
from ..widgets.field import FieldError, FieldInput, Ref
from ..widgets.form_scroll import FormScroll
from .base import StepScreen

SHORT_FIELDS = (
    ("name", "必填"),
    ("year", "必填，例如 2020"),
    ("unit", "必填"),
    ("department", ""),
    ("preparer", ""),
    ("phone", ""),
    ("fill_date", "例如 2021-05-23"),
    ("team_leader", ""),
)
LONG_FIELDS = (
    "goals_text",
    "background",
    "basis",
    "organization",
    "content",
    "approach",
    "achievements",
    "problems",
    "suggestions",
)


# The national 自评表's own texts (年度总体目标 实际完成情况, 评价结论, 改进措施).
NATIONAL_FIELDS = ("goal_result", "conclusion", "improvements")


def title(field: str) -> str:
    return BASICS_TITLES.get(field, field)


class ReportText(Static, can_focus=True):
    """A part of the report shown as a short preview; Enter opens it in an editor.

    One editor at a time keeps this step light: nine live text areas would make it the slowest
    screen of the wizard to open.
    """

    BINDINGS = [Binding("enter", "edit", "编辑")]
    DEFAULT_CSS = """
    ReportText { height: auto; max-height: 3; background: $surface; padding: 0 1; }
    ReportText:focus { background: $surface-lighten-1; }
    """

    def __init__(self, field: str, text: str) -> None:
        super().__init__(id=f"text-{field}")
        self.field = field
        self.show_text(text)

    def show_text(self, text: str) -> None:
        self.text = text
        # Three lines show at most ~230 cells; wrapping the whole text would only cost time.
        preview = text.strip()
        self.update(preview[:120] + ("…" if len(preview) > 120 else "") or "（空，回车填写）")

    def action_edit(self) -> None:
        from ..dialogs.text_edit import TextEditDialog

        def done(new: str | None) -> None:
            if new is not None:
                self.post_message(self.Edited(self, new))

        screen = self.screen
        read_only = isinstance(screen, StepScreen) and screen.ws.read_only
        dialog = TextEditDialog(title(self.field), self.text, read_only=read_only)
        self.app.push_screen(dialog, done)

    class Edited(Message):
        def __init__(self, area: ReportText, text: str) -> None:
            super().__init__()
            self.area = area
            self.text = text


class BasicsScreen(StepScreen):
    STEP = "basics"
    AUTO_FOCUS = "#basics-name"  # the first field; focusing the form would restyle it twice

    DEFAULT_CSS = """
    BasicsScreen #basics-form { padding: 0 1; }
    BasicsScreen #basics-fields { height: auto; }
    BasicsScreen #basics-labels { width: 14; }
    BasicsScreen #basics-inputs { width: 1fr; height: auto; }
    BasicsScreen #basics-inputs FieldInput { width: 1fr; }
    BasicsScreen #basics-messages { height: auto; }
    BasicsScreen .section { margin-top: 1; text-style: bold; color: $accent; }
    BasicsScreen .text-label { margin-top: 1; }
    """

    def compose_body(self) -> ComposeResult:
        # Before validation the fields show the file's JSON as it is (see ..deferred).
        pending = self.wizard.pending if self.wizard.workspace is None else None
        # One column of names beside one column of one-line fields (a row per field would be
        # three more widgets each to build and style); a field's message goes under the block,
        # and names the field.
        messages = Vertical(id="basics-messages")
        with FormScroll(id="basics-form"):
            yield Static("项目基本信息（专项名称、年度、填报单位必填）", classes="section")
            with Horizontal(id="basics-fields"):
                yield Static("\n".join(title(f) for f, _ in SHORT_FIELDS), id="basics-labels")
                with Vertical(id="basics-inputs"):
                    for field, hint in SHORT_FIELDS:
                        text = pending.basics_text(field) if pending is not None else ""
                        if pending is not None:
                            pending.typed[field] = text
                        value = FieldInput(
                            Ref("basics"), field, text, placeholder=hint, id=f"basics-{field}"
                        )
                        value.error_label = FieldError()
                        value.error_label.home = messages
                        yield value
            yield messages

    def mounted(self) -> None:
        # The report's parts are below the first screenful: mounted after the first paint.
        self.call_after_refresh(self._mount_report_texts)

    def attach_project(self) -> None:
        if self.project_attached or not self.is_mounted:
            return
        pending = self.wizard.pending
        shown = pending.typed if pending is not None else {}
        typed = [f for f in self.query(FieldInput) if f.value != shown.get(f.field, f.value)]
        texts = {f: f.value for f in typed}
        super().attach_project()
        for field in typed:  # typed while the file was checked: applied as if typed now
            field.set_quietly(texts[field])
            self.ws.begin_field()
            self.apply_field(field, texts[field])
        self.ws.begin_field()
        # After the score is on screen: mounting the report's parts (below the first screenful)
        # before it would hold the score back by their layout and styling.
        self.call_after_refresh(self._mount_report_texts)

    def _mount_report_texts(self) -> None:
        basics = self.ws.project.basics
        widgets: list[Widget] = [
            Static("报告正文（可留空；回车编辑，导出的评价报告按此填写）", classes="section")
        ]
        national = self.ws.project.ruleset.startswith("national")
        for field in (*LONG_FIELDS, *(NATIONAL_FIELDS if national else ())):
            widgets += [
                Static(title(field), classes="text-label"),
                ReportText(field, getattr(basics, field)),
                FieldError(id=f"error-{field}"),
            ]
        self.query_one("#basics-form").mount_all(widgets)

    def explain_target(self, widget: object) -> tuple[None, str]:
        return None, "基本情况不参与评分；这些内容写入导出的评价报告。"

    def on_report_text_edited(self, event: ReportText.Edited) -> None:
        area = event.area
        outcome = self.apply_value(self.ws.project.basics, area.field, event.text)
        self.query_one(f"#error-{area.field}", FieldError).show_message(outcome.error)
        if outcome.ok:
            area.show_text(getattr(self.ws.project.basics, area.field))
            self.wizard.save_now()

    def refresh_from_model(self) -> None:
        super().refresh_from_model()
        basics = self.ws.project.basics
        for area in self.query(ReportText):
            text = getattr(basics, area.field)
            if area.text != text:
                area.show_text(text)
