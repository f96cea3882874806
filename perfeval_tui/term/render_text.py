"""Plain-text renderings of the engine's explanation data, shared by the CLI and plain mode."""

from __future__ import annotations

from ..scoring.checks import DataWarning
from ..scoring.engine import IndicatorScore, ProjectScore
from ..scoring.explanation import Explanation
from ..scoring.numbers import fmt2
from ..scoring.reading_names import short_name


def explanation_lines(explanation: Explanation, *, clause: bool = True) -> list[str]:
    """The clause, the reading, the inputs, the arithmetic and the deductions, one per line."""
    lines: list[str] = []
    if clause:
        lines.append(f"评分标准：{explanation.clause}")
    lines.append(f"口径：{explanation.reading_label}")
    if explanation.alternatives:
        others = "；".join(short_name(label) for _, label in explanation.alternatives)
        lines.append(f"  可选口径：{others}")
    if explanation.inputs:
        lines.append("输入：" + "；".join(str(i) for i in explanation.inputs))
    lines.extend(f"  {step}" for step in explanation.steps)
    for deduction in explanation.deductions:
        lines.append(f"扣分 {fmt2(deduction.points)}：{deduction.reason}")
    lines.append(f"得分：{fmt2(explanation.result)} / {fmt2(explanation.weight)}")
    return lines


def indicator_heading(item: IndicatorScore) -> str:
    text = f"{' / '.join(item.levels)}  {fmt2(item.score)}/{fmt2(item.weight)}"
    if item.overridden:
        text += f"（计算得分 {fmt2(item.computed_score)}，人工评分）"
    return text


def summary_line(result: ProjectScore) -> str:
    tops = [g for g in result.groups if len(g.path) == 1]
    parts = "  ".join(f"{'/'.join(g.path)} {fmt2(g.score)}/{fmt2(g.weight)}" for g in tops)
    return f"总分 {fmt2(result.total)}（{result.grade}）  {parts}"


def warning_line(warning: DataWarning) -> str:
    return f"{warning.where}：{warning.message}"
