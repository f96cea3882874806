"""Workbooks read once, in read-only mode: the same cells as openpyxl's normal mode, merges
included; a damaged workbook is refused in Chinese and left as it was."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from builders import COUNTY, WUXI
from export_helpers import export_xlsx
from test_form_import import FORMS, as_xlsx

from perfeval_tui.cli import main
from perfeval_tui.exports import form_grid, xlsx_reader
from perfeval_tui.exports.xlsx_book import read_book
from perfeval_tui.project.storage import load_project


def normal_mode(path: Path) -> dict[str, tuple]:
    """What openpyxl's normal mode shows of each sheet: state, size, merges, values, formats."""
    wb = openpyxl.load_workbook(path, data_only=True)
    out = {}
    for ws in wb.worksheets:
        cells = {
            (c.row, c.column): (c.value, c.number_format)
            for row in ws.iter_rows()
            for c in row
            if c.value is not None or c.number_format != "General"
        }
        merges = sorted(
            (r.min_row, r.min_col, r.max_row, r.max_col) for r in ws.merged_cells.ranges
        )
        out[ws.title] = (ws.sheet_state, ws.max_row, ws.max_column, merges, cells)
    return out


def read_only(path: Path) -> dict[str, tuple]:
    book = read_book(path)
    out = {}
    for ws in book.worksheets:
        cells = {
            (r, c): (ws.value(r, c), ws.number_format(r, c))
            for r in range(1, ws.max_row + 1)
            for c in range(1, ws.max_column + 1)
            if ws.value(r, c) is not None or ws.number_format(r, c) != "General"
        }
        merges = sorted((m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged)
        out[ws.title] = (ws.sheet_state, ws.max_row, ws.max_column, merges, cells)
    return out


@pytest.mark.parametrize("source", [WUXI, COUNTY], ids=["seed", "county"])
def test_an_export_reads_as_in_normal_mode_hidden_sheet_and_merges_included(tmp_path, source):
    path = export_xlsx(load_project(source), tmp_path)
    expected = normal_mode(path)
    assert read_only(path) == expected
    assert any(merges for _state, _rows, _cols, merges, _cells in expected.values())
    assert "veryHidden" in {state for state, *_ in expected.values()}


@pytest.mark.parametrize("name", ["01_tianchang_2022", "06_xiaoxian_hexi_2023"])
def test_a_form_with_merged_levels_and_percent_cells_reads_as_in_normal_mode(tmp_path, name):
    path = as_xlsx(FORMS / f"{name}.tsv", tmp_path)
    expected = normal_mode(path)
    (_state, _rows, _cols, merges, cells), *_ = expected.values()
    assert merges and any("%" in fmt for _value, fmt in cells.values())
    assert read_only(path) == expected


def test_a_value_left_in_a_merged_cell_reads_empty_as_in_normal_mode(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["A2"], ws["B1"] = "一级", "二级", "x"
    path = tmp_path / "plain.xlsx"
    wb.save(path)
    merged = tmp_path / "merged.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(merged, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":  # A1:A2 merged, A2 keeping its text
                data = data.replace(
                    b"</sheetData>",
                    b'</sheetData><mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells>',
                )
            out.writestr(item, data)
    assert openpyxl.load_workbook(merged)["Sheet"]["A2"].value is None
    sheet = read_book(merged)["Sheet"]
    assert (sheet.value(1, 1), sheet.value(2, 1), sheet.value(1, 2)) == ("一级", None, "x")
    assert read_only(merged) == normal_mode(merged)


def damaged(tmp_path: Path) -> Path:
    """A workbook whose archive and workbook part are fine but whose 附表2 sheet is cut short:
    read-only mode opens it and fails only when the sheet is read."""
    good = export_xlsx(load_project(WUXI), tmp_path / "good")
    bad = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":
                data = data[: len(data) // 2]
            out.writestr(item, data)
    return bad


@pytest.mark.parametrize("output", [True, False], ids=["to-a-project", "form-check"])
def test_a_damaged_workbook_gets_the_chinese_message_and_is_not_touched(tmp_path, capsys, output):
    path = damaged(tmp_path)
    before, stamp = path.read_bytes(), path.stat().st_mtime_ns
    target = tmp_path / "out.json"
    code = main(["import", str(path), *(["-o", str(target)] if output else [])])
    _out, err = capsys.readouterr()
    assert code == 2, err
    assert "不是有效的 xlsx 工作簿" in err and "Traceback" not in err
    assert path.read_bytes() == before and path.stat().st_mtime_ns == stamp
    assert not target.exists()


def test_the_import_command_reads_the_workbook_once(tmp_path, capsys, monkeypatch):
    path = export_xlsx(load_project(WUXI), tmp_path)
    reads = []
    for module in (xlsx_reader, form_grid):
        monkeypatch.setattr(module, "read_book", lambda p: reads.append(p) or read_book(p))
    code = main(["import", str(path), "-o", str(tmp_path / "back.json")])
    assert code == 0, capsys.readouterr()
    assert reads == [path]
    assert load_project(tmp_path / "back.json") == load_project(WUXI)
