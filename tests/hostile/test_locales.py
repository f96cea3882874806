"""Case 1: every headless command and plain mode run under GBK and GB18030 locales, on both demos.

Output comes in the locale's own encoding; characters it cannot carry get a safe spelling.
"""

from __future__ import annotations

import shutil

import pytest
from plain_driver import ROOT, perfeval

from perfeval_tui.term.output import encode_for_terminal, safe_spelling

DEMOS = ["wuxi-2020.json", "county-demo.json"]


def _demo_copy(tmp_path, name):
    copy = tmp_path / name
    shutil.copy(ROOT / "demo_data" / name, copy)
    return copy


def _decoded(done, codec: str) -> str:
    text = (done.stdout + done.stderr).decode(codec)  # strict: the locale's encoding, nothing else
    assert "Traceback" not in text and "程序内部出错" not in text
    return text


@pytest.mark.parametrize("demo", DEMOS)
@pytest.mark.parametrize(
    ("command", "extra", "code"),
    [
        ("score", [], 0),
        ("check", [], 1),
        ("simulate", ["--set", "/funds/0/actual_spend=1"], 0),
    ],
)
def test_headless_commands_under_chinese_locales(
    tmp_path, chinese_locale, demo, command, extra, code
):
    codec, env = chinese_locale
    path = _demo_copy(tmp_path, demo)
    before = path.read_bytes()
    done = perfeval(command, str(path), *extra, stdin=b"", env=env)
    text = _decoded(done, codec)
    assert done.returncode == code, text
    assert "总分" in text or "警告" in text or "数据" in text
    assert path.read_bytes() == before


@pytest.mark.parametrize("rule", ["", "budget_execution_rate"])
def test_explain_under_chinese_locales(chinese_locale, rule):
    codec, env = chinese_locale
    done = perfeval("explain", *([rule] if rule else []), stdin=b"", env=env)
    text = _decoded(done, codec)
    assert done.returncode == 0
    assert ("得分" if rule else "规则集") in text


@pytest.mark.parametrize("demo", DEMOS)
def test_plain_mode_shows_deductions_under_chinese_locales(tmp_path, chinese_locale, demo):
    """Plain mode crashed at 本步扣分 (the minus sign) under GBK."""
    codec, env = chinese_locale
    path = _demo_copy(tmp_path, demo)
    done = perfeval(str(path), "--plain", stdin=b"4\n\n\n\n\n\n\n\n", env=env)
    text = _decoded(done, codec)
    assert "本步扣分" in text
    assert done.returncode in (0, 3)


@pytest.mark.parametrize(
    ("char", "spelling"),
    [("\u2212", "-"), ("\u2026", "..."), ("\u2713", "v"), ("\u2022", "*"), ("\U0001f600", "?")],
)
def test_safe_spelling_of_characters_gbk_cannot_carry(char, spelling):
    assert safe_spelling(char) == spelling
    try:
        expected = f"扣分{char}1".encode("gbk")  # GBK carries it: printed as it is
    except UnicodeEncodeError:
        expected = f"扣分{spelling}1".encode("gbk")
    assert encode_for_terminal(f"扣分{char}1", "gbk") == expected
