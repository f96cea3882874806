"""The full-screen wizard against a bare Textual app (Header, Input, Label, Footer), in one run.

1. Start-up: a process imports, mounts the first screen and exits; wall time from the first line
   of the process to the end of ``App.run`` (median of several runs), and the peak RSS of the
   process (``wait4``). The wizard runs ``perfeval demo``'s path: the demo copy, its lock, the
   first step.
2. A real pseudo-terminal at 80x24 (``perfeval demo``, TERM=xterm-256color): the bytes written
   per keystroke while digits are typed into 社会满意度's 完成值 (each one re-scores the project),
   then the bytes written while idle for 5 s. The bare app: digits into its Input, which updates
   the Label.
3. Keystroke -> score bar updated, on a generated 1,000-indicator project (Pilot, 80x24): from the
   key being sent to the score bar's text changing, for digits and backspaces in a 完成值.

Run: .venv/bin/python benchmarks/bench_tui.py [--runs N]
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.measure import drain  # noqa: E402

BARE = """
from textual.app import App
from textual.widgets import Footer, Header, Input, Label


class Bare(App):
    def compose(self):
        yield Header()
        yield Input(id="entry")
        yield Label("0", id="echo")
        yield Footer()

    def on_input_changed(self, event):
        self.query_one(Label).update(event.value)
"""

STARTUP = {
    "bare": BARE
    + """
async def leave(pilot):
    await pilot.pause()
    pilot.app.exit()

Bare().run(headless=True, size=(80, 24), auto_pilot=leave)
""",
    "wizard": """
from perfeval_tui.project.demo import demo_copy
from perfeval_tui.tui.app import PerfevalApp
from perfeval_tui.project.workspace import open_workspace

async def leave(pilot):
    await pilot.pause()
    pilot.app.exit()

workspace = open_workspace(demo_copy())
PerfevalApp(workspace).run(headless=True, size=(80, 24), auto_pilot=leave)
workspace.close()
""",
}
TIMED = "import time\n_start = time.perf_counter()\n{body}\nprint(time.perf_counter() - _start)\n"


def startup(kind: str, env: dict[str, str]) -> tuple[float, int]:
    """(seconds, peak RSS in KiB) of one start-up-and-exit."""
    code = TIMED.format(body=STARTUP[kind])
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, env=env, cwd=ROOT)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{kind} start-up failed ({proc.returncode})")
    return float(out.split()[-1]), usage.ru_maxrss


# ----- the pseudo-terminal ------------------------------------------------------------------


def in_pty(
    command: list[str], env: dict[str, str], steps: list[bytes], typed: list[bytes], needle: bytes
) -> tuple[list[int], int]:
    """Start ``command`` at 80x24, send ``steps``, then measure ``typed`` keys and 5 s of idle."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    proc = subprocess.Popen(
        command, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT, start_new_session=True
    )
    os.close(slave)
    try:
        seen = drain(master, quiet=1.5, limit=30)
        if needle not in seen:
            raise RuntimeError(f"did not start: {seen[-300:]!r}")
        for key in steps:
            os.write(master, key)
            drain(master, quiet=0.6)
        sizes = []
        for key in typed:
            os.write(master, key)
            sizes.append(len(drain(master, quiet=0.3)))
        drain(master, quiet=1.5)  # let the idle save happen before the quiet period
        idle = drain(master, quiet=5.0, limit=5.0)  # everything written in the next 5 s
        os.write(master, b"\x11")  # Ctrl+Q
        drain(master, quiet=1.0)
        return sizes, len(idle)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        os.close(master)


# ----- keystroke -> score bar, 1,000 indicators ---------------------------------------------


async def latencies(path: Path) -> list[float]:
    from perfeval_tui.project.workspace import open_workspace
    from perfeval_tui.tui.app import PerfevalApp
    from perfeval_tui.tui.widgets.score_bar import ScoreBar

    workspace = open_workspace(path)
    app = PerfevalApp(workspace, start_step="indicators", linux=False)
    app.save_after_idle = 3600
    samples: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.show_indicator("g500")
        await pilot.pause()
        app.screen.query_one("#ind-actual").focus()
        await pilot.pause()
        await pilot.press("end", "ctrl+u")
        bar = app.screen.query_one(ScoreBar)
        for _ in range(6):
            for key in ("5", "0", "0", "0", "backspace", "backspace", "backspace", "backspace"):
                before = bar.updated_at
                start = time.perf_counter()
                await pilot.press(key)
                if bar.updated_at != before:
                    samples.append((bar.updated_at - start) * 1000)
    workspace.close()
    return samples


async def bare_latencies() -> list[float]:
    namespace: dict[str, object] = {}
    exec(BARE, namespace)  # noqa: S102 - the baseline app's source, defined above
    app = namespace["Bare"]()  # type: ignore[operator]
    samples: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:  # type: ignore[attr-defined]
        label = app.query_one("#echo")  # type: ignore[attr-defined]
        original = label.update
        stamp = {"t": 0.0}

        def update(*args: object, **kwargs: object) -> None:
            stamp["t"] = time.perf_counter()
            original(*args, **kwargs)

        label.update = update
        for _ in range(6):
            for key in ("5", "0", "0", "0", "backspace", "backspace", "backspace", "backspace"):
                start = time.perf_counter()
                await pilot.press(key)
                samples.append((stamp["t"] - start) * 1000)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "XDG_DATA_HOME": folder,
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "LC_ALL": "",
            "COLUMNS": "80",
            "LINES": "24",
        }
        times: dict[str, list[float]] = {"bare": [], "wizard": []}
        rss: dict[str, list[int]] = {"bare": [], "wizard": []}
        for _ in range(args.runs):
            for kind in ("bare", "wizard"):  # interleaved, so load on the machine hits both
                seconds, kib = startup(kind, env)
                times[kind].append(seconds)
                rss[kind].append(kib)
        t_bare, t_wiz = statistics.median(times["bare"]), statistics.median(times["wizard"])
        m_bare, m_wiz = max(rss["bare"]), max(rss["wizard"])
        print(f"start-up (import, mount, exit), median of {args.runs}:")
        print(
            f"  bare {t_bare * 1000:.0f} ms, wizard {t_wiz * 1000:.0f} ms, "
            f"ratio {t_wiz / t_bare:.2f}x (goal <= 1.3x)"
        )
        print(
            f"peak RSS: bare {m_bare / 1024:.1f} MiB, wizard {m_wiz / 1024:.1f} MiB, "
            f"ratio {m_wiz / m_bare:.2f}x (goal <= 1.5x)"
        )

        env.pop("LINES")
        digits = [c.encode() for c in "9512345678"]
        wizard_cmd = [sys.executable, "-m", "perfeval_tui.cli", "demo", "--reset"]
        # Alt+4 (the indicator step), End (社会满意度), Enter (its 完成值).
        sizes, idle = in_pty(wizard_cmd, env, [b"\x1b4", b"\x1b[F", b"\r"], digits, "总分".encode())
        bare_file = Path(folder) / "bare.py"
        bare_file.write_text(BARE + "\nBare().run()\n", encoding="utf-8")
        b_sizes, b_idle = in_pty([sys.executable, str(bare_file)], env, [], digits, b"\x1b[")
        print("bytes written per keystroke (digits into a field, 80x24 pty):")
        print(
            f"  wizard 完成值: median {statistics.median(sizes):.0f} B "
            f"(min {min(sizes)}, max {max(sizes)}) (goal median <= 1.2 KB)"
        )
        print(
            f"  bare Input:    median {statistics.median(b_sizes):.0f} B "
            f"(min {min(b_sizes)}, max {max(b_sizes)})"
        )
        print(
            f"idle traffic over 5 s: wizard {idle} B (goal 0 B), bare {b_idle} B "
            "(the bare app's cursor blinks)"
        )

        from benchmarks.generate import large_project
        from perfeval_tui.project.storage import save_project

        big = Path(folder) / "big.json"
        save_project(large_project(1000), big)
        samples = asyncio.run(latencies(big))
        base = asyncio.run(bare_latencies())
        print("keystroke -> score bar updated, 1,000 indicators (Pilot, 80x24):")
        print(
            f"  wizard median {statistics.median(samples):.2f} ms over {len(samples)} keys "
            f"(p90 {statistics.quantiles(samples, n=10)[-1]:.2f} ms) (goal median <= 10 ms)"
        )
        print(f"  bare Input -> Label median {statistics.median(base):.2f} ms")


if __name__ == "__main__":
    main()
