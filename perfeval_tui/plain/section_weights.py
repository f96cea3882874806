"""The weights written on the project's own form (产出 70 / 效益 20 / 满意度 10 …), line by line.

Structure checks use the project's weights; the rule set's are only the default.
"""

from __future__ import annotations

from decimal import Decimal

from ..scoring.model import IndicatorGroup
from ..scoring.numbers import fmt_plain
from .editing import Editor
from .prompts import Prompter


def current_weights(editor: Editor) -> list[tuple[list[str], Decimal]]:
    project, ruleset = editor.session.project, editor.session.ruleset
    if project.groups:
        return [(list(g.path), g.weight) for g in project.groups]
    return [(list(g.path), g.weight) for g in ruleset.group_weights]


def weights_line(editor: Editor) -> str:
    own = "本项目" if editor.session.project.groups else "规则集默认"
    shown = "，".join(f"{'/'.join(p)} {fmt_plain(w)}" for p, w in current_weights(editor))
    return f"分项权重（{own}）：{shown}"


def edit_section_weights(editor: Editor, ask: Prompter) -> None:
    """Ask each section's weight; the answers become the project's own ``groups``."""
    groups: list[IndicatorGroup] = []
    for path, weight in current_weights(editor):
        name = "/".join(path)
        value = ask.ask_number(f"「{name}」权重（分）", weight, field=f"{name}权重", kind="score")
        groups.append(IndicatorGroup(path=path, weight=weight if value is None else value))
    editor.apply(editor.session.project, "groups", groups)
