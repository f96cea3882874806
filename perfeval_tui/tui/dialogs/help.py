"""F1: every key, from the keymap data."""

from __future__ import annotations

from rich.table import Table
from textual.binding import Binding
from textual.widgets import Static

from ..keymap import help_rows
from .reading import ReadingDialog


def keys_table() -> Table:
    table = Table(show_header=True, header_style="bold", box=None, padding=(0, 1), expand=True)
    table.add_column("按键", no_wrap=True)
    # Chinese has no spaces to wrap at: a long line folds, never ends in … (it was cut there).
    table.add_column("作用", overflow="fold")
    for key, text in help_rows():
        table.add_row(key, text)
    return table


class HelpDialog(ReadingDialog):
    BINDINGS = [Binding("escape,f1,q", "close", "关闭", key_display="Esc")]

    def __init__(self) -> None:
        super().__init__(
            "帮助：全部按键（Esc 关闭，↑↓ 滚动）",
            Static(keys_table()),
            Static(
                "\n每个字段一经确认（回车、离开字段、停顿一秒、换步骤）即自动保存；"
                "Ctrl+P 打开命令面板，可输入指标名称直接跳转。"
            ),
        )
