"""Fault injection over a pseudo-terminal: SIGKILL, SIGHUP and SIGTERM at every point of a
scripted entry session, in the full-screen wizard and in plain mode.

Wizard: on a copy of the Wuxi demo, 社会满意度's 完成值 is set to 80, 81, … 88, each value typed
(one point) and then left for the one-second pause that commits and saves it (another point). Plain mode: ``perfeval new FILE --plain``
answers the basics line by line (each answer is a point). After each point the program is sent
one of the three signals. Then:

- crash: exit 70, a traceback on the screen, no exit within 30 s, or a file that does not load;
- lost edit: a value committed before the signal (saved after the pause, or an answered line) is not
  in the file (after SIGHUP/SIGTERM the value being typed must be there too);
- stranded lock: ``FILE.lock`` is left and a new session cannot take it over.

It also times a dead terminal (``--dead N``): the wizard, run under ``trap '' HUP`` so that it
outlives its terminal, with a value typed in 完成值; the terminal's master side is closed, and the
time until the lock file is gone and until the process has exited is measured, against a same-run
baseline: a bare Python process that exits on end of input on the same kind of terminal.

Run: .venv/bin/python benchmarks/bench_faults.py [--quick] [--part wizard|plain|dead]
     [--signals SIGHUP,SIGTERM] [--points 0-5] [--dead N]
A chosen slice runs only those cases; the slices together are the full run.
"""

from __future__ import annotations

import argparse
import shutil
import signal
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "hostile")]

import pty_wizard  # noqa: E402
from pty_wizard import Session, open_satisfaction  # noqa: E402

from perfeval_tui.project.lock import ProjectLock, lock_path_for  # noqa: E402
from perfeval_tui.project.storage import ProjectFileError, load_project  # noqa: E402

SIGNALS = {"SIGKILL": signal.SIGKILL, "SIGHUP": signal.SIGHUP, "SIGTERM": signal.SIGTERM}
VALUES = [str(v) for v in range(80, 89)]
PLAIN_FIELDS = [
    "name",
    "year",
    "unit",
    "department",
    "preparer",
    "phone",
    "fill_date",
    "team_leader",
]


class Tally:
    def __init__(self) -> None:
        self.tried = self.crashes = self.lost = self.stranded = 0
        self.notes: list[str] = []

    def add(self, where: str, *, crash: bool, lost: bool, stranded: bool) -> None:
        self.tried += 1
        self.crashes += crash
        self.lost += lost
        self.stranded += stranded
        if crash or lost or stranded:
            self.notes.append(f"{where}: crash={crash} lost={lost} stranded={stranded}")


def _stranded(path: Path) -> bool:
    if not lock_path_for(path).exists():
        return False
    lock = ProjectLock(path)
    outcome = lock.acquire()  # a lock left by a killed process is taken over
    lock.release()
    return not outcome.acquired


def _end(session: Session, signum: int) -> tuple[int | None, bool]:
    session.signal(signum)
    code = session.wait(limit=30)
    crash = code in (None, 70) or "Traceback" in session.screen
    return code, crash


def wizard_runs(tally: Tally, home: Path, points: range, signals: dict[str, int]) -> None:
    events: list[tuple[bytes, str | None, str | None]] = []  # (bytes, typed, committed)
    for value in VALUES:
        events.append((b"\x15" + value.encode(), value, None))  # Ctrl+U clears, then the value
        events.append((b"", None, value))  # the pause that commits and saves
    for name, signum in signals.items():
        for point in points:
            if point >= len(events):
                break
            folder = Path(tempfile.mkdtemp(dir=home))
            path = folder / "w.json"
            shutil.copy(ROOT / "demo_data" / "wuxi-2020.json", path)
            session = Session([str(path)], folder)
            typed = committed = "96"
            try:
                open_satisfaction(session)
                for data, now_typed, now_committed in events[: point + 1]:
                    if data:
                        session.send(data, quiet=0.25)
                    else:
                        time.sleep(1.5)
                    typed = now_typed or typed
                    committed = now_committed or committed
                code, crash = _end(session, signum)
            finally:
                session.close()
            try:
                actual = load_project(path).indicator("satisfaction").actual
            except ProjectFileError:
                actual, crash = None, True
            allowed = (
                {Decimal(typed)}
                if signum != signal.SIGKILL
                else {Decimal(committed), Decimal(typed)}
            )
            lost = actual not in allowed
            tally.add(
                f"wizard {name} point {point}", crash=crash, lost=lost, stranded=_stranded(path)
            )


def plain_runs(tally: Tally, home: Path, points: range, signals: dict[str, int]) -> None:
    answers = [
        line
        for line in (ROOT / "demo_data" / "wuxi-2020-answers.txt").read_text("utf-8").splitlines()
        if not line.lstrip().startswith("#")
    ][: len(PLAIN_FIELDS)]
    for name, signum in signals.items():
        for point in points:
            if point >= len(answers):
                break
            folder = Path(tempfile.mkdtemp(dir=home))
            path = folder / "p.json"
            session = Session(["new", str(path), "--plain"], folder, env={"TERM": "dumb"})
            try:
                session.wait_for("专项名称")
                for line in answers[: point + 1]:
                    session.send(line.encode() + b"\n", quiet=0.4)
                code, crash = _end(session, signum)
            finally:
                session.close()
            lost = False
            if path.exists():
                try:
                    basics = load_project(path).basics.model_dump()
                except ProjectFileError:
                    crash, basics = True, {}
                for field, answer in zip(PLAIN_FIELDS, answers[: point + 1], strict=False):
                    lost |= str(basics.get(field)) != answer
            else:
                lost = point + 1 > 3  # the file is created once 专项名称, 年度 and 填报单位 are in
            tally.add(
                f"plain {name} point {point}", crash=crash, lost=lost, stranded=_stranded(path)
            )


def _hang_up_and_time(session: Session, lock: Path | None) -> tuple[float, float, int | None]:
    """Close the terminal; seconds until ``lock`` is gone and until the process has exited."""
    start = time.monotonic()
    session.hang_up()
    released = None
    deadline = start + 30
    while session.proc.poll() is None and time.monotonic() < deadline:
        if released is None and lock is not None and not lock.exists():
            released = time.monotonic() - start
        time.sleep(0.002)
    exited = time.monotonic() - start
    code = session.proc.poll()
    return (exited if released is None else released), exited, code


BASELINE = "import os, select; select.select([0], [], []); os.read(0, 1)"


def dead_terminal_runs(home: Path, runs: int) -> None:
    baseline: list[float] = []
    released: list[float] = []
    exited: list[float] = []
    saved = cleared = 0
    for _ in range(runs):
        folder = Path(tempfile.mkdtemp(dir=home))
        bare = _bare_session(folder)
        time.sleep(0.5)
        baseline.append(_hang_up_and_time(bare, None)[1])
        bare.close()
        path = folder / "w.json"
        shutil.copy(ROOT / "demo_data" / "wuxi-2020.json", path)
        session = Session([str(path)], folder, trap_hup=True)
        try:
            open_satisfaction(session)
            session.send(b"87", quiet=0.3)
            lock_gone, gone, code = _hang_up_and_time(session, lock_path_for(path))
        finally:
            session.close()
        released.append(lock_gone)
        exited.append(gone)
        saved += load_project(path).indicator("satisfaction").actual == Decimal(87) and code == 129
        cleared += not lock_path_for(path).exists()
    base = statistics.median(baseline)
    print(f"dead terminal ({runs} runs, medians; baseline = a bare Python process exiting on EOF)")
    print(f"  baseline exit          {base * 1000:7.0f} ms")
    for label, values in (("lock released", released), ("process exited", exited)):
        median = statistics.median(values)
        print(
            f"  {label:<22} {median * 1000:7.0f} ms  (max {max(values) * 1000:.0f} ms,"
            f" {median / base:.1f}x baseline)"
        )
    print(f"  edit saved, exit 129   {saved}/{runs}; lock gone {cleared}/{runs}")


def _bare_session(folder: Path) -> Session:
    """The baseline process, started the way the wizard is (``trap '' HUP``, same terminal)."""
    saved = pty_wizard.PERFEVAL
    pty_wizard.PERFEVAL = [sys.executable, "-c", BASELINE]
    try:
        return Session([], folder, trap_hup=True)
    finally:
        pty_wizard.PERFEVAL = saved


def _points(text: str | None, default: int) -> range:
    if not text:
        return range(default)
    first, _, last = text.partition("-")
    return range(int(first), int(last or first) + 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="4 wizard and 3 plain points")
    parser.add_argument("--part", choices=["wizard", "plain", "dead"], action="append")
    parser.add_argument("--signals", help="comma-separated, e.g. SIGHUP,SIGTERM (default all)")
    parser.add_argument("--points", help="a point or a range of points, e.g. 0-5")
    parser.add_argument("--dead", type=int, default=0, metavar="N", help="dead-terminal runs")
    args = parser.parse_args()
    parts = args.part or ["wizard", "plain"] + (["dead"] if args.dead else [])
    signals = SIGNALS
    if args.signals:
        signals = {name: SIGNALS[name] for name in args.signals.split(",")}
    tally = Tally()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        if "wizard" in parts:
            wizard_runs(tally, Path(tmp), _points(args.points, 4 if args.quick else 18), signals)
        if "plain" in parts:
            plain_runs(tally, Path(tmp), _points(args.points, 3 if args.quick else 8), signals)
        if "dead" in parts:
            dead_terminal_runs(Path(tmp), args.dead or 5)
    if tally.tried:
        print(f"cases tried      {tally.tried}  ({', '.join(parts)}; {', '.join(signals)})")
        print(f"crashes          {tally.crashes}")
        print(f"lost edits       {tally.lost}")
        print(f"stranded locks   {tally.stranded}")
        for note in tally.notes:
            print("  " + note)
    print(f"took {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
