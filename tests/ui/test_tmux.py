"""The wizard in a real terminal: tmux at 80x24, keys sent as a terminal sends them, the screen read
back with capture-pane. Each test runs its own tmux server (``-L``), so nothing else is touched."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from perfeval_tui.project.storage import load_project

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None,
    reason="tmux is not installed here (.ci/run installs it); these tests need a real terminal",
)

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent / "perfeval"
PERFEVAL = str(BIN) if BIN.exists() else f"{sys.executable} -m perfeval_tui.cli"
ALT = "\x1b"  # Alt+digit arrives as ESC digit


class Tmux:
    def __init__(self, data_home: Path) -> None:
        self.socket = f"perfeval-test-{uuid.uuid4().hex[:8]}"
        self.data_home = data_home
        self.session = "w"

    def tmux(self, *args: str) -> str:
        out = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=20
        )
        return out.stdout

    def start(self, command: str, **env: str) -> None:
        """Run ``command`` in a fresh 80x24 window; ``EXIT=<code>`` is printed when it ends."""
        settings = {
            "XDG_DATA_HOME": str(self.data_home),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "LC_ALL": "",
            **env,
        }
        exports = " ".join(f"{k}={v!r}" if v else f"{k}=" for k, v in settings.items())
        script = f"trap true INT; cd {str(ROOT)!r} && sleep 0.5 && env {exports} {command}; echo EXIT=$?; sleep 600"
        if self.tmux("has-session", "-t", self.session) == "" and self._alive():
            self.tmux("kill-session", "-t", self.session)
        subprocess.run(
            [
                "tmux",
                "-L",
                self.socket,
                "new-session",
                "-d",
                "-s",
                self.session,
                "-x",
                "80",
                "-y",
                "24",
                "sh",
                "-c",
                script,
            ],
            check=True,
            timeout=20,
        )

    def _alive(self) -> bool:
        return (
            subprocess.run(
                ["tmux", "-L", self.socket, "has-session", "-t", self.session],
                capture_output=True,
                timeout=20,
            ).returncode
            == 0
        )

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", self.session, key)
            time.sleep(0.3)

    def text(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.session, "-l", text)
        time.sleep(0.3)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session)

    def wait_for(self, *needles: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if all(n in screen for n in needles):
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{needles} not on screen after {timeout}s:\n{screen}")

    def program_pid(self) -> int:
        """The perfeval process: the child of the window's shell."""
        shell = self.tmux("list-panes", "-t", self.session, "-F", "#{pane_pid}").strip()
        children = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True)
        pids = [int(p) for p in children.stdout.split()]
        assert pids, "perfeval is not running"
        return pids[0]

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=20)


@pytest.fixture
def term(tmp_path: Path) -> Iterator[Tmux]:
    tmux = Tmux(tmp_path / "data")
    yield tmux
    tmux.close()


def demo_file(term: Tmux) -> Path:
    return term.data_home / "perfeval" / "demo-wuxi-2020.json"


def test_typed_value_moves_the_total_and_survives_kill_9(term: Tmux) -> None:
    term.start(f"{PERFEVAL} demo")
    term.wait_for("第 1/7 步 · 基本情况", "总分 99.60（优）")
    term.keys(ALT + "4")  # Alt+4: the indicator step
    term.wait_for("第 4/7 步 · 绩效指标")
    term.keys("End", "Enter")  # the last indicator, 社会满意度; Enter jumps to its 完成值
    term.wait_for("得分 9.60 / 10.00  失分 0.40")
    term.text("90")
    screen = term.wait_for("总分 99.00（优）")
    assert "社会满意度（％） −0.60" in screen
    term.keys("Enter")  # commit: saved before the next field is taken
    term.wait_for("已保存")
    pid = term.program_pid()
    os.kill(pid, signal.SIGKILL)
    term.wait_for("EXIT=137")
    assert load_project(demo_file(term)).indicator("satisfaction").actual == 90
    assert (demo_file(term).parent / "demo-wuxi-2020.json.lock").exists()  # left by the kill

    term.start(f"{PERFEVAL} demo")
    screen = term.wait_for("总分 99.00（优）", "已接管")
    term.keys(ALT + "4")
    term.keys("End")
    screen = term.wait_for("完成值    90")
    assert "只读" not in screen
    term.keys("C-q")
    term.wait_for("EXIT=0")


def test_linux_console_and_c_locale_reach_the_score_step_and_quit(term: Tmux) -> None:
    term.start(f"{PERFEVAL} demo", TERM="linux", LANG="C")
    term.wait_for("第 1/7 步", "总分 99.60（优）")
    term.keys(ALT + "5")
    screen = term.wait_for("第 5/7 步 · 评分结果", "扣分明细")
    assert "社会满意度（％）：完成比例 0.9600 ＜ 1" in screen
    for glyph in "▔▁▊▎▏▶🔎":  # not in the Linux console font
        assert glyph not in screen, glyph
    term.keys("C-q")
    term.wait_for("EXIT=0")


def test_a_gb18030_locale_gets_the_explanation_not_a_freeze(term: Tmux, tmp_path: Path) -> None:
    raw = tmp_path / "pane.raw"
    term.start(f"{PERFEVAL} demo", LANG="zh_CN.GB18030")
    term.tmux("pipe-pane", "-t", term.session, "-o", f"cat >> {str(raw)!r}")
    deadline = time.monotonic() + 20
    text = ""
    while time.monotonic() < deadline and "LANG=zh_CN.UTF-8" not in text:
        time.sleep(0.3)
        text = raw.read_bytes().decode("gb18030", "replace") if raw.exists() else ""
    assert "不是 UTF-8" in text and "LANG=zh_CN.UTF-8" in text, text[:400]
    # Whatever comes next (plain mode, or its absence), the program answers and ends.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and "EXIT=" not in term.screen():
        term.keys("C-c")
        time.sleep(0.5)
        term.keys("Enter")
        time.sleep(0.5)
    assert "EXIT=" in term.screen()


@pytest.mark.parametrize("terminal", ["screen", "linux"])
def test_f6_and_ctrl_pageup_go_back_one_step_from_every_step(term: Tmux, terminal: str) -> None:
    term.start(f"{PERFEVAL} demo", TERM=terminal)
    term.wait_for("第 1/7 步 · 基本情况", "总分 99.60（优）")
    for key in ("F6", "C-PPage"):
        for step in range(2, 8):
            term.keys(ALT + str(step))
            term.wait_for(f"第 {step}/7 步")
            term.keys(key)
            term.wait_for(f"第 {step - 1}/7 步")
    term.keys("C-q")
    term.wait_for("EXIT=0")


def test_new_project_typed_in_one_write_keeps_each_value_in_its_field(
    term: Tmux, tmp_path: Path
) -> None:
    target = tmp_path / "新项目.json"
    term.start(f"{PERFEVAL} {str(target)!r}")
    term.wait_for("新建项目")
    # One write, as a paste or a fast typist over SSH delivers it: name, Tab, year, Tab, unit.
    term.text("技防专项x\x7f\t20234\x7f\t公安局\r")
    term.wait_for("第 1/7 步 · 基本情况")
    term.keys("C-q")
    term.wait_for("EXIT=0")
    basics = load_project(target).basics
    assert (basics.name, basics.year, basics.unit) == ("技防专项", 2023, "公安局")
