"""A terminal that has gone away: a dropped SSH link, a killed tmux session, a closed window.

Its descriptors then answer EIO (or ENXIO) to reads, writes and ``tcgetattr``. The process may
live on (a shell's ``trap '' HUP``); it must then save, release its lock and exit with
:data:`EXIT_LOST`, and never write a crash log for the failed writes.
"""

from __future__ import annotations

import contextlib
import errno
import signal
import sys
import termios

EXIT_LOST = 128 + signal.SIGHUP  # as if the hangup signal had ended it
_GONE = frozenset({errno.EIO, errno.ENXIO})


class TerminalLost(Exception):
    """Reading from or writing to the terminal failed because the terminal is gone."""


def is_lost(exc: BaseException) -> bool:
    """``exc`` is what a read or write on a gone terminal raises."""
    return isinstance(exc, OSError) and exc.errno in _GONE


def terminal_gone() -> bool:
    """The user's terminal is gone: stdout or stderr was a terminal and now answers EIO.

    A stream that is a file or a pipe (or closed) says nothing either way.
    """
    for stream in (sys.__stdout__, sys.__stderr__):
        if stream is None:
            continue
        try:
            termios.tcgetattr(stream.fileno())
        except termios.error as exc:
            if exc.args and exc.args[0] in _GONE:
                return True
        except (OSError, ValueError):
            continue
    return False


def flush_quietly() -> None:
    """Flush stdout and stderr, ignoring a terminal that is gone."""
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        if stream is not None:
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
