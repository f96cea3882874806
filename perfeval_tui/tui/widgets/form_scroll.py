"""A scrolling form that is never a focus stop of its own.

A focusable scroll area is an invisible stop between fields: digits typed there vanish. The
fields scroll themselves into view when focused, so the form needs neither focus nor the scroll
keys (which would also swallow PgUp/PgDn and Ctrl+PgUp/PgDn meant for the step).
"""

from __future__ import annotations

from textual.containers import VerticalScroll


class FormScroll(VerticalScroll, can_focus=False, inherit_bindings=False):
    """A :class:`VerticalScroll` without focus and without key bindings."""
