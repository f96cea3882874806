"""新建 and 打开: dialogs that return an opened workspace (or None when cancelled).

Opening takes the file's edit lock; a file that fails to load is reported under the field and
never written to.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Select, Static

from ...project.factory import new_project
from ...project.storage import ProjectFileError, describe_validation_error
from ...project.workspace import Workspace, create_workspace, open_workspace
from ...scoring.model import Basics
from ...scoring.ruleset import DEFAULT_RULESET, available_rulesets, load_ruleset
from ..widgets.field import FieldError
from ..widgets.in_order import EntryInput

DIALOG_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 72; max-width: 100%; height: auto; max-height: 100%;
    border: solid $primary; background: $surface; padding: 0 1;
}}
{name} .title {{ text-style: bold; margin-bottom: 1; }}
{name} .row {{ height: 1; }}
{name} .row > Label {{ width: 12; }}
{name} .row > Input, {name} .row > Select {{ width: 1fr; }}
{name} .buttons {{ height: 1; margin-top: 1; align: center middle; }}
{name} Button {{ margin: 0 2; }}
"""


def basics_message(exc: ValidationError) -> str:
    """The first problem with the typed basics, naming the field in Chinese."""
    field = str(exc.errors(include_url=False)[0]["loc"][0])
    title = Basics.model_fields[field].title if field in Basics.model_fields else field
    problem = describe_validation_error(exc).split("：", 1)[-1]
    return f"「{title}」{problem}"


def json_files_here() -> list[str]:
    try:
        return sorted(str(p) for p in Path.cwd().glob("*.json"))[:200]
    except OSError:
        return []


class OpenDialog(ModalScreen[Workspace | None]):
    BINDINGS = [Binding("escape", "cancel", "取消", key_display="Esc")]
    DEFAULT_CSS = DIALOG_CSS.format(name="OpenDialog")

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("打开项目文件（.json）", classes="title")
            with Horizontal(classes="row"):
                yield Label("文件路径")
                yield EntryInput(
                    placeholder="例如 ~/评价/2020专项.json",
                    id="open-path",
                    compact=True,
                    suggester=SuggestFromList(json_files_here(), case_sensitive=False),
                )
            yield FieldError(id="open-error")
            with Horizontal(classes="buttons"):
                yield Button("打开(回车)", id="open-go", compact=True, variant="primary")
                yield Button("取消(Esc)", id="open-cancel", compact=True)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.try_open()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "open-go":
            self.try_open()
        else:
            self.dismiss(None)

    def try_open(self) -> None:
        text = self.query_one("#open-path", Input).value.strip()
        error = self.query_one("#open-error", FieldError)
        if not text:
            error.show_message("「文件路径」不能为空。请输入项目文件的路径，例如 ./2020专项.json")
            return
        try:
            workspace = open_workspace(Path(text).expanduser())
        except ProjectFileError as exc:
            error.show_message(str(exc))
            return
        self.dismiss(workspace)

    def action_cancel(self) -> None:
        self.dismiss(None)


class NewProjectDialog(ModalScreen[Workspace | None]):
    BINDINGS = [Binding("escape", "cancel", "取消", key_display="Esc")]
    DEFAULT_CSS = DIALOG_CSS.format(name="NewProjectDialog")

    def __init__(self, path: Path | None = None, ruleset: str | None = None) -> None:
        super().__init__()
        self.path = path
        self.ruleset = ruleset if ruleset in available_rulesets() else None

    def compose(self) -> ComposeResult:
        rulesets = [(load_ruleset(r).name, r) for r in available_rulesets()]
        with Vertical():
            yield Static("新建项目（专项名称、年度、填报单位必填）", classes="title")
            for field, label, hint in (
                ("name", "专项名称", "例如 2020年度宜居住区技防改造专项"),
                ("year", "年度", "例如 2020"),
                ("unit", "填报单位", "例如 无锡市公安局"),
            ):
                with Horizontal(classes="row"):
                    yield Label(label)
                    yield EntryInput(placeholder=hint, id=f"new-{field}", compact=True)
            with Horizontal(classes="row"):
                yield Label("评分规则集")
                default = self.ruleset or (
                    DEFAULT_RULESET if DEFAULT_RULESET in available_rulesets() else rulesets[0][1]
                )
                yield Select(
                    rulesets, value=default, allow_blank=False, compact=True, id="new-ruleset"
                )
            with Horizontal(classes="row"):
                yield Label("保存为")
                yield EntryInput(
                    str(self.path) if self.path else "",
                    id="new-path",
                    compact=True,
                    placeholder="例如 ./2020专项.json",
                )
            yield FieldError(id="new-error")
            with Horizontal(classes="buttons"):
                yield Button("创建(回车)", id="new-go", compact=True, variant="primary")
                yield Button("取消(Esc)", id="new-cancel", compact=True)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.try_create()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "new-go":
            self.try_create()
        else:
            self.dismiss(None)

    def _value(self, field: str) -> str:
        return self.query_one(f"#new-{field}", Input).value.strip()

    def try_create(self) -> None:
        error = self.query_one("#new-error", FieldError)
        try:
            basics = Basics(
                name=self._value("name"), year=self._value("year") or 0, unit=self._value("unit")
            )
        except ValidationError as exc:
            error.show_message(basics_message(exc))
            return
        path_text = self._value("path") or f"{basics.name}.json"
        path = Path(path_text).expanduser()
        if path.suffix.lower() != ".json":
            path = path.with_name(path.name + ".json")
        if path.exists():
            error.show_message(f"「{path}」已存在。请换一个文件名，或用「打开」打开它")
            return
        ruleset = str(self.query_one("#new-ruleset", Select).value)
        project = new_project(basics.name, basics.year, basics.unit, ruleset)
        try:
            workspace = create_workspace(project, path)
        except (OSError, ProjectFileError) as exc:
            error.show_message(f"无法创建「{path}」：{getattr(exc, 'strerror', None) or exc}")
            return
        self.dismiss(workspace)

    def action_cancel(self) -> None:
        self.dismiss(None)
