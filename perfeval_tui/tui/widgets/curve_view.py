"""A score curve in a pane: the engine's :class:`~perfeval_tui.analysis.curve.ScoreCurve` drawn by
:func:`~perfeval_tui.analysis.curve.curve_lines`, with its title and legend wrapped to the pane instead of
cut, so nothing that matters is lost in a narrow pane at 80 columns.
"""

from __future__ import annotations

from rich.text import Text

from ...analysis.curve import CurveError, ScoreCurve, curve_lines, score_curve
from ...scoring.model import Project
from ...scoring.numbers import fmt2
from ...scoring.ruleset import RuleSet
from .rule_inputs import reading_name


def curve_text(curve: ScoreCurve, width: int, height: int) -> Text:
    """Title, plot (``*`` score, ``O`` the current point, ``:`` band edges) and legend."""
    plot_rows = max(5, height)
    lines = curve_lines(curve, width=width, height=plot_rows)
    text = Text()
    text.append(f"{curve.name}：得分曲线", style="bold")
    text.append(f"（{curve.rule_name}，口径：{reading_name(curve.reading)}）\n", style="dim")
    for line in lines[1 : 1 + plot_rows + 2]:  # the plot, its axis and the x ticks
        text.append(line + "\n")
    text.append(f"横轴：{curve.x_label}；纵轴：得分（权重 {fmt2(curve.weight)}）\n", style="dim")
    if curve.current is not None:
        text.append("O", style="bold reverse")
        text.append(
            f" 当前：{curve.x_text(curve.current.x)}，得分 {fmt2(curve.current.score)}\n",
            style="bold",
        )
    for mark in curve.marks:
        text.append(f": {mark.label}\n")
    text.rstrip()
    return text


def project_curve_text(
    project: Project, indicator_id: str, ruleset: RuleSet, width: int, height: int
) -> Text:
    """The curve of one indicator of ``project``, or the Chinese reason it has none."""
    try:
        curve = score_curve(project, indicator_id, ruleset=ruleset)
    except CurveError as exc:
        return Text(str(exc))
    return curve_text(curve, width, height)
