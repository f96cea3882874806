"""F1: every key, from the keymap data."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..keymap import help_rows


def keys_table() -> Table:
    table = Table(show_header=True, header_style="bold", box=None, padding=(0, 1), expand=True)
    table.add_column("按键", no_wrap=True)
    table.add_column("作用")
    for key, text in help_rows():
        table.add_row(key, text)
    return table


class HelpDialog(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,f1,q", "dismiss", "关闭", key_display="Esc"),
    ]
    DEFAULT_CSS = """
    HelpDialog { align: center middle; }
    HelpDialog > VerticalScroll {
        width: 76; max-width: 100%; height: auto; max-height: 22;
        border: solid $primary; background: $surface; padding: 0 1;
    }
    HelpDialog .title { text-style: bold; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static("帮助：全部按键（Esc 关闭，↑↓ 滚动）", classes="title")
            yield Static(keys_table())
            yield Static(
                "\n每个字段一经确认（回车、离开字段、停顿一秒、换步骤）即自动保存；"
                "Ctrl+P 打开命令面板，可输入指标名称直接跳转。"
            )

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
