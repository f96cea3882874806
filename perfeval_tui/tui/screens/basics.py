"""Step 1 基本情况: the project's basics and the free-text parts of the report."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static, TextArea

from ...model import Basics
from ..widgets.field import FieldError, FieldInput, FieldRow, Ref
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


def title(field: str) -> str:
    return Basics.model_fields[field].title or field


class ReportText(TextArea):
    """A multi-line part of the report, bound to one Basics field."""

    DEFAULT_CSS = """
    ReportText { height: 5; border: none; padding: 0 1; background: $surface; }
    ReportText:focus { background: $surface-lighten-1; }
    """

    def __init__(self, field: str, text: str) -> None:
        super().__init__(
            text, soft_wrap=True, show_line_numbers=False, compact=True, id=f"text-{field}"
        )
        self.field = field


class BasicsScreen(StepScreen):
    STEP = "basics"

    DEFAULT_CSS = """
    BasicsScreen #basics-form { padding: 0 1; }
    BasicsScreen .section { margin-top: 1; text-style: bold; color: $accent; }
    BasicsScreen .text-label { margin-top: 1; }
    """

    def compose_body(self) -> ComposeResult:
        basics = self.ws.project.basics
        with VerticalScroll(id="basics-form"):
            yield Static("项目基本信息（专项名称、年度、填报单位必填）", classes="section")
            for field, hint in SHORT_FIELDS:
                value = FieldInput(Ref("basics"), field, placeholder=hint, id=f"basics-{field}")
                yield FieldRow(title(field), value)
            yield Static("报告正文（可留空，导出的评价报告按此填写）", classes="section")
            for field in LONG_FIELDS:
                yield Static(title(field), classes="text-label")
                yield ReportText(field, getattr(basics, field))
                yield FieldError(id=f"error-{field}")

    def explain_target(self, widget: object) -> tuple[None, str]:
        return None, "基本情况不参与评分；这些内容写入导出的评价报告。"

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        area = event.text_area
        if not isinstance(area, ReportText):
            return
        outcome = self.apply_value(self.ws.project.basics, area.field, area.text)
        self.query_one(f"#error-{area.field}", FieldError).show_message(outcome.error)

    def refresh_from_model(self) -> None:
        super().refresh_from_model()
        basics = self.ws.project.basics
        for area in self.query(ReportText):
            text = getattr(basics, area.field)
            if area.text != text:
                with area.prevent(TextArea.Changed):
                    area.text = text
