"""Shown instead of a broken layout while the terminal is smaller than 60x20."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from ...term.terminal import MIN_COLUMNS, MIN_LINES


def too_small(width: int, height: int) -> bool:
    return width < MIN_COLUMNS or height < MIN_LINES


class TooSmallScreen(Screen[None]):
    DEFAULT_CSS = """
    TooSmallScreen { align: center middle; }
    TooSmallScreen > Static { width: auto; height: auto; text-align: center; }
    """

    def compose(self) -> ComposeResult:
        yield Static(
            f"请放大窗口\n\n至少需要 {MIN_COLUMNS} 列 × {MIN_LINES} 行\n"
            "（设计尺寸 80×24）\n\n放大后自动恢复；Ctrl+Q 保存并退出"
        )

    def on_mount(self) -> None:
        self.query_one(Static).update(
            f"请放大窗口\n\n当前 {self.app.size.width}×{self.app.size.height}，"
            f"至少需要 {MIN_COLUMNS}×{MIN_LINES}\n（设计尺寸 80×24）\n\n放大后自动恢复；Ctrl+Q 保存并退出"
        )
