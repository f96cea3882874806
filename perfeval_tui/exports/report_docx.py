"""The report blocks as a Word document (python-docx): 公文 style body, the forms in a landscape
section with real merged cells, and 审核提示 on pages of its own after the report.

Imported only when a .docx is written, so python-docx is never loaded at start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell

from .docx_style import (
    FORM_TEXT,
    HEADING1_FONT,
    SIZE_3,
    SIZE_TABLE,
    TABLE_FONT,
    TABLE_TEXT,
    TITLE_FONT,
    page_number_footer,
    page_setup,
    run_text,
    set_properties,
    set_up_styles,
    set_up_table_styles,
)
from .md_tables import plain_text
from .print_layout import PAD, column_widths, header_lines
from .report_blocks import Block, Form, Grid, Heading, Items, Para, Report
from .review import REVIEW_NOTE, REVIEW_TITLE
from .table import CLOSING_LABELS, Table

if TYPE_CHECKING:
    from docx.document import Document as DocumentType
    from docx.shared import Length
    from docx.styles.style import ParagraphStyle
    from docx.text.paragraph import Paragraph

PORTRAIT_TEXT = 15.6  # cm between the 公文 margins
LANDSCAPE_TEXT = 26.1
TITLE_LINE = 20  # characters of 二号 text on a line between the 公文 margins
NUMERIC = ("money", "rate", "score", "value")
CELL_MARGINS = 0.45  # cm: Word's default left and right cell margins, and a little air


_ALIGN = {"right": WD_ALIGN_PARAGRAPH.RIGHT, "center": WD_ALIGN_PARAGRAPH.CENTER}


def _fill(cell: _Cell, text: str, style: ParagraphStyle, *, bold: bool, align: str) -> None:
    """The cell's text, one paragraph per line, in the table's paragraph style."""
    for n, line in enumerate(text.split("\n")):
        paragraph: Paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        # By id: assigning the style object looks it up among all the document's styles.
        paragraph._p.style = style.style_id
        paragraph.alignment = _ALIGN.get(align, WD_ALIGN_PARAGRAPH.LEFT)
        if line:
            run = paragraph.add_run(line)
            if bold:
                run.bold = True


def _row_flag(row_element: object, flag_name: str) -> None:
    trpr = row_element.get_or_add_trPr()  # type: ignore[attr-defined]
    flag = OxmlElement(flag_name)
    flag.set(qn("w:val"), "true")
    trpr.append(flag)


def _new_table(
    doc: DocumentType, rows: int, widths: list[float], text_cm: float
) -> tuple[DocxTable, list[list[_Cell]]]:
    """An empty table and its cells by row and column.

    The cells are taken from the XML rows directly: python-docx's ``row.cells`` rebuilds the
    whole table's grid on every call, which is quadratic on a 2,000-row form.
    """
    table = doc.add_table(rows=rows, cols=len(widths))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    total = sum(widths)
    lengths = [Cm(text_cm * width / total) for width in widths]
    for column, length in zip(table.columns, lengths, strict=True):
        column.width = length
    grid = [[_Cell(tc, table) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]
    for row in grid:  # Word reads each cell's own width
        for cell, length in zip(row, lengths, strict=True):
            cell.width = length
    trs = table._tbl.tr_lst
    _row_flag(trs[0], "w:tblHeader")  # the header row repeats on every page
    for tr in trs:
        _row_flag(tr, "w:cantSplit")  # a row is never cut across a page break
    return table, grid


def fitted_widths(form: Table, text_cm: float, size_pt: float) -> list[float]:
    """Column widths in cm: numbers and short labels get what they print as (cell margins
    included), the columns of wrapped text share the rest in proportion."""
    unit_cm = size_pt / 2 / 72 * 2.54  # a half-width character
    units = column_widths(form)
    need = [u * unit_cm + CELL_MARGINS for u in units]
    flexible = [c.wrap and c.kind in ("text", "center") for c in form.columns]
    fixed = sum(n for n, f in zip(need, flexible, strict=True) if not f)
    rest = max(text_cm - fixed, 1.0)
    wrapped = sum(n for n, f in zip(need, flexible, strict=True) if f) or 1.0
    return [n * rest / wrapped if f else n for n, f in zip(need, flexible, strict=True)]


def _form_table(doc: DocumentType, form: Table, text_cm: float, style_name: str) -> None:
    """The form's rows with its merges as real merged cells (一级/二级, shared texts, 合计)."""
    columns = form.columns
    position = {c.key: n for n, c in enumerate(columns)}
    style = doc.styles[style_name]
    size = style.font.size or SIZE_TABLE
    widths = fitted_widths(form, text_cm, size.pt)
    table, grid = _new_table(doc, len(form.rows) + 1, widths, sum(widths))
    unit_cm = size.pt / 2 / 72 * 2.54
    header_cells = grid[0]
    for n, column in enumerate(columns):
        room = (widths[n] - CELL_MARGINS) / unit_cm + PAD  # header_lines keeps PAD clear
        header = "\n".join(header_lines(column.header, room))
        _fill(header_cells[n], header, style, bold=True, align="center")
    covered = {(r, m.column) for m in form.merges for r in range(m.first + 1, m.last + 1)}
    for r, row in enumerate(form.rows, start=1):
        row_cells = grid[r]
        for n, column in enumerate(columns):
            if (r - 1, column.key) in covered:
                continue
            value = row.cells.get(column.key)
            text = plain_text(value, column.kind)
            align = "right" if column.kind in NUMERIC and not isinstance(value, str) else "left"
            if column.kind in ("center", "index") or (column.kind in NUMERIC and align == "left"):
                align = "center"
            _fill(row_cells[n], text, style, bold=row.kind != "data", align=align)
    # Vertical merges first, on the cells as built (table.cell() walks the whole table each time);
    # the few horizontal spans (合计, section rows) after.
    for merge in form.merges:
        at = position[merge.column]
        grid[merge.first + 1][at].merge(grid[merge.last + 1][at])
    for r, row in enumerate(form.rows, start=1):
        for first, last in row.spans.items():
            grid[r][position[first]].merge(grid[r][position[last]])


def _plain(doc: DocumentType, text: str, font: str, size: Length, **kw: object) -> Paragraph:
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.first_line_indent = Pt(0)
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    if kw.get("center"):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run_text(paragraph, text, font, size, bool(kw.get("bold")))  # type: ignore[arg-type]
    return paragraph


def _appendix_form(doc: DocumentType, form: Form) -> None:
    table = form.table
    _plain(doc, table.label, HEADING1_FONT, SIZE_3)
    _plain(doc, table.title, TITLE_FONT, Pt(18), center=True)
    _plain(doc, table.unit_line, TABLE_FONT, Pt(12))
    _form_table(doc, table, LANDSCAPE_TEXT, FORM_TEXT)
    closing = (table.closing.preparer, table.closing.date, table.closing.phone)
    line = "　　　　".join(f"{k}{v}" for k, v in zip(CLOSING_LABELS, closing, strict=True))
    _plain(doc, line, TABLE_FONT, Pt(10.5))
    for n, note in enumerate(table.notes):
        _plain(doc, ("说明：" if n == 0 else "　　　") + note, TABLE_FONT, SIZE_TABLE)


def _grid(doc: DocumentType, grid: Grid) -> None:
    widths = [3.0, 14.0, 5.0, 5.0, 5.0, 22.0][: len(grid.headers)]
    _, cells = _new_table(doc, len(grid.rows) + 1, widths, PORTRAIT_TEXT)
    style = doc.styles[TABLE_TEXT]
    for n, header in enumerate(grid.headers):
        _fill(cells[0][n], header, style, bold=True, align="center")
    for r, values in enumerate(grid.rows, start=1):
        for n, text in enumerate(values):
            align = "right" if grid.numeric[n] else "left"
            _fill(cells[r][n], text, style, bold=False, align=align)


def _block(doc: DocumentType, block: Block) -> None:
    if isinstance(block, Heading):
        doc.add_paragraph(block.text, style=f"Heading {block.level}")
    elif isinstance(block, Para):
        doc.add_paragraph(block.text)
    elif isinstance(block, Items):
        for n, line in enumerate(block.lines, start=1):
            doc.add_paragraph(f"{n}. {line}")
    elif isinstance(block, Grid):
        _grid(doc, block)
    else:
        _form_table(doc, block.table, PORTRAIT_TEXT, TABLE_TEXT)


def build_docx(report: Report) -> DocumentType:
    doc = Document()
    set_up_styles(doc)
    set_up_table_styles(doc)
    set_properties(doc, report.title, report.unit)
    first = doc.sections[0]
    page_setup(first, landscape=False)
    page_number_footer(first)
    title = doc.add_paragraph(style="Title")
    name, sep, kind = report.title.rpartition("资金绩效评价报告")
    if sep and len(report.title) > TITLE_LINE:  # break before 资金绩效评价报告, not mid-word
        title.add_run(name).add_break()
        title.add_run(sep)
    else:
        title.add_run(report.title)
    for block in report.body:
        _block(doc, block)
    for line in report.appendix_list:
        paragraph = doc.add_paragraph(line.strip("　 "))
        paragraph.paragraph_format.first_line_indent = Pt(0)
        if line.startswith("　"):
            paragraph.paragraph_format.left_indent = Pt(16 * 5)
    for form in report.appendix:
        page_setup(doc.add_section(WD_SECTION.NEW_PAGE), landscape=True)
        _appendix_form(doc, form)
    page_setup(doc.add_section(WD_SECTION.NEW_PAGE), landscape=False)
    doc.add_paragraph(REVIEW_TITLE, style="Heading 1")
    doc.add_paragraph(REVIEW_NOTE)
    lines = [f"{n}. 【{i.kind}】{i.where}：{i.message}" for n, i in enumerate(report.review, 1)]
    for line in lines or ["数据核对未发现问题，报告各部分均已填写。"]:
        doc.add_paragraph(line)
    return doc


def write_docx(report: Report, path: Path) -> None:
    build_docx(report).save(str(path))
