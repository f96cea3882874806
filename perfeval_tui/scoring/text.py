"""The one text gate: every text from a file, a terminal, a pipe or a workbook passes here.

* Unicode is normalised (NFC); a byte-order mark is dropped; ``\\r\\n`` and ``\\r`` become ``\\n``.
* One-line fields (names, units, ids) fold line breaks and tabs into single spaces.
* Control characters, lone surrogates (bytes the terminal's codeset did not decode), bidi
  overrides and Unicode non-characters are refused; the message says what was found and what to do.
* A text longer than an Excel cell can hold (32,767 characters) is refused, not cut.

Pure Python; :mod:`perfeval_tui.scoring.model` applies it to every text field through pydantic,
so each surface gets the same gate.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator

MAX_TEXT = 32_767  # characters in one Excel cell
MAX_LINE = 1_000

_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")


class TextInputError(ValueError):
    """A text the gate refuses; ``str()`` is the Chinese message (without the field's name)."""


def _is_noncharacter(code: int) -> bool:
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def _describe(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:
        return f"无法识别的字节 \\x{code - 0xDC00:02x}"
    return f"不可见的控制字符 U+{code:04X}"


def first_problem(text: str) -> str | None:
    """What is wrong with ``text`` (already normalised), in Chinese, or None."""
    for char in text:
        code = ord(char)
        if char in "\n\t":
            continue
        if 0xD800 <= code <= 0xDFFF:
            return (
                f"含有{_describe(char)}：终端或文件的字符编码不是 UTF-8。请把终端软件"
                "（PuTTY/Xshell/SecureCRT）的字符编码设为 UTF-8，或设置 LANG=zh_CN.GB18030 后重新输入"
            )
        category = unicodedata.category(char)
        if category == "Cc" or char in _BIDI or _is_noncharacter(code):
            return f"含有{_describe(char)}，请删除后重新输入（可能是复制粘贴带入的）"
    return None


def clean_text(text: str, *, one_line: bool = False, max_length: int = MAX_TEXT) -> str:
    """``text`` through the gate, or :class:`TextInputError`."""
    text = text.replace("\ufeff", "")
    text = _LINE_BREAKS.sub("\n", text)
    if one_line:
        text = " ".join(text.replace("\t", " ").split("\n")).strip()
        text = re.sub(" {2,}", " ", text)
    problem = first_problem(text)
    if problem is not None:
        raise TextInputError(problem)
    text = unicodedata.normalize("NFC", text)
    if len(text) > max_length:
        where = "（Excel 单元格的上限）" if max_length == MAX_TEXT else ""
        raise TextInputError(
            f"过长：最多 {max_length} 个字符{where}，现有 {len(text)} 个。请删减后再输入"
        )
    return text


def _text(value: str) -> str:
    return clean_text(value)


def _line(value: str) -> str:
    return clean_text(value, one_line=True, max_length=MAX_LINE)


Text = Annotated[str, AfterValidator(_text)]
"""A free text (report paragraphs, remarks): several lines allowed."""

Line = Annotated[str, AfterValidator(_line)]
"""A one-line text (names, units, ids): line breaks folded into spaces."""
