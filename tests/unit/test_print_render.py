"""The workbook as printed: both demos rendered by LibreOffice to PDF and read back with pdftotext.

Needs LibreOffice and poppler-utils, and the fonts that scripts/fonts.conf maps 宋体 and 黑体 to
(`.ci/run` installs them). The render uses those fonts, which have 宋体's metrics, so pages break
where Excel and WPS break them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from builders import COUNTY, ROOT, WUXI
from export_helpers import export_xlsx

from perfeval_tui.exports.print_layout import lay_out
from perfeval_tui.exports.review import REVIEW_TITLE
from perfeval_tui.exports.workbook import appendix_tables
from perfeval_tui.project.storage import load_project
from perfeval_tui.scoring.engine import score_project


def _fonts_present() -> bool:
    if not shutil.which("fc-list"):
        return False
    found = subprocess.run(["fc-list"], capture_output=True, text=True).stdout
    return "AR PL UMing" in found


pytestmark = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext") and _fonts_present()),
    reason="needs LibreOffice, poppler-utils and fonts-arphic-uming (installed by .ci/run)",
)

FOOTER = re.compile(r"第(\d+)页共(\d+)页")
WORD = re.compile(
    r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>'
)


@dataclass
class Page:
    text: str  # all white space removed
    heights: list[tuple[float, float, str]]  # (top, height, word) of every word


def squash(text: str) -> str:
    return "".join(text.split())


def render(xlsx: Path, out: Path) -> Path:
    env = {**os.environ, "FONTCONFIG_FILE": str(ROOT / "scripts" / "fonts.conf")}
    profile = out / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(xlsx),
        ],
        check=True,
        capture_output=True,
        env=env,
        timeout=300,
    )
    return out / (xlsx.stem + ".pdf")


def read_pages(pdf: Path) -> list[Page]:
    raw = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    boxes = bbox.split("<page ")[1:]
    texts = raw.split("\f")[: len(boxes)]
    pages = []
    for text, box in zip(texts, boxes, strict=True):
        words = [(float(a), float(b) - float(a), w) for a, b, w in WORD.findall(box)]
        pages.append(Page(squash(text), words))
    return pages


@pytest.fixture(scope="module", params=[WUXI, COUNTY], ids=["wuxi", "county"])
def printed(request, tmp_path_factory):
    project = load_project(request.param)
    folder = tmp_path_factory.mktemp("render")
    pdf = render(export_xlsx(project, folder), folder)
    tables = appendix_tables(project, score_project(project))
    return project, tables, read_pages(pdf)


def forms(pages: list[Page]) -> list[list[Page]]:
    """The pages grouped by form: each form's page numbers start again at 1."""
    groups: list[list[Page]] = []
    for page in pages:
        found = FOOTER.search(page.text) or re.search(REVIEW_TITLE + r"第(\d+)页", page.text)
        assert found, page.text[-80:]
        if found.group(1) == "1":
            groups.append([])
        groups[-1].append(page)
    return groups


def test_nothing_prints_as_hashes(printed):
    _, _, pages = printed
    assert pages and not any("###" in p.text for p in pages)


def test_each_form_numbers_its_own_pages_and_states_its_own_count(printed):
    _, tables, pages = printed
    groups = forms(pages)
    assert len(groups) == len(tables) + 1  # the three forms, then 审核提示
    for table, group in zip(tables, groups, strict=False):
        expected = lay_out(table).pages
        assert len(group) == expected, table.sheet
        for number, page in enumerate(group, start=1):
            assert FOOTER.search(page.text).groups() == (str(number), str(expected))
        assert squash(table.title) in group[0].text


def test_every_page_names_the_levels_of_its_rows(printed):
    _, tables, pages = printed
    indicators = tables[1]
    layout = lay_out(indicators)
    group = forms(pages)[1]
    starts = [0, *layout.breaks, len(layout.heights)]
    level_keys = [c.key for c in indicators.columns if re.fullmatch(r"l\d", c.key)]
    checked = 0
    for page, first, last in zip(group, starts, starts[1:], strict=False):
        for row in indicators.rows[first:last]:
            if row.kind != "data":
                continue
            for key in level_keys:  # 一级, 二级 … and the indicator's own name
                label = row.cells.get(key)
                if isinstance(label, str) and label:
                    assert squash(label) in page.text, (label, first)
                    checked += 1
    assert checked >= 3 * sum(r.kind == "data" for r in indicators.rows) - 1


def test_tool_notes_print_only_on_their_own_sheet(printed):
    _, tables, pages = printed
    groups = forms(pages)
    for group in groups[: len(tables)]:
        for page in group:
            assert "数据核对" not in page.text and "数据检查" not in page.text
    review = "".join(p.text for p in groups[-1])
    assert review.startswith(REVIEW_TITLE)


def test_text_prints_at_least_nine_points(printed):
    _, tables, pages = printed
    for group in forms(pages)[: len(tables)]:
        for page in group:
            footer = [h for top, h, w in page.heights if w.startswith("第")][-1]  # 9 pt
            body = [h for top, h, w in page.heights]
            assert min(body) >= footer - 0.05
