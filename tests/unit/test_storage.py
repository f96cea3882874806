"""Loading and saving project files: encodings, atomic saves, backups, and Chinese errors."""

from __future__ import annotations

import json
import os

import pytest
from builders import WUXI, D

from perfeval_tui.project.storage import ProjectFileError, load_project, save_project
from perfeval_tui.scoring.engine import score_project


def test_bom_and_crlf_are_accepted(tmp_path):
    text = WUXI.read_text("utf-8").replace("\n", "\r\n")
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert score_project(load_project(path)).total == D("99.60")


def test_save_is_atomic_and_keeps_the_previous_version(tmp_path):
    path = tmp_path / "p.json"
    project = load_project(WUXI)
    save_project(project, path)
    first = path.read_bytes()
    project.funds[0].actual_spend = D(400)
    save_project(project, path)
    assert (tmp_path / "p.json.bak").read_bytes() == first
    assert load_project(path).funds[0].actual_spend == D(400)
    assert sorted(os.listdir(tmp_path)) == ["p.json", "p.json.bak"]  # no temp files left behind


def test_saved_decimals_are_strings(tmp_path):
    path = tmp_path / "p.json"
    save_project(load_project(WUXI), path)
    data = json.loads(path.read_text("utf-8"))
    assert data["funds"][0]["budget"] == "450"
    assert data["schema_version"] == 1


BAD_FILES = {
    "truncated": (lambda: WUXI.read_bytes()[:500], "JSON 格式错误"),
    "wrong_type": (
        lambda: WUXI.read_text("utf-8").replace('"year": 2020', '"year": "二〇二〇"', 1).encode(),
        "基本情况「年度」",
    ),
    "negative_money": (
        lambda: WUXI.read_text("utf-8").replace('"budget": "450"', '"budget": "-450"', 1).encode(),
        "附表1 第 1 行「预算安排数」：不能为负数",
    ),
    "unknown_ruleset": (
        lambda: (
            WUXI.read_text("utf-8")
            .replace('"ruleset": "wuxi-2021"', '"ruleset": "shanghai-2030"', 1)
            .encode()
        ),
        "未知的评分规则集「shanghai-2030」",
    ),
    "future_version": (
        lambda: (
            WUXI.read_text("utf-8")
            .replace('"schema_version": 1', '"schema_version": 9', 1)
            .encode()
        ),
        "文件格式版本 9 比本程序支持的 1 新",
    ),
    "gbk": (lambda: WUXI.read_text("utf-8").encode("gbk"), "不是 UTF-8 编码"),
    "float_money": (
        lambda: WUXI.read_text("utf-8").replace('"budget": "450"', '"budget": "abc"', 1).encode(),
        "「abc」不是有效数字",
    ),
    "empty": (lambda: b"", "是空文件"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_files_give_a_chinese_message(tmp_path, case):
    make, expected = BAD_FILES[case]
    path = tmp_path / f"{case}.json"
    path.write_bytes(make())
    with pytest.raises(ProjectFileError) as caught:
        load_project(path)
    assert expected in str(caught.value)
    assert "\n" not in str(caught.value)


def test_directory_and_missing_file(tmp_path):
    with pytest.raises(ProjectFileError, match="是文件夹"):
        load_project(tmp_path)
    with pytest.raises(ProjectFileError, match="找不到文件"):
        load_project(tmp_path / "nope.json")
