"""A typo never costs a value: ``4x50`` typed over 450 leaves 450 in the project, on the score bar
and in the saved file, in a form's field and in a table's cell alike, at 80x24, and whether the
clerk then leaves the field, changes step or quits."""

from __future__ import annotations

from pathlib import Path

from grid_helpers import message, open_grid, until
from tui_helpers import D, copy_project, engine_total, make_app, saved, score_bar, wait_for

from perfeval_tui.project.storage import load_project, save_project
from perfeval_tui.scoring.budget_block import standard_block
from perfeval_tui.tui.widgets.field import FieldInput

SIZE = (80, 24)


def national_with_spend(tmp_path: Path) -> Path:
    """The national test project with 年度资金总额 全年预算数 500 and 全年执行数 450 万元."""
    from test_tui_national_entry import national_file

    path = national_file(tmp_path)
    project = load_project(path)
    project.budget_block = standard_block()
    project.budget_block[0].budget = D(500)
    project.budget_block[0].spend = D(450)
    save_project(project, path)
    return path


async def test_4x50_typed_over_450_in_a_form_field_keeps_450(tmp_path: Path) -> None:
    path = national_with_spend(tmp_path)
    total_450 = engine_total(saved(path))
    app = make_app(path, "budget")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.screen.query("#b-0-spend"), "the 项目资金 block")
        line = app.workspace.project.budget_block[0]
        field = app.screen.query_one("#b-0-spend", FieldInput)
        assert field.value == "450" and f"总分 {total_450}" in score_bar(app)
        field.focus()  # entering the field selects its text: the next key replaces it
        await wait_for(pilot, lambda: app.focused is field, "the amount focused")
        await pilot.press("4")
        # Live: 4 is a value, so the project and the bar follow it.
        await wait_for(pilot, lambda: line.spend == D(4), "4 applied live")
        total_4 = engine_total(app.workspace.project)
        assert total_4 != total_450
        await wait_for(pilot, lambda: f"总分 {total_4}" in score_bar(app), "the bar at 4")
        await pilot.press("x", "5", "0")
        await wait_for(pilot, lambda: field.value == "4x50", "4x50 kept as typed")
        error = field.error_label
        assert error is not None
        await wait_for(pilot, lambda: "「4x50」不是有效数字" in error.message, "the message")
        # Not the 4 typed on the way: 450, as before the field was entered, on the bar too.
        assert line.spend == D(450)
        assert f"总分 {total_450}" in score_bar(app)
        assert engine_total(app.workspace.project) == total_450
        await pilot.press("tab")  # leaving the field saves
        await wait_for(pilot, lambda: app.focused is not field, "the field left")
        assert saved(path).budget_block[0].spend == D(450)
        # The refused text stays in sight with its message, the project keeps 450.
        assert field.value == "4x50" and field.has_class("-invalid")
        assert line.spend == D(450) and f"总分 {total_450}" in score_bar(app)
        # Back in the field and out with Ctrl+Q: still 450 on disk.
        field.focus()
        await wait_for(pilot, lambda: app.focused is field, "the amount focused again")
        await pilot.press("end", "backspace")
        await wait_for(pilot, lambda: field.value == "4x5", "one character less")
        assert line.spend == D(450)
        await pilot.press("ctrl+q")
    assert saved(path).budget_block[0].spend == D(450)


async def test_4x50_typed_over_450_in_a_grid_cell_keeps_450(tmp_path: Path) -> None:
    path = copy_project(tmp_path)
    app = make_app(path, "budget")
    async with app.run_test(size=SIZE) as pilot:
        grid = await open_grid(pilot)
        screen = app.screen
        fund = app.workspace.project.funds[0]
        assert fund.actual_spend == D(450) and "总分 99.60" in score_bar(app)
        grid.go_to("fund-1", "actual_spend")
        await pilot.press("4")  # typing on a cell edits it, the typed key first
        await until(pilot, lambda: fund.actual_spend == D(4))
        total_4 = engine_total(app.workspace.project)
        await until(pilot, lambda: f"总分 {total_4}" in score_bar(app))
        await pilot.press("x", "5", "0")
        await until(pilot, lambda: screen.editor.value == "4x50")
        await until(pilot, lambda: "「4x50」不是有效数字" in message(app))
        assert fund.actual_spend == D(450)
        assert "总分 99.60" in score_bar(app)
        # Leaving the step with the text still refused: 450 saved, never 4.
        await pilot.press("f7")
        await until(pilot, lambda: app.current_mode == "districts")
        assert fund.actual_spend == D(450)
        assert saved(path).funds[0].actual_spend == D(450)
        assert "总分 99.60" in score_bar(app)
        await pilot.press("ctrl+q")
    assert saved(path).funds[0].actual_spend == D(450)


async def test_a_typo_in_the_indicator_form_keeps_the_value_from_before_the_field(
    tmp_path: Path,
) -> None:
    from tui_helpers import open_indicator, retype

    path = copy_project(tmp_path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        project = app.workspace.project
        await open_indicator(pilot, "satisfaction")
        field = await retype(pilot, "ind-actual", "9x0")  # 96 before the field was entered
        await wait_for(pilot, lambda: "不是有效数字" in field.error_label.message, "the message")
        assert project.indicator("satisfaction").actual == D(96)  # not the 9 typed on the way
        assert "总分 99.60" in score_bar(app)
        await pilot.press("escape")  # back to the tree: the field is left
        await wait_for(pilot, lambda: app.focused is not field, "the field left")
        assert saved(path).indicator("satisfaction").actual == D(96)


async def test_a_target_typed_key_by_key_keeps_no_unit_read_on_the_way(tmp_path: Path) -> None:
    from tui_helpers import open_indicator, retype

    path = copy_project(tmp_path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        project = app.workspace.project
        await open_indicator(pilot, "total-cameras")
        item = project.indicator("total-cameras")
        assert (item.target, item.unit) == (D(1304), "路")
        # On the way, ``>=1304.`` reads ``.`` as the unit; the text typed in the end has none.
        field = await retype(pilot, "ind-target", ">=1304.5")
        await wait_for(pilot, lambda: item.target == D("1304.5"), "the target taken")
        assert (item.target_label, item.operator, item.unit) == (">=1304.5", "≥", "路")
        assert not field.has_class("-invalid")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.focused is not field, "the field left")
        assert saved(path).indicator("total-cameras").unit == "路"


async def test_a_target_cell_typed_key_by_key_keeps_no_unit_read_on_the_way(
    tmp_path: Path,
) -> None:
    path = copy_project(tmp_path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f12")
        grid = await open_grid(pilot)
        item = app.workspace.project.indicator("total-cameras")
        grid.go_to("total-cameras", "target")
        await pilot.press("enter", "ctrl+u", *">=1304", "full_stop", "5")
        await until(pilot, lambda: item.target == D("1304.5"))
        assert (item.target_label, item.operator, item.unit) == (">=1304.5", "≥", "路")
        await pilot.press("enter")
        await until(pilot, lambda: app.screen.editing is None)
        assert saved(path).indicator("total-cameras").unit == "路"
