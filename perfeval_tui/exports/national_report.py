"""The Markdown report of a national project: the 项目支出绩效自评表 top to bottom.

The same rows as the xlsx sheet (:mod:`.national_layout`), then every deduction and every data
warning with both numbers.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..scoring.checks import DataWarning
from ..scoring.engine import ProjectScore
from ..scoring.model import Project
from ..scoring.numbers import fmt2, fmt_plain
from ..term.render_text import warning_line
from .md_tables import escape
from .national_layout import (
    BUDGET_HEADERS,
    INDICATOR_HEADERS,
    TITLE,
    budget_rows,
    closing_texts,
    header_fields,
    indicator_rows,
    sign_off,
    weight_total,
)


def _table(headers: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + " --- |" * len(headers)]
    lines += ["| " + " | ".join(escape(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def national_markdown(project: Project, result: ProjectScore, warnings: list[DataWarning]) -> str:
    b = project.basics
    lines = [f"# {b.name} {TITLE}（{b.year}年度）", ""]
    lines += _table(("项目", "内容"), [(k, v or "（未填写）") for k, v in header_fields(project)])
    lines += ["## 项目资金（万元）", ""]
    budget = [
        tuple(str(c) for c in (r.name, r.initial, r.budget, r.spend, r.weight, r.rate, r.score))
        for r in budget_rows(project, result)
    ]
    lines += _table(("项目资金", *BUDGET_HEADERS), budget)
    lines += ["## 年度总体目标", ""]
    lines += _table(
        ("预期目标", "实际完成情况"),
        [(b.goals_text or "（未填写）", b.goal_result or "（未填写）")],
    )
    lines += ["## 绩效指标", ""]
    rows = [tuple(str(c) for c in r.cells()) for r in indicator_rows(result)]
    total = ("总分", "", "", "", "", "", fmt_plain(weight_total(result)), fmt2(result.total), "")
    lines += _table(INDICATOR_HEADERS, [*rows, total])
    lines += [f"总分 {fmt2(result.total)}，评价等级：{result.grade}。", ""]
    for label, text in closing_texts(project):
        lines += [f"## {label}", "", text.strip() or "（未填写）", ""]
    losing = [item for item in result.indicators if item.lost > 0]
    if losing:
        lines += ["## 扣分说明", ""]
        for item in losing:
            reasons = "；".join(d.reason for d in item.deductions) or "—"
            lines.append(f"- {item.name}：{fmt2(item.score)}/{fmt2(item.weight)}，{reasons}")
        lines.append("")
    if warnings:
        lines += ["## 数据检查", ""]
        lines += [f"{n}. {warning_line(w)}" for n, w in enumerate(warnings, start=1)] + [""]
    return "\n".join([*lines, sign_off(project), ""])
