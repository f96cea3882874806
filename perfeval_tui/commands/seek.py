"""``perfeval seek FILE INDICATOR [--score X]`` and ``perfeval seek FILE --total 90 | --grade 优``.

Every answer has been applied to a copy of the project and re-scored by the engine; the scores
shown are the engine's. The file is only read.
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from typing import Any

from ..analysis.paths import SimulationError
from ..analysis.seek import IndicatorSeek, SeekAnswer, seek_indicator
from ..analysis.seek_total import TotalSeek, goal_for_grade, seek_total
from ..scoring.numbers import NumberInputError, parse_number
from ..scoring.ruleset import load_ruleset
from .common import CommandError, add_file_argument, add_reading_argument, dec, open_project
from .exits import fail


def configure(parser: argparse.ArgumentParser) -> None:
    add_file_argument(parser)
    parser.add_argument(
        "indicator",
        nargs="?",
        metavar="指标",
        help="指标名（最低一级名称；重名时写上级层级，如 专项总目标/产出/高清监控占比）",
    )
    parser.add_argument("--score", metavar="分数", help="想要的指标得分（省略则求满分）")
    parser.add_argument("--total", metavar="总分", help="想要的总分，例如 90")
    parser.add_argument("--grade", metavar="等级", help="想要的等级，例如 优")
    add_reading_argument(parser)
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")


def _score(text: str | None, what: str) -> Decimal | None:
    if text is None:
        return None
    try:
        return parse_number(text, field=what, kind="score")
    except NumberInputError as exc:
        raise CommandError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    try:
        project = open_project(args.file, args.reading)
        score = _score(args.score, "--score")
        total = _score(args.total, "--total")
        wants_total = total is not None or args.grade is not None
        if args.indicator is None and not wants_total:
            raise CommandError(
                "请给出指标名（求该指标满分或 --score 得分），或用 --total 90 / --grade 优 反求总分"
            )
        if args.indicator is not None and wants_total:
            raise CommandError("指标名与 --total/--grade 只能选一种")
        if wants_total:
            if total is None:
                total = goal_for_grade(load_ruleset(project.ruleset), args.grade)
            result: IndicatorSeek | TotalSeek = seek_total(project, total)
        else:
            result = seek_indicator(project, args.indicator, score)
    except (CommandError, SimulationError) as exc:
        return fail(str(exc))
    if args.json:
        json.dump(seek_json(result), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print("\n".join(result.lines()))
    return 0


def answer_json(answer: SeekAnswer) -> dict[str, Any]:
    return {
        "indicator_id": answer.indicator_id,
        "name": answer.name,
        "summary": answer.summary,
        "settings": [
            {"path": s.path, "value": s.value, "old": s.old, "label": s.label}
            for s in answer.settings
        ],
        "promised": dec(answer.promised),
        "score": dec(answer.score),
        "total": dec(answer.total),
        "grade": answer.grade,
        "size": dec(answer.size * 100),
        "side_effects": [
            {"id": d.key, "name": d.name, "before": dec(d.before), "after": dec(d.after)}
            for d in answer.side_effects
        ],
        "note": answer.note,
    }


def seek_json(result: IndicatorSeek | TotalSeek) -> dict[str, Any]:
    if isinstance(result, TotalSeek):
        return {
            "goal": dec(result.goal),
            "goal_grade": result.goal_grade,
            "current": dec(result.current),
            "current_grade": result.current_grade,
            "needed": dec(max(result.needed, Decimal(0))),
            "answers": [answer_json(a) for a in result.answers],
            "notes": list(result.notes),
        }
    return {
        "indicator_id": result.indicator_id,
        "name": result.name,
        "family": result.family,
        "weight": dec(result.weight),
        "current": dec(result.current),
        "goal": dec(result.goal),
        "full_range": result.full_range,
        "answers": [answer_json(a) for a in result.answers],
        "notes": list(result.notes),
    }
