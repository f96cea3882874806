"""The full-screen wizard against a bare Textual app (Header, Input, Label, Footer), in one run.

1. Start-up on a real 80x24 pseudo-terminal (``startup.py``): from starting the process until
   ``99.60`` (the demo's total on the score bar; the bare app shows it in its Label) has been
   written, and until the first paint, waiting up to a minute; peak RSS of each process
   (``wait4``), after Ctrl+Q. Interleaved with the bare app and with the wizard's first screen
   rebuilt in plain Textual; then the domain's phases and the floor they make with that screen.
   The wizard is ``perfeval demo --reset``.
2. A real pseudo-terminal at 80x24 (``perfeval demo``, TERM=xterm-256color): the bytes written
   per keystroke while digits are typed into 社会满意度's 完成值 (each one re-scores the project),
   then the bytes written while idle for 5 s. The bare app: digits into its Input, which updates
   the Label.
3. Keystroke -> score bar updated, on generated 1,000- and 20,000-indicator projects (Pilot,
   80x24): from the key being sent to the score bar having shown the result, for digits and backspaces
   in a 完成值; the bare app's Input -> Label is timed before and after, in the same run.

Run: .venv/bin/python benchmarks/bench_tui.py [--runs N] [--sizes 1000,20000] [--startup-only]
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
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
from benchmarks.startup import BARE, startup_figures  # noqa: E402

# For the bytes per keystroke: the same app with the cursor steady, as the wizard runs unless
# --blink. A blinking cursor repaints twice a second, so no key would ever be followed by the
# 1 s of quiet that ends its measurement: each key then counted up to 10 s of blinking.
STEADY = """
class Steady(Bare):
    def on_mount(self):
        self.query_one(Input).cursor_blink = False
"""


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
        seen = b""
        deadline = time.monotonic() + 60  # a busy machine may take long to paint first
        while needle not in seen and time.monotonic() < deadline:
            seen += drain(master, quiet=1.0, limit=5)
        if needle not in seen:
            raise RuntimeError(f"no first paint within 60 s: {seen[-300:]!r}")
        seen += drain(master, quiet=1.5, limit=30)
        for key in steps:
            os.write(master, key)
            drain(master, quiet=1.5)
        sizes = []
        for key in typed:
            os.write(master, key)
            sizes.append(len(drain(master, quiet=1.0)))
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
        app.show_indicator(f"g{len(workspace.project.indicators) // 2}")
        await pilot.pause()
        app.screen.query_one("#ind-actual").focus()
        await pilot.pause()
        await pilot.press("end", "ctrl+u")
        bar = app.screen.query_one(ScoreBar)
        original = bar.show
        stamp = {"t": 0.0}

        def show(*args: object, **kwargs: object) -> None:
            # When the score bar has taken the new result (its text may round to the same).
            original(*args, **kwargs)  # type: ignore[arg-type]
            stamp["t"] = time.perf_counter()

        bar.show = show  # type: ignore[method-assign]
        for _ in range(6):
            for key in ("5", "0", "0", "0", "backspace", "backspace", "backspace", "backspace"):
                stamp["t"] = 0.0
                start = time.perf_counter()
                await pilot.press(key)
                if stamp["t"]:
                    samples.append((stamp["t"] - start) * 1000)
    workspace.close()
    return samples


async def bare_latencies() -> list[float]:
    namespace: dict[str, object] = {}
    exec(BARE, namespace)  # noqa: S102 - the baseline app's source (startup.py)
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
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--sizes", default="1000,20000", help="indicators for the keystroke")
    parser.add_argument("--startup-only", action="store_true")
    parser.add_argument("--keystroke-only", action="store_true")
    parser.add_argument("--bytes-only", action="store_true", help="only the bytes per keystroke")
    args = parser.parse_args()
    # The wizard's modules as an installed package has them: compiled. With
    # PYTHONDONTWRITEBYTECODE set, an editable checkout would be compiled from source on every
    # start (100-200 ms of CPU and 1.4 MiB that no installed copy spends), while the bare app's
    # Textual is compiled in site-packages.
    compileall.compile_dir(ROOT / "perfeval_tui", quiet=1)
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
        if args.keystroke_only:
            keystrokes(Path(folder), args.sizes)
            return
        if args.bytes_only:
            bytes_per_key(Path(folder), env)
            return
        startup_figures(Path(folder), env, args.runs)
        if args.startup_only:
            return

        bytes_per_key(Path(folder), env)
        keystrokes(Path(folder), args.sizes)


def bytes_per_key(folder: Path, env: dict[str, str]) -> None:
    """Bytes written per digit typed into a field, and while idle: the wizard's 完成值 against
    the bare app's Input, both with the cursor steady."""
    env = dict(env)
    env.pop("LINES")
    digits = [c.encode() for c in "9512345678"]
    wizard_cmd = [sys.executable, "-m", "perfeval_tui.cli", "demo", "--reset"]
    # Alt+4 (the indicator step), End (社会满意度), Enter (its 完成值).
    sizes, idle = in_pty(wizard_cmd, env, [b"\x1b4", b"\x1b[F", b"\r"], digits, "总分".encode())
    steady_file = folder / "steady.py"
    steady_file.write_text(BARE + STEADY + "\nSteady().run()\n", encoding="utf-8")
    b_sizes, b_idle = in_pty([sys.executable, str(steady_file)], env, [], digits, b"\x1b[")
    print("bytes written per keystroke (digits into a field, 80x24 pty):")
    print(
        f"  wizard 完成值: median {statistics.median(sizes):.0f} B "
        f"(min {min(sizes)}, max {max(sizes)}) (goal median <= 1.2 KB)"
    )
    print(
        f"  bare Input (cursor steady, as the wizard's): median "
        f"{statistics.median(b_sizes):.0f} B (min {min(b_sizes)}, max {max(b_sizes)})"
    )
    print(f"idle traffic over 5 s: wizard {idle} B (goal 0 B), bare {b_idle} B")


def keystrokes(folder: Path, sizes: str) -> None:
    """Keystroke -> score bar at each size, the bare Input timed before and after each."""
    from benchmarks.generate import large_project
    from perfeval_tui.project.storage import save_project

    print("keystroke -> score bar updated (Pilot, 80x24), bare Input -> Label in the same run:")
    figures = {}
    for size in [int(n) for n in sizes.split(",")]:
        big = folder / f"big{size}.json"
        save_project(large_project(size), big)
        base = asyncio.run(bare_latencies())
        samples = asyncio.run(latencies(big))
        base += asyncio.run(bare_latencies())
        figures[size] = statistics.median(samples)
        print(
            f"  {size:>6,} indicators: median {figures[size]:.2f} ms over {len(samples)} keys "
            f"(p90 {statistics.quantiles(samples, n=10)[-1]:.2f} ms), "
            f"bare {statistics.median(base):.2f} ms, "
            f"ratio {figures[size] / statistics.median(base):.1f}x (goal median <= 10 ms)"
        )
    if len(figures) > 1:
        small, large = min(figures), max(figures)
        print(f"  {large:,} against {small:,}: {figures[large] / figures[small]:.2f}x (goal <= 2x)")


if __name__ == "__main__":
    main()
