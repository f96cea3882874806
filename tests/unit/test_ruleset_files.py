"""``--ruleset`` takes the path of a rule-set file: checked against the schema, a bad one refused
with a Chinese message naming the key (exit 2, no traceback), a good one used like a packaged one."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from builders import ROOT, WUXI

from perfeval_tui.cli import main
from perfeval_tui.project.storage import load_project
from perfeval_tui.scoring.engine import score_project

PACKAGED = ROOT / "perfeval_tui" / "rulesets" / "wuxi-2021.json"


def _ruleset(tmp_path: Path, change) -> Path:
    data = json.loads(PACKAGED.read_text("utf-8"))
    change(data)
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_bad_rule_set_file_is_refused_naming_the_key(tmp_path: Path, capsys) -> None:
    def bad_levels(data):
        data["rules"]["graded"]["levels"] = "优良中差"

    path = _ruleset(tmp_path, bad_levels)
    code, out, err = run(capsys, "explain", "--ruleset", str(path))
    assert code == 2
    assert "键「rules.graded.levels」应为对象" in err
    assert "Traceback" not in out + err


def test_an_unknown_family_and_a_missing_key_are_named(tmp_path: Path, capsys) -> None:
    path = _ruleset(tmp_path, lambda d: d["rules"]["graded"].update(family="nope"))
    code, _, err = run(capsys, "quiz", "--ruleset", str(path), "--plain")
    assert code == 2 and "键「rules.graded」不是已知的评分规则类型（family）" in err
    path = _ruleset(tmp_path, lambda d: d.pop("grade_bands"))
    code, _, err = run(capsys, "explain", "--ruleset", str(path))
    assert code == 2 and "键「grade_bands」缺少，必须填写" in err
    broken = tmp_path / "broken.json"
    broken.write_text('{"id": 1', "utf-8")
    code, _, err = run(capsys, "explain", "--ruleset", str(broken))
    assert code == 2 and "不是有效的 JSON" in err
    code, _, err = run(capsys, "new", str(tmp_path / "p.json"), "--ruleset", "nowhere.json")
    assert code == 2 and "不存在" in err
    assert not (tmp_path / "p.json").exists()


def test_a_project_scored_under_a_rule_set_file(tmp_path: Path, capsys) -> None:
    def stricter(data):
        for band in data["grade_bands"]:
            if band["grade"] == "优":
                band["min_score"] = "100"

    path = _ruleset(tmp_path, stricter)
    code, out, _ = run(capsys, "explain", "budget_execution_rate", "--ruleset", str(path))
    assert code == 0 and "预算执行率" in out
    project = load_project(WUXI)
    project.ruleset = str(path)
    result = score_project(project)
    assert (result.total, result.grade) == (Decimal("99.60"), "良")  # 优 needs 100 in this file
