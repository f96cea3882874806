"""The evaluation report, drafted from the project and the engine's results, in the order of the
seed report (一、… 六、) and followed by its appendix forms.

Parts 一 to 六 hold only what a clerk can submit: the user's own text, and sentences worded from
the engine's figures. A part the user has not written yet is left without text, and the data
warnings are not project problems: both go to the 审核提示 list after the report.
"""

from __future__ import annotations

from ..scoring.checks import DataWarning
from ..scoring.engine import ProjectScore
from ..scoring.goals import GoalSummary, goal_summary
from ..scoring.model import Project
from ..scoring.numbers import fmt2, fmt_plain
from . import sentences as say
from .report_blocks import Block, Form, Grid, Heading, Items, Para, Report
from .review import MISSING, ReviewItem, missing_items, warning_items
from .sheet_budget import LABEL as BUDGET_LABEL
from .sheet_budget import budget_sheet
from .sheet_districts import district_sheet
from .sheet_indicators import LABEL as INDICATOR_LABEL
from .sheet_indicators import SHARED_TEXT_KEYS, indicator_sheet
from .table import Table


class _Draft:
    """Collects the blocks, and what is still to be written for 审核提示."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.missing: list[tuple[str, str]] = []

    def heading(self, level: int, text: str) -> None:
        self.blocks.append(Heading(level, text))

    def para(self, text: str) -> None:
        self.blocks.append(Para(text))

    def lack(self, where: str, message: str = MISSING) -> None:
        self.missing.append((where, message))

    def free_text(self, text: str, where: str) -> None:
        """The user's paragraphs (one per line); when there are none, a note for 审核提示."""
        paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
        if not paragraphs:
            self.lack(where)
        for paragraph in paragraphs:
            self.para(paragraph)


def reference(title: str, label: str) -> str:
    """``详见《…》（附件2附表1）。`` as the seed refers to its appendix forms."""
    return f"详见《{title}》（{label}）。"


def _basics_part(
    d: _Draft,
    project: Project,
    result: ProjectScore,
    summary: GoalSummary,
    tables: tuple[Table, Table, Table],
) -> None:
    b = project.basics
    d.heading(1, "一、专项（项目）基本情况")
    for heading, text in (
        ("（一）专项（项目）背景", b.background),
        ("（二）专项（项目）依据", b.basis),
        ("（三）专项（项目）组织管理", b.organization),
        ("（四）专项（项目）实施内容", b.content),
    ):
        d.heading(2, heading)
        d.free_text(text, f"一{heading}")
    d.heading(2, "（五）专项（项目）资金预算安排及执行情况")
    if project.funds:
        budget = tables[0]
        d.para(say.budget_sentence(b, result.budget.total) + reference(budget.title, BUDGET_LABEL))
    else:
        d.lack("一（五）专项（项目）资金预算安排及执行情况", "附表1 尚无资金行")
    if project.districts:
        d.para(say.district_sentence(b, result.districts, result.budget.total))
        d.blocks.append(Form(tables[2], ""))
    d.heading(2, "（六）专项（项目）绩效目标")
    if b.goals_text.strip():
        d.free_text(b.goals_text, "一（六）专项（项目）绩效目标")
    elif summary.items:
        for kind, _ in summary.by_kind:
            goals = "、".join(say.goal_text(s.goal) for s in summary.items if s.goal.kind == kind)
            d.para(f"{say.KIND_WORDS[kind]}：{goals}。")
    else:
        d.lack("一（六）专项（项目）绩效目标")


def _process_part(d: _Draft, project: Project, result: ProjectScore) -> None:
    b = project.basics
    d.heading(1, "二、评价组织与实施过程")
    d.heading(2, "（一）绩效评价思路")
    d.free_text(b.approach, "二（一）绩效评价思路")
    d.heading(2, "（二）评价的组织与职责分工")
    if b.team_leader.strip():
        d.para(f"成立由{b.team_leader.strip()}任组长的评价工作组，{b.unit}负责组织实施本次自评。")
    d.lack("二（二）评价的组织与职责分工", "尚未写明评价工作组各成员的职责分工")
    d.heading(2, "（三）评价的过程")
    d.lack("二（三）评价的过程")
    d.heading(2, "（四）评价的指标、权重和标准设计")
    d.para(say.design_sentence(result))
    weights = {i.id: i.weight for i in project.indicators}
    for kind, words in say.KIND_WORDS.items():
        linked = [g for g in project.goals if g.kind == kind and g.indicator_id in weights]
        if linked:
            parts = "；".join(
                f"{say.goal_text(g)}、权重 {fmt_plain(weights[g.indicator_id or ''])}"
                for g in linked
            )
            d.para(f"{words}：{parts}。")
    readings = say.readings_sentence(result)
    if readings:
        d.para(readings)


def _result_part(
    d: _Draft, project: Project, result: ProjectScore, summary: GoalSummary, indicators: Table
) -> None:
    b = project.basics
    d.heading(1, "三、评价结果及主要绩效指标状况")
    if summary.items:
        d.para(say.goals_sentence(b, summary))
        if summary.missed:
            d.para("未完成的绩效目标：")
            d.blocks.append(Items(tuple(say.missed_goal_line(s) for s in summary.missed)))
    else:
        d.lack(
            "三、评价结果及主要绩效指标状况",
            "尚未填写绩效目标及其对应的附表2 指标，无法统计绩效目标完成情况",
        )
    d.para(say.score_sentence(b, result) + reference(indicators.title, INDICATOR_LABEL))
    pairs = result.deductions_by_size()
    if not pairs:
        d.para("各项指标均未扣分。")
        return
    d.para(f"扣分情况（共 {len(pairs)} 项，按扣分从多到少排列）：")
    rows = tuple(
        (
            str(n),
            "／".join(item.levels[1:] or item.levels),
            fmt2(item.weight),
            fmt2(item.score),
            fmt2(deduction.points),
            deduction.reason,
        )
        for n, (item, deduction) in enumerate(pairs, start=1)
    )
    headers = ("序号", "指标", "权重", "评分", "扣分", "扣分原因")
    d.blocks.append(Grid(headers, rows, (True, False, True, True, True, False)))


def build_report(
    project: Project,
    result: ProjectScore,
    warnings: list[DataWarning],
    tables: tuple[Table, Table, Table] | None = None,
) -> Report:
    """The report; ``tables``: the appendix tables when the caller has built them already."""
    b = project.basics
    if tables is None:  # each table is built once, for the text and the appendix alike
        tables = (
            budget_sheet(project, result),
            indicator_sheet(project, result),
            district_sheet(project, result),
        )
    budget, indicators = tables[0], tables[1]
    summary = goal_summary(project)
    d = _Draft()
    d.para(
        f"为加强{b.name}资金绩效管理，按照《{result.ruleset.name}》的要求，本着“实事求是、客观公正、"
        f"科学合理、绩效导向”的原则，对{b.name}资金使用管理及取得的绩效情况进行全面综合评价，"
        "形成本自评报告。"
    )
    _basics_part(d, project, result, summary, tables)
    _process_part(d, project, result)
    _result_part(d, project, result, summary, indicators)
    d.heading(1, "四、主要成效")
    d.free_text(b.achievements, "四、主要成效")
    d.heading(1, "五、主要问题")
    d.free_text(b.problems, "五、主要问题")
    d.heading(1, "六、相关建议")
    d.free_text(b.suggestions, "六、相关建议")

    appendix = (
        Form(budget, f"{BUDGET_LABEL}　{budget.title}"),
        Form(indicators, f"{INDICATOR_LABEL}　{indicators.title}", brief=SHARED_TEXT_KEYS),
    )
    listing = (
        f"附件2附表：1. {budget.title}",
        f"　　　　　 2. {indicators.title}",
    )
    review: list[ReviewItem] = [*warning_items(warnings), *missing_items(d.missing)]
    return Report(
        title=f"{b.name}资金绩效评价报告",
        body=tuple(d.blocks),
        appendix=appendix,
        appendix_list=listing,
        review=tuple(review),
        unit=b.unit,
    )


def markdown_report(project: Project, result: ProjectScore, warnings: list[DataWarning]) -> str:
    from .report_md import render_markdown

    return render_markdown(build_report(project, result, warnings))
