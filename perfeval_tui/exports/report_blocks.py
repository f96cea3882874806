"""The report as a list of blocks (headings, paragraphs, tables), before any file format.

:mod:`.report` drafts the blocks from the project and the engine's results; :mod:`.report_md`
and :mod:`.report_docx` render the very same blocks, so the Markdown and the Word report never
say different things.
"""

from __future__ import annotations

from dataclasses import dataclass

from .review import ReviewItem
from .table import Table


@dataclass(frozen=True, slots=True)
class Heading:
    level: int  # 1: 一、… 2: （一）…
    text: str


@dataclass(frozen=True, slots=True)
class Para:
    text: str


@dataclass(frozen=True, slots=True)
class Items:
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Grid:
    """A small table in the body (the deductions), every cell already worded."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]  # right-aligned columns


@dataclass(frozen=True, slots=True)
class Form:
    """One of the forms (附表1, 附表2, 区县资金分配表), from the same data as the workbook."""

    table: Table
    heading: str  # e.g. 附件2附表1 …; empty for a table inside the body
    brief: tuple[str, ...] = ()  # columns the Markdown leaves out (long texts)


Block = Heading | Para | Items | Grid | Form


@dataclass(frozen=True, slots=True)
class Report:
    title: str
    body: tuple[Block, ...]  # 前言 and parts 一 to 六
    appendix: tuple[Form, ...]
    appendix_list: tuple[str, ...]  # 附件2附表：1. … 2. …
    review: tuple[ReviewItem, ...]
    unit: str
