"""公文 typography for the Word report: fonts, sizes, fixed line spacing, pages and page numbers.

GB/T 9704 style: title in 方正小标宋简体 二号 (黑体 where it is missing), 一级 headings 黑体 三号,
二级 headings 楷体 三号, body 仿宋 三号 at a fixed 28 pt line, page numbers centred at the foot.
python-docx is imported by the caller (:mod:`.report_docx`) only when a report is written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

if TYPE_CHECKING:
    from docx.document import Document
    from docx.section import Section
    from docx.styles.style import ParagraphStyle
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

TITLE_FONT = "方正小标宋简体"
TITLE_FALLBACK = "黑体"
HEADING1_FONT = "黑体"
HEADING2_FONT = "楷体"
BODY_FONT = "仿宋"
TABLE_FONT = "宋体"
LATIN_FONT = "Times New Roman"

SIZE_2 = Pt(22)  # 二号
SIZE_3 = Pt(16)  # 三号
SIZE_4 = Pt(14)  # 四号
SIZE_5 = Pt(10.5)  # 五号
SIZE_TABLE = Pt(9)  # 小五 (9 pt) in the wide appendix forms
LINE = Pt(28)  # fixed line: 22 lines on an A4 page, as 公文 sets them
TABLE_LINE = Pt(12)

A4_SHORT, A4_LONG = Cm(21), Cm(29.7)


def set_fonts(element: object, east_asian: str, latin: str = LATIN_FONT) -> None:
    """Name the fonts of a style or run for CJK and Latin text, dropping theme fonts."""
    rpr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:cs"), latin)


def _style(
    style: ParagraphStyle, font: str, size: Pt, *, bold: bool = False, indent: bool = False
) -> None:
    set_fonts(style.element, font)
    style.font.size = size
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = None
    fmt = style.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.first_line_indent = Pt(size.pt * 2) if indent else Pt(0)
    fmt.keep_with_next = not indent


def set_up_styles(doc: Document) -> None:
    styles = doc.styles
    _style(styles["Normal"], BODY_FONT, SIZE_3, indent=True)
    _style(styles["Title"], TITLE_FONT, SIZE_2)
    styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    styles["Title"].paragraph_format.space_after = LINE
    # The title's own style has a border and theme colours; plain text is what 公文 wants.
    ppr = styles["Title"].element.pPr
    if ppr is not None:
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)
    _style(styles["Heading 1"], HEADING1_FONT, SIZE_3, indent=True)
    _style(styles["Heading 2"], HEADING2_FONT, SIZE_3, indent=True)
    for name in ("Heading 1", "Heading 2"):
        styles[name].paragraph_format.keep_with_next = True


FORM_TEXT = "Form Text"  # 宋体 小五, the cells of the landscape forms
TABLE_TEXT = "Table Text"  # 仿宋 五号, the tables inside the body


def _cell_style(doc: Document, name: str, font: str, size: Pt) -> None:
    """A paragraph style for table cells: set once, so each cell needs no formatting of its own."""
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    set_fonts(style.element, font)
    style.font.size = size
    fmt = style.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.first_line_indent = Pt(0)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.keep_with_next = False


def set_up_table_styles(doc: Document) -> None:
    _cell_style(doc, FORM_TEXT, TABLE_FONT, SIZE_TABLE)
    _cell_style(doc, TABLE_TEXT, BODY_FONT, SIZE_5)


def page_setup(section: Section, *, landscape: bool) -> None:
    """A4; portrait with 公文 margins, or landscape with narrow margins for the forms."""
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = A4_LONG, A4_SHORT
        section.top_margin = section.bottom_margin = Cm(2)
        section.left_margin = section.right_margin = Cm(1.8)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = A4_SHORT, A4_LONG
        section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
        section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    section.footer_distance = Cm(2.0 if not landscape else 1.0)


def page_number_footer(section: Section) -> None:
    """``— 1 —`` centred at the foot of every page, in 宋体 四号."""
    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Pt(0)
    run_text(paragraph, "— ", TABLE_FONT, SIZE_4)
    run = run_text(paragraph, "", TABLE_FONT, SIZE_4)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    inner = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    inner.append(text)
    field.append(inner)
    run._r.addnext(field)
    tail = paragraph.add_run(" —")
    set_fonts(tail._r, TABLE_FONT)
    tail.font.size = SIZE_4


def run_text(paragraph: Paragraph, text: str, font: str, size: Pt, bold: bool = False) -> Run:
    run = paragraph.add_run(text)
    set_fonts(run._r, font)
    run.font.size = size
    run.font.bold = bold
    return run


def set_properties(doc: Document, title: str, unit: str) -> None:
    props = doc.core_properties
    props.title = title
    props.author = unit
    props.last_modified_by = unit
    props.subject = "绩效自评报告"
    props.comments = ""
