"""The one parser for numbers people type, and the one formatter for showing them.

Every surface (model validation, wizard fields, plain prompts, CLI flags, xlsx import)
goes through :func:`parse_number`, so ``450``, `` 450.00 ``, ``1,304``, ``１３０４``,
``96%``, ``９６％`` and ``450万元`` are read the same way everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Literal

PERCENT_UNITS = frozenset({"%", "％"})  # an indicator unit that makes its values percentages
NumberKind = Literal["money", "money4", "value", "rate", "count", "score"]

CENT = Decimal("0.01")

# Thousands groups must be well formed ("1,304" yes, "13,04" no) so a typo is caught.
_NUMBER_RE = re.compile(r"^(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?$")
_MONEY_SUFFIXES = ("万元", "万", "元")
_KIND_HINT = {
    "money": "请输入以万元为单位的非负金额，最多两位小数，例如 450 或 1,304.50",
    "money4": "请输入以万元为单位的非负金额，最多四位小数，例如 89.974 或 132.9120",
    "value": "请输入数字，例如 1304、96% 或 0.5",
    "rate": "请输入百分比数字，例如 96 或 96%",
    "count": "请输入非负整数，例如 0 或 2",
    "score": "请输入分数，例如 4 或 3.5",
}


class NumberInputError(ValueError):
    """A typed value that is not a number of the expected kind; the message is Chinese."""

    def __init__(self, field: str, problem: str, kind: NumberKind, hint: str = "") -> None:
        self.field = field
        self.problem = problem
        self.hint = hint or _KIND_HINT[kind]
        super().__init__(f"「{field}」{problem}。{self.hint}")


def _normalise(text: str) -> str:
    # NFKC folds full-width digits, ％, ，and ． to ASCII.
    text = unicodedata.normalize("NFKC", text).strip()
    return text.replace(" ", "").replace("\u3000", "")


def parse_number(
    text: str | int | Decimal,
    *,
    field: str = "数值",
    kind: NumberKind = "value",
    unit: str = "",
) -> Decimal:
    """Read one typed number; raise :class:`NumberInputError` with a Chinese message if it is not one.

    ``unit`` is the indicator's own unit (e.g. ``路``); a value typed with it (``1338路``) is accepted.
    A trailing ``%`` is accepted for values and rates and dropped (``96%`` -> 96), unless ``unit``
    is another unit: ``82.5%`` under ``公里`` is refused, naming the unit to type.
    """
    if isinstance(text, bool):
        raise NumberInputError(field, "不是数字", kind)
    if isinstance(text, int):
        text = str(text)
    if isinstance(text, Decimal):
        if text.is_finite() and text.adjusted() > 15:  # never spell out 1E+999999999
            raise NumberInputError(field, "数值过大", kind)
        text = format(text, "f") if text.is_finite() else str(text)
    raw = _normalise(text)
    if not raw:
        raise NumberInputError(field, "不能为空", kind)
    body = raw
    if kind in ("money", "money4"):
        for suffix in _MONEY_SUFFIXES:
            if body.endswith(suffix):
                body = body[: -len(suffix)]
                break
    if unit and body.endswith(_normalise(unit)) and _normalise(unit):
        body = body[: -len(_normalise(unit))]
    if body.endswith("%"):
        own = _normalise(unit)
        if own and own != "%" and kind in ("value", "rate"):
            raise NumberInputError(
                field,
                f"的单位是「{unit.strip()}」，不能带百分号（输入的是「{text.strip()}」）",
                kind,
                f"请按「{unit.strip()}」输入数字，例如 13.75 或 13.75{unit.strip()}",
            )
        if kind in ("money", "money4", "count"):
            raise NumberInputError(field, f"不能带百分号（输入的是「{text.strip()}」）", kind)
        body = body[:-1]
    negative = body.startswith("-")
    if negative or body.startswith("+"):
        body = body[1:]
    match = _NUMBER_RE.match(body)
    if match is None:
        raise NumberInputError(field, f"「{text.strip()}」不是有效数字", kind)
    if negative and kind in ("money", "money4", "count", "value", "rate"):
        raise NumberInputError(field, "不能为负数", kind)
    frac = match.group("frac") or ""
    if kind == "money" and len(frac) > 2:
        raise NumberInputError(field, "最多保留两位小数（万元）", kind)
    if kind == "money4" and len(frac) > 4:
        raise NumberInputError(field, "最多保留四位小数（万元）", kind)
    if kind == "count" and frac.strip("0"):
        raise NumberInputError(field, "应为整数", kind)
    try:
        value = Decimal(match.group("int").replace(",", "") + ("." + frac if frac else ""))
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only digits
        raise NumberInputError(field, "不是有效数字", kind) from exc
    if len(match.group("int").replace(",", "")) > 15:
        raise NumberInputError(field, "数值过大", kind)
    return -value if negative else value


def round_score(value: Decimal) -> Decimal:
    """Scores are kept to 2 decimals, half-up; this is the only rounding the rules call for."""
    return value.quantize(CENT, ROUND_HALF_UP)


def fmt2(value: Decimal) -> str:
    """Show a Decimal with exactly 2 decimals (display only; never fed back into arithmetic)."""
    return format(value.quantize(CENT, rounding=ROUND_HALF_UP), "f")


def fmt_plain(value: Decimal) -> str:
    """Show a Decimal without trailing zeros: 450.00 -> 450, 1.50 -> 1.5."""
    if value == value.to_integral_value():
        return format(value.quantize(Decimal(1)), "f")
    return format(value.normalize(), "f")


_FOUR = Decimal("0.0001")


def equals(value: Decimal) -> str:
    """``= 2.945`` when that is the exact value, ``≈ 2.9444`` when it is not (arithmetic steps).

    An explanation's steps then agree with one another at rounding edges: every printed figure
    is exact or marked as rounded.
    """
    for places in (CENT, _FOUR):
        shown = value.quantize(places, rounding=ROUND_HALF_UP)
        if shown == value:
            return f"= {_trim(shown)}"
    return f"≈ {_trim(value.quantize(_FOUR, rounding=ROUND_HALF_UP))}"


def _trim(value: Decimal) -> str:
    """4 places without trailing zeros past the second: 2.9450 -> 2.945, 1.5000 -> 1.50."""
    text = format(value, "f")
    whole, _, frac = text.partition(".")
    frac = (frac.rstrip("0") + "00")[: max(2, len(frac.rstrip("0")))]
    return f"{whole}.{frac}"


def fmt_percent(value: Decimal) -> str:
    """A percentage number (96 means 96%) shown with 2 decimals: ``96.00%``."""
    return f"{fmt2(value)}%"
