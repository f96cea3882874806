"""Targets as clerks type them: operator, value and unit from one cell, or from separate columns."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from perfeval_tui.scoring.targets import parse_target, unit_conflict


@pytest.mark.parametrize(
    ("text", "op", "value", "unit"),
    [
        ("≥95%", "≥", "95", "%"),
        ("＞＝90％", "≥", "90", "%"),
        (">=90%", "≥", "90", "%"),
        ("≧ 90 %", "≥", "90", "%"),
        ("≤5个工作日", "≤", "5", "个工作日"),
        ("＜＝5天", "≤", "5", "天"),
        ("=8个", "=", "8", "个"),
        ("﹦100%", "=", "100", "%"),
        ("＝ 100 ％", "=", "100", "%"),
        ("═100%", "=", "100", "%"),
        ("100%以上", "≥", "100", "%"),
        ("90%及以上", "≥", "90", "%"),
        ("不低于90%", "≥", "90", "%"),
        ("不少于 42 人", "≥", "42", "人"),
        ("不超过202.6万元", "≤", "202.6", "万元"),
        ("不高于3%", "≤", "3", "%"),
        ("控制在202.6万元以内", "≤", "202.6", "万元"),
        ("控制在 5 天以内", "≤", "5", "天"),
        ("3天以下", "≤", "3", "天"),
        ("＞ 0", ">", "0", ""),
        ("<1%", "<", "1", "%"),
        ("29.5亩", None, "29.5", "亩"),
        ("１，３０４路", None, "1304", "路"),
        ("20万元", None, "20", "万元"),
        ("≥11.376万元", "≥", "11.376", "万元"),
        ("  96%  ", None, "96", "%"),
        ("0.96", None, "0.96", ""),
    ],
)
def test_operator_value_and_unit_from_one_cell(text, op, value, unit):
    got = parse_target(text)
    assert (got.operator, got.value, got.unit) == (op, D(value), unit)
    assert got.text == text  # kept as typed
    assert not got.qualitative


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("≥95%", "正向"),
        ("100%以上", "正向"),
        ("不低于90%", "正向"),
        ("=8个", "正向"),
        ("≤5个工作日", "反向"),
        ("<1%", "反向"),
        ("3天以下", "反向"),
        ("不超过202.6万元", "反向"),
        ("控制在5天以内", "反向"),
        ("29.5亩", "正向"),
    ],
)
def test_operator_sets_direction(text, direction):
    assert parse_target(text).direction == direction


@pytest.mark.parametrize(
    ("text", "nature", "unit_column", "op", "value", "unit"),
    [
        ("72890", "﹦", "元", "=", "72890", "元"),
        ("95", "≥", "%", "≥", "95", "%"),
        ("30", "≤", "万元", "≤", "30", "万元"),
        (" 30 ", " ≤ ", " 万元 ", "≤", "30", "万元"),
        ("100", "＝", "％", "=", "100", "%"),
        ("5", "反向指标", "天", "≤", "5", "天"),
        ("95%", "", "%", None, "95", "%"),  # unit inside and outside the cell
    ],
)
def test_operator_and_unit_from_separate_columns(text, nature, unit_column, op, value, unit):
    got = parse_target(text, nature=nature, unit=unit_column)
    assert (got.operator, got.value, got.unit) == (op, D(value), unit)


@pytest.mark.parametrize(
    "text", ["按时完成", "逐步提高", "是", "显著提升", "合规", "效果明显", "严格执行相关制度规定"]
)
def test_text_target_is_qualitative(text):
    got = parse_target(text)
    assert got.qualitative and got.value is None and got.text == text


def test_nature_column_can_say_qualitative():
    assert parse_target("100", nature="定性").qualitative


@pytest.mark.parametrize(
    ("text", "completed"),
    [
        ("完成", True),
        ("已完成", True),
        ("达成预期", True),
        ("达成预期指标", True),
        ("是", True),
        (" 已 完成 ", True),
        ("部分完成", False),
        ("逐步提高", False),
        ("96%", False),
    ],
)
def test_completed_text_actuals(text, completed):
    assert parse_target(text).completed is completed


@pytest.mark.parametrize("text", ["", " ", "/", "-", "……"])
def test_blank_cells(text):
    got = parse_target(text)
    assert got.blank and got.value is None


def test_unit_in_cell_differs_from_unit_column():
    assert unit_conflict(parse_target("5天"), "个")
    assert not unit_conflict(parse_target("5"), "个")
    assert not unit_conflict(parse_target("5个"), "个")
