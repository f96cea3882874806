"""The evaluation report draft in Markdown, in the order of the seed report (一、… 六、) plus both
appendix tables. The user's free text is used where given; otherwise a visible placeholder."""

from __future__ import annotations

from ..scoring.checks import DataWarning
from ..scoring.engine import ProjectScore
from ..scoring.goals import GoalSummary, goal_summary
from ..scoring.model import Project
from ..scoring.numbers import fmt2, fmt_plain
from ..term.render_text import warning_line
from . import sentences as say
from .md_tables import escape, markdown_table
from .sheet_budget import budget_sheet
from .sheet_districts import district_sheet
from .sheet_indicators import SHARED_TEXT_KEYS, indicator_sheet
from .sheet_indicators import title_for as indicator_title

BUDGET_TITLE = "资金预算安排及执行情况表"


def placeholder(what: str) -> str:
    return f"（待填写：{what}）"


def free_text(text: str, what: str) -> list[str]:
    """The user's paragraphs (one per line), or the placeholder."""
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    if not paragraphs:
        return [placeholder(what), ""]
    out: list[str] = []
    for paragraph in paragraphs:
        out += [paragraph, ""]
    return out


def _basics_part(project: Project, result: ProjectScore, summary: GoalSummary) -> list[str]:
    b = project.basics
    lines = ["## 一、专项（项目）基本情况", ""]
    for heading, text, what in (
        ("（一）专项（项目）背景", b.background, "专项背景"),
        ("（二）专项（项目）依据", b.basis, "专项依据"),
        ("（三）专项（项目）组织管理", b.organization, "组织管理"),
        ("（四）专项（项目）实施内容", b.content, "实施内容"),
    ):
        lines += [f"### {heading}", "", *free_text(text, what)]
    lines += ["### （五）专项（项目）资金预算安排及执行情况", ""]
    if project.funds:
        lines += [
            say.budget_sentence(b, result.budget.total)
            + f"详见《{b.name}{BUDGET_TITLE}》（附表1）。",
            "",
        ]
    else:
        lines += [placeholder("附表1 预算安排及执行情况"), ""]
    if project.districts:
        table = district_sheet(project, result)
        lines += [say.district_sentence(b, result.districts), ""]
        lines += markdown_table(table)[2:-2] + [""]
    lines += ["### （六）专项（项目）绩效目标", ""]
    if b.goals_text.strip():
        lines += free_text(b.goals_text, "绩效目标")
    elif summary.items:
        for kind, _ in summary.by_kind:
            goals = "、".join(say.goal_text(s.goal) for s in summary.items if s.goal.kind == kind)
            lines += [f"{say.KIND_WORDS[kind]}：{goals}。", ""]
    else:
        lines += [placeholder("绩效目标"), ""]
    return lines


def _process_part(project: Project, result: ProjectScore) -> list[str]:
    b = project.basics
    lines = ["## 二、评价组织与实施过程", "", "### （一）绩效评价思路", ""]
    lines += free_text(b.approach, "评价思路")
    lines += ["### （二）评价的组织与职责分工", ""]
    if b.team_leader.strip():
        lines += [
            f"成立由{b.team_leader.strip()}任组长的评价工作组，{b.unit}负责组织实施本次自评。",
            "",
        ]
    lines += [placeholder("职责分工"), ""]
    lines += ["### （三）评价的过程", "", placeholder("评价的过程"), ""]
    lines += ["### （四）评价的指标、权重和标准设计", "", say.design_sentence(result), ""]
    weights = {i.id: i.weight for i in project.indicators}
    for kind, words in say.KIND_WORDS.items():
        linked = [g for g in project.goals if g.kind == kind and g.indicator_id in weights]
        if linked:
            parts = "；".join(
                f"{say.goal_text(g)}、权重 {fmt_plain(weights[g.indicator_id or ''])}"
                for g in linked
            )
            lines += [f"{words}：{parts}。", ""]
    readings = dict.fromkeys(
        (i.explanation.rule_name, i.explanation.reading_label)
        for i in result.indicators
        if i.explanation.alternatives
    )
    if readings:
        lines += ["各评分规则采用的口径：", ""]
        lines += [f"- {name}：{_reading(label)}" for name, label in readings]
        lines += [""]
    return lines


def _reading(label: str) -> str:
    """``分档：完成值/目标值≥1 时…`` -> ``“分档”，完成值/目标值≥1 时…``."""
    short, sep, detail = label.partition("：")
    return f"“{short}”，{detail}" if sep else label


def _result_part(project: Project, result: ProjectScore, summary: GoalSummary) -> list[str]:
    b = project.basics
    lines = ["## 三、评价结果及主要绩效指标状况", ""]
    if summary.items:
        lines += [say.goals_sentence(b, summary), ""]
        if summary.missed:
            lines += ["未完成的绩效目标：", ""]
            lines += [f"- {say.missed_goal_line(s)}" for s in summary.missed] + [""]
    else:
        lines += ["尚未填写绩效目标及其对应的附表2 指标，无法统计绩效目标完成情况。", ""]
    lines += [say.score_sentence(b, result) + f"详见《{indicator_title(b.name)}》（附表2）。", ""]
    pairs = result.deductions_by_size()
    if not pairs:
        return [*lines, "各项指标均未扣分。", ""]
    lines += [
        f"扣分情况（共 {len(pairs)} 项，按扣分从多到少排列）：",
        "",
        "| 序号 | 指标 | 权重 | 评分 | 扣分 | 扣分原因 |",
        "| ---: | --- | ---: | ---: | ---: | --- |",
    ]
    for n, (item, deduction) in enumerate(pairs, start=1):
        path = escape("／".join(item.levels[1:] or item.levels))
        lines.append(
            f"| {n} | {path} | {fmt2(item.weight)} | {fmt2(item.score)} "
            f"| {fmt2(deduction.points)} | {escape(deduction.reason)} |"
        )
    return [*lines, ""]


def _problems_part(project: Project, warnings: list[DataWarning]) -> list[str]:
    lines = ["## 五、主要问题", "", *free_text(project.basics.problems, "主要问题")]
    if warnings:
        lines += ["数据检查发现以下可能的问题（请核实后决定是否写入报告）：", ""]
        lines += [f"{n}. {warning_line(w)}" for n, w in enumerate(warnings, start=1)] + [""]
    else:
        lines += ["数据检查未发现问题。", ""]
    return lines


def markdown_report(project: Project, result: ProjectScore, warnings: list[DataWarning]) -> str:
    b = project.basics
    summary = goal_summary(project)
    lines = [
        f"# {b.name}资金绩效评价报告",
        "",
        f"为加强{b.name}资金绩效管理，按照《{result.ruleset.name}》的要求，本着“实事求是、客观公正、"
        f"科学合理、绩效导向”的原则，对{b.name}资金使用管理及取得的绩效情况进行全面综合评价，"
        "形成本自评报告。",
        "",
        *_basics_part(project, result, summary),
        *_process_part(project, result),
        *_result_part(project, result, summary),
        "## 四、主要成效",
        "",
        *free_text(b.achievements, "主要成效"),
        *_problems_part(project, warnings),
        "## 六、相关建议",
        "",
        *free_text(b.suggestions, "相关建议"),
        "## 附表",
        "",
    ]
    budget = budget_sheet(project, result)
    lines += [f"### 附表1 {budget.title}", "", *markdown_table(budget), ""]
    indicators = indicator_sheet(project, result)
    lines += [f"### 附表2 {indicators.title}", "", *markdown_table(indicators, SHARED_TEXT_KEYS)]
    lines += ["", "（指标解释、评分标准见 xlsx 附表2。）", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
