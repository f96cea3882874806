"""``perfeval quiz`` full-screen ended by SIGTERM or SIGHUP gives the terminal back, as the wizard does.

Killed by the signal's default action, the quiz left the terminal in the alternate screen, with
echo off, the cursor hidden and mouse reporting on, and exited -15 / -1.
"""

from __future__ import annotations

import re
import signal
import termios

import pytest
from pty_wizard import Session

ALT_SCREEN_OFF = b"\x1b[?1049l"
CURSOR_SHOWN = b"\x1b[?25h"
PRIVATE_MODE = re.compile(rb"\x1b\[\?([0-9;]+)([hl])")  # alternate screen, cursor, mouse, paste …
KEYBOARD_PUSHED = b"\x1b[>"  # the kitty keyboard protocol, pushed …
KEYBOARD_POPPED = b"\x1b[<u"  # … and popped


def _modes(data: bytes) -> dict[bytes, bytes]:
    """Each DEC private mode the bytes set (h) or reset (l), as it is after them."""
    return {mode: state for mode, state in PRIVATE_MODE.findall(data)}


def _flags(session: Session) -> int:
    assert session.master is not None
    return termios.tcgetattr(session.master)[3]  # local modes of the terminal (the pty's)


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGHUP, 129), (signal.SIGTERM, 143)])
def test_a_signal_ends_the_quiz_with_the_terminal_restored(tmp_path, signum, code):
    session = Session(["quiz", "--seed", "4", "--rounds", "3"], tmp_path)
    try:
        session.wait_for("已答 0/3 题")
        assert not _flags(session) & termios.ECHO  # the full screen reads keys raw
        started = len(session.raw)
        at_start = _modes(session.raw)
        session.signal(signum)
        assert session.wait() == code  # None would be a hang, bounded at 20 s
        at_exit = session.raw[started:]
        flags = _flags(session)
    finally:
        session.close()
    assert ALT_SCREEN_OFF in at_exit and CURSOR_SHOWN in at_exit
    assert at_start[b"1049"] == b"h" and at_start[b"25"] == b"l"  # what there was to undo
    # Every mode the quiz set (mouse reporting and keypad ones too, when on) is reset at exit;
    # the cursor and autowrap, which it turned off, are on again.
    at_end = _modes(at_exit)
    turned_on = sorted(mode for mode, state in at_start.items() if state == b"h")
    assert {mode: at_end.get(mode) for mode in turned_on} == dict.fromkeys(turned_on, b"l")
    turned_off = [mode for mode in (b"25", b"7") if at_start.get(mode) == b"l"]
    assert {mode: at_end.get(mode) for mode in turned_off} == dict.fromkeys(turned_off, b"h")
    if KEYBOARD_PUSHED in session.raw[:started]:
        assert KEYBOARD_POPPED in at_exit
    assert flags & termios.ECHO and flags & termios.ICANON  # echo and line editing are back
    assert "Traceback" not in session.screen
