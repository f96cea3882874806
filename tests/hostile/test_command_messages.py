"""What ``perfeval check``, ``score`` and ``explain`` say about bad input, under ``LANG=C`` and the
GBK/GB18030 locales: one Chinese line naming the problem and what to do, readable in the
locale's own encoding, exit 2.

A filled form (.tsv) or a workbook given where a project file belongs was answered with a JSON
error at line 1 column 1 and advice to restore a backup; a reading that does not exist listed
the others by their codes alone.
"""

from __future__ import annotations

import re
import shutil

import pytest
from plain_driver import ROOT, perfeval

FORM = ROOT / "tests" / "data" / "real-forms" / "01_tianchang_2022.tsv"
C_LOCALE = ("utf-8", {"LANG": "C", "LC_ALL": "", "LC_CTYPE": ""})
CJK = re.compile(r"[\u4e00-\u9fff]")


def _case(tmp_path, name: str) -> tuple[list[str], str]:
    """(arguments, a fragment the message must hold) for each kind of bad input."""
    demo = tmp_path / "wuxi.json"
    shutil.copy(ROOT / "demo_data" / "wuxi-2020.json", demo)
    form = tmp_path / "form.tsv"
    shutil.copy(FORM, form)
    workbook = tmp_path / "book.xlsx"
    workbook.write_bytes(b"PK\x03\x04 not a project")
    truncated = tmp_path / "truncated.json"
    truncated.write_bytes(demo.read_bytes()[:300])
    return {
        "form": (["check", str(form)], f"perfeval import {form} -o form.json"),
        "workbook": (["score", str(workbook)], "不是项目文件（.json）"),
        "missing": (["check", str(tmp_path / "没有.json")], "找不到文件"),
        "truncated": (["score", str(truncated)], "JSON 格式错误"),
        "rule": (["explain", "nosuchrule"], "中没有规则「nosuchrule」"),
        "ruleset": (["explain", "--ruleset", "nope"], "未知的评分规则集「nope」"),
        "reading": (
            ["score", str(demo), "--reading", "completion_ratio=zzz"],
            "可选：banded（分档）、capped（封顶）",
        ),
        "no file": (["check"], "缺少参数：文件"),
    }[name]


CASES = ["form", "workbook", "missing", "truncated", "rule", "ruleset", "reading", "no file"]


def _check(done, codec: str, fragment: str) -> None:
    assert done.stdout == b""
    text = done.stderr.decode(codec)  # strict: the locale's own encoding, nothing else
    assert done.returncode == 2, text
    assert fragment in text
    assert "Traceback" not in text and "程序内部出错" not in text
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines and all(CJK.search(line) for line in lines), text  # Chinese on every line


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_named_in_chinese_under_the_c_locale(tmp_path, case):
    args, fragment = _case(tmp_path, case)
    codec, env = C_LOCALE
    _check(perfeval(*args, stdin=b"", env=env), codec, fragment)


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_named_in_chinese_under_chinese_locales(tmp_path, chinese_locale, case):
    args, fragment = _case(tmp_path, case)
    codec, env = chinese_locale
    _check(perfeval(*args, stdin=b"", env=env), codec, fragment)


def test_a_form_given_to_check_is_left_as_it_was(tmp_path):
    args, _ = _case(tmp_path, "form")
    before = (tmp_path / "form.tsv").read_bytes()
    done = perfeval(*args, stdin=b"", env=C_LOCALE[1])
    assert done.returncode == 2
    assert (tmp_path / "form.tsv").read_bytes() == before
    assert not (tmp_path / "form.json").exists()
