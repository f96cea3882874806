"""审核提示: what the clerk should check before submitting, kept apart from the forms and report.

The data warnings and the report parts still to be written go here, never into the tables'
print area or into parts 一 to 六 of the report. The workbook prints them on their own sheet;
the report lists them after its last part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..scoring.checks import DataWarning

REVIEW_TITLE = "审核提示"
REVIEW_NOTE = "以下内容由程序核对生成，供报送前审核，不属于报告正文和附表，请勿随附表报送。"
_MINUS = re.compile(r"(?<![\w.])-(?=\d)")


@dataclass(frozen=True, slots=True)
class ReviewItem:
    kind: str  # 数据核对 / 待填写
    where: str
    message: str


def minus_signs(text: str) -> str:
    """One minus sign throughout: ``-50`` is written ``−50`` as elsewhere in the texts."""
    return _MINUS.sub("−", text)


def warning_items(warnings: list[DataWarning]) -> list[ReviewItem]:
    return [ReviewItem("数据核对", w.where, minus_signs(w.message)) for w in warnings]


MISSING = "尚未填写，报告中此处没有内容"


def missing_items(missing: list[tuple[str, str]]) -> list[ReviewItem]:
    """Parts of the report still to be written: (where, what is missing)."""
    return [ReviewItem("待填写", where, message) for where, message in missing]
