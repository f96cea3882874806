"""Hostile workbooks on import (cases 6 and 15): a blank budget cell or a formula saved without its
result is named by sheet and cell, never read as 0; hostile texts typed in Excel meet the text gate;
the workbook is never changed and no project file is half-written."""

from __future__ import annotations

import openpyxl
import pytest
from export_helpers import BUDGET, DISTRICTS, export_xlsx, row_by_key
from hostile_helpers import WUXI, run

from perfeval_tui.project.storage import load_project


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    return export_xlsx(load_project(WUXI), tmp_path_factory.mktemp("export"))


def _edited(exported, tmp_path, sheet, key, header, value):
    wb = openpyxl.load_workbook(exported)
    ws = wb[sheet]
    column = next(c for c in range(1, ws.max_column + 1) if _header(ws, c).startswith(header))
    cell = ws.cell(row_by_key(ws, key), column)
    cell.value = value
    out = tmp_path / "edited.xlsx"
    wb.save(out)
    return out, cell.coordinate


def _header(ws, column):
    for row in range(1, 10):
        value = ws.cell(row, column).value
        if isinstance(value, str) and value.replace("\n", "") in HEADERS:
            return value.replace("\n", "")
    return ""


HEADERS = {
    "预算安排数（万元）",
    "预算调增数（万元）",
    "实际支出数（万元）",
    "实际到位资金（万元）",
    "资金下达数（万元）",
    "备注",
}


def _refused(capsys, tmp_path, workbook, *places):
    before = workbook.read_bytes()
    target = tmp_path / "out.json"
    code, out, err = run(capsys, "import", str(workbook), "-o", str(target))
    assert "Traceback" not in out + err and "程序内部出错" not in err, err
    assert code == 2, (code, out, err)
    for place in places:
        assert place in err, (place, err)
    assert workbook.read_bytes() == before
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [workbook.name]
    return err


CELLS = [
    (BUDGET, "fund:fund-1", "预算安排数"),
    (BUDGET, "fund:fund-1", "实际支出数"),
    (BUDGET, "fund:fund-1", "预算调增数"),
    (BUDGET, "fund:fund-1", "实际到位资金"),
    (DISTRICTS, "district:liangxi", "资金下达数"),
    (DISTRICTS, "district:binhu", "实际支出数"),
]


@pytest.mark.parametrize(
    "value", [None, "", "  ", "=SUM(C1:C2)"], ids=["none", "empty", "blank", "formula"]
)
@pytest.mark.parametrize(
    ("sheet", "key", "header"), CELLS, ids=[f"{s[:3]}-{h}" for s, _, h in CELLS]
)
def test_a_blank_or_uncomputed_money_cell_is_named_never_zero(
    exported, tmp_path, capsys, sheet, key, header, value
):
    """A formula written by openpyxl has no cached result, like one from a generator script."""
    workbook, coordinate = _edited(exported, tmp_path, sheet, key, header, value)
    _refused(capsys, tmp_path, workbook, f"工作表「{sheet}」", coordinate, header)


@pytest.mark.parametrize(
    ("text", "shown"),
    [("\u202e", "U+202E"), ("\u2066", "U+2066"), ("\u200f", "U+200F"), ("\ufdd0", "U+FDD0")],
    ids=["rlo", "lri", "rlm", "nonchar"],
)
def test_hostile_text_typed_in_the_workbook_meets_the_gate(exported, tmp_path, capsys, text, shown):
    workbook, _ = _edited(exported, tmp_path, BUDGET, "fund:fund-1", "备注", f"备注{text}")
    _refused(capsys, tmp_path, workbook, "附表1", "备注", shown)
