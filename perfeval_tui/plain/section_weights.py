"""The weights written on the project's own form (产出 70 / 效益 20 / 满意度 10 …), line by line.

Structure checks use the project's weights; the rule set's are only the default.
"""

from __future__ import annotations

from ..project.section_weights import current_weights, groups_of, offered_weights, own_weights
from ..scoring.numbers import fmt_plain
from ..scoring.sections import top_total
from .editing import Editor
from .prompts import Prompter


def weights_line(editor: Editor) -> str:
    session = editor.session
    own = "本项目" if own_weights(session.project) else "规则集默认"
    pairs = current_weights(session.project, session.ruleset)
    shown = "，".join(f"{'/'.join(p)} {fmt_plain(w)}" for p, w in pairs)
    total, full = top_total(pairs).total, session.ruleset.total_weight
    off = f"，表样总分为 {fmt_plain(full)} 分" if total != full else ""
    return f"分项权重（{own}）：{shown}；各分项合计 {fmt_plain(total)} 分{off}"


def edit_section_weights(editor: Editor, ask: Prompter) -> None:
    """Ask each section's weight; the answers become the project's own ``groups``.

    A section the weights in force lack is asked too, empty: left empty it stays unwritten.
    Enter keeps a weight; the clear word (as for any optional value) drops it.
    """
    answers = []
    for path, weight in offered_weights(editor.session.project, editor.session.ruleset):
        name = "/".join(path)
        value = ask.ask_number(
            f"「{name}」权重（分）", weight, field=f"{name}权重", kind="score", optional=True
        )
        if value is not None:
            answers.append((path, value))
    if editor.apply(editor.session.project, "groups", groups_of(answers)):
        ask.say(weights_line(editor))
