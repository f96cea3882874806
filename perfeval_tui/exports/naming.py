"""Output file names: ``<专项名称>-<年度>-附表.xlsx``, ``…-绩效评价报告.md`` and ``….docx``.

Names are made safe for Windows, macOS and Linux file systems alike, because the files are
usually copied to a Windows desktop to be printed.
"""

from __future__ import annotations

import re
import unicodedata

from ..scoring.model import Project

XLSX_SUFFIX = "附表.xlsx"
MD_SUFFIX = "绩效评价报告.md"
DOCX_SUFFIX = "绩效评价报告.docx"

# Characters no common file system accepts, plus control characters.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$", re.IGNORECASE)
# Most file systems allow 255 bytes per name; leave room for the suffix and a temp-file prefix.
_MAX_STEM_BYTES = 150


def safe_stem(text: str) -> str:
    """``text`` made into a portable file-name stem (never empty)."""
    stem = unicodedata.normalize("NFC", text)
    # Invisible and format characters (U+202E reverses the name on screen, U+FEFF hides) go.
    stem = "".join(
        ch for ch in stem if not unicodedata.category(ch).startswith("C") or ch in "\t\n"
    )
    stem = _UNSAFE.sub("_", stem).strip(" .")
    stem = re.sub(r"\s+", " ", stem)
    while len(stem.encode("utf-8")) > _MAX_STEM_BYTES:
        stem = stem[:-1]
    stem = stem.rstrip(" .")
    if not stem:
        return "专项"
    if _WINDOWS_RESERVED.match(stem):
        return f"_{stem}"
    return stem


def export_stem(project: Project) -> str:
    return f"{safe_stem(project.basics.name)}-{project.basics.year}"


def xlsx_name(project: Project) -> str:
    return f"{export_stem(project)}-{XLSX_SUFFIX}"


def markdown_name(project: Project) -> str:
    return f"{export_stem(project)}-{MD_SUFFIX}"


def docx_name(project: Project) -> str:
    return f"{export_stem(project)}-{DOCX_SUFFIX}"
