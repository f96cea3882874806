"""Ctrl+G 数据警告: every data warning of the project (or of the sandbox), where and what."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from ...scoring.checks import DataWarning
from ...term.render_text import warning_line
from ..widgets.wrapped import Wrapped
from .reading import ReadingDialog


def warnings_text(warnings: list[DataWarning]) -> Text:
    text = Text()
    if not warnings:
        text.append("没有数据警告。")
    for n, warning in enumerate(warnings, 1):
        if n > 1:
            text.append("\n")
        text.append(
            f"{n}．", style="bold yellow"
        )  # no space: a long line folds, never orphans "3."
        text.append(warning_line(warning))
    return text


class WarningsDialog(ReadingDialog):
    BINDINGS = [Binding("escape,ctrl+g,q", "close", "关闭", key_display="Esc")]

    def __init__(self, warnings: list[DataWarning], *, where: str = "") -> None:
        title = f"数据警告 {len(warnings)} 条{where}（Esc 关闭，↑↓ 滚动）"
        super().__init__(title, Static(Wrapped(warnings_text(warnings)), id="warnings-list"))
