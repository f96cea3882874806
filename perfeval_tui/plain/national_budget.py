"""The national budget block, line by line: 年度资金总额 and its 其中 rows, amounts to 4 decimals."""

from __future__ import annotations

from typing import Literal

from ..scoring.budget_block import block_table
from ..scoring.model import BudgetLine
from ..scoring.numbers import fmt_percent
from .editing import Editor
from .prompts import Prompter

STANDARD_LINES: tuple[tuple[str, Literal["总额", "其中"]], ...] = (
    ("年度资金总额", "总额"),
    ("当年财政拨款", "其中"),
    ("上年结转资金", "其中"),
    ("其他资金", "其中"),
)
AMOUNTS = (("initial", "年初预算数"), ("budget", "全年预算数"), ("spend", "全年执行数"))


def national_budget_step(editor: Editor, ask: Prompter) -> None:
    """Ask each line's 年初预算数, 全年预算数 and 全年执行数 (万元, up to 4 decimals)."""
    project = editor.session.project
    if not project.budget_block:
        project.budget_block = [BudgetLine(name=n, role=r) for n, r in STANDARD_LINES]
        editor.structural()
    ask.say("项目资金（万元，最多四位小数）：年度资金总额及其中各项；没有的项目直接回车。")
    for line in project.budget_block:
        ask.say(f"· {line.name}" if line.role == "总额" else f"· 其中：{line.name}")
        for field, title in AMOUNTS:
            editor.field(line, field, label=f"{title}（万元）")
    rate = block_table(project.budget_block).total.execution_rate
    ask.say(f"执行率 {'—' if rate is None else fmt_percent(rate)}（全年执行数 / 全年预算数）")
