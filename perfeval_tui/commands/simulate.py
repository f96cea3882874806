"""``perfeval simulate FILE --set PATH=VALUE [--set …] [--reading RULE=READING] [--json]``.

Baseline (the file as saved) against the simulation, per indicator, per subtotal and for the
total. The file is only read, never written.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..analysis.paths import SimulationError, indicator_name
from ..analysis.whatif import Comparison, Sandbox, ScoreDelta, fmt_delta
from ..scoring.numbers import fmt2
from ..term.render_text import explanation_lines
from .common import CommandError, add_file_argument, dec, open_project
from .exits import fail


def configure(parser: argparse.ArgumentParser) -> None:
    add_file_argument(parser)
    parser.add_argument(
        "--set",
        dest="sets",
        action="append",
        default=[],
        metavar="路径=数值",
        help="模拟修改一个值（可重复）：指标名.完成值=1600、指标名.目标值=…，"
        "或 JSON 指针 /funds/0/actual_spend=430",
    )
    parser.add_argument(
        "--reading",
        action="append",
        default=[],
        metavar="规则=口径",
        help="模拟切换某条规则的口径，例如 budget_execution_rate=floor（可重复）",
    )
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")


def run(args: argparse.Namespace) -> int:
    try:
        project = open_project(args.file)
    except CommandError as exc:
        return fail(str(exc))
    sandbox = Sandbox(project)
    try:
        for switch in args.reading:
            sandbox.set_reading_switch(switch)
        for assignment in args.sets:
            sandbox.set_assignment(assignment)
    except SimulationError as exc:
        return fail(str(exc))
    if args.json:
        json.dump(simulation_json(args.file, sandbox), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print("\n".join(simulation_text(sandbox)))
    return 0


def _delta_json(d: ScoreDelta) -> dict[str, Any]:
    return {"before": dec(d.before), "after": dec(d.after), "delta": dec(d.delta)}


def simulation_json(file: str, sandbox: Sandbox) -> dict[str, Any]:
    comparison = sandbox.comparison()
    base, sim = sandbox.baseline, sandbox.result
    return {
        "file": file,
        "changes": [
            {"path": c.pointer, "label": c.label, "old": c.old, "new": c.new}
            for c in sandbox.changes()
        ],
        "baseline": {
            "total": dec(base.total),
            "raw_total": dec(base.raw_total),
            "grade": base.grade,
        },
        "simulated": {"total": dec(sim.total), "raw_total": dec(sim.raw_total), "grade": sim.grade},
        "total": _delta_json(comparison.total),
        "subtotals": [
            {"path": list(g.levels), "weight": dec(g.weight), **_delta_json(g)}
            for g in comparison.groups
        ],
        "indicators": [
            {
                "id": d.key,
                "name": d.name,
                "path": list(d.levels),
                "weight": dec(d.weight),
                **_delta_json(d),
                "changed": d.changed,
            }
            for d in comparison.indicators
        ],
    }


def _row(d: ScoreDelta, name: str, indent: str) -> str:
    before = "—" if d.before is None else fmt2(d.before)
    after = "—" if d.after is None else fmt2(d.after)
    mark = "△" if d.changed else " "
    tail = f" ({fmt_delta(d.delta)})" if d.changed else ""
    return f"{mark} {indent}{name}  {before} → {after}{tail}"


def simulation_text(sandbox: Sandbox) -> list[str]:
    project = sandbox.project
    comparison: Comparison = sandbox.comparison()
    lines = [f"模拟：{project.basics.name}（{project.basics.year} 年度）  不修改项目文件", ""]
    changes = sandbox.changes()
    lines.append("修改的数值：" if changes else "修改的数值：无（与文件相同）")
    lines += [f"  {c.line()}" for c in changes]
    lines += ["", "指标得分（文件 → 模拟）："]
    names = {i.id: indicator_name(project, i) for i in project.indicators}
    lines += [_row(d, names.get(d.key, d.name), " ") for d in comparison.indicators]
    lines += ["", "小计（文件 → 模拟）："]
    lines += [_row(g, g.levels[-1], "  " * len(g.levels)) for g in comparison.groups]
    lines += ["", comparison.total_line()]
    moved = {d.key for d in comparison.changed_indicators}
    if moved:
        lines += ["", "得分变化的指标（模拟后的计算）："]
    for item in sandbox.result.indicators:
        if item.id in moved:
            lines.append(f"■ {names.get(item.id, item.name)}")
            lines += [f"    {line}" for line in explanation_lines(item.explanation, clause=False)]
    return lines
