"""Fitting the look to the terminal: the Linux console has 16 colours and the CP437 glyph set.

Under ``TERM=linux`` the wizard uses the ANSI theme (the console's own colours) and replaces
glyphs the console font lacks (the ``▁▂▃`` scrollbar ends, the ``▶`` tree arrows) with ones it has.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import ClassVar

from textual.binding import Binding
from textual.scrollbar import ScrollBar, ScrollBarRender

DEFAULT_THEME = "textual-dark"
CONSOLE_THEME = "ansi-dark"


def is_linux_console(env: Mapping[str, str] | None = None) -> bool:
    term = (os.environ if env is None else env).get("TERM", "")
    return term == "linux" or term.startswith("linux-")


class BlockScrollBarRender(ScrollBarRender):
    """Scrollbar without eighth-block glyphs: the thumb is drawn in whole cells."""

    VERTICAL_BARS: ClassVar[list[str]] = [" "] * 8
    HORIZONTAL_BARS: ClassVar[list[str]] = [" "] * 8


def chinese_select_menu() -> None:
    """An open Select puts Textual's own "esc Dismiss menu" in the footer: say it in Chinese."""
    try:
        from textual.widgets._select import SelectOverlay

        SelectOverlay.BINDINGS = [Binding("escape", "dismiss", "关闭菜单", key_display="Esc")]
        SelectOverlay._merged_bindings = SelectOverlay._merge_bindings()
    except (ImportError, AttributeError):  # another Textual: keep its footer text
        pass


def adapt_to_console(linux: bool) -> str:
    """Set process-wide glyph choices for this terminal; returns the theme name to use."""
    chinese_select_menu()
    if linux:
        ScrollBar.renderer = BlockScrollBarRender
        return CONSOLE_THEME
    return DEFAULT_THEME
