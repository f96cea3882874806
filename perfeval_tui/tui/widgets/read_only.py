"""A read-only window (another live session holds the lock) takes no typing: every entry widget
of the project is disabled, so a key never looks as if it changed a value. The tree, the lists,
F-keys and Ctrl+O (take the lock over) still work; after a takeover the widgets come back."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select

LOCKED = "-read-only"
ENTRY_TYPES: tuple[type[Widget], ...] = (Input, Checkbox, Select)


def lock_entries(root: Widget, read_only: bool) -> None:
    """Disable (or, no longer read-only, enable again) every entry widget under ``root``.

    Only widgets this disabled are enabled again: a field disabled for its own reason (the
    override score while 人工评分 is off) stays as it was.
    """
    for widget in root.query("*"):
        if not isinstance(widget, ENTRY_TYPES):
            continue
        if read_only and not widget.disabled:
            widget.add_class(LOCKED)
            widget.disabled = True
        elif not read_only and widget.has_class(LOCKED):
            widget.remove_class(LOCKED)
            widget.disabled = False
