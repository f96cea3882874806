"""Ending the wizard from outside: SIGHUP, SIGTERM or a terminal that is gone.

The field being edited is committed, the project saved, and the app exits with a non-zero code;
``launch`` then releases the lock. A dead terminal ends the app within a second, never a spin.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from typing import Any

from textual.app import App

from .host import wizard_host

EXIT_HANGUP = 128 + signal.SIGHUP
EXIT_TERMINATED = 128 + signal.SIGTERM


def install(app: App[Any]) -> None:
    """Route SIGHUP and SIGTERM to :func:`shut_down` on the app's event loop."""
    loop = asyncio.get_running_loop()
    for signum, code in ((signal.SIGHUP, EXIT_HANGUP), (signal.SIGTERM, EXIT_TERMINATED)):
        with contextlib.suppress(ValueError, RuntimeError, NotImplementedError):
            loop.add_signal_handler(signum, shut_down, app, code)


_shutting_down: set[int] = set()  # apps (by id) already on their way out


def shut_down(app: App[Any], code: int) -> None:
    """Commit the focused field, save, exit with ``code`` (the lock is released by ``launch``)."""
    if id(app) in _shutting_down:
        return
    _shutting_down.add(id(app))
    from .widgets.field import FieldInput

    focused = app.focused
    apply_field = getattr(app.screen, "apply_field", None)
    if isinstance(focused, FieldInput) and apply_field is not None:
        with contextlib.suppress(Exception):  # the typed text, as Enter would commit it
            apply_field(focused, focused.value)
    host = wizard_host(app)
    if host is not None:
        with contextlib.suppress(Exception):
            host.save_now()
    app.exit(code)
