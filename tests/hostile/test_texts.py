"""The one text gate (cases 3, 6, 9, 19): control characters, undecodable bytes, bidi overrides and
non-characters are refused with the field named; a BOM is dropped; line breaks are handled; a
text longer than an Excel cell is refused, never cut."""

from __future__ import annotations

import pytest
from hostile_helpers import WUXI, assert_refused, demo_data, write_json
from plain_driver import perfeval
from pydantic import ValidationError

from perfeval_tui.exports.md_tables import escape
from perfeval_tui.exports.naming import safe_stem, xlsx_name
from perfeval_tui.project.storage import load_project
from perfeval_tui.scoring.text import MAX_TEXT, clean_text

FIELDS = [
    (("basics", "name"), "基本情况「专项名称」"),
    (("basics", "unit"), "基本情况「填报单位」"),
    (("basics", "preparer"), "基本情况「填表人」"),
    (("basics", "background"), "基本情况「专项背景」"),
    (("basics", "problems"), "基本情况「主要问题」"),
    (("funds", 0, "name"), "附表1 第 1 行「专项（项目）资金名称」"),
    (("funds", 0, "remark"), "附表1 第 1 行「备注」"),
    (("districts", 1, "name"), "区县资金分配表 第 2 行「市（县）区名称」"),
    (("districts", 0, "remark"), "区县资金分配表 第 1 行「备注」"),
    (("indicators", 9, "unit"), "附表2 第 10 行「单位」"),
    (("indicators", 9, "remark"), "附表2 第 10 行「备注」"),
    (("indicators", 9, "criteria_text"), "附表2 第 10 行「评分标准」"),
    (("goals", 0, "name"), "绩效目标 第 1 行「绩效目标名称」"),
]

BAD = [
    ("\x00", "U+0000"),
    ("\x1b[31m", "U+001B"),
    ("\x07", "U+0007"),
    ("\x7f", "U+007F"),
    ("\x9b", "U+009B"),
    ("\ud800", "U+D800"),
    ("\udcb0", "\\xb0"),
    ("\uffff", "U+FFFF"),
    ("\ufffe", "U+FFFE"),
    ("\ufdd0", "U+FDD0"),
    ("\U0010ffff", "U+10FFFF"),
    ("\u202e", "U+202E"),
    ("\u2066", "U+2066"),
]


def _set(data, path, value):
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


@pytest.mark.parametrize(("char", "shown"), BAD, ids=[repr(c) for c, _ in BAD])
@pytest.mark.parametrize(("path", "place"), FIELDS, ids=[".".join(map(str, p)) for p, _ in FIELDS])
def test_hostile_characters_in_a_file_are_refused(tmp_path, capsys, path, place, char, shown):
    data = demo_data()
    _set(data, path, f"甲{char}乙")
    path_on_disk = tmp_path / "p.json"
    import json

    # ensure_ascii keeps lone surrogates writable as \u escapes, as another program might write
    path_on_disk.write_text(json.dumps(data, ensure_ascii=True), "ascii")
    assert_refused(capsys, path_on_disk, place, shown)


@pytest.mark.parametrize(("path", "place"), FIELDS[3:5] + FIELDS[6:7] + FIELDS[10:12])
def test_a_text_longer_than_an_excel_cell_is_refused_not_cut(tmp_path, capsys, path, place):
    data = demo_data()
    _set(data, path, "字" * 40_000)
    message = assert_refused(capsys, write_json(tmp_path, data), place)
    assert "32767" in message and "40000" in message


def test_a_text_exactly_an_excel_cell_long_is_kept(tmp_path):
    data = demo_data()
    data["funds"][0]["remark"] = "字" * MAX_TEXT
    assert load_project(write_json(tmp_path, data)).funds[0].remark == "字" * MAX_TEXT


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("\ufeff无锡专项", "无锡专项"),
        ("无锡\r\n专项", "无锡 专项"),
        ("无锡\r专项", "无锡 专项"),
        ("无锡\n\n专项\n", "无锡 专项"),
        ("无锡\t专项", "无锡 专项"),
        ("e\u0301", "\u00e9"),  # NFC
        ("  无锡专项  ", "无锡专项"),
    ],
)
def test_one_line_fields_are_normalised(tmp_path, typed, stored):
    data = demo_data()
    data["basics"]["name"] = typed
    project = load_project(write_json(tmp_path, data))
    assert project.basics.name == stored
    assert "\n" not in xlsx_name(project) and "\ufeff" not in xlsx_name(project)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("第一段\r\n第二段", "第一段\n第二段"),
        ("a\rb", "a\nb"),
        ("\ufeff说明", "说明"),
        ("表\t格", "表\t格"),
    ],
)
def test_free_texts_keep_their_lines_with_one_line_ending(tmp_path, typed, stored):
    data = demo_data()
    data["funds"][0]["remark"] = typed
    assert load_project(write_json(tmp_path, data)).funds[0].remark == stored


@pytest.mark.parametrize("char", ["\uffff", "\ud800", "\x1b", "\u202e"])
def test_the_model_refuses_hostile_text_from_any_surface(char):
    project = load_project(WUXI)
    with pytest.raises(ValidationError):
        project.funds[0].remark = f"备注{char}"
    with pytest.raises(ValidationError):
        project.basics.name = f"专项{char}"
    assert project.funds[0].remark == ""


def test_a_byte_order_mark_at_the_start_of_an_answers_file_is_dropped(tmp_path):
    """Case 9: the BOM became part of 专项名称 and of the exported file names."""
    path = tmp_path / "bom.json"
    done = perfeval("new", str(path), "--plain", stdin="\ufeff无锡专项\n2020\n公安局\n".encode())
    assert b"Traceback" not in done.stderr
    assert load_project(path).basics.name == "无锡专项"


def test_gbk_bytes_in_a_plain_mode_field_are_refused_with_the_encoding_named(tmp_path):
    """Case 3: a GBK byte in a UTF-8 session crashed the save (surrogates not allowed)."""
    path = tmp_path / "m.json"
    env = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_CTYPE": ""}
    done = perfeval("new", str(path), "--plain", stdin=b"A\n2020\nB\n\xb0\n", env=env)
    out = (done.stdout + done.stderr).decode("utf-8", "replace")
    assert "Traceback" not in out and done.returncode != 70
    assert "字符编码" in out and "\\xb0" in out
    assert "\udcb0" not in path.read_text("utf-8")
    assert load_project(path).basics.department == ""


def test_gbk_bytes_as_the_project_name_name_the_terminal_encoding(tmp_path):
    path = tmp_path / "m.json"
    env = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_CTYPE": ""}
    done = perfeval("new", str(path), "--plain", stdin=b"\xb0\xa1\n", env=env)
    out = (done.stdout + done.stderr).decode("utf-8", "replace")
    assert "Traceback" not in out and "专项名称" in out and "字符编码" in out
    assert "schema" not in out.lower()


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("\u202egpj.exe", "gpj.exe"),
        ("\ufeff专项", "专项"),
        ("专\u200b项", "专项"),
        ("a/b\\c", "a_b_c"),
        ("\x00\x1b", "专项"),
    ],
)
def test_export_file_names_carry_no_invisible_characters(name, stem):
    assert safe_stem(name) == stem


@pytest.mark.parametrize(
    ("cell", "shown"),
    [("甲\r\n乙", "甲；乙"), ("甲\r乙", "甲；乙"), ("a|b", "a\\|b"), ("x\n\ny", "x；y")],
)
def test_markdown_cells_stay_on_one_row(cell, shown):
    # Lines are joined with ；: a <br> is dropped when the Markdown is converted to Word.
    assert escape(cell) == shown


def test_clean_text_is_idempotent_on_the_demo():
    project = load_project(WUXI)
    for value in project.basics.model_dump().values():
        if isinstance(value, str):
            assert clean_text(value) == value
