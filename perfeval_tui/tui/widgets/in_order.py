"""Keys applied in the order they were typed, in every text entry of the interface.

Keys arrive in order, but Textual runs a bound key (Ctrl+U, Backspace, Tab, Enter) only after it
has bubbled up to the app, by when the characters behind it are already typed (upstream issue
6605): "name Tab 2020" typed in one burst (a fast typist, a paste, a slow SSH link) put the year
into the name. An entry built on :class:`InOrderKeys` runs its own bindings and the focus keys
at once, in order, and a key that arrives after the focus has left goes where the focus is now.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.widget import Widget
from textual.widgets import Input

# A mixin, not a widget: as a Widget base it would hide the entry's own styles and parts.
if TYPE_CHECKING:
    _Base = Widget
else:
    _Base = object


async def run_bindings(widget: Widget, key: str) -> bool:
    """Run what ``key`` is bound to on ``widget`` or its screen, now (a key passed on from another
    widget has no bindings of its own: Textual matches bindings only for keys that come from the
    terminal, and only once they have bubbled up to the app)."""
    for node in (widget, widget.screen):
        for binding in node._bindings.key_to_bindings.get(key, ()):
            if await widget.app.run_action(binding.action, node):
                return True
    return False


def pass_on(target: Widget, event: events.Key) -> None:
    """Send ``event`` on to ``target``, behind the keys already on their way to it."""
    event.stop()
    event.prevent_default()
    target.post_message(events.Key(event.key, event.character))


class InOrderKeys(_Base):
    """Mixin (first base) for an entry widget: its bindings and Tab run as each key arrives."""

    async def _on_key(self, event: events.Key) -> None:
        target = self.screen.focused  # has_focus follows only once the Blur message is handled
        if target is not None and target is not self:
            pass_on(target, event)
            return
        if not event.is_printable:
            for binding in self._bindings.key_to_bindings.get(event.key, ()):
                # An action that does not apply here (PgDn cannot scroll a one-line field) says
                # so, and the key goes on to the screen's bindings as before.
                if not binding.priority and await self.app.run_action(binding.action, self):
                    event.stop()
                    event.prevent_default()
                    return
            if event.key in ("tab", "shift+tab") and self.tab_moves_focus():
                event.stop()
                event.prevent_default()
                if event.key == "tab":
                    self.screen.focus_next()
                else:
                    self.screen.focus_previous()
                return
        await super()._on_key(event)

    def tab_moves_focus(self) -> bool:
        return True


class EntryInput(InOrderKeys, Input):
    """A one-line entry of a dialog or a step that is not bound to a model field."""
