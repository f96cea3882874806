"""What a clerk new to the grids met at 80x24: a typed character is never dropped without a word,
the edit line names the row and the column, Enter never lands where the cursor cannot be seen,
and the score follows what is typed in a cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from grid_helpers import cell, message, open_grid
from tui_helpers import D, copy_project, make_app, saved, score_bar, wait_for

from perfeval_tui.tui.widgets.field import FieldInput

SIZE = (80, 24)
KEYS = {".": "full_stop", "-": "minus", ",": "comma", " ": "space"}


async def type_in(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*[KEYS.get(c, c) for c in text])


async def test_letters_typed_in_an_amount_cell_are_kept_and_refused_with_the_field_message(
    tmp_path: Path,
) -> None:
    path = copy_project(tmp_path)
    app = make_app(path, "budget")
    async with app.run_test(size=SIZE) as pilot:
        grid = await open_grid(pilot)
        screen = app.screen
        fund = app.workspace.project.funds[0]
        money_hint = "请输入以万元为单位的非负金额"
        for typed in ("abc", "4x50", "4O0"):
            grid.go_to("fund-1", "actual_spend")
            await type_in(pilot, typed)
            await wait_for(pilot, lambda t=typed: screen.editor.value == t, f"{typed} in the line")
            await pilot.press("enter")
            await wait_for(pilot, lambda t=typed: f"「{t}」不是有效数字" in message(app), typed)
            assert "「实际支出数」" in message(app) and money_hint in message(app)
            assert screen.editing == "actual_spend"  # still editing: nothing was committed
            assert fund.actual_spend == D(450)
            assert "总分 99.60" in score_bar(app)
            await pilot.press("escape")
            await wait_for(pilot, lambda: screen.editing is None, "the edit given up")
        assert cell(grid, "fund-1", "actual_spend") == "450.00"
        # An amount cleared: the typed-entry message, not the file wording.
        await pilot.press("enter", "ctrl+u", "enter")
        await wait_for(pilot, lambda: "不能为空" in message(app), "the empty amount refused")
        assert f"「实际支出数」不能为空。{money_hint}" in message(app)
        assert "应为数字" not in message(app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen.editing is None, "the edit given up")
    assert saved(path).funds[0].actual_spend == D(450)


async def test_a_cleared_weight_cell_gets_the_typed_entry_message(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f12")
        grid = await open_grid(pilot)
        grid.go_to("satisfaction", "weight")
        await pilot.press("enter", "ctrl+u", "enter")
        await wait_for(pilot, lambda: "「权重」" in message(app), "the weight refused")
        assert "「权重」不能为空。请输入分数" in message(app)
        assert app.workspace.project.indicator("satisfaction").weight == D(10)


async def test_a_letter_in_a_national_amount_field_is_kept_and_refused(tmp_path: Path) -> None:
    from test_tui_national_entry import national_file

    app = make_app(national_file(tmp_path), "budget")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.screen.query("#b-0-spend"), "the 项目资金 block")
        field = app.screen.query_one("#b-0-spend", FieldInput)
        before = app.workspace.project.budget_block[0].spend
        total = score_bar(app).split()[1]
        field.focus()
        await wait_for(pilot, lambda: app.focused is field, "the amount focused")
        await pilot.press("end", "ctrl+u")
        await type_in(pilot, "4x50")
        await wait_for(pilot, lambda: field.value == "4x50", "4x50 kept as typed")
        error = field.error_label
        assert error is not None
        await wait_for(pilot, lambda: "「4x50」不是有效数字" in error.message, "the message")
        assert "请输入以万元为单位的非负金额" in error.message
        assert field.has_class("-invalid")
        # Not the 4 typed on the way: the amount as it was before the field was entered.
        line = app.workspace.project.budget_block[0]
        assert line.spend == before and "总分 " + total in score_bar(app)


def edit_label(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#grid-label").render())


async def test_the_edit_line_names_the_column_and_row_after_ctrl_n(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f12")
        grid = await open_grid(pilot)
        screen = app.screen
        assert grid.current_column.key == "actual"  # opened on 完成值
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: screen.editing == "name", "the new row's name edited")
        assert edit_label(app) == "新指标 · 名称", edit_label(app)
        await type_in(pilot, "车辆抓拍")
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.editing is None, "the name committed")
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: screen.editing == "name", "the second new row")
        assert edit_label(app) == "新指标 · 名称", edit_label(app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen.editing is None, "the edit given up")
        grid.go_to("satisfaction", "weight")
        await wait_for(pilot, lambda: edit_label(app) == "社会满意度（％） · 权重", "the label")


async def test_the_edit_line_names_the_row_on_the_fund_and_district_grids(
    tmp_path: Path,
) -> None:
    app = make_app(copy_project(tmp_path), "budget")
    async with app.run_test(size=SIZE) as pilot:
        grid = await open_grid(pilot)
        grid.go_to("合计", "actual_spend")
        await wait_for(pilot, lambda: edit_label(app) == "合计 · 实际支出数", "合计's label")
        grid.go_to("fund-1", "budget")
        await wait_for(pilot, lambda: "· 预算安排数" in edit_label(app), "the fund's label")
        assert edit_label(app).startswith("无锡市2020年度")
    app = make_app(copy_project(tmp_path), "districts")
    async with app.run_test(size=SIZE) as pilot:
        grid = await open_grid(pilot)
        grid.go_to("liangxi", "allocated")
        await wait_for(pilot, lambda: edit_label(app) == "梁溪区 · 资金下达数", "the label")


def cell_background(app, grid, row: str, column: str):  # type: ignore[no-untyped-def]
    """The background the user sees under a cell of ``grid`` now (its first character)."""
    index = grid.get_row_index(row)
    y = grid.region.y + 1 + index - int(grid.scroll_y)  # below the header
    x = grid.region.x - int(grid.scroll_x)
    for key in grid.column_keys:
        if key == column:
            break
        x += grid.columns[key].get_render_width(grid)
    x += 1  # the cell's padding
    strip = app.screen._compositor.render_strips()[y]
    at = 0
    for segment in strip:
        if at + segment.cell_length > x:
            return segment.style.bgcolor if segment.style else None
        at += segment.cell_length
    return None


@pytest.mark.parametrize("step", ["budget", "districts"])
async def test_enter_on_the_last_row_stays_off_the_total_and_the_cursor_shows(
    tmp_path: Path, step: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.scrollbar import ScrollBar

    monkeypatch.setattr(ScrollBar, "renderer", ScrollBar.renderer)  # the console's, undone after
    app = make_app(copy_project(tmp_path), step, linux=True)  # TERM=linux: 16 colours
    async with app.run_test(size=SIZE) as pilot:
        grid = await open_grid(pilot)
        screen = app.screen
        rows = getattr(app.workspace.project, "funds" if step == "budget" else "districts")
        last = rows[-1]
        grid.go_to(last.id, "actual_spend")
        await type_in(pilot, "40")
        await pilot.press("enter")
        await wait_for(pilot, lambda: last.actual_spend == D(40), "40 committed")
        await wait_for(pilot, lambda: screen.editing is None, "the edit ended")
        assert (grid.current_id, grid.current_column.key) == (last.id, "actual_spend")
        assert "合计行" not in message(app)
        # The keys now go to the edit line; the grid's cursor still stands out from its row.
        assert app.focused is screen.editor
        here = cell_background(app, grid, last.id, "actual_spend")
        beside = cell_background(app, grid, last.id, "carryover" if step != "budget" else "budget")
        assert here is not None and here != beside, (here, beside)
        # Arrows still reach the 合计 row, and the cursor is seen there too.
        await pilot.press("down")
        await wait_for(pilot, lambda: grid.current_id == "合计", "the 合计 row")
        await wait_for(
            pilot,
            lambda: (
                cell_background(app, grid, "合计", "actual_spend")
                != cell_background(app, grid, "合计", "name")
            ),
            "the cursor on 合计",
        )


async def test_the_score_follows_each_keystroke_in_an_amount_cell(tmp_path: Path) -> None:
    path = copy_project(tmp_path)
    app = make_app(path, "budget")
    async with app.run_test(size=SIZE) as pilot:
        grid = await open_grid(pilot)
        screen = app.screen
        fund = app.workspace.project.funds[0]
        grid.go_to("fund-1", "actual_spend")
        await type_in(pilot, "400")  # no Enter yet
        await wait_for(pilot, lambda: "总分 96.54" in score_bar(app), "the score while typing")
        assert screen.editing == "actual_spend" and fund.actual_spend == D(400)
        assert cell(grid, "fund-1", "execution_rate") == "88.89%"
        # A text that is no amount: the cell holds its value from before the edit, and says why.
        await type_in(pilot, "x")
        await wait_for(pilot, lambda: "总分 99.60" in score_bar(app), "the old value back")
        assert fund.actual_spend == D(450) and "「400x」不是有效数字" in message(app)
        await pilot.press("backspace")
        await wait_for(pilot, lambda: fund.actual_spend == D(400), "400 again")
        assert "不是有效数字" not in message(app)
        # Esc gives up what was typed live as well.
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen.editing is None, "the edit given up")
        assert fund.actual_spend == D(450) and "总分 99.60" in score_bar(app)
        assert cell(grid, "fund-1", "execution_rate") == "100.00%"
        # Enter commits the live value once more, and saves it.
        await type_in(pilot, "400")
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.editing is None, "the edit committed")
        assert fund.actual_spend == D(400) and "总分 96.54" in score_bar(app)
    assert saved(path).funds[0].actual_spend == D(400)


async def test_the_score_follows_each_keystroke_in_the_indicator_table(tmp_path: Path) -> None:
    path = copy_project(tmp_path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f12")
        grid = await open_grid(pilot)
        screen = app.screen
        satisfaction = app.workspace.project.indicator("satisfaction")
        before = satisfaction.model_dump()
        grid.go_to("satisfaction", "actual")
        await type_in(pilot, "88")
        await wait_for(pilot, lambda: cell(grid, "satisfaction", "score") == "8.80", "live score")
        assert screen.editing == "actual" and "总分 98.80" in score_bar(app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen.editing is None, "the edit given up")
        assert satisfaction.model_dump() == before  # the value, its text, its unit as they were
        assert cell(grid, "satisfaction", "score") == "9.60"
        grid.go_to("satisfaction", "weight")
        await type_in(pilot, "8")
        await wait_for(pilot, lambda: satisfaction.weight == D(8), "the weight live")
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.editing is None, "the weight committed")
    assert saved(path).indicator("satisfaction").weight == D(8)


async def test_the_level_column_tells_the_groups_apart_at_80_columns(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f12")
        grid = await open_grid(pilot)
        screen = app.screen
        first: dict[tuple[str, ...], str] = {}  # each group's first row
        for indicator in app.workspace.project.indicators:
            first.setdefault(tuple(indicator.levels[:-1]), indicator.id)
        shown = {path: cell(grid, row, "levels") for path, row in first.items()}
        assert len(set(shown.values())) == len(shown), shown  # no two groups look alike
        for path, text in shown.items():
            assert text.startswith("共/" if path[0] == "共性指标" else "个/"), text
            assert text.endswith(path[-1][:2]) and "…" not in text, text
        target = ("个性指标", "专项总目标", "产出")
        assert shown[target] == "个/专项/产出"
        # The edit line keeps the full path.
        grid.go_to(first[target], "levels")
        await wait_for(
            pilot, lambda: screen.editor.value == "个性指标 / 专项总目标 / 产出", "the full path"
        )


async def test_a_wide_terminal_gives_the_fund_name_the_room_an_empty_remark_leaves(
    tmp_path: Path,
) -> None:
    from tui_helpers import screen_lines

    app = make_app(copy_project(tmp_path), "budget")
    async with app.run_test(size=(200, 50)) as pilot:
        grid = await open_grid(pilot)
        name = app.workspace.project.funds[0].name
        await wait_for(pilot, lambda: grid.widths["name"] > 30, "the name column widened")
        assert grid.widths["remark"] == 4  # no 备注 typed: its least
        row = next(line for line in screen_lines(app) if "450.00" in line)
        assert name[:20] in row, row  # 无锡市2020年度宜居住区老旧小区技防改造
    # At 80 columns the layout is as it was: the amounts first, the name at its least.
    app = make_app(copy_project(tmp_path), "districts")
    async with app.run_test(size=SIZE) as pilot:
        grid = await open_grid(pilot)
        assert (grid.widths["name"], grid.widths["remark"]) == (19, 14)
