"""The headless commands: score, check, explain, schema — outputs, exit codes, and bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from builders import COUNTY, ROOT, WUXI
from test_storage import BAD_FILES

from perfeval_tui.cli import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_score_table_shows_total_and_every_deduction(capsys):
    code, out, _ = run(capsys, "score", str(WUXI))
    assert code == 0
    assert "总分 99.60（优）" in out
    assert "共性指标 40.00/40.00" in out and "个性指标 59.60/60.00" in out
    assert "■ 社会满意度（％）  −0.40（9.60/10.00）" in out
    assert "完成值/目标值 = 96 / 100 = 0.9600" in out
    assert "梁溪区" in out


def test_score_json_shape(capsys):
    code, out, _ = run(capsys, "score", str(WUXI), "--json")
    data = json.loads(out)
    assert code == 0
    assert (data["total"], data["grade"]) == ("99.60", "优")
    assert {"path": ["共性指标"], "weight": "40.00", "score": "40.00"} in data["subtotals"]
    sat = next(i for i in data["indicators"] if i["id"] == "satisfaction")
    assert sat["path"] == ["个性指标", "其他绩效评价指标", "效果", "社会满意度（％）"]
    assert (sat["weight"], sat["target"], sat["actual"], sat["score"], sat["computed_score"]) == (
        "10.00",
        "100.00",
        "96.00",
        "9.60",
        "9.60",
    )
    assert sat["deductions"] == [{"reason": "完成比例 0.9600 ＜ 1，按比例扣分", "points": "0.40"}]
    assert len(data["warnings"]) == 4 and all(
        {"where", "message"} <= w.keys() for w in data["warnings"]
    )


def test_reading_switch_changes_the_score(capsys):
    _, base, _ = run(capsys, "score", str(COUNTY), "--json")
    _, switched, _ = run(
        capsys, "score", str(COUNTY), "--json", "--reading", "budget_execution_rate=floor"
    )

    def pick(out):
        return next(i for i in json.loads(out)["indicators"] if i["id"] == "budget_execution_rate")

    assert (pick(base)["score"], pick(base)["reading"]) == ("2.93", "continuous")
    assert (pick(switched)["score"], pick(switched)["reading"]) == ("3.00", "floor")


@pytest.mark.parametrize(
    ("switch", "message"),
    [
        ("nope=floor", "没有规则「nope」"),
        ("budget_execution_rate=half", "没有口径「half」"),
        ("floor", "格式不对"),
    ],
)
def test_bad_reading_switch(capsys, switch, message):
    code, _, err = run(capsys, "score", str(WUXI), "--reading", switch)
    assert code == 2 and message in err


def test_check_lists_the_seed_warnings_and_exits_1(capsys):
    code, out, _ = run(capsys, "check", str(WUXI))
    assert code == 1
    assert "区县资金分配表「梁溪区」实际支出数：实际支出数 450 万元 大于资金下达数 400 万元" in out
    assert "各区县实际支出数合计 500 万元，与附表1 实际支出数合计 450 万元 不一致" in out


def test_check_clean_project_exits_0(capsys, tmp_path):
    data = json.loads(WUXI.read_text("utf-8"))
    data["districts"] = []
    data["goals"] = []
    path = tmp_path / "clean.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    code, out, _ = run(capsys, "check", str(path))
    assert (code, out.strip()) == (0, "数据检查通过：没有发现问题。")


def test_explain_lists_rules_and_works_an_example(capsys):
    code, out, _ = run(capsys, "explain")
    assert code == 0 and "budget_execution_rate" in out and "预算执行率" in out
    code, out, _ = run(capsys, "explain", "budget_execution_rate")
    assert code == 0
    assert "≥95%得满分，每小于1%扣0.5分，扣完为止。" in out
    assert "口径「连续计算」得分 0.94 / 4.00" in out
    assert "口径「按整百分点」得分 1.00 / 4.00" in out
    assert "口径「按起算百分点」得分 0.50 / 4.00" in out
    code, _, err = run(capsys, "explain", "no_such_rule")
    assert code == 2 and "没有规则「no_such_rule」" in err


@pytest.mark.parametrize("case", sorted(BAD_FILES))
@pytest.mark.parametrize("command", ["score", "check"])
def test_bad_files_exit_2_and_are_left_unchanged(capsys, tmp_path, case, command):
    path = tmp_path / f"{case}.json"
    path.write_bytes(BAD_FILES[case][0]())
    before = path.read_bytes()
    code, out, err = run(capsys, command, str(path))
    assert code == 2
    assert err.startswith("错误：") and err.count("\n") == 1
    assert "Traceback" not in out + err
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_directory_gives_exit_2(capsys, tmp_path):
    code, _, err = run(capsys, "score", str(tmp_path))
    assert code == 2 and "是文件夹" in err


def test_bad_arguments_are_explained_in_chinese(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["score"])
    assert caught.value.code == 2
    assert "缺少参数：文件" in capsys.readouterr().err


def test_installed_command_never_prints_a_traceback(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"schema_version": ')
    done = subprocess.run(
        [sys.executable, "-m", "perfeval_tui.cli", "score", str(bad)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "JSON 格式错误" in done.stderr
