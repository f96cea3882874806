"""Plain mode, the whole job: the seed case typed into an empty project scores exactly 99.60."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

from builders import WUXI
from plain_driver import (
    ANSWERS,
    perfeval,
    run_in_pty,
    run_lines,
    run_questionary,
    seed_answers,
    typed,
)

from perfeval_tui.project.storage import load_project
from perfeval_tui.scoring.engine import score_project

ROW_FIELDS = ("name", "budget", "increase", "decrease", "actual_spend", "funds_arrived")
DISTRICT_FIELDS = ("name", "allocated", "actual_spend", "carryover", "funds_arrived")
INDICATOR_FIELDS = ("levels", "weight", "rule", "target", "actual", "unit", "direction", "inputs")


def assert_is_the_seed_case(path):
    """The typed project holds the seed file's numbers and scores as the seed does."""
    typed_project, seed = load_project(path), load_project(WUXI)
    result = score_project(typed_project)
    assert (result.total, result.grade) == (Decimal("99.60"), "优")
    assert result.group("共性指标").score == Decimal("40.00")
    assert result.group("个性指标").score == Decimal("59.60")
    for field in ("name", "year", "unit", "department", "phone", "fill_date"):
        assert getattr(typed_project.basics, field) == getattr(seed.basics, field)
    for mine, theirs in zip(typed_project.funds, seed.funds, strict=True):
        assert mine.model_dump(include=set(ROW_FIELDS)) == theirs.model_dump(
            include=set(ROW_FIELDS)
        )
    for mine, theirs in zip(typed_project.districts, seed.districts, strict=True):
        want = set(DISTRICT_FIELDS)
        assert mine.model_dump(include=want) == theirs.model_dump(include=want)
    assert len(typed_project.indicators) == 19
    for mine, theirs in zip(typed_project.indicators, seed.indicators, strict=True):
        want = set(INDICATOR_FIELDS)
        assert mine.model_dump(include=want) == theirs.model_dump(include=want), theirs.name


def test_seed_case_through_questionary_prompts(tmp_path):
    path = tmp_path / "wuxi.json"
    run = run_questionary(path, typed(seed_answers()), new=True)
    assert run.code == 0, run.out[-2000:]
    assert_is_the_seed_case(path)
    # The prompts were drawn by questionary: the menu and the field questions are on its screen.
    assert "下一步做什么？" in run.screen and "预算安排数（万元）" in run.screen
    assert "项目已填写完整。总分 99.60（优）" in run.out
    # After the indicator step: the running total and that step's deduction.
    assert "—— 本步完成。总分 99.60（优），本步 +59.60" in run.out
    assert "社会满意度（％） −0.40：完成比例 0.9600 ＜ 1，按比例扣分" in run.out


def test_seed_case_through_the_line_backend_reads_like_a_dialogue(tmp_path):
    path = tmp_path / "wuxi.json"
    run = run_lines(path, seed_answers(), new=True)
    assert run.code == 0
    assert_is_the_seed_case(path)
    assert "专项名称：无锡市2020年度宜居住区技防改造专项" in run.out
    assert "预算安排数（万元） [0]：450" in run.out
    # The score step shows each deduction with the engine's arithmetic.
    assert "完成值/目标值 = 96 / 100 = 0.9600" in run.out


def test_readme_command_scripted_entry_from_the_answers_file(tmp_path):
    """``perfeval new x.json --plain < demo_data/wuxi-2020-answers.txt``, as the README shows."""
    path = tmp_path / "x.json"
    done = perfeval("new", str(path), "--plain", stdin=ANSWERS.read_bytes())
    out, err = done.stdout.decode(), done.stderr.decode()
    assert done.returncode == 0, err
    assert "Traceback" not in out + err
    assert "CPR" not in out + err
    assert_is_the_seed_case(path)
    scored = perfeval("score", str(path), "--json", stdin=b"")
    assert json.loads(scored.stdout)["total"] == "99.60"


def test_questionary_on_a_terminal_that_never_answers_cursor_queries(tmp_path):
    """No cursor-position request is sent, so no "your terminal doesn't support CPR" warning."""
    path = tmp_path / "wuxi.json"
    path.write_bytes(WUXI.read_bytes())
    env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": ""}
    code, output = run_in_pty([str(path), "--plain"], [b"7", b"\r"], env)
    assert code == 0
    assert "下一步做什么？".encode() in output and "保存并退出".encode() in output
    assert b"\x1b[6n" not in output  # the CPR query
    assert b"CPR" not in output and b"Traceback" not in output


def test_plain_mode_loads_questionary_only_when_it_asks():
    """Importing plain mode (and ``perfeval new``) pulls in no prompt or UI library."""
    modules = (
        "perfeval_tui.plain.start, perfeval_tui.commands.new, perfeval_tui.scoring.completeness"
    )
    code = (
        f"import sys, {modules}\n"
        "bad = [m for m in ('questionary', 'prompt_toolkit', 'textual', 'openpyxl') if m in sys.modules]\n"
        "print(','.join(bad))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
