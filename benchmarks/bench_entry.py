"""Entering the Wuxi 2020 seed case into an empty project, in the wizard on an 80x24 pty, by the
shortest documented key path; prints the keys it took, the time and the final score.

Two paths, both from ``perfeval new FILE``:

- ``paste`` (default): the basics typed, then on steps 2, 3 and 4 the seed's rows pasted as a clerk
  copies them from WPS/Excel (附表1's fund row, the two district rows, 附表2 with its header), each
  paste confirmed in its preview;
- ``grid``: the same, except that 附表2's 个性指标 are typed into the step-4 table row by row
  (Ctrl+N, name, Tab, 权重, Tab, 目标值, Tab, 完成值, Enter; 层级 picked once per group, by
  Shift+Tab from the name, Enter, the path typed, Enter, then Tab Tab to 权重).

Navigation/command keys are every key but the characters of names, numbers and texts; a paste
counts as one key (the terminal's paste command), its characters are counted apart. The score is
read back from the saved file by the engine and must be 99.60.

Run: .venv/bin/python benchmarks/bench_entry.py [--path paste|grid]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "hostile")]

from pty_wizard import Session  # noqa: E402

from perfeval_tui.project.storage import load_project  # noqa: E402
from perfeval_tui.scoring.engine import score_project  # noqa: E402
from perfeval_tui.scoring.numbers import fmt2  # noqa: E402

SEED = json.loads((ROOT / "demo_data" / "wuxi-2020.json").read_text("utf-8"))
ANNEX2 = (ROOT / "demo_data" / "wuxi-2020-annex2.tsv").read_text("utf-8")
TAB, ENTER, ESC = b"\t", b"\r", b"\x1b"
CTRL_N, CTRL_Q, F12 = b"\x0e", b"\x11", b"\x1b[24~"
SHIFT_TAB = b"\x1b[Z"
BASICS_AFTER_UNIT = ("department", "preparer", "phone", "fill_date", "team_leader")


@dataclass
class Tally:
    session: Session
    commands: int = 0
    typed: int = 0
    pasted: int = 0
    log: list[str] = field(default_factory=list)

    def key(self, data: bytes, name: str, quiet: float = 0.3) -> None:
        self.commands += 1
        self.log.append(name)
        self.session.send(data, quiet=quiet)

    def text(self, text: str, quiet: float = 0.3) -> None:
        self.typed += len(text)
        self.session.send(text.encode("utf-8"), quiet=quiet)

    def paste(self, text: str) -> None:
        self.commands += 1
        self.pasted += len(text)
        self.log.append("粘贴")
        body = text.replace("\r\n", "\r").replace("\n", "\r")  # as a terminal sends a paste
        self.session.send(b"\x1b[200~" + body.encode("utf-8") + b"\x1b[201~", quiet=0.5)

    def wait(self, text: str) -> None:
        self.session.wait_for(text, limit=60)


def fund_row() -> str:
    fund = SEED["funds"][0]
    cells = [fund[k] for k in ("name", "budget", "increase", "decrease", "actual_spend")]
    return "\t".join([*cells, fund["funds_arrived"]]) + "\r\n"


def district_rows() -> str:
    keys = ("name", "allocated", "actual_spend", "carryover", "funds_arrived")
    return "".join("\t".join(d[k] for k in keys) + "\r\n" for d in SEED["districts"])


def new_project(t: Tally) -> None:
    basics = SEED["basics"]
    t.wait("新建项目（专项名称")
    t.text(basics["name"])
    t.key(TAB, "Tab")
    t.text(str(basics["year"]))
    t.key(TAB, "Tab")
    t.text(basics["unit"])
    t.key(ENTER, "Enter")
    t.wait("第 1/7 步")
    t.key(TAB, "Tab")  # 专项名称 (focused) → 年度 → 填报单位 → 主管部门
    t.key(TAB, "Tab")
    t.key(TAB, "Tab")
    for number, name in enumerate(BASICS_AFTER_UNIT):
        if number:
            t.key(TAB, "Tab")
        t.text(basics[name])


def paste_step(t: Tally, digit: str, step: str, rows: str) -> None:
    t.key(ESC + digit.encode(), f"Alt+{digit}")
    t.wait(step)
    t.paste(rows)
    t.wait("将新增")
    t.key(ENTER, "Enter")
    t.wait("已新增")


def grid_rows(t: Tally) -> None:
    """附表2's 个性指标 typed into the table."""
    t.key(ESC + b"4", "Alt+4")
    t.wait("第 4/7 步")
    t.key(F12, "F12")
    t.wait("完整表单")
    group: list[str] | None = None
    for indicator in SEED["indicators"]:
        if indicator["levels"][0] != "个性指标":
            continue
        t.key(CTRL_N, "Ctrl+N", quiet=0.6)  # a new row beside the current one, 名称 being edited
        t.text(indicator["levels"][-1])
        if indicator["levels"][:-1] != group:  # another group: 层级 is the column to the left
            group = indicator["levels"][:-1]
            t.key(SHIFT_TAB, "Shift+Tab")
            t.key(ENTER, "Enter", quiet=0.6)
            t.text(" / ".join(group))
            t.key(ENTER, "Enter", quiet=0.6)
            t.key(TAB, "Tab")
            t.key(TAB, "Tab")
        else:
            t.key(TAB, "Tab")
        unit = indicator["unit"]
        for number, value in enumerate(
            (indicator["weight"], indicator["target"], indicator["actual"])
        ):
            if number:
                t.key(TAB, "Tab")
            t.text(value + (unit if number and unit in ("%", "路") else ""))
        # Enter, as a clerk ends a row: it moves down (onto the form's own 社会满意度 after the
        # last group), and the next Ctrl+N still adds beside the row just entered, in its group.
        t.key(ENTER, "Enter", quiet=0.6)


def differences(target: Path) -> list[str]:
    """What the entered project holds that the seed does not (the fields this path enters)."""
    project = load_project(target)
    out = []
    basics = project.basics.model_dump()
    for name in ("name", "year", "unit", *BASICS_AFTER_UNIT):
        if str(basics[name]) != str(SEED["basics"][name]):
            out.append(f"基本情况 {name}: {basics[name]!r} ≠ {SEED['basics'][name]!r}")
    for table in ("funds", "districts"):
        mine = [
            row.model_dump(mode="json", exclude={"id", "stated_adjusted_budget"})
            for row in getattr(project, table)
        ]
        seed = [
            {k: v for k, v in row.items() if k not in ("id", "stated_adjusted_budget")}
            for row in SEED[table]
        ]
        if mine != seed:
            out.append(f"{table}: {mine} ≠ {seed}")
    entered = {tuple(i.levels): i for i in project.indicators}
    for row in SEED["indicators"]:
        mine_i = entered.get(tuple(row["levels"]))
        if mine_i is None:
            out.append(f"附表2 缺少 {'/'.join(row['levels'])}")
            continue
        for name in ("weight", "target", "actual", "unit", "rule"):
            value = getattr(mine_i, name)
            if (str(value) if value is not None else None) != row[name]:
                out.append(f"附表2 {row['levels'][-1]} {name}: {value!r} ≠ {row[name]!r}")
    return out


def run(path_kind: str) -> int:
    home = Path(tempfile.mkdtemp(prefix="bench-entry-"))
    target = home / "wuxi.json"
    session = Session(["new", str(target)], home)
    t = Tally(session)
    start = time.monotonic()
    try:
        new_project(t)
        paste_step(t, "2", "第 2/7 步", fund_row())
        paste_step(t, "3", "第 3/7 步", district_rows())
        if path_kind == "paste":
            paste_step(t, "4", "第 4/7 步", ANNEX2)
        else:
            grid_rows(t)
        t.key(CTRL_Q, "Ctrl+Q")
        code = session.wait(limit=30)
    finally:
        session.close()
    elapsed = time.monotonic() - start
    project = load_project(target)
    score = fmt2(score_project(project).total)
    print(f"path: {path_kind}")
    print(f"navigation/command keys: {t.commands}")
    print(f"typed characters: {t.typed}")
    print(f"pasted characters: {t.pasted}")
    print(f"wall time: {elapsed:.1f} s (includes the pauses that wait for the screen)")
    print(f"final score: {score}")
    print(f"exit code: {code}")
    print("keys: " + " ".join(t.log))
    missing = differences(target)
    print(f"differences from the seed (fields entered): {len(missing)}")
    for line in missing:
        print("  " + line)
    ok = score == "99.60" and code == 0 and t.commands <= 100
    print("goal (≤ 100 keys, 99.60): " + ("met" if ok else "NOT met"))
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", choices=("paste", "grid"), default="paste")
    return run(parser.parse_args().path)


if __name__ == "__main__":
    raise SystemExit(main())
