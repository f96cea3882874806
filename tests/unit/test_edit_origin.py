"""While a typed text is no value, the project holds what the edit began with, never a value typed
on the way: the edit session remembers it from ``begin_field`` and puts it back, for the wizard's
workspace (then saved) and for the what-if sandbox alike."""

from __future__ import annotations

import shutil
from pathlib import Path

from builders import WUXI, D

from perfeval_tui.analysis.whatif import Sandbox
from perfeval_tui.project.session import EditSession
from perfeval_tui.project.storage import load_project
from perfeval_tui.project.workspace import open_workspace
from perfeval_tui.scoring.engine import score_project


def test_4x50_typed_over_450_puts_450_back_and_the_saved_file_holds_it(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    shutil.copyfile(WUXI, path)
    ws = open_workspace(path)
    try:
        fund = ws.project.funds[0]
        assert fund.actual_spend == D(450)
        ws.begin_field()
        typed = ["4", "4x", "4x5", "4x50"]
        outcomes = [ws.edit(fund, "actual_spend", text) for text in typed]
        assert [o.ok for o in outcomes] == [True, False, False, False]
        assert fund.actual_spend == D(4)  # the session alone keeps what it last took …
        assert ws.put_back() is not None  # … the edit's start is put back
        assert fund.actual_spend == D(450)
        assert ws.session.result.total == score_project(load_project(WUXI)).total == D("99.60")
        assert ws.put_back() is None  # nothing left to put back
        assert ws.save() is None
        assert load_project(path).funds[0].actual_spend == D(450)
    finally:
        ws.close()


def test_a_new_edit_begins_from_the_value_the_last_one_left() -> None:
    session = EditSession(load_project(WUXI), None, autosave=False)
    fund = session.project.funds[0]
    session.begin_field()
    assert session.set_field(fund, "actual_spend", "400").ok
    session.begin_field()  # the next field: 400 is now what there is to keep
    assert session.set_field(fund, "actual_spend", "4").ok
    assert not session.set_field(fund, "actual_spend", "4x").ok
    session.put_back()
    assert fund.actual_spend == D(400)


def test_without_begin_field_nothing_is_remembered() -> None:
    # Plain mode asks again on a refused value and never applies a part of a text: it begins no
    # edit, and the session keeps no record that could undo an earlier answer.
    session = EditSession(load_project(WUXI), None, autosave=False)
    fund = session.project.funds[0]
    assert session.set_field(fund, "actual_spend", "400").ok
    assert session.put_back() is None
    assert fund.actual_spend == D(400)


def test_a_target_typed_as_written_is_put_back_whole() -> None:
    session = EditSession(load_project(WUXI), None, autosave=False)
    item = session.project.indicator("satisfaction")
    before = (item.target, item.target_label, item.operator, item.direction, item.unit)
    assert before == (D(100), "", None, "正向", "%")
    session.begin_field()
    assert session.set_field(item, "target", "≥9").ok
    assert (item.target, item.target_label, item.operator) == (D(9), "≥9", "≥")
    assert not session.set_field(item, "target", "9x").ok
    session.put_back()
    assert (item.target, item.target_label, item.operator, item.direction, item.unit) == before


def test_a_target_typed_key_by_key_keeps_nothing_of_a_text_on_the_way() -> None:
    session = EditSession(load_project(WUXI), None, autosave=False)
    item = session.project.indicator("goal_rationality")
    assert (item.unit, item.operator, item.target_label) == ("", None, "合理")
    session.begin_field()
    for text in ("≥", "≥9", "≥9.", "≥9.5"):
        assert session.set_field(item, "target", text).ok, text
    # ``≥9.`` read ``.`` as a unit; ``≥9.5`` has none: the unit is the one the edit began with.
    assert (item.target, item.target_label, item.operator, item.unit) == (D("9.5"), "≥9.5", "≥", "")
    assert session.set_field(item, "target", "9.5").ok  # the operator taken off again
    assert (item.target, item.target_label, item.operator, item.direction) == (
        D("9.5"),
        "",
        None,
        "正向",
    )


def test_the_sandbox_puts_back_the_value_from_before_the_field() -> None:
    sandbox = Sandbox(load_project(WUXI))
    fund = sandbox.project.funds[0]
    sandbox.begin_field()
    assert sandbox.set_field(fund, "actual_spend", "4").ok
    assert not sandbox.set_field(fund, "actual_spend", "4x").ok
    assert sandbox.put_back()
    assert fund.actual_spend == D(450)
    assert not sandbox.dirty and sandbox.result.total == D("99.60")


def test_plain_mode_asks_again_and_never_applies_a_part_of_a_bad_answer(tmp_path: Path) -> None:
    import io

    from perfeval_tui.plain.editing import Editor
    from perfeval_tui.plain.prompts import LinePrompter

    path = tmp_path / "p.json"
    shutil.copyfile(WUXI, path)
    session = EditSession(load_project(path), path)
    fund = session.project.funds[0]
    out = io.StringIO()
    # A whole line is one answer: 4x50 is refused and asked again; Enter then keeps 450.
    Editor(session, LinePrompter(io.StringIO("4x50\n\n"), out)).field(fund, "actual_spend")
    assert "「4x50」不是有效数字" in out.getvalue()
    assert out.getvalue().count("实际支出数") >= 2  # asked again
    assert fund.actual_spend == D(450)
    assert load_project(path).funds[0].actual_spend == D(450)
