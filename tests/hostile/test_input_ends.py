"""Input that ends or goes away (cases 4 and 10, every command that reads stdin): a closed stdin,
stdin at end of file, input that ends half-way, and a terminal that is gone under plain mode and
the quiz. Each ends non-zero with a Chinese message (or, with no terminal left, exit 129), keeps
every answer given, leaves no lock and writes no crash log."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest
from hostile_helpers import WUXI
from plain_driver import PERFEVAL, perfeval
from pty_wizard import Session

from perfeval_tui.analysis.quiz import generate
from perfeval_tui.project.storage import load_project
from perfeval_tui.scoring.numbers import fmt2

INTERACTIVE = [
    ["w.json"],
    ["w.json", "--plain"],
    ["missing.json"],
    [],
    ["--plain"],
    ["new", "n.json"],
    ["new", "n.json", "--plain"],
    ["demo"],
    ["demo", "county", "--plain"],
    ["quiz"],
    ["quiz", "--plain"],
]


def _env(folder: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "TERM": "xterm",
        "LANG": "C.UTF-8",
        "XDG_DATA_HOME": str(folder / "data"),
        "XDG_STATE_HOME": str(folder / "state"),
        **extra,
    }


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("args", INTERACTIVE, ids=lambda a: " ".join(a) or "welcome")
def test_a_closed_stdin_stops_every_command_that_reads_it(tmp_path, args):
    """``perfeval quiz 0<&-`` exited 0 with no question answered; a complete project did too."""
    shutil.copy(WUXI, tmp_path / "w.json")
    before = _tree(tmp_path)
    done = subprocess.run(
        [*PERFEVAL, *args],
        capture_output=True,
        cwd=tmp_path,
        env=_env(tmp_path),
        preexec_fn=lambda: os.close(0),  # what `0<&-` does
        timeout=60,
    )
    err = done.stderr.decode()
    assert done.returncode == 2, (done.returncode, err)
    assert "错误：标准输入已关闭" in err and "Traceback" not in err
    assert _tree(tmp_path) == before  # nothing opened, created, locked or logged


def test_a_closed_stdin_does_not_trouble_a_command_that_never_reads_it(tmp_path):
    done = subprocess.run(
        [*PERFEVAL, "score", str(WUXI)],
        capture_output=True,
        env=_env(tmp_path),
        preexec_fn=lambda: os.close(0),
        timeout=60,
    )
    assert done.returncode == 0 and "99.60" in done.stdout.decode()
    assert "标准输入" not in done.stderr.decode()


@pytest.mark.parametrize("plain", [True, False])
@pytest.mark.parametrize("given", [0, 1, 2])
def test_quiz_input_that_ends_before_the_last_question_exits_3(tmp_path, plain, given):
    """Stdin at EOF (``< /dev/null``) ended the quiz with exit 0 and no question answered."""
    answers = [fmt2(s.expected) for s in generate(4, 3)][:given]
    args = ["quiz", "--seed", "4", "--rounds", "3", *(["--plain"] if plain else [])]
    done = perfeval(*args, stdin="".join(a + "\n" for a in answers).encode())
    out = done.stdout.decode()
    assert done.returncode == 3, out[-400:]
    assert f"输入已结束：共 3 题，只答了 {given} 题" in out
    assert f"共答 {given} 题，答对 {given} 题" in out and "Traceback" not in out


@pytest.mark.parametrize("last", ["all", "q"])
def test_quiz_answered_to_the_end_or_left_with_q_exits_0(last):
    answers = [fmt2(s.expected) for s in generate(4, 3)]
    answers = answers if last == "all" else [answers[0], "q"]
    done = perfeval("quiz", "--seed", "4", "--rounds", "3", stdin="\n".join(answers).encode())
    assert done.returncode == 0 and "输入已结束" not in done.stdout.decode()


def test_the_welcome_menu_at_end_of_input_says_so(tmp_path):
    done = perfeval("--plain", stdin=b"", env={"XDG_DATA_HOME": str(tmp_path)})
    assert done.returncode == 3
    assert "输入已结束，未打开项目文件" in done.stdout.decode()
    assert not any(tmp_path.iterdir())


# ------------------------------------------------------------------ a terminal that is gone


def _hang_up(session: Session) -> int | None:
    session.hang_up()
    return session.wait(limit=30)  # a guard against a hang, not a speed test


def _no_crash_log(folder: Path) -> bool:
    return not (folder / "state" / "perfeval" / "crash.log").exists()


@pytest.mark.parametrize("term", ["dumb", "xterm"])
def test_plain_mode_on_a_terminal_that_is_gone_keeps_the_answers_and_exits_129(tmp_path, term):
    """The write after the hangup failed with EIO: exit 70 and a crash log."""
    path = tmp_path / "w.json"
    shutil.copy(WUXI, path)
    session = Session([str(path), "--plain"], tmp_path, trap_hup=True, env={"TERM": term})
    try:
        session.wait_for("下一步做什么")
        if term == "dumb":  # line prompts: step 1, then a new 专项名称
            session.send(b"1\n", quiet=0.5)
            session.wait_for("专项名称")
            session.send("新的专项名称\n".encode(), quiet=0.5)
            session.wait_for("年度")
        code = _hang_up(session)
    finally:
        session.close()
    assert code == 129
    assert _no_crash_log(tmp_path)
    assert not path.with_name("w.json.lock").exists()
    name = load_project(path).basics.name
    assert name == ("新的专项名称" if term == "dumb" else load_project(WUXI).basics.name)


def test_new_in_plain_mode_on_a_terminal_that_is_gone_keeps_the_file(tmp_path):
    path = tmp_path / "n.json"
    session = Session(["new", str(path), "--plain"], tmp_path, trap_hup=True, env={"TERM": "dumb"})
    try:
        for prompt, answer in (
            ("专项名称", "测试专项"),
            ("年度", "2020"),
            ("填报单位", "测试单位"),
        ):
            session.wait_for(prompt)
            session.send(f"{answer}\n".encode(), quiet=0.5)
        session.wait_for("已创建")
        code = _hang_up(session)
    finally:
        session.close()
    assert code == 129 and _no_crash_log(tmp_path)
    basics = load_project(path).basics
    assert (basics.name, basics.year, basics.unit) == ("测试专项", 2020, "测试单位")
    assert not path.with_name("n.json.lock").exists()


@pytest.mark.parametrize("plain", [False, True])
def test_the_quiz_on_a_terminal_that_is_gone_ends(tmp_path, plain):
    """Full-screen it never ended (Textual's own driver reads a dead terminal forever); line by
    line the failed write was a crash (exit 70)."""
    args = ["quiz", "--seed", "3", *(["--plain"] if plain else [])]
    session = Session(args, tmp_path, trap_hup=True)
    try:
        session.wait_for("你的得分")
        code = _hang_up(session)
    finally:
        session.close()
    assert code == 129 and _no_crash_log(tmp_path)


def test_the_full_screen_quiz_drops_bytes_that_are_not_utf8(tmp_path):
    first = generate(3, 1)[0]
    session = Session(["quiz", "--seed", "3", "--rounds", "1"], tmp_path)
    try:
        session.wait_for("你的得分")
        session.send(b"\xff\xb0")
        session.wait_for("编码不对")
        session.send(fmt2(first.expected).encode(), b"\r")
        session.wait_for("正确")
        session.send(b"\x11")  # Ctrl+Q
        code = session.wait()
    finally:
        session.close()
    assert code == 0 and "Traceback" not in session.screen and _no_crash_log(tmp_path)


@pytest.mark.parametrize(
    ("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)], ids=["TERM", "HUP"]
)
@pytest.mark.parametrize("term", ["dumb", "xterm"])
def test_plain_mode_ended_by_a_signal_keeps_the_answers_and_releases_the_lock(
    tmp_path, signum, code, term
):
    """Plain mode had no handler: SIGTERM or SIGHUP killed it where it stood and left the lock,
    so the next session opened read-only until it took the lock over."""
    path = tmp_path / "w.json"
    shutil.copy(WUXI, path)
    session = Session([str(path), "--plain"], tmp_path, env={"TERM": term})
    try:
        session.wait_for("下一步做什么")
        if term == "dumb":  # an answer given before the signal is kept
            session.send(b"1\n", quiet=0.5)
            session.wait_for("专项名称")
            session.send("新的专项名称\n".encode(), quiet=0.5)
            session.wait_for("年度")
        assert path.with_name("w.json.lock").exists()
        session.signal(signum)
        ended = session.wait(limit=30)  # a guard against a hang, not a speed test
    finally:
        session.close()
    assert ended == code
    assert _no_crash_log(tmp_path)
    assert not path.with_name("w.json.lock").exists()
    name = load_project(path).basics.name
    assert name == ("新的专项名称" if term == "dumb" else load_project(WUXI).basics.name)
