"""Start-up against a bare Textual app, and the floor under it, on an 80x24 pseudo-terminal.

Four programs, interleaved round by round so that load on the machine hits each alike:

- the bare app (Header, Input, Label showing ``总分 99.60``, Footer): the baseline;
- the wizard, ``perfeval demo --reset``: its first paint (step 1 drawn from the file) and the
  time until the validated score, ``99.60``, is on screen;
- the floor (``FORM`` + ``SCORED``): the wizard's first screen rebuilt in plain Textual, which
  validates and scores the demo in a thread after its first paint, as the wizard does, with
  the same models, rule set and engine, and none of the wizard's own code. The wizard cannot
  start faster or in less memory than this while it shows the score of the validated file;
- the same plain screen without the score (``FORM``): what drawing it costs Textual alone.

Then what the score adds to that screen (pydantic, the models, validating and scoring the
demo), phase by phase in fresh processes.
"""

from __future__ import annotations

import fcntl
import os
import select
import statistics
import struct
import subprocess
import sys
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
        yield Label("总分 99.60", id="echo")
        yield Footer()

    def on_input_changed(self, event):
        self.query_one(Label).update(event.value)
"""

# The wizard's first screen (step 1 of the demo at 80x24) rebuilt in plain Textual, with none
# of the wizard's code, models or data: the same widgets (a step line, eight compact one-line
# fields beside one column of names, a status line, a compact footer with four keys) and the
# same texts. Its first paint is what drawing that screen costs Textual itself: the floor of
# the wizard's own first paint.
FORM = '''
from textual.app import App
from textual.binding import Binding
from textual.containers import Container, Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Input, Static

FIELDS = (
    ("专项名称", "无锡市2020年度宜居住区技防改造专项"), ("年度", "2020"),
    ("填报单位", "无锡市公安局"), ("主管部门", "无锡市公安局"), ("填表人", ""),
    ("联系电话", "138xxxxxxxx"), ("填报日期", "20210523"), ("评价组长", ""),
)


class Form(App):
    BAR = "总分 99.60（优）  警告 4  共性指标 40.00  个性指标 59.60"
    BINDINGS = [
        Binding("f4", "bell", "解释"), Binding("f7", "bell", "下一步"),
        Binding("ctrl+q", "quit", "退出"), Binding("f1", "bell", "帮助"),
    ]
    CSS = """
    #step { height: 1; background: $panel; }
    #form { height: 1fr; padding: 0 1; }
    #fields { height: auto; }
    #labels { width: 14; }
    #inputs { width: 1fr; height: auto; }
    #inputs Input { width: 1fr; }
    #messages { height: auto; }
    .section { margin-top: 1; text-style: bold; color: $accent; }
    #bar { height: 1; background: $panel; }
    """

    def compose(self):
        yield Static("第 1/7 步 · 基本情况   无锡市2020年度宜居住区技防改造专项", id="step")
        with Container():
            with VerticalScroll(id="form"):
                yield Static("项目基本信息（专项名称、年度、填报单位必填）", classes="section")
                with Horizontal(id="fields"):
                    yield Static("\\n".join(name for name, _ in FIELDS), id="labels")
                    with Vertical(id="inputs"):
                        for name, value in FIELDS:
                            yield Input(value, placeholder=name, compact=True)
                yield Vertical(id="messages")
        yield Static(self.BAR, id="bar")
        yield Footer(compact=True)
'''

# The floor of the wizard's start-up: the plain screen above, which then validates and scores
# the demo in a thread right after its first paint and shows the total, as the wizard does
# (the same models, rule set and engine; no collection while loading, as the wizard) -- and
# none of the wizard's own code: no step machinery, key table, status line or edit session.
# Run as ``NO_COLLECTION + FORM + SCORED``: collection is off before Textual is imported, as in
# the wizard's ``launch``.
NO_COLLECTION = """
import gc

gc.disable()
"""
SCORED = """
import threading


class Scored(Form):
    BAR = "正在检查项目文件…"

    def on_mount(self):
        self.call_after_refresh(lambda: threading.Thread(target=self.score).start())

    def score(self):
        from perfeval_tui.project.demo import demo_copy
        from perfeval_tui.project.rawfile import read_project_data
        from perfeval_tui.project.storage import parse_file_data

        path = demo_copy(reset=True)
        project, result = parse_file_data(path, read_project_data(path))
        self.call_from_thread(self.show, f"总分 {result.total}（{result.grade}）")

    def show(self, text):
        self.query_one("#bar").update(text)
        gc.freeze()
        gc.enable()
"""


def startup(
    command: list[str], env: dict[str, str], needle: bytes, first: bytes | None = None
) -> tuple[float, int, float, float]:
    """(seconds from process start until ``needle`` is on an 80x24 pty, peak RSS in KiB, CPU
    seconds of the whole process, start to exit, seconds until ``first`` (default: ``needle``)
    is on it: the first paint).

    Waits up to a minute for the first paint, however busy the machine; then Ctrl+Q, and the
    peak RSS of the whole run comes from ``wait4``.
    """
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT, start_new_session=True
    )
    os.close(slave)
    seen = b""
    painted: float | None = None
    first_paint: float | None = None
    usage = None
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 1.0)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if first_paint is None and (first or needle) in seen:
                first_paint = time.perf_counter() - start
            if needle in seen:
                painted = time.perf_counter() - start
                break
        if painted is None:
            raise RuntimeError(f"no first paint within 60 s: {seen[-300:]!r}")
        os.write(master, b"\x11")  # Ctrl+Q
        drain(master, quiet=0.5, limit=10)
        usage = None
        for _ in range(100):
            pid, _, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.1)
        else:
            usage = None
    finally:
        if usage is None:
            proc.kill()
            _, _, usage = os.wait4(proc.pid, 0)
        proc.returncode = 0  # reaped above
        os.close(master)
    return painted, usage.ru_maxrss, usage.ru_utime + usage.ru_stime, first_paint or painted


# What the domain costs on the way to the score, phase by phase, in a fresh process that has
# already imported what the bare app imports (Textual and its four widgets), so that only what
# the wizard adds is counted: CPU seconds and resident memory (KiB) after each phase. With no
# garbage collection, as the wizard loads (it collects once the score is on screen).
PHASES = """
import gc, time
gc.disable()
def mark():
    with open("/proc/self/status") as status:
        rss = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    return time.process_time(), rss
from textual.app import App
from textual.widgets import Footer, Header, Input, Label
marks = [mark()]
import pydantic
marks.append(mark())
import perfeval_tui.scoring.families, perfeval_tui.scoring.model, perfeval_tui.scoring.ruleset
marks.append(mark())
from perfeval_tui.project.storage import parse_file_data
from perfeval_tui.project.demo import demo_copy
from perfeval_tui.project.rawfile import read_project_data
from perfeval_tui.scoring.checks import check_project
from perfeval_tui.scoring.engine import score_project
from perfeval_tui.scoring.model import Project
from perfeval_tui.scoring.ruleset import load_ruleset
marks.append(mark())
path = demo_copy()
data = read_project_data(path)
ruleset = load_ruleset(data["ruleset"])
project = Project.model_validate(data)
marks.append(mark())
result = score_project(project, ruleset)
check_project(project, ruleset)
marks.append(mark())
print(*(f"{t - marks[0][0]:.6f}:{r - marks[0][1]}" for t, r in marks[1:]))
"""
PHASE_NAMES = (
    "import pydantic",
    "build the models (scoring.model, families, ruleset) and the parts of pydantic they load",
    "the other domain modules (storage, engine, checks)",
    "read the demo, load its rule set, validate it",
    "score it and run its checks",
)


def domain_phases(env: dict[str, str]) -> list[tuple[float, int]]:
    """Cumulative (CPU seconds, KiB of resident memory) after each of PHASE_NAMES, measured from
    the point where the bare app's imports are done, in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", PHASES], env=env, cwd=ROOT, capture_output=True, check=True
    )
    return [
        (float(cpu), int(kib))
        for cpu, kib in (pair.split(":") for pair in out.stdout.decode().split())
    ]


def _median_ratio(values: list[float], base: list[float]) -> float:
    return statistics.median(v / b for v, b in zip(values, base, strict=True))


def startup_figures(folder: Path, env: dict[str, str], runs: int) -> None:
    """Print start-up, first paint, CPU and peak RSS as ratios to the bare app, and the floor."""
    sources = {
        "bare": BARE + "\nBare().run()\n",
        "form": FORM + "\nForm().run()\n",
        "floor": NO_COLLECTION + FORM + SCORED + "\nScored().run()\n",
    }
    commands = {"wizard": [sys.executable, "-m", "perfeval_tui.cli", "demo", "--reset"]}
    for name, source in sources.items():
        (folder / f"{name}.py").write_text(source, encoding="utf-8")
        commands[name] = [sys.executable, str(folder / f"{name}.py")]
    kinds = ("bare", "form", "floor", "wizard")
    # The wizard's and the floor's first paint is step 1 (its step line); their score follows
    # once the file is validated and scored. The other two show 99.60 in their first paint.
    step = "基本情况".encode()
    firsts = {"bare": None, "form": None, "floor": step, "wizard": step}
    seen: dict[str, dict[str, list[float]]] = {
        kind: {"score": [], "paint": [], "cpu": [], "rss": []} for kind in kinds
    }
    phases: list[list[tuple[float, int]]] = []
    for _ in range(runs):
        for kind in kinds:  # interleaved, so load on the machine hits each alike
            seconds, kib, used, paint = startup(commands[kind], env, b"99.60", firsts[kind])
            for key, value in zip(
                ("score", "rss", "cpu", "paint"), (seconds, kib, used, paint), strict=True
            ):
                seen[kind][key].append(float(value))
        phases.append(domain_phases(env))
    bare = seen["bare"]

    def ratio(kind: str, key: str) -> str:
        values = [v / b for v, b in zip(seen[kind][key], bare[key], strict=True)]
        return f"{statistics.median(values):.2f}x (min {min(values):.2f}x, max {max(values):.2f}x)"

    def ms(kind: str, key: str) -> str:
        return f"{statistics.median(seen[kind][key]) * 1000:.0f} ms"

    m_bare = statistics.median(bare["rss"])
    print(f"start-up on an 80x24 pty, {runs} interleaved rounds, as ratios to the bare app:")
    print(
        f"  score on screen (99.60), process start until written: wizard "
        f"{ratio('wizard', 'score')} (goal <= 1.3x); bare {ms('bare', 'score')}, "
        f"wizard {ms('wizard', 'score')}"
    )
    print(
        f"  first paint: wizard (step 1 from the file, before validation) "
        f"{ratio('wizard', 'paint')}, {ms('wizard', 'paint')}"
    )
    print(
        f"  CPU time of the whole run (start to exit), which load on the machine moves less: "
        f"wizard {ratio('wizard', 'cpu')}"
    )
    print(
        f"  peak RSS: bare {m_bare / 1024:.1f} MiB; wizard "
        f"{statistics.median(seen['wizard']['rss']) / 1024:.1f} MiB, {ratio('wizard', 'rss')} "
        f"(goal <= 1.5x)"
    )
    print(
        "the floor: the wizard's first screen rebuilt in plain Textual, which validates and "
        "scores the demo in a thread after its first paint as the wizard does, with none of "
        "the wizard's own code:"
    )
    print(
        f"  score on screen {ratio('floor', 'score')}, {ms('floor', 'score')}; first paint "
        f"{ratio('floor', 'paint')}; CPU {ratio('floor', 'cpu')}; peak RSS {ratio('floor', 'rss')}"
    )
    print(
        f"  the same screen without the score (no pydantic, no models): first paint "
        f"{ratio('form', 'paint')}; CPU {ratio('form', 'cpu')}; peak RSS {ratio('form', 'rss')}"
    )
    print(
        "what the score adds to that screen, phase by phase (fresh processes in the same "
        "rounds, after the bare app's imports, no collection; medians; CPU as a ratio to the "
        "bare app's whole run, memory to its peak RSS):"
    )
    bare_cpu = bare["cpu"]
    for n, name in enumerate(PHASE_NAMES):
        spent = [p[n][0] - (p[n - 1][0] if n else 0.0) for p in phases]
        used_kib = statistics.median(p[n][1] - (p[n - 1][1] if n else 0) for p in phases)
        print(
            f"  {name}: {statistics.median(spent) * 1000:.0f} ms CPU "
            f"({_median_ratio(spent, bare_cpu):.2f}x), {used_kib / 1024:+.1f} MiB "
            f"({used_kib / m_bare:.2f}x)"
        )
    domain_cpu = _median_ratio([p[-1][0] for p in phases], bare_cpu)
    domain_kib = statistics.median(p[-1][1] for p in phases)
    print(f"  in all: {domain_cpu:.2f}x the bare app's CPU time and {domain_kib / 1024:+.1f} MiB")
