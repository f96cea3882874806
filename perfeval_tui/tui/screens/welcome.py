"""The welcome screen of ``perfeval`` without a file: 新建, 打开, 最近, 示例."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ...project.demo import demo_copy
from ...project.recent import load_recent
from ...project.storage import ProjectFileError
from ...project.workspace import Workspace, open_workspace
from ..host import WizardHost, require_host

DEMOS = (
    ("wuxi", "示例：无锡市 2020 年宜居住区技防改造专项（99.60 优）"),
    ("county", "示例：县级演示项目（每类规则都有扣分，适合培训）"),
)


def recent_label(path: Path, cells: int = 70) -> str:
    """``  name   …/tail/of/folder`` on one line: the folder is cut from the left to fit."""
    folder = str(path.parent)
    room = max(8, cells - cell_len(path.name) - 5)
    if cell_len(folder) > room:
        while cell_len(folder) > room - 1:
            folder = folder[1:]
        folder = "…" + folder
    return f"  {path.name}   {folder}"


def menu_options(recent: list[Path]) -> list[Option | None]:
    options: list[Option | None] = [
        Option("新建项目…", id="new"),
        Option("打开项目文件…", id="open"),
        None,
    ]
    if recent:
        options.append(Option("—— 最近打开 ——", disabled=True))
        options.extend(Option(recent_label(p), id=f"recent:{p}") for p in recent)
        options.append(None)
    options.append(Option("—— 示例（在副本上操作，原文件不变）——", disabled=True))
    options.extend(Option(f"  {label}", id=f"demo:{name}") for name, label in DEMOS)
    options.append(None)
    options.append(Option("退出", id="quit"))
    return options


class WelcomeScreen(Screen[None]):
    DEFAULT_CSS = """
    WelcomeScreen { align: center top; }
    WelcomeScreen #welcome-title { width: 100%; text-align: center; text-style: bold;
        margin: 1 0 0 0; }
    WelcomeScreen #welcome-note { width: 100%; text-align: center; color: $text-muted;
        margin-bottom: 1; }
    WelcomeScreen OptionList { width: 76; max-width: 100%; height: 1fr; }
    WelcomeScreen OptionList, WelcomeScreen OptionList:focus { border: none; }
    """

    def __init__(self, new_path: Path | None = None, ruleset: str | None = None) -> None:
        super().__init__()
        self.new_path = new_path
        self.ruleset = ruleset

    @property
    def wizard(self) -> WizardHost:
        return require_host(self.app)

    def compose(self) -> ComposeResult:
        yield Static("perfeval · 专项资金绩效评价自评", id="welcome-title")
        yield Static("↑↓ 选择，回车确认；F1 帮助，Ctrl+Q 退出", id="welcome-note")
        yield OptionList(*menu_options(load_recent()), id="welcome-menu")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        if self.new_path is not None:
            self.action_new()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id or ""
        if choice == "new":
            self.action_new()
        elif choice == "open":
            from ..dialogs.project_files import OpenDialog

            self.app.push_screen(OpenDialog(), self._opened)
        elif choice.startswith("recent:"):
            self._open_path(Path(choice.split(":", 1)[1]))
        elif choice.startswith("demo:"):
            self._open_path(demo_copy(choice.split(":", 1)[1]))
        elif choice == "quit":
            self.app.exit(0)

    def action_new(self) -> None:
        from ..dialogs.project_files import NewProjectDialog

        self.app.push_screen(NewProjectDialog(self.new_path, self.ruleset), self._opened)

    def _open_path(self, path: Path) -> None:
        try:
            workspace = open_workspace(path)
        except ProjectFileError as exc:
            self.notify(str(exc), severity="error", timeout=8)
            return
        self._opened(workspace)

    def _opened(self, workspace: Workspace | None) -> None:
        if workspace is not None:
            self.wizard.open_workspace(workspace)
