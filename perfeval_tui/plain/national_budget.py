"""The national budget block, line by line: 年度资金总额 and its 其中 rows, amounts to 4 decimals."""

from __future__ import annotations

from ..scoring.budget_block import AMOUNTS, block_table, standard_block
from ..scoring.numbers import fmt_percent
from .editing import Editor
from .prompts import Prompter


def national_budget_step(editor: Editor, ask: Prompter) -> None:
    """Ask each line's 年初预算数, 全年预算数 and 全年执行数 (万元, up to 4 decimals)."""
    project = editor.session.project
    if not project.budget_block:
        project.budget_block = standard_block()
        editor.structural()
    ask.say("项目资金（万元，最多四位小数）：年度资金总额及其中各项；没有的项目直接回车。")
    for line in project.budget_block:
        ask.say(f"· {line.name}" if line.role == "总额" else f"· 其中：{line.name}")
        for field, title in AMOUNTS:
            editor.field(line, field, label=f"{title}（万元）")
    rate = block_table(project.budget_block).total.execution_rate
    ask.say(f"执行率 {'—' if rate is None else fmt_percent(rate)}（全年执行数 / 全年预算数）")
