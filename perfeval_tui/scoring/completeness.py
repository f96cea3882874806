"""Is a project ready to be scored and filed? The list of what is still missing, in Chinese.

Used by plain mode for its exit status (0 complete, 3 not) and its closing summary. Missing input
is not a data warning: a warning is about numbers that disagree, this is about numbers not there yet.
"""

from __future__ import annotations

from decimal import Decimal

from .engine import ProjectScore
from .families import family_of
from .model import Project
from .numbers import fmt2
from .sections import declared_total_problem, top_sections


def missing_items(result: ProjectScore, project: Project) -> list[str]:
    """What must still be entered before the score means anything; empty when complete.

    ``project`` is the scored one: its own section weights are the ones the total is checked by.
    """
    missing: list[str] = []
    if result.block is not None:
        if result.block.total.adjusted_budget == 0:
            missing.append("项目资金 全年预算数为 0")
    elif result.ruleset.id.startswith("national"):  # the national form's 项目资金 block
        missing.append("项目资金 还没有填写（年度资金总额的全年预算数、全年执行数）")
    elif not result.budget.rows:
        missing.append("附表1 还没有资金行")
    elif result.budget.total.budget == 0:
        missing.append("附表1 预算安排数合计为 0")
    for item in result.indicators:
        rule = item.explanation.rule
        where = f"附表2「{item.name}」"
        missing += [where + what for what in family_of(rule).missing(rule, item.indicator)]
    weights = sum((item.weight for item in result.indicators), Decimal(0))
    problem = declared_total_problem(project, result.ruleset, top_sections(result), weights)
    if problem is not None:
        missing.append(problem.message)
    if weights != result.ruleset.total_weight and not (problem and problem.indicators_follow):
        missing.append(
            f"附表2 指标权重合计 {fmt2(weights)} 分，应为 {fmt2(result.ruleset.total_weight)} 分"
        )
    return missing
