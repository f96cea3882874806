"""The report blocks as Markdown: the same words and numbers as the Word report."""

from __future__ import annotations

from .md_tables import escape, markdown_table
from .report_blocks import Block, Form, Grid, Heading, Items, Para, Report
from .review import REVIEW_NOTE, REVIEW_TITLE

BRIEF_NOTE = "（指标解释、评分标准见附表 xlsx 和 Word 报告中的{label}。）"


def _grid(grid: Grid) -> list[str]:
    aligns = ["---:" if n else "---" for n in grid.numeric]
    lines = ["| " + " | ".join(grid.headers) + " |", "| " + " | ".join(aligns) + " |"]
    lines += ["| " + " | ".join(escape(c) for c in row) + " |" for row in grid.rows]
    return lines


def _form(form: Form) -> list[str]:
    table = form.table
    if not form.heading:  # a table inside the body: the rows only
        return markdown_table(table)[2:-2]
    lines = [f"### {form.heading}", "", *markdown_table(table, form.brief)]
    if table.notes:
        lines += ["", "说明：", ""]
        lines += [f"{note}" + "  " for note in table.notes[:-1]] + [table.notes[-1]]
    if form.brief:
        lines += ["", BRIEF_NOTE.format(label=table.label)]
    return lines


def _block(block: Block) -> list[str]:
    if isinstance(block, Heading):
        return [f"{'#' * (block.level + 1)} {block.text}"]
    if isinstance(block, Para):
        return [block.text]
    if isinstance(block, Items):
        return [f"- {line}" for line in block.lines]
    if isinstance(block, Grid):
        return _grid(block)
    return _form(block)


def render_markdown(report: Report) -> str:
    lines = [f"# {report.title}", ""]
    for block in report.body:
        lines += [*_block(block), ""]
    lines += ["  \n".join(report.appendix_list), ""]
    for form in report.appendix:
        lines += [*_form(form), ""]
    lines += ["---", "", f"## {REVIEW_TITLE}", "", REVIEW_NOTE, ""]
    if report.review:
        lines += [
            f"{n}. 【{item.kind}】{item.where}：{item.message}"
            for n, item in enumerate(report.review, start=1)
        ]
    else:
        lines += ["数据核对未发现问题，报告各部分均已填写。"]
    return "\n".join(lines).rstrip("\n") + "\n"
