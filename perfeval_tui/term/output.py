"""One output path for every headless surface: the locale's encoding, never a crash.

The terminal is written in the codeset the user's locale names (``zh_CN.GBK`` -> ``gbk``). A
character that codeset cannot carry is written with a safe spelling (``−`` -> ``-``, ``…`` ->
``...``), or ``?`` when there is none; control characters never reach the terminal raw. Input read
from the terminal keeps undecodable bytes as lone surrogates, which the text gate
(:mod:`perfeval_tui.scoring.text`) refuses with a message naming the field.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import sys

from .terminal import locale_codeset

ERRORS = "perfeval-safe"

# Characters the product prints that GBK, GB2312 or Latin-1 terminals may not carry.
SAFE_SPELLINGS: dict[str, str] = {
    "\u2212": "-",  # minus sign
    "\u2013": "-",  # en dash
    "\u2014": "--",  # em dash
    "\u2026": "...",  # ellipsis
    "\u2192": "->",
    "\u2190": "<-",
    "\u2264": "<=",
    "\u2265": ">=",
    "\u00d7": "x",
    "\u00b7": ".",
    "\u2022": "*",
    "\u2713": "v",
    "\u2714": "v",
    "\u2717": "x",
    "\u2718": "x",
    "\u25b6": ">",
    "\u25b8": ">",
    "\u2248": "~",
    "\u2260": "!=",
    "\u00a0": " ",
    "\u3000": "  ",
    "\u201c": '"',
    "\u201d": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u300c": "[",
    "\u300d": "]",
    "\uff08": "(",
    "\uff09": ")",
    "\uff1a": ":",
    "\uff0c": ",",
    "\u3001": ",",
    "\u3002": ".",
}


def safe_spelling(char: str) -> str:
    """What to print for ``char`` when the terminal's codeset cannot carry it."""
    if char in SAFE_SPELLINGS:
        return SAFE_SPELLINGS[char]
    if "\udc80" <= char <= "\udcff":  # a byte kept by surrogateescape: show it, never send it
        return f"\\x{ord(char) - 0xDC00:02x}"
    return "?"


def _handle(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start : error.end]
    replacement = "".join(safe_spelling(ch) for ch in bad)
    # The replacement itself must fit the codeset; ASCII always does for the codecs in use.
    try:
        replacement.encode(error.encoding)
    except (UnicodeError, LookupError):
        replacement = "?" * len(bad)
    return replacement, error.end


codecs.register_error(ERRORS, _handle)


def output_codeset() -> str:
    """The codec name the terminal should be written in."""
    codeset = locale_codeset()
    if codeset:
        try:
            return codecs.lookup(codeset).name
        except LookupError:
            pass
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return "utf-8"


def encode_for_terminal(text: str, codeset: str | None = None) -> bytes:
    """``text`` as bytes for the terminal, with safe spellings where the codeset has no glyph."""
    return text.encode(codeset or output_codeset(), errors=ERRORS)


def configure_streams() -> None:
    """Make stdout/stderr write the locale's codeset with safe spellings; stdin keep bad bytes.

    Called once at start-up, before anything is printed, so every surface shares one output path.
    """
    wanted = output_codeset()
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            try:
                stream.reconfigure(encoding=wanted, errors=ERRORS)
            except (ValueError, io.UnsupportedOperation, LookupError):
                continue
    if isinstance(sys.stdin, io.TextIOWrapper):
        with contextlib.suppress(ValueError, io.UnsupportedOperation, LookupError):
            sys.stdin.reconfigure(encoding=wanted, errors="surrogateescape")
