"""Keys applied in the order they were typed, in every text entry of the interface.

Keys arrive in order, but Textual runs a bound key (Ctrl+U, Backspace, Tab, Enter) only after it
has bubbled up to the app, by when the characters behind it are already typed (upstream issue
6605): "name Tab 2020" typed in one burst (a fast typist, a paste, a slow SSH link) put the year
into the name. An entry built on :class:`InOrderKeys` runs its own bindings and the focus keys
at once, in order, and a key that arrives after the focus has left goes where the focus is now.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input

# A mixin, not a widget: as a Widget base it would hide the entry's own styles and parts.
if TYPE_CHECKING:
    _Base = Widget
else:
    _Base = object


async def run_bindings(widget: Widget, key: str, nodes: Sequence[Widget] = ()) -> bool:
    """Run what ``key`` is bound to on ``nodes`` (default: ``widget`` and its screen), now.

    Textual runs a widget's bindings only once the key has bubbled up to the app, and a key
    passed on from another widget has no bindings at all. Priority bindings are left out: the
    app ran them before the key ever reached a widget.
    """
    for node in nodes or (widget, widget.screen):
        for binding in node._bindings.key_to_bindings.get(key, ()):
            # An action that does not apply here (PgDn cannot scroll a one-line field) says so,
            # and the key goes on to the next node's bindings.
            if not binding.priority and await widget.app.run_action(binding.action, node):
                return True
    return False


def pass_on(target: Widget, event: events.Key) -> None:
    """Send ``event`` on to ``target``, behind the keys already on their way to it."""
    event.stop()
    event.prevent_default()
    target.post_message(events.Key(event.key, event.character))


def taken(event: events.Key) -> None:
    event.stop()
    event.prevent_default()


class AfterKeys(Message):
    """Run ``callback`` once the entry has applied every key sent to it before this message."""

    def __init__(self, callback: Callable[[], object]) -> None:
        super().__init__()
        self.callback = callback


def after_typed_keys(app: App[Any], callback: Callable[[], object]) -> None:
    """Run ``callback`` (closing a dialog, quitting) after the keys typed before it.

    A key bound with priority (Esc or Ctrl+S in a dialog, Ctrl+Q) runs as soon as the app reads
    it, while the characters typed just before it are still queued at the focused entry: ``甲乙
    Esc`` in one burst closed the editor without 甲乙. The callback waits behind those keys.
    """
    focused = app.focused
    if not (isinstance(focused, InOrderKeys) and focused.post_message(AfterKeys(callback))):
        callback()


class InOrderKeys(_Base):
    """Mixin (first base) for an entry widget: its bindings and Tab run as each key arrives.

    Each key, in the order it came: (1) if it belongs elsewhere now (``key_target``: the focus
    has moved on, or an edit line has taken over), it is passed on there; (2) the widget's own
    handling (``take_key``: a table starts an edit, an edit line commits); (3) the bindings of
    ``binding_nodes`` (the widget's own; a table's also its screen's, Ctrl+N, F8); (4) Tab and
    Shift+Tab move the focus; (5) the widget's usual key handling.
    """

    async def _on_key(self, event: events.Key) -> None:
        target = self.key_target()
        if target is not None and target is not self:
            pass_on(target, event)
            return
        if await self.take_key(event):
            taken(event)
            return
        if not event.is_printable:
            if await run_bindings(self, event.key, self.binding_nodes(event.key)):
                taken(event)
                return
            if event.key in ("tab", "shift+tab") and self.tab_moves_focus():
                taken(event)
                if event.key == "tab":
                    self.screen.focus_next()
                else:
                    self.screen.focus_previous()
                return
        # (5) follows by itself: Textual runs the entry's own ``_on_key`` next (it runs one
        # for each class that defines it), so calling it from here would run it twice.

    def on_after_keys(self, message: AfterKeys) -> None:
        message.stop()
        # The keys before it may have been passed on (an Enter or Tab among them moved the
        # focus): the callback follows them there.
        target = self.key_target()
        forwarded = (
            isinstance(target, InOrderKeys)
            and target is not self
            and target.post_message(AfterKeys(message.callback))
        )
        if not forwarded:
            message.callback()

    def key_target(self) -> Widget | None:
        """Where a key that arrives here belongs now: the focused widget (``has_focus`` follows
        only once the Blur message is handled)."""
        return self.screen.focused

    async def take_key(self, event: events.Key) -> bool:
        """Handle ``event`` before any binding; True when it was taken."""
        return False

    def binding_nodes(self, key: str) -> Sequence[Widget]:
        """Whose bindings a key runs at once, in order (the screen's run later, from the app)."""
        return (self,)

    def tab_moves_focus(self) -> bool:
        return True


class EntryInput(InOrderKeys, Input):
    """A one-line entry of a dialog or a step that is not bound to a model field."""
