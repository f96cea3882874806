"""Step 7 导出: the appendix workbook (xlsx) and the report (Markdown, Word), written by the
exports package. openpyxl and python-docx are imported only when the export runs (in a worker
thread)."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Checkbox, Input, Label, Static

from ...project.demo import state_dir
from ...scoring.model import Project
from ..widgets.form_scroll import FormScroll
from ..widgets.in_order import EntryInput
from ..widgets.live import LiveStatic
from ..widgets.tick import MarkedCheckbox
from .base import StepScreen

NOT_YET = (
    "导出功能尚未提供：本版本还没有附表（xlsx）和评价报告（Markdown）的导出模块。"
    "项目文件已保存，装上导出模块后可在此导出，或用命令 perfeval export 文件 -o 目录。"
)


def default_folder(path: Path | None) -> Path:
    """Next to the project file; for the demo copy (kept in the data folder), the current folder."""
    if path is None or path.resolve().parent == state_dir().resolve():
        return Path.cwd() / "导出"
    return path.resolve().parent


def run_export(
    project: Project, folder: Path, *, xlsx: bool, md: bool, force: bool, docx: bool = False
) -> str:
    """Write the files; a Chinese report of what was written or why not."""
    try:
        from ...exports import ExistingFileError, export_project
    except ImportError:
        return NOT_YET
    try:
        written = export_project(project, folder, xlsx=xlsx, md=md, docx=docx, force=force)
    except ExistingFileError as exc:
        return f"{exc}。要覆盖请勾选「覆盖已有文件」后再导出。"
    except Exception as exc:  # ExportError and anything unforeseen: a message, not a traceback
        return f"导出失败：{exc}"
    return "已导出：\n" + "\n".join(f"  {p}" for p in written)


class ExportScreen(StepScreen):
    STEP = "export"
    LOCKS_READ_ONLY = False  # exporting never changes the project
    HAS_EXPLANATION = False
    DEFAULT_CSS = """
    ExportScreen #export-form { padding: 0 1; }
    ExportScreen .row { height: 1; margin-bottom: 1; }
    ExportScreen .row > Label { width: 10; }
    ExportScreen #export-dir { width: 1fr; }
    ExportScreen Checkbox { margin-right: 2; }
    ExportScreen #export-result { margin-top: 1; }
    ExportScreen #export-go { margin-top: 1; }
    """

    def compose_body(self) -> ComposeResult:
        with FormScroll(id="export-form"):
            # What the workbook holds: the national 自评表 comes first on a national project.
            national = self.ws.project.ruleset.startswith("national")
            tables = "项目支出绩效自评表及附表1、附表2" if national else "附表1、附表2"
            yield Static(
                f"导出{tables}、区县资金分配表（xlsx）和评价报告（Markdown、Word）。\n"
                "导出前会先保存项目文件。",
                classes="row-note",
            )
            yield Static("")
            with Horizontal(classes="row"):
                yield Label("输出目录")
                yield EntryInput(str(default_folder(self.ws.path)), id="export-dir", compact=True)
            with Horizontal(classes="row"):
                yield MarkedCheckbox("附表 xlsx", True, id="export-xlsx", compact=True)
                yield MarkedCheckbox("报告 Markdown", True, id="export-md", compact=True)
                yield MarkedCheckbox("报告 Word", True, id="export-docx", compact=True)
            with Horizontal(classes="row"):
                yield MarkedCheckbox("覆盖已有文件", False, id="export-force", compact=True)
            yield Button("导出（回车）", id="export-go", compact=True, variant="primary")
            yield LiveStatic(id="export-result")

    def mounted(self) -> None:
        self.query_one("#export-go", Button).focus()

    def action_export(self) -> None:
        # Ctrl+E on this step exports; elsewhere it brings the user here.
        self.start_export()

    @on(Button.Pressed, "#export-go")
    def _pressed(self) -> None:
        self.start_export()

    @on(Input.Submitted, "#export-dir")
    def _submitted(self) -> None:
        self.start_export()

    def start_export(self) -> None:
        text = self.query_one("#export-dir", Input).value.strip()
        if not text:
            self.query_one("#export-result", LiveStatic).set(
                "「输出目录」不能为空。请输入一个目录，例如 ./导出"
            )
            return
        self.wizard.save_now()
        self.query_one("#export-result", LiveStatic).set("正在导出…")
        self._export(
            self.ws.project.model_copy(deep=True),
            Path(text).expanduser(),
            {
                key: self.query_one(f"#export-{key}", Checkbox).value
                for key in ("xlsx", "md", "docx", "force")
            },
        )

    @work(thread=True, exclusive=True, group="export")
    def _export(self, project: Project, folder: Path, choice: dict[str, bool]) -> None:
        message = run_export(
            project,
            folder,
            xlsx=choice["xlsx"],
            md=choice["md"],
            docx=choice["docx"],
            force=choice["force"],
        )
        self.app.call_from_thread(self.query_one("#export-result", LiveStatic).set, message)
