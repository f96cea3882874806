"""The report as a Word document: 公文 styles, the same words and numbers as the Markdown, the
forms in landscape with real merged cells, and 审核提示 after the report."""

from __future__ import annotations

import subprocess
import sys

import docx
import pytest
from builders import COUNTY, WUXI
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt

from perfeval_tui.exports import export_project
from perfeval_tui.exports.report import build_report
from perfeval_tui.exports.report_blocks import Para
from perfeval_tui.project.storage import load_project
from perfeval_tui.scoring.checks import check_project
from perfeval_tui.scoring.engine import score_project

PARTS = [
    "一、专项（项目）基本情况",
    "二、评价组织与实施过程",
    "三、评价结果及主要绩效指标状况",
    "四、主要成效",
    "五、主要问题",
    "六、相关建议",
    "审核提示",
]


@pytest.fixture(scope="module")
def wuxi(tmp_path_factory):
    (path,) = export_project(
        load_project(WUXI), tmp_path_factory.mktemp("docx"), xlsx=False, md=False, docx=True
    )
    assert path.name == "无锡市2020年度宜居住区技防改造专项-2020-绩效评价报告.docx"
    return docx.Document(str(path))


def east_asian(style) -> str:
    return style.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))


def texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def test_headings_follow_the_seed_report_and_carry_gongwen_fonts(wuxi):
    title = [p for p in wuxi.paragraphs if p.style.name == "Title"]
    assert [p.text for p in title] == ["无锡市2020年度宜居住区技防改造专项\n资金绩效评价报告"]
    assert [p.text for p in wuxi.paragraphs if p.style.name == "Heading 1"] == PARTS
    seconds = [p.text for p in wuxi.paragraphs if p.style.name == "Heading 2"]
    assert seconds[:2] == ["（一）专项（项目）背景", "（二）专项（项目）依据"]
    assert "（四）评价的指标、权重和标准设计" in seconds
    styles = wuxi.styles
    assert east_asian(styles["Title"]) == "方正小标宋简体"
    assert east_asian(styles["Heading 1"]) == "黑体"
    assert east_asian(styles["Heading 2"]) == "楷体"
    normal = styles["Normal"]
    assert east_asian(normal) == "仿宋" and normal.font.size == Pt(16)  # 三号
    assert normal.paragraph_format.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert normal.paragraph_format.line_spacing == Pt(28)


def test_numbers_match_the_workbook_and_the_seed(wuxi):
    body = "\n".join(texts(wuxi)[: texts(wuxi).index("审核提示")])
    assert "年初预算 450 万元" in body and "全年实际支出 450 万元，预算执行率为 100%" in body
    assert "绩效目标共 7 个，完成绩效目标 7 个，绩效目标完成率 100%" in body
    assert "评分为 99.60 分，评价等级为“优”" in body
    assert "（附件2附表1）" in body and "（附件2附表2）" in body
    assert "实际支出合计 500 万元（附表1 实际支出数合计 450 万元）" in body
    # The warnings are for review, after the report, never in its parts.
    assert "大于资金下达数" not in body and "待填写" not in body
    review = "\n".join(texts(wuxi)[texts(wuxi).index("审核提示") :])
    assert "1. 【数据核对】区县资金分配表「梁溪区」实际支出数" in review
    assert "【待填写】二（三）评价的过程" in review


def test_word_and_markdown_say_the_same(wuxi):
    project = load_project(WUXI)
    report = build_report(project, score_project(project), check_project(project))
    paragraphs = set(texts(wuxi))
    said = [b.text for b in report.body if isinstance(b, Para)]
    assert said and all(text in paragraphs for text in said)


def test_forms_are_landscape_tables_with_real_merged_cells(wuxi):
    sections = wuxi.sections
    assert sections[0].orientation == WD_ORIENT.PORTRAIT
    assert [s.orientation for s in sections[1:3]] == [WD_ORIENT.LANDSCAPE] * 2
    assert all(s.page_width > s.page_height for s in sections[1:3])
    assert sections[-1].orientation == WD_ORIENT.PORTRAIT  # 审核提示
    tables = wuxi.tables
    budget = next(t for t in tables if t.cell(0, 1).text.startswith("专项（项目）资金名称"))
    total = budget.rows[1]
    assert total.cells[0]._tc is total.cells[1]._tc  # 合计 spans 序号 and 名称
    assert [c.text for c in total.cells[2:11:2]] == [
        "450.00",
        "0.00",
        "450.00",
        "100.00%",
        "100.00%",
    ]
    indicators = next(t for t in tables if t.cell(0, 0).text == "一级指标")
    column = [indicators.cell(r, 0) for r in range(len(indicators.rows))]
    decision = [n for n, c in enumerate(column) if c.text == "决策"]
    assert len(decision) == 4 and len({column[n]._tc for n in decision}) == 1  # one merged cell
    last = indicators.rows[-2]  # 总分
    assert last.cells[0].text == "总分" and "99.60" in [c.text for c in last.cells]
    grade = indicators.rows[-1]
    assert "优" in [c.text for c in grade.cells]
    header = indicators.rows[0]._tr.trPr.find(qn("w:tblHeader"))
    assert header is not None  # the header row repeats on every page
    rows = [r._tr.trPr for r in indicators.rows]
    assert all(pr.find(qn("w:cantSplit")) is not None for pr in rows)  # rows are never cut


def test_pages_are_numbered_and_the_file_names_the_unit(wuxi):
    footer = wuxi.sections[0].footer._element.xml
    assert 'w:instr="PAGE"' in footer
    props = wuxi.core_properties
    assert props.author == "无锡市公安局" and "python-docx" not in (props.author or "")
    assert props.title == "无锡市2020年度宜居住区技防改造专项资金绩效评价报告"


def test_county_report_lists_what_is_missing_for_review(tmp_path):
    (path,) = export_project(load_project(COUNTY), tmp_path, xlsx=False, md=False, docx=True)
    lines = texts(docx.Document(str(path)))
    cut = lines.index("审核提示")
    assert not any("待填写" in line for line in lines[:cut])
    assert any("【待填写】四、主要成效" in line for line in lines[cut:])
    assert any("评分为 69.51 分，评价等级为“中”" in line for line in lines[:cut])


def test_cli_export_docx_writes_only_the_word_report(tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "perfeval_tui.cli",
            "export",
            str(WUXI),
            "-o",
            str(tmp_path),
            "--docx",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".docx"]
    assert "已导出" in done.stdout
