"""The one number parser: what people type is read the same everywhere."""

from __future__ import annotations

import pytest
from builders import D

from perfeval_tui.scoring.numbers import NumberInputError, parse_number


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("450", "money", "450"),
        (" 450.00 ", "money", "450.00"),
        ("1,304", "value", "1304"),
        ("１３０４", "value", "1304"),
        ("１，３０４．５", "value", "1304.5"),
        ("96%", "rate", "96"),
        ("９６％", "rate", "96"),
        ("96", "rate", "96"),
        ("450万元", "money", "450"),
        ("450 万元", "money", "450"),
        ("0", "count", "0"),
        ("3", "count", "3"),
        ("\u3000450\u3000", "money", "450"),
    ],
)
def test_accepts_what_people_type(text, kind, expected):
    assert parse_number(text, kind=kind) == D(expected)


def test_accepts_the_indicators_own_unit():
    assert parse_number("1338路", kind="value", unit="路") == D(1338)


@pytest.mark.parametrize(
    ("text", "kind", "problem"),
    [
        ("abc", "value", "不是有效数字"),
        ("NaN", "value", "不是有效数字"),
        ("inf", "value", "不是有效数字"),
        ("1e309", "value", "不是有效数字"),
        ("-5", "money", "不能为负数"),
        ("", "money", "不能为空"),
        ("450.123", "money", "最多保留两位小数"),
        ("13,04", "value", "不是有效数字"),
        ("96%", "money", "不能带百分号"),
        ("1.5", "count", "应为整数"),
    ],
)
def test_rejects_with_a_chinese_message_that_says_what_to_type(text, kind, problem):
    with pytest.raises(NumberInputError) as caught:
        parse_number(text, field="实际支出数", kind=kind)
    assert problem in caught.value.problem
    message = str(caught.value)
    assert message.startswith("「实际支出数」")
    assert "请输入" in message
