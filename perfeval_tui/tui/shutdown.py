"""Ending the wizard (and the full-screen quiz) from outside: SIGHUP, SIGTERM or a terminal that
is gone.

The field being edited is committed and the project saved. When the terminal is still there the
app exits with a non-zero code and ``launch`` releases the lock after Textual has restored the
screen. When the terminal is gone there is nothing to restore: the lock is released at once and
the process ends without the app's teardown and the interpreter's, which on a loaded server took
over a second.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from collections.abc import Callable
from typing import Any

from textual.app import App

from ..term.lost import EXIT_LOST, flush_quietly, terminal_gone
from .host import wizard_host

EXIT_HANGUP = EXIT_LOST
EXIT_TERMINATED = 128 + signal.SIGTERM


def install(app: App[Any], end: Callable[[App[Any], int], None] | None = None) -> None:
    """Route SIGHUP and SIGTERM to ``end(app, code)`` (the wizard's :func:`shut_down`) on the
    app's event loop, so that the app exits through Textual, which gives the terminal back."""
    loop = asyncio.get_running_loop()
    for signum, code in ((signal.SIGHUP, EXIT_HANGUP), (signal.SIGTERM, EXIT_TERMINATED)):
        # Not the main thread (an app run inside a test's thread), or a loop without signal
        # support (not POSIX): the default handlers stay.
        with contextlib.suppress(ValueError, RuntimeError, NotImplementedError):
            loop.add_signal_handler(signum, end or shut_down, app, code)


_shutting_down: dict[int, int] = {}  # apps (by id) already on their way out -> their exit code


def shut_down(app: App[Any], code: int) -> None:
    """Commit the focused field, save, and exit with ``code``.

    Called again once the app is on its way out (a hangup sends both SIGHUP and end of input),
    it only checks whether the terminal has gone meanwhile.
    """
    first = id(app) not in _shutting_down
    if first:
        _shutting_down[id(app)] = code
        _commit_and_save(app)
    if not app.is_headless and terminal_gone():
        end_now(app, _shutting_down[id(app)])
    if first:
        app.exit(code)


def _commit_and_save(app: App[Any]) -> None:
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


def end_now(app: App[Any], code: int) -> None:
    """No terminal to restore: save what is left, release the lock and end the process."""
    host = wizard_host(app)
    workspace = host.workspace if host is not None else None
    problem = None
    if workspace is not None:
        with contextlib.suppress(Exception):
            problem = workspace.close()
    if problem:  # stderr may be a log file even when the terminal is gone
        with contextlib.suppress(OSError, ValueError):
            print(f"错误：{problem}", file=sys.__stderr__)
    flush_quietly()
    os._exit(code)
