"""Targets and actuals as clerks type them on the national 绩效自评表.

A 年度指标值 is an operator, a value and a unit written in one cell: ``≥95%``, ``＞＝90％``,
``≤5个工作日``, ``=8个``, ``﹦100%``, ``100%以上``, ``不低于90%``, ``不超过202.6万元``,
``控制在3天以内``. Some forms put the operator in a 指标性质 column and the unit in a 度量单位
column instead. A cell without a number (``按时完成``, ``逐步提高``, ``是``) is a 定性 target.

The text is always kept as typed; the parsed parts only feed the arithmetic.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

Operator = Literal["≥", ">", "≤", "<", "="]
Direction = Literal["正向", "反向"]

OPERATOR_LABELS: dict[str, str] = {
    "≥": "≥（达到或超过）",
    ">": "＞（超过）",
    "≤": "≤（不超过）",
    "<": "＜（低于）",
    "=": "＝（等于）",
}

# Symbols and words that open a cell, longest first so ">=" wins over ">".
_PREFIXES: tuple[tuple[str, Operator], ...] = (
    (">=", "≥"),
    ("=>", "≥"),
    ("≥", "≥"),
    ("≧", "≥"),
    ("⩾", "≥"),
    ("<=", "≤"),
    ("=<", "≤"),
    ("≤", "≤"),
    ("≦", "≤"),
    ("⩽", "≤"),
    ("==", "="),
    ("=", "="),
    ("═", "="),
    (">", ">"),
    ("<", "<"),
    ("大于等于", "≥"),
    ("大于或等于", "≥"),
    ("不低于", "≥"),
    ("不少于", "≥"),
    ("不小于", "≥"),
    ("达到", "≥"),
    ("高于", ">"),
    ("大于", ">"),
    ("超过", ">"),
    ("小于等于", "≤"),
    ("小于或等于", "≤"),
    ("不高于", "≤"),
    ("不超过", "≤"),
    ("不多于", "≤"),
    ("不大于", "≤"),
    ("控制在", "≤"),
    ("低于", "<"),
    ("小于", "<"),
    ("少于", "<"),
    ("等于", "="),
)
# Words that close a cell: ``100%以上``, ``5天以内``.
_SUFFIXES: tuple[tuple[str, Operator], ...] = (
    ("及以上", "≥"),
    ("以上", "≥"),
    ("及以下", "≤"),
    ("以下", "≤"),
    ("以内", "≤"),
    ("之内", "≤"),
)
# What a 指标性质 column may hold.
_NATURE: dict[str, Operator | None] = {
    "≥": "≥",
    ">=": "≥",
    "≧": "≥",
    ">": ">",
    "≤": "≤",
    "<=": "≤",
    "≦": "≤",
    "<": "<",
    "=": "=",
    "═": "=",
    "正向": "≥",
    "正向指标": "≥",
    "反向": "≤",
    "反向指标": "≤",
    "定量": None,
    "定性": None,
}

_NUMBER = re.compile(r"^[+]?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")

# Actuals that say the target was reached; they read as the top 定性 band.
COMPLETED_WORDS = frozenset(
    {
        "完成",
        "已完成",
        "全部完成",
        "按时完成",
        "按期完成",
        "达成",
        "已达成",
        "达成预期",
        "达成预期指标",
        "达成预期目标",
        "达到预期",
        "达到预期目标",
        "达标",
        "是",
        "有效",
        "合格",
        "合规",
    }
)
_BLANKS = frozenset({"", "/", "-", "—", "－", "……", "…", "......", "...", "无"})


def normalise(text: str) -> str:
    """Full-width forms folded (NFKC: ＞＝ → >=, ％ → %, ﹦ → =), spaces removed."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(folded.split())


@dataclass(frozen=True, slots=True)
class Target:
    """One 年度指标值 or 实际完成值 cell, read: the text as typed and what it says."""

    text: str
    operator: Operator | None
    value: Decimal | None
    unit: str
    nature_qualitative: bool = False

    @property
    def qualitative(self) -> bool:
        """定性: no number in the cell (or the 指标性质 column says 定性)."""
        return self.value is None or self.nature_qualitative

    @property
    def blank(self) -> bool:
        return normalise(self.text) in _BLANKS

    @property
    def direction(self) -> Direction:
        return "反向" if self.operator in ("≤", "<") else "正向"

    @property
    def percent(self) -> bool:
        return self.unit == "%"

    @property
    def completed(self) -> bool:
        """A text actual that says the target was reached (完成, 已完成, 达成预期, 是 …)."""
        return normalise(self.text) in COMPLETED_WORDS


def _strip_operator(body: str) -> tuple[Operator | None, str]:
    for word, op in _PREFIXES:
        if body.startswith(word):
            return op, body[len(word) :]
    return None, body


def _strip_suffix(body: str) -> tuple[Operator | None, str]:
    for word, op in _SUFFIXES:
        if body.endswith(word):
            return op, body[: -len(word)]
    return None, body


def nature_operator(nature: str) -> tuple[Operator | None, bool]:
    """The operator a 指标性质 cell gives, and whether it says 定性."""
    key = normalise(nature)
    if not key:
        return None, False
    if key in _NATURE:
        return _NATURE[key], key == "定性"
    op, rest = _strip_operator(key)
    return op, False


def parse_target(text: str, *, nature: str = "", unit: str = "") -> Target:
    """Read a typed target or actual. ``nature`` and ``unit`` are the separate columns, if any.

    Never raises: a cell without a number is a 定性 text, kept as typed.
    """
    nature_op, nature_qual = nature_operator(nature)
    column_unit = normalise(unit)
    body = normalise(text)
    op, body = _strip_operator(body)
    suffix_op, body = _strip_suffix(body)
    op = op or suffix_op or nature_op
    match = _NUMBER.match(body)
    if match is None:
        return Target(text, op if nature_op is None else nature_op, None, column_unit, nature_qual)
    try:
        value = Decimal(match.group(1).replace(",", "") + (match.group(2) or ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        return Target(text, op, None, column_unit, nature_qual)
    rest = body[match.end() :]
    # ``控制在5天以内``: the suffix was stripped above; a leftover one sits after the unit.
    later_op, rest = _strip_suffix(rest)
    op = op or later_op
    cell_unit = rest
    return Target(text, op, value, cell_unit or column_unit, nature_qual)


def unit_conflict(target: Target, column_unit: str) -> bool:
    """The cell names a unit that differs from the 度量单位 column."""
    column = normalise(column_unit)
    return bool(column and target.unit and target.unit != column)


def words_only(text: str) -> bool:
    """定性 as typed: words and no number (``按时完成``, ``达到预期``, ``逐步提高``). Not a blank
    cell (``/``, ``无``) and not an operator alone (``≥``, ``不低于``), which is a number still
    to come."""
    read = parse_target(text)
    if read.value is not None or read.blank:
        return False
    _, body = _strip_operator(normalise(text))
    _, body = _strip_suffix(body)
    return bool(body)


def typed_updates(field: str, text: str, unit: str = "") -> dict[str, object] | None:
    """The indicator fields to set when a 目标值/完成值 is typed as written (``≥95%``, ``82.5%``,
    ``按时完成``).

    None for a bare number (``95``), which the number parser takes as before; also for a number
    whose unit is not the indicator's own ``unit`` (``90x`` or ``82.5%`` under ``公里``), unless
    it is a target with an operator (the target sets the unit): the number parser names the
    mistake. ``%`` is a unit like any other. The text is kept as typed in ``target_label`` /
    ``actual_label``; a target's operator sets the direction and its unit the indicator's unit.
    """
    if field not in ("target", "actual"):
        return None
    read = parse_target(text)
    if read.value is not None and read.operator is None and read.unit == "":
        return None
    sets_unit = field == "target" and read.operator is not None
    if read.value is not None and not sets_unit and unit_conflict(read, unit):
        return None
    updates: dict[str, object] = {field: read.value, f"{field}_label": text.strip()}
    if field == "target" and read.value is not None:
        if read.unit and (sets_unit or not normalise(unit)):
            updates["unit"] = read.unit
        if read.operator is not None:
            updates["operator"] = read.operator
            updates["direction"] = read.direction
    return updates
