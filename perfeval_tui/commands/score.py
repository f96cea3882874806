"""``perfeval score FILE [--json] [--reading RULE=READING]``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..scoring.checks import check_project
from ..scoring.engine import ProjectScore, score_project
from ..scoring.form_checks import STATED_ONLY, stated_only
from ..scoring.model import Indicator
from ..scoring.numbers import fmt2
from ..term.render_text import explanation_lines, summary_line, warning_line
from .common import CommandError, add_file_argument, add_reading_argument, dec, open_project
from .exits import fail


def configure(parser: argparse.ArgumentParser) -> None:
    add_file_argument(parser)
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    add_reading_argument(parser)


def run(args: argparse.Namespace) -> int:
    try:
        project = open_project(args.file, args.reading)
    except CommandError as exc:
        return fail(str(exc))
    result = score_project(project)
    warnings = check_project(project)
    if args.json:
        json.dump(score_json(result, warnings), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print("\n".join(score_text(project.basics.name, project.basics.year, result, warnings)))
    return 0


def score_json(result: ProjectScore, warnings: list[Any]) -> dict[str, Any]:
    return {
        "ruleset": result.ruleset.id,
        "total": dec(result.total),
        "raw_total": dec(result.raw_total),
        "grade": result.grade,
        "subtotals": [
            {"path": list(g.path), "weight": dec(g.weight), "score": dec(g.score)}
            for g in result.groups
        ],
        "indicators": [
            {
                "id": item.id,
                "name": item.name,
                "path": list(item.levels),
                "rule": item.explanation.rule_id,
                "reading": item.explanation.reading,
                "weight": dec(item.weight),
                "target": dec(item.indicator.target),
                "actual": dec(item.indicator.actual),
                "target_display": item.target_display,
                "actual_display": item.actual_display,
                "score": dec(item.score),
                "computed_score": dec(item.computed_score),
                "overridden": item.overridden,
                "stated_score": dec(item.indicator.stated_score),
                "stated_only": stated_only(item.indicator),
                "deductions": [
                    {"reason": d.reason, "points": dec(d.points)} for d in item.deductions
                ],
                "steps": list(item.explanation.steps),
            }
            for item in result.indicators
        ],
        "warnings": [{"where": w.where, "message": w.message} for w in warnings],
    }


def stated_text(indicator: Indicator) -> str:
    """``  自评得分 9.00`` beside the score, and the mark of a row kept as stated."""
    if stated_only(indicator):
        return f"  {STATED_ONLY}"
    if indicator.stated_score is None:
        return ""
    return f"  自评得分 {fmt2(indicator.stated_score)}"


def score_text(name: str, year: int, result: ProjectScore, warnings: list[Any]) -> list[str]:
    lines = [f"{name}（{year} 年度）  规则集：{result.ruleset.name}", summary_line(result), ""]
    lines.append("指标得分：")
    # National levels start at 一级指标; Wuxi's first level is the category (共性/个性指标).
    national = result.ruleset.id.startswith("national")
    for item in result.indicators:
        mark = "  " if item.lost == 0 else "△ "
        lines.append(
            f"{mark}{' / '.join(item.levels if national else item.levels[1:])}  权重 {fmt2(item.weight)}  目标值 {item.target_display or '—'}"
            f"  完成值 {item.actual_display or '—'}  评分 {fmt2(item.score)}"
            + stated_text(item.indicator)
        )
    losing = [item for item in result.indicators if item.lost != 0]
    lines += ["", f"扣分明细（{len(losing)} 项指标失分）：" if losing else "扣分明细：无扣分"]
    for item in sorted(losing, key=lambda i: i.lost, reverse=True):
        lines.append(f"■ {item.name}  −{fmt2(item.lost)}（{fmt2(item.score)}/{fmt2(item.weight)}）")
        lines.extend(f"    {line}" for line in explanation_lines(item.explanation, clause=False))
        if item.overridden and item.indicator.override is not None:
            lines.append(f"    人工评分 {fmt2(item.score)}：{item.indicator.override.reason}")
    if warnings:
        lines += ["", f"数据检查（{len(warnings)} 条警告）："]
        lines += [f"  ! {warning_line(w)}" for w in warnings]
    return lines
