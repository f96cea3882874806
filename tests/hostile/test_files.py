"""Hostile project files: wrong shapes, hostile numbers, duplicate ids, unknown keys, scores
above the weight (cases 11, 12, 14, 16, 17, 18). Each is refused with a Chinese message naming
the place, and the file is left byte-for-byte as it was."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hostile_helpers import assert_refused, demo_data, run, write_json

from perfeval_tui.project.storage import load_project

# --- case 11: a field that should be an object (or a list) is not -------------------------------


def _set(data, path, value):
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


SHAPES = [
    (("basics",), "x", "基本情况"),
    (("basics",), [], "基本情况"),
    (("basics",), 3, "基本情况"),
    (("indicators", 0, "override"), "200", "附表2 第 1 行「人工评分」"),
    (("indicators", 0, "override"), [], "附表2 第 1 行「人工评分」"),
    (("indicators", 0, "inputs"), [], "附表2 第 1 行「评分输入」"),
    (("indicators", 0, "inputs"), "x", "附表2 第 1 行「评分输入」"),
    (("indicators", 2, "inputs", "ticked"), "policy", "附表2 第 3 行「评分输入」"),
    (("indicators", 5, "inputs", "counts"), [], "附表2 第 6 行「评分输入」"),
    (("readings",), [], "规则口径"),
    (("readings",), "x", "规则口径"),
    (("funds", 0), 1, "附表1 第 1 行"),
    (("funds", 0), "x", "附表1 第 1 行"),
    (("funds",), {}, "附表1"),
    (("districts", 0), None, "区县资金分配表 第 1 行"),
    (("districts", 1), [], "区县资金分配表 第 2 行"),
    (("indicators", 3), 7, "附表2 第 4 行"),
    (("indicators", 0, "levels"), "a", "附表2 第 1 行「指标层级」"),
    (("goals", 0), "x", "绩效目标 第 1 行"),
    (("groups",), True, "「指标分组」"),
]


@pytest.mark.parametrize(("path", "value", "place"), SHAPES, ids=lambda v: repr(v)[:30])
def test_a_field_of_the_wrong_shape_is_named(tmp_path, capsys, path, value, place):
    data = demo_data()
    _set(data, path, value)
    assert_refused(capsys, write_json(tmp_path, data), place)


# --- cases 12 and 14: hostile and exact bare numbers --------------------------------------------

BUDGET = '"budget": "450"'


@pytest.mark.parametrize(
    ("replacement", "place"),
    [
        ('"budget": ' + "9" * 5001, "位的数字"),
        ('"budget": ' + "9" * 41, "位的数字"),
        ('"budget": 1' + "0" * 5000 + ".5", "预算安排数"),
        ('"budget": 1e999999999', "预算安排数"),
        ('"budget": 1E+400', "预算安排数"),
        ('"budget": -1', "预算安排数"),
        ('"budget": NaN', "预算安排数"),
        ('"budget": Infinity', "预算安排数"),
        ('"budget": -Infinity', "预算安排数"),
        ('"budget": "9' + "9" * 5000 + '"', "预算安排数"),
        ('"budget": 450.123', "预算安排数"),
        ('"budget": true', "预算安排数"),
        ('"budget": "1e5"', "预算安排数"),
    ],
    ids=lambda v: v[:24],
)
def test_hostile_bare_numbers_get_a_message(tmp_path, capsys, replacement, place):
    path = tmp_path / "p.json"
    source = demo_data()
    path.write_text(write_json(tmp_path, source).read_text("utf-8").replace(BUDGET, replacement, 1))
    assert replacement in path.read_text("utf-8")
    assert_refused(capsys, path, place)


@pytest.mark.parametrize("depth", [100_000, 5_000])
@pytest.mark.parametrize("bracket", ["[", '{"a":'])
def test_deep_nesting_gets_a_message(tmp_path, capsys, depth, bracket):
    path = tmp_path / "deep.json"
    path.write_text(bracket * depth)
    assert_refused(capsys, path, "deep.json")


@pytest.mark.parametrize(
    ("bare", "exact"),
    [
        ("99999999999999.99", "99999999999999.99"),
        ("450.10", "450.10"),
        ("0.07", "0.07"),
        ("1234567.89", "1234567.89"),
        ("450", "450"),
    ],
)
def test_bare_numbers_are_read_exactly(tmp_path, bare, exact):
    path = write_json(tmp_path, demo_data())
    path.write_text(path.read_text("utf-8").replace(BUDGET, f'"budget": {bare}', 1))
    assert load_project(path).funds[0].budget == Decimal(exact)


def test_a_huge_bare_budget_raises_no_false_warning(tmp_path, capsys):
    data = demo_data()
    fund = data["funds"][0]
    for key in ("budget", "actual_spend", "funds_arrived", "stated_adjusted_budget"):
        fund[key] = "__BIG__"
    data["districts"] = []
    path = write_json(tmp_path, data)
    path.write_text(path.read_text("utf-8").replace('"__BIG__"', "99999999999999.99"))
    code, out, err = run(capsys, "check", str(path))
    assert "调整后预算数" not in out + err  # the stated 调整后预算数 agrees with the computed one
    assert code in (0, 1) and "Traceback" not in err


# --- case 16: duplicate ids ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "source", "copy_at", "place"),
    [
        ("indicators", 9, 10, "附表2 第 11 行"),
        ("indicators", 0, 18, "附表2 第 19 行"),
        ("funds", 0, None, "附表1 第 2 行"),
        ("districts", 0, 1, "区县资金分配表 第 2 行"),
        ("goals", 0, 1, "绩效目标 第 2 行"),
    ],
)
def test_duplicate_ids_are_refused(tmp_path, capsys, table, source, copy_at, place):
    data = demo_data()
    rows = data[table]
    if copy_at is None:
        rows.append({**rows[source], "name": "第二笔资金"})
    else:
        rows[copy_at]["id"] = rows[source]["id"]
    message = assert_refused(capsys, write_json(tmp_path, data), place)
    assert rows[source]["id"] in message and "重复" in message


# --- case 17: unknown rule-input keys -------------------------------------------------------------


@pytest.mark.parametrize(
    ("index", "inputs", "key"),
    [
        (5, {"counts": {"misues": 3}}, "misues"),
        (6, {"counts": {"": 1}}, "「」"),
        (2, {"ticked": ["policy", "nope"]}, "nope"),
        (3, {"ticked": ["Measurable"]}, "Measurable"),
        (9, {"ticked": ["policy"]}, "policy"),
        (9, {"counts": {"misuse": 1}}, "misuse"),
    ],
)
def test_unknown_rule_input_keys_are_refused(tmp_path, capsys, index, inputs, key):
    data = demo_data()
    data["indicators"][index]["inputs"].update(inputs)
    name = data["indicators"][index]["levels"][-1]
    assert_refused(capsys, write_json(tmp_path, data), f"第 {index + 1} 行「{name}」", key)


# --- case 18: a manual score above the weight ------------------------------------------------------


@pytest.mark.parametrize(("index", "score"), [(9, "20"), (9, "15.01"), (0, "4.5"), (18, "100")])
def test_a_manual_score_above_the_weight_is_refused(tmp_path, capsys, index, score):
    data = demo_data()
    data["indicators"][index]["override"] = {"score": score, "reason": "复核"}
    message = assert_refused(capsys, write_json(tmp_path, data), f"附表2 第 {index + 1} 行")
    assert "超过权重" in message


def test_a_manual_score_equal_to_the_weight_is_kept(tmp_path, capsys):
    data = demo_data()
    data["indicators"][9]["override"] = {"score": "15", "reason": "复核"}
    code, out, _ = run(capsys, "score", str(write_json(tmp_path, data)))
    assert code == 0 and "−-" not in out
