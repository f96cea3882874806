"""The terminal input of the full-screen wizard, made tolerant of what real terminals send.

Textual's Linux driver decodes input as strict UTF-8 (a GBK-configured client kills the app) and
reads on after the terminal is gone (a dead SSH link makes it spin). This driver replaces only its
input loop:

* bytes that are not UTF-8 are dropped and reported once, in Chinese, with how to set the encoding;
* the function keys of every PuTTY keyboard mode (ESC[n~, VT100+, SCO, Xterm R6, Linux console)
  become the keys Textual knows; an escape sequence nobody knows is dropped, never typed;
* Alt+digit (ESC digit, which Textual reads as a Mac's Option character) is the key ``alt+N``;
* end of input or EIO (a closed terminal) asks the app to save, release the lock and exit.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import selectors
from typing import Any

from textual import events
from textual._ansi_sequences import ANSI_SEQUENCES_KEYS
from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

ENCODING_NOTICE = (
    "编码不对："
    "终端发来的字节不是 UTF-8（终端字符集可能是 GBK/GB18030），这些字符已丢弃、未保存。"
    "请把终端软件（PuTTY：Window → Translation；Xshell/SecureCRT：会话属性 → 编码）设为 UTF-8，"
    "或在逐行问答模式（--plain）中录入"
)

_F = {
    n: f"\x1b[{code}~"
    for n, code in zip(range(5, 13), (15, 17, 18, 19, 20, 21, 23, 24), strict=True)
}
_F |= {1: "\x1bOP", 2: "\x1bOQ", 3: "\x1bOR", 4: "\x1bOS"}

# PuTTY's other keyboard modes, spelled as the xterm keys Textual knows.
TRANSLATIONS: dict[str, str] = {
    # VT100+: F5..F12 continue the ESC O letters.
    **{f"\x1bO{letter}": _F[n] for n, letter in zip(range(5, 13), "TUVWXYZ[", strict=True)},
    # SCO: F1..F12 are ESC [ M .. ESC [ X (ESC [ O is left to focus-out reports).
    **{
        f"\x1b[{letter}": _F[n]
        for n, letter in zip(range(1, 13), "MNOPQRSTUVWX", strict=True)
        if letter != "O"
    },
    # Linux console F1..F5 and Xterm R6 F1..F4 (ESC[11~..14~) are known to Textual already.
}
KEEP = frozenset({"\x1b[200~", "\x1b[201~"})  # bracketed paste
_SEQUENCE = re.compile(r"\x1b(?:O[ -~]|\[[0-9;]*~|\[[M-X](?=\x1b|$))")
# What Textual makes of ESC+digit (a Mac's Option+digit characters), back to alt+N.
ALT_DIGITS: dict[str, str] = {}
for _digit in "1234567890":
    _mapped = ANSI_SEQUENCES_KEYS.get(f"\x1b{_digit}")
    if isinstance(_mapped, str) and len(_mapped) == 1:
        ALT_DIGITS[_mapped] = f"alt+{_digit}"


def translate_keys(text: str) -> str:
    """Known keys of any PuTTY mode in xterm spelling; unknown ESC O / ESC [ ... ~ sequences gone."""

    def one(match: re.Match[str]) -> str:
        seq = match.group(0)
        if seq in KEEP or seq in ANSI_SEQUENCES_KEYS:
            return seq
        return TRANSLATIONS.get(seq, "")

    return _SEQUENCE.sub(one, text) if "\x1b" in text else text


class TolerantDecoder:
    """UTF-8, incrementally; bytes that are not UTF-8 are dropped and counted."""

    def __init__(self) -> None:
        self._decode = codecs.getincrementaldecoder("utf-8")(errors="surrogateescape").decode
        self.bad_bytes = 0

    def decode(self, data: bytes, final: bool = False) -> str:
        text = self._decode(data, final)
        if any("\udc80" <= ch <= "\udcff" for ch in text):
            kept = "".join(ch for ch in text if not "\udc80" <= ch <= "\udcff")
            self.bad_bytes += len(text) - len(kept)
            return kept
        return text


class PerfevalDriver(LinuxDriver):
    def process_message(self, message: Message) -> None:
        if isinstance(message, events.Key) and message.character in ALT_DIGITS:
            message = events.Key(ALT_DIGITS[message.character], None)
        super().process_message(message)

    def _tell_app(self, method: str, *args: Any) -> None:
        # Never wait for the app from here: the app may be waiting for this thread to end.
        handler = getattr(self._app, method, None)
        if handler is not None:
            with contextlib.suppress(RuntimeError):  # the loop is already closed
                self._loop.call_soon_threadsafe(handler, *args)

    def run_input_thread(self) -> None:
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        parser = XTermParser(self._debug)
        decoder = TolerantDecoder()
        told = False
        try:
            while not self.exit_event.is_set():
                for event in parser.tick():
                    self.process_message(event)
                if not selector.select(0.1):
                    continue
                try:
                    data = os.read(self.fileno, 4096)
                except OSError:  # EIO: the terminal is gone
                    data = b""
                if not data:
                    self._tell_app("terminal_lost")
                    self.exit_event.wait()  # no spinning on a dead descriptor
                    break
                text = translate_keys(decoder.decode(data))
                if decoder.bad_bytes and not told:
                    told = True
                    self._tell_app("warn_once", ENCODING_NOTICE)
                if not text:
                    continue  # an empty feed would tell the parser the input has ended
                for event in parser.feed(text):
                    self.process_message(event)
        finally:
            selector.close()
            try:
                for _event in parser.feed(""):
                    pass
            except (EOFError, ParseError):
                pass
