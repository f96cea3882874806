"""Where a toast goes: never over the status line and footer (the rack sits above them), and
never over what the user is editing. The rack moves beside, above or below the focused field's
form (its scroll area), whichever has room; with no room anywhere it stays bottom right."""

from __future__ import annotations

from textual.containers import ScrollableContainer
from textual.geometry import Region
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets._toast import ToastRack

MIN_WIDTH = 24  # a toast narrower than this folds every few characters
TOAST_ROWS = 4  # one line of message: padding above and below, and its margin
BOTTOM_LINES = 2  # the status line and the footer


def editing_region(screen: Screen[object]) -> Region | None:
    """The focused field's form (or the focused widget itself when it is not in one)."""
    focused = screen.focused
    if focused is None:
        return None
    node = focused.parent
    while isinstance(node, Widget) and node is not screen:
        if isinstance(node, ScrollableContainer):
            return node.region
        node = node.parent
    return focused.region


def place_toasts(screen: Screen[object]) -> None:
    """Set the screen's toast rack clear of the region being edited."""
    try:
        rack = screen.get_child_by_type(ToastRack)
    except Exception:  # a screen not mounted yet has no rack
        return
    width, height = screen.size
    rack.styles.clear_rule("width")
    rack.styles.clear_rule("offset")
    rack.styles.clear_rule("dock")
    rack.styles.clear_rule("margin")
    rack.remove_class("-fit")
    editing = editing_region(screen)
    if editing is None:
        return
    bottom = height - BOTTOM_LINES
    default = Region(width - min(60, width // 2), bottom - TOAST_ROWS, width, TOAST_ROWS)
    if not editing.overlaps(default):
        return
    left, right = editing.x, width - editing.right
    if max(left, right) >= MIN_WIDTH:
        rack.add_class("-fit")
        rack.styles.width = max(left, right)
        rack.styles.offset = (0 if left >= right else editing.right, 0)
    elif editing.y - 1 >= TOAST_ROWS:  # above the form, below the step's top line
        rack.styles.dock = "top"
        rack.styles.margin = (0, 0, 0, 0)
    elif bottom - editing.bottom < TOAST_ROWS:
        return  # no room: bottom right, above the status line, as before
