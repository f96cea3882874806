"""Sentences of the evaluation report drafted from the engine's figures, in the seed report's style.

Every number is one the engine, the budget tables or the goal count produced; this module only
words and formats them.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ..scoring.budget import DistrictTable, FundFigures
from ..scoring.engine import ProjectScore
from ..scoring.goals import GoalStatus, GoalSummary
from ..scoring.model import Basics, StatedGoal
from ..scoring.numbers import CENT, fmt2, fmt_plain

KIND_WORDS = {"总目标": "绩效总目标", "明细目标": "明细项目绩效目标"}
MAX_NAMED_DISTRICTS = 3


def money(value: Decimal) -> str:
    return f"{fmt_plain(value)} 万元"


def rate(value: Decimal) -> str:
    """A rate as the seed writes it (100%, 0%) or with 2 decimals (88.10%)."""
    shown = value.quantize(CENT, rounding=ROUND_HALF_UP)
    return f"{fmt_plain(shown) if shown == shown.to_integral_value() else fmt2(shown)}%"


def rate_is(value: Decimal | None, denominator: str) -> str:
    """``为 100%``, or ``无法计算（预算安排数为 0）`` when the denominator is 0."""
    return f"无法计算（{denominator}为 0）" if value is None else f"为 {rate(value)}"


def lead(basics: Basics) -> str:
    """``2020 年，`` unless the 专项名称 already says the year."""
    return "" if str(basics.year) in basics.name else f"{basics.year} 年，"


def budget_sentence(basics: Basics, total: FundFigures) -> str:
    if total.increase and total.decrease:
        change = f"调增预算 {money(total.increase)}、调减预算 {money(total.decrease)}"
    elif total.increase:
        change = f"调增预算 {money(total.increase)}"
    else:
        change = f"调减预算 {money(total.decrease)}"
    return (
        f"{lead(basics)}{basics.name}资金年初预算 {money(total.budget)}，年度执行中{change}，"
        f"调整后预算数为 {money(total.adjusted_budget)}，"
        f"预算调整率{rate_is(total.adjustment_rate, '预算安排数')}；"
        f"全年实际支出 {money(total.actual_spend)}，"
        f"预算执行率{rate_is(total.execution_rate, '调整后预算数')}；"
        f"实际到位资金 {money(total.funds_arrived)}，"
        f"资金到位率{rate_is(total.arrival_rate, '调整后预算数')}。"
    )


def district_names(table: DistrictTable) -> str:
    names = [row.name for row in table.rows]
    if len(names) <= MAX_NAMED_DISTRICTS:
        return "、".join(names)
    return f"{'、'.join(names[:MAX_NAMED_DISTRICTS])}等 {len(names)} 个市（县）区"


def district_sentence(basics: Basics, table: DistrictTable, funds: FundFigures) -> str:
    """The districts' figures as the district table states them, beside 附表1's spending total.

    When the two totals differ the sentence names both with their source; the mismatch itself is
    a data warning, listed under 审核提示.
    """
    names = district_names(table)
    total = table.total
    spend = f"{names}的实际支出合计 {money(total.actual_spend)}"
    if total.actual_spend != funds.actual_spend:
        spend = f"据区县资金分配表，{spend}（附表1 实际支出数合计 {money(funds.actual_spend)}）"
    return (
        f"{basics.year} 年，下达{names}的资金 {money(total.allocated)}，{spend}，"
        f"其中项目资金实际到位 {money(total.funds_arrived)}，"
        f"累计结余结转 {money(total.carryover)}，"
        f"资金到位率{rate_is(total.arrival_rate, '资金下达数')}。"
    )


def readings_sentence(result: ProjectScore) -> str:
    """Each reading named once, in Chinese, with the rules scored under it."""
    groups: dict[str, list[str]] = {}
    for item in result.indicators:
        explanation = item.explanation
        if not explanation.alternatives:
            continue
        names = groups.setdefault(explanation.reading_label, [])
        if explanation.rule_name not in names:
            names.append(explanation.rule_name)
    parts = []
    for label, names in groups.items():
        short, sep, detail = label.partition("：")
        how = f"“{short}”口径，即{detail}" if sep else f"“{label}”的口径"
        parts.append(f"{'、'.join(names)}按{how}")
    return f"评分口径：{'；'.join(parts)}。" if parts else ""


def goal_text(goal: StatedGoal) -> str:
    gap = "" if goal.name.endswith(("）", ")")) else " "
    return f"{goal.name}{gap}{fmt_plain(goal.target)}{goal.unit}"


def goals_sentence(basics: Basics, summary: GoalSummary) -> str:
    """``绩效目标共 7 个，完成绩效目标 7 个，绩效目标完成率 100%。其中，…``"""
    overall = summary.overall
    text = (
        f"{lead(basics)}{basics.name}绩效目标共 {overall.total} 个，完成绩效目标 {overall.done} 个，"
        f"绩效目标完成率 {rate(overall.rate or Decimal(0))}。"
    )
    if len(summary.by_kind) > 1:
        parts = [
            f"{KIND_WORDS[kind]} {count.total} 个，完成 {count.done} 个，"
            f"完成率 {rate(count.rate or Decimal(0))}"
            for kind, count in summary.by_kind
        ]
        text += f"其中，{'；'.join(parts)}。"
    return text


def missed_goal_line(status: GoalStatus) -> str:
    goal, indicator = status.goal, status.indicator
    target = f"{fmt_plain(goal.target)}{goal.unit}"
    if indicator is None:
        return f"{goal.name}：目标值 {target}，未关联附表2 指标，无法判断是否完成"
    if status.actual is None:
        return f"{goal.name}：目标值 {target}，附表2「{indicator.name}」尚未填写完成值"
    actual = f"{fmt_plain(status.actual)}{indicator.unit}"
    need = "不高于" if indicator.direction == "反向" else "不低于"
    return (
        f"{goal.name}：目标值 {target}，完成值 {actual}"
        f"（{indicator.direction}指标，完成值应{need}目标值）"
    )


def score_sentence(basics: Basics, result: ProjectScore) -> str:
    tops = [g for g in result.groups if len(g.path) == 1]
    parts = "，".join(
        f"{g.path[0]}得分 {fmt2(g.score)} 分（权重 {fmt_plain(g.weight)} 分）" for g in tops
    )
    text = f"经自我评价，{basics.name}评分为 {fmt2(result.total)} 分，评价等级为“{result.grade}”。"
    if result.raw_total != result.total:
        text += (
            f"各项评分合计 {fmt2(result.raw_total)} 分，"
            f"总分按 0～{fmt_plain(result.ruleset.total_weight)} 分计。"
        )
    if parts:
        text += f"其中，{parts}。"
    return text


def design_sentence(result: ProjectScore) -> str:
    """How many indicators each category has and what it weighs."""
    tops = [g for g in result.groups if len(g.path) == 1]
    counts = {g.path[0]: 0 for g in tops}
    for item in result.indicators:
        counts[item.levels[0]] = counts.get(item.levels[0], 0) + 1
    parts = "；".join(
        f"{g.path[0]} {counts[g.path[0]]} 项、权重 {fmt_plain(g.weight)} 分" for g in tops
    )
    return (
        f"评价采用《{result.ruleset.name}》，共设末级指标 {len(result.indicators)} 项，"
        f"总分 {fmt_plain(result.ruleset.total_weight)} 分。其中，{parts}。"
    )
