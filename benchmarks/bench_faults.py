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

Run: .venv/bin/python benchmarks/bench_faults.py [--quick]
"""

from __future__ import annotations

import shutil
import signal
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "hostile")]

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


def wizard_runs(tally: Tally, home: Path, points: int) -> None:
    events: list[tuple[bytes, str | None, str | None]] = []  # (bytes, typed, committed)
    for value in VALUES:
        events.append((b"\x15" + value.encode(), value, None))  # Ctrl+U clears, then the value
        events.append((b"", None, value))  # the pause that commits and saves
    for name, signum in SIGNALS.items():
        for point in range(min(points, len(events))):
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


def plain_runs(tally: Tally, home: Path, points: int) -> None:
    answers = [
        line
        for line in (ROOT / "demo_data" / "wuxi-2020-answers.txt").read_text("utf-8").splitlines()
        if not line.lstrip().startswith("#")
    ][: len(PLAIN_FIELDS)]
    for name, signum in SIGNALS.items():
        for point in range(min(points, len(answers))):
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


def main() -> None:
    quick = "--quick" in sys.argv
    tally = Tally()
    with tempfile.TemporaryDirectory() as tmp:
        wizard_runs(tally, Path(tmp), 4 if quick else 18)
        plain_runs(tally, Path(tmp), 3 if quick else 8)
    print(f"cases tried      {tally.tried}")
    print(f"crashes          {tally.crashes}")
    print(f"lost edits       {tally.lost}")
    print(f"stranded locks   {tally.stranded}")
    for note in tally.notes:
        print("  " + note)


if __name__ == "__main__":
    main()
