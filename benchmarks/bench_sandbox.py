"""The F5 sandbox and the rule-book calculator over a slow link: bytes written per keystroke.

Runs ``perfeval demo`` under an 80x24 pseudo-terminal (TERM=xterm-256color) and types digits:

1. the sandbox (F5, ↓ to 监控建成数量, Enter, Tab to its 完成值): each digit re-scores the copy and
   repaints the rows, the delta line, the explanation, the change list and the total that changed;
2. the calculator (规则说明 step, 预算执行率, F9, Tab to 实际支出数): each digit re-scores the example
   and repaints its explanation and score line;
3. the same calculator with the score curve shown (F4): each digit also redraws the curve.

Run: .venv/bin/python benchmarks/bench_sandbox.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_tui import in_pty  # noqa: E402

F4, F5, F9 = b"\x1bOS", b"\x1b[15~", b"\x1b[20~"
DOWN, TAB, END, ENTER, CTRL_U = b"\x1b[B", b"\t", b"\x1b[F", b"\r", b"\x15"
ALT_6 = b"\x1b6"
DIGITS = [c.encode() for c in "1600" * 3]


def report(name: str, sizes: list[int]) -> None:
    print(
        f"  {name}: median {statistics.median(sizes):.0f} B "
        f"(min {min(sizes)}, max {max(sizes)}, {len(sizes)} keys)"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "XDG_DATA_HOME": folder,
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "LC_ALL": "",
            "COLUMNS": "80",
        }
        command = [sys.executable, "-m", "perfeval_tui.cli", "demo", "--reset"]
        needle = "总分".encode()
        sandbox_steps = [F5, *[DOWN] * 9, ENTER, TAB, END, CTRL_U]
        sandbox, idle = in_pty(command, env, sandbox_steps, DIGITS, needle)
        calculator_steps = [ALT_6, DOWN, F9, *[TAB] * 4, END, CTRL_U]
        calculator, _ = in_pty(command, env, calculator_steps, DIGITS, needle)
        curve, _ = in_pty(command, env, [*calculator_steps, F4], DIGITS, needle)
    print("bytes written per keystroke (digits, 80x24 pty, TERM=xterm-256color):")
    report("sandbox 完成值", sandbox)
    report("calculator 实际支出数", calculator)
    report("calculator with the curve", curve)
    print(f"idle traffic over 5 s in the sandbox: {idle} B")


if __name__ == "__main__":
    main()
