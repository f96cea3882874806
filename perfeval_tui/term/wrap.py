"""Where Chinese text may break across lines: between two Chinese characters or at a space, but
never inside a number, between a number and its unit (``400 万元``, ``6.1111 个百分点``), before
closing punctuation (，。）) or after opening punctuation (（「).

Terminal libraries break only at spaces, so a warning such as ``大于资金下达数 400 万元，…`` was
cut as ``…下达数 400`` / ``万元，…``; and a long run without spaces was cut anywhere, even inside
``6.1111``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .textwidth import line_width

# Units that follow a number in the forms and messages, longest first.
UNITS = (
    "个百分点", "百分点", "平方米", "万元", "亿元", "千元", "公里", "元", "分", "项", "个", "起",
    "路", "户", "人", "次", "天", "年", "月", "日", "座", "套", "台", "处", "家", "米", "吨",
    "条", "倍", "％", "%",
)  # fmt: skip
_CLOSING = "，。、；：？！）」』】》〉’”％,.;:?!)]%…"
_OPENING = "（「『【《〈‘“(["
_UNIT = "|".join(re.escape(u) for u in UNITS)
# One piece that is never broken: a number (with its sign, decimals, %) and, after at most one
# space, its unit; a run of other half-width characters; one wide character; or spaces.
_PIECE = re.compile(rf"[−+\-]?\d[\d.,]*%?(?: ?(?:{_UNIT}))?|[^\s\u2e80-\uffef]+|[^\s]|\s+")


def _pieces(line: str) -> list[tuple[int, str]]:
    """(start, text) of each unbreakable piece, punctuation joined to its neighbour."""
    pieces: list[tuple[int, str]] = []
    glue_next = False
    for match in _PIECE.finditer(line):
        start, text = match.start(), match.group(0)
        joins = bool(pieces) and not pieces[-1][1].isspace() and not text.isspace()
        # 附表1, 2020年: a number written against a word stays with it
        attached = text[0].isdigit() and pieces and pieces[-1][0] + len(pieces[-1][1]) == start
        if joins and (glue_next or text[0] in _CLOSING or attached):
            pieces[-1] = (pieces[-1][0], pieces[-1][1] + text)
        else:
            pieces.append((start, text))
        glue_next = text[-1] in _OPENING
    return pieces


def break_offsets(line: str, width: int, measure: Callable[[str], int] = line_width) -> list[int]:
    """Offsets in ``line`` (one line, no newline) at which to break it to fit ``width`` cells,
    as ``measure`` counts them (the terminal library's own count where there is one)."""
    width = max(width, 2)
    offsets: list[int] = []
    used = 0
    for start, text in _pieces(line):
        size = measure(text)
        if text.isspace():  # a space may hang past the end of a line
            used += size
            continue
        if used and used + size > width:
            offsets.append(start)
            used = 0
        while size > width:  # longer than a whole line: cut by characters
            cut, room = 0, 0
            while room + measure(text[cut]) <= width:
                room += measure(text[cut])
                cut += 1
            start, text = start + cut, text[cut:]
            offsets.append(start)
            size = measure(text)
        used += size
    return offsets


__all__ = ["UNITS", "break_offsets"]
