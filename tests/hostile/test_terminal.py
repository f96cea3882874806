"""Hostile terminals (cases 2, 4, 7, 8): bad bytes, PuTTY keyboard modes, Alt+digit, unknown
escape sequences, SIGHUP/SIGTERM and a terminal that is gone."""

from __future__ import annotations

import shutil
import signal
from decimal import Decimal

import pytest
from hostile_helpers import WUXI
from pty_wizard import ALT, Session, open_satisfaction
from textual._xterm_parser import XTermParser

from perfeval_tui.project.resume import Position, load_position
from perfeval_tui.project.storage import load_project
from perfeval_tui.tui.driver import ALT_DIGITS, TolerantDecoder, translate_keys


def _keys(text: str) -> list[str]:
    parser = XTermParser(False)
    return [getattr(e, "key", "") for e in [*parser.feed(translate_keys(text)), *parser.feed("")]]


FUNCTION_KEYS = [
    # (mode, bytes, key)
    *[("vt100+", f"\x1bO{c}", f"f{n}") for n, c in zip(range(1, 13), "PQRSTUVWXYZ[", strict=True)],
    *[
        ("sco", f"\x1b[{c}", f"f{n}")
        for n, c in zip(range(1, 13), "MNOPQRSTUVWX", strict=True)
        if c != "O"
    ],
    *[
        ("xterm-r6", f"\x1b[{c}~", f"f{n}")
        for n, c in zip(range(1, 5), (11, 12, 13, 14), strict=True)
    ],
    *[
        ("esc[n~", f"\x1b[{c}~", f"f{n}")
        for n, c in zip(range(5, 13), (15, 17, 18, 19, 20, 21, 23, 24), strict=True)
    ],
    *[("linux", f"\x1b[[{c}", f"f{n}") for n, c in zip(range(1, 6), "ABCDE", strict=True)],
]


@pytest.mark.parametrize(
    ("mode", "sequence", "key"), FUNCTION_KEYS, ids=[f"{m}-{k}" for m, _, k in FUNCTION_KEYS]
)
def test_every_putty_keyboard_mode_gives_the_same_function_key(mode, sequence, key):
    assert _keys(sequence) == [key]


@pytest.mark.parametrize(
    "sequence",
    ["\x1b[99~", "\x1b[5;9~", "\x1bO!", "\x1bO~", "\x1b[0~", "\x1b[16~", "\x1b[22~", "\x1b[40~"],
)
def test_an_unknown_escape_sequence_is_dropped_not_typed(sequence):
    assert _keys(f"a{sequence}b") == ["a", "b"]


@pytest.mark.parametrize("sequence", ["\x1b[A", "\x1b[1;5A", "\x1b[200~x\x1b[201~", "\x1b[<0;3;4M"])
def test_known_sequences_pass_untouched(sequence):
    assert translate_keys(sequence) == sequence


@pytest.mark.parametrize("digit", "1234567")
def test_alt_digit_is_a_key_not_a_character(digit):
    parser = XTermParser(False)
    (event,) = list(parser.feed(f"\x1b{digit}"))
    assert ALT_DIGITS[event.character] == f"alt+{digit}"


@pytest.mark.parametrize(
    ("chunks", "text", "bad"),
    [
        ([b"\xff"], "", 1),
        ([b"a\xb0b"], "ab", 1),
        ([b"\xb0\xa1\xc4\xe3", b"x"], "x", 4),
        ([b"\xe4\xb8", b"\xad"], "中", 0),
        ([b"ok\xe4", b"\xb8\xad\xff"], "ok中", 1),
    ],
)
def test_the_decoder_drops_and_counts_bytes_that_are_not_utf8(chunks, text, bad):
    decoder = TolerantDecoder()
    assert "".join(decoder.decode(c) for c in chunks) == text
    assert decoder.bad_bytes == bad


@pytest.fixture
def demo(tmp_path):
    path = tmp_path / "w.json"
    shutil.copy(WUXI, path)
    return path


def _session(demo, **kw) -> Session:
    return Session([str(demo)], demo.parent, **kw)


def test_bad_bytes_are_reported_once_and_nothing_undecodable_is_saved(demo):
    session = _session(demo)
    try:
        open_satisfaction(session)
        session.send(b"9", b"\xff", b"\xb0", b"1")
        session.wait_for("编码不对")
        session.send(b"\r", b"\x11")  # Enter, Ctrl+Q
        assert session.wait() == 0
    finally:
        session.close()
    assert load_project(demo).indicator("satisfaction").actual == Decimal(91)
    assert "\ufffd" not in demo.read_text("utf-8")


@pytest.mark.parametrize(
    ("noise", "name"), [(b"\x1b[99~", "unknown"), (b"\x1bO!", "ss3"), (b"\x1b[16~", "gap")]
)
def test_unknown_sequences_in_a_field_are_not_typed(demo, noise, name):
    session = _session(demo)
    try:
        open_satisfaction(session)
        session.send(b"9", noise, b"2", b"\r", b"\x11")
        assert session.wait() == 0
    finally:
        session.close()
    assert load_project(demo).indicator("satisfaction").actual == Decimal(92)


@pytest.mark.parametrize(
    ("f7", "mode"), [(b"\x1bOV", "vt100+"), (b"\x1b[S", "sco"), (b"\x1b[18~", "xterm")]
)
def test_f7_in_any_putty_mode_leaves_the_field_and_goes_on(demo, f7, mode):
    session = _session(demo)
    try:
        open_satisfaction(session)
        session.send(b"93", f7)
        session.wait_for("第 5/7 步")
        session.send(b"\x11")
        assert session.wait() == 0
    finally:
        session.close()
    assert load_project(demo).indicator("satisfaction").actual == Decimal(93)


def test_alt_digit_in_a_field_changes_step_and_types_nothing(demo):
    session = _session(demo)
    try:
        open_satisfaction(session)
        session.send(b"94", ALT + b"1")
        session.wait_for("第 1/7 步")
        session.send(b"\x11")
        assert session.wait() == 0
    finally:
        session.close()
    satisfaction = load_project(demo).indicator("satisfaction")
    assert satisfaction.actual == Decimal(94) and satisfaction.unit == "%"


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGHUP, 129), (signal.SIGTERM, 143)])
def test_a_signal_commits_the_field_saves_and_releases_the_lock(demo, signum, code):
    """SIGHUP lost the edit typed 0.3 s earlier and left the lock."""
    session = _session(demo)
    try:
        open_satisfaction(session)
        session.send(b"88", quiet=0.3)
        session.signal(signum)
        assert session.wait() == code
    finally:
        session.close()
    assert load_project(demo).indicator("satisfaction").actual == Decimal(88)
    assert not demo.with_name("w.json.lock").exists()
    assert "Traceback" not in session.screen


def test_a_dead_terminal_ends_the_session_with_the_edit_saved(demo, monkeypatch):
    """The process ignores SIGHUP (a shell's trap) and its terminal goes away."""
    session = _session(demo, trap_hup=True)
    try:
        open_satisfaction(session)
        session.send(b"87", quiet=0.3)
        session.hang_up()
        code = session.wait(limit=30)  # a guard against a hang, not a speed test
    finally:
        session.close()
    assert code == 129
    assert load_project(demo).indicator("satisfaction").actual == Decimal(87)
    assert not demo.with_name("w.json.lock").exists()
    assert not (demo.parent / "state" / "perfeval" / "crash.log").exists()
    monkeypatch.setenv("XDG_DATA_HOME", str(demo.parent / "data"))  # the session's data folder
    assert load_position(demo) == Position("indicators", "satisfaction")  # kept for reopening
