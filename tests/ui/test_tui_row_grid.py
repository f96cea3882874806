"""附表1 (step 2) and the 区县 table (step 3) as grids at 80x24: arrows move between rows, a typed
figure goes through the edit session and moves the derived rate and the score bar, a bad value
gets the Chinese message and changes nothing, Ctrl+N/F8/paste add and remove rows, the warnings of
the row under the cursor are shown under the grid, and a read-only window takes no edit."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from grid_helpers import cell, message, open_grid, row_warnings, until
from textual import events
from tui_helpers import D, copy_project, engine_total, make_app, saved, score_bar, screen_lines

from perfeval_tui.project.lock import LockInfo, lock_path_for
from perfeval_tui.tui.dialogs.confirm import ConfirmDialog
from perfeval_tui.tui.dialogs.paste_preview import PastePreview
from perfeval_tui.tui.screens.grid_step import GridStepScreen
from perfeval_tui.tui.widgets.live import LiveStatic

SIZE = (80, 24)


async def type_in(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    names = {".": "full_stop", "-": "minus"}
    await pilot.press(*[names.get(k, k) for k in keys])


async def test_arrows_move_between_district_rows_in_the_same_column(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "districts")
    async with app.run_test(size=SIZE) as pilot:
        grid = await open_grid(pilot)
        assert (grid.current_id, grid.current_column.key) == ("liangxi", "name")
        await pilot.press("right", "right", "down")
        await until(pilot, lambda: grid.current_id != "liangxi")
        district = app.workspace.project.districts[1]
        assert (grid.current_id, grid.current_column.key) == (district.id, "actual_spend")
        await pilot.press("down")
        await until(pilot, lambda: grid.current_id == "合计")
        await pilot.press("up", "up")
        await until(pilot, lambda: grid.current_id == "liangxi")
        assert grid.current_column.key == "actual_spend"


async def test_arrows_move_between_fund_rows_and_the_total(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "budget")
    async with app.run_test(size=SIZE) as pilot:
        grid = await open_grid(pilot)
        assert (grid.current_id, grid.current_column.key) == ("fund-1", "name")
        await pilot.press("ctrl+n", *"专项二", "enter")
        project = app.workspace.project
        await until(pilot, lambda: len(project.funds) == 2 and app.screen.editing is None)
        second = project.funds[1]
        assert second.name == "专项二"
        # Enter committed the name and stayed on the last fund row (合计 below is computed).
        assert grid.current_id == second.id
        await pilot.press("up")
        await until(pilot, lambda: grid.current_id == "fund-1")
        await pilot.press("down")
        await until(pilot, lambda: grid.current_id == second.id)
        assert grid.current_column.key == "name"


async def test_a_typed_spend_moves_the_execution_rate_and_the_score_bar(tmp_path: Path) -> None:
    path = copy_project(tmp_path)
    app = make_app(path, "budget")
    async with app.run_test(size=SIZE) as pilot:
        grid = await open_grid(pilot)
        project = app.workspace.project
        grid.go_to("fund-1", "actual_spend")
        await type_in(pilot, *"400", "enter")
        await until(pilot, lambda: project.funds[0].actual_spend == D(400))
        assert isinstance(project.funds[0].actual_spend, D)
        await until(pilot, lambda: cell(grid, "fund-1", "execution_rate") == "88.89%")
        assert cell(grid, "合计", "actual_spend") == "400.00"
        assert engine_total(project) == "96.54"
        assert "总分 96.54" in score_bar(app)
        assert "预算执行率（%） −3.06" in score_bar(app)  # the effect of 450 -> 400
        assert saved(path).funds[0].actual_spend == D(400)  # saved on Enter
        totals = app.screen.query_one("#budget-totals", LiveStatic).text
        assert "预算执行率 88.89%" in totals
        # Enter on the last fund row stays there (not onto the computed 合计 row).
        assert (grid.current_id, grid.current_column.key) == ("fund-1", "actual_spend")


async def test_a_bad_amount_gets_the_chinese_message_and_changes_nothing(tmp_path: Path) -> None:
    path = copy_project(tmp_path)
    app = make_app(path, "budget")
    async with app.run_test(size=SIZE) as pilot:
        grid = await open_grid(pilot)
        project = app.workspace.project
        grid.go_to("fund-1", "actual_spend")
        await type_in(pilot, *"400.123", "enter")
        await until(pilot, lambda: "实际支出数" in message(app))
        assert "两位小数" in message(app)
        shown = "".join(line.strip() for line in screen_lines(app))
        assert message(app).replace(" ", "")[-12:] in shown.replace(" ", "")  # not cut off
        assert project.funds[0].actual_spend == D(450)
        assert app.screen.editor.has_focus and app.screen.editing == "actual_spend"
        assert cell(grid, "fund-1", "execution_rate") == "100.00%"
        assert "总分 99.60" in score_bar(app)
        await pilot.press("escape")
        await until(pilot, lambda: app.screen.editing is None)
        assert app.screen.editor.value == "450"  # the edit line shows the model's value again
        assert saved(path).funds[0].actual_spend == D(450)
        # A derived cell and the 合计 row say why they cannot be typed into.
        grid.go_to("fund-1", "execution_rate")
        await type_in(pilot, "9")
        await until(pilot, lambda: "预算执行率" in message(app))
        assert "不能直接修改" in message(app) and app.screen.editing is None


async def test_district_warnings_follow_the_cursor_and_a_bad_value_is_refused(
    tmp_path: Path,
) -> None:
    app = make_app(copy_project(tmp_path), "districts")
    async with app.run_test(size=SIZE) as pilot:
        grid = await open_grid(pilot)
        project = app.workspace.project
        assert "实际支出数 450 万元 大于资金下达数 400 万元" in row_warnings(app)
        assert "500 万元" in row_warnings(app)  # the table's own warning, on every row
        assert cell(grid, "liangxi", "name") == "！梁溪区"
        grid.go_to("liangxi", "actual_spend")
        await type_in(pilot, *"400", "enter")
        await until(pilot, lambda: project.districts[0].actual_spend == D(400))
        await until(pilot, lambda: cell(grid, "合计", "actual_spend") == "450.00")
        grid.go_to("liangxi", "name")
        await until(pilot, lambda: "大于资金下达数" not in row_warnings(app))
        assert "500 万元" not in row_warnings(app)  # 400 + 50 now equals 附表1's 450
        assert cell(grid, "liangxi", "name") == "梁溪区"
        grid.go_to("liangxi", "allocated")
        await type_in(pilot, *"380-", "enter")
        await until(pilot, lambda: "资金下达数" in message(app))
        assert "不是有效数字" in message(app)
        assert project.districts[0].allocated == D(400)


async def test_ctrl_n_adds_a_fund_row_typed_across_and_f8_removes_it(tmp_path: Path) -> None:
    path = copy_project(tmp_path)
    app = make_app(path, "budget")
    async with app.run_test(size=SIZE) as pilot:
        grid = await open_grid(pilot)
        project = app.workspace.project
        # Tab passes over the derived columns (调整后, 调整率): 安排数, 调增数, 调减数, 支出数.
        await pilot.press("ctrl+n", *"专项二", "tab", *"100", "tab", "tab", "tab", *"80", "enter")
        await until(pilot, lambda: len(project.funds) == 2 and project.funds[1].actual_spend)
        added = project.funds[1]
        assert (added.name, added.budget, added.actual_spend) == ("专项二", D(100), D(80))
        assert cell(grid, added.id, "execution_rate") == "80.00%"
        assert cell(grid, "合计", "budget") == "550.00"
        assert saved(path).funds[1].actual_spend == D(80)
        # F8 on the new row asks first; Esc keeps it, y removes it.
        grid.go_to(added.id, "name")
        await pilot.press("f8")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, GridStepScreen))
        assert len(project.funds) == 2
        await pilot.press("f8")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: len(project.funds) == 1)
        await until(pilot, lambda: added.id not in grid.rows)
        assert [f.id for f in saved(path).funds] == ["fund-1"]
        assert "总分 99.60" in score_bar(app)


async def test_rows_pasted_on_the_district_grid_are_added_after_the_preview(
    tmp_path: Path,
) -> None:
    path = copy_project(tmp_path)
    app = make_app(path, "districts")
    async with app.run_test(size=SIZE) as pilot:
        grid = await open_grid(pilot)
        project = app.workspace.project
        grid.post_message(events.Paste("新吴区\t100\t90\r\n锡山区\t20\t20\r\n"))
        await until(pilot, lambda: isinstance(app.screen, PastePreview))
        await pilot.press("enter")
        await until(pilot, lambda: len(project.districts) == 4)
        added = project.districts[2]
        assert (added.name, added.allocated, added.actual_spend) == ("新吴区", D(100), D(90))
        await until(pilot, lambda: added.id in grid.rows)
        assert grid.current_id == added.id  # the cursor on the first pasted row
        assert cell(grid, added.id, "allocated") == "100.00"
        assert [d.name for d in saved(path).districts][-2:] == ["新吴区", "锡山区"]
        # While a cell is edited, a one-line paste goes into the edit line.
        await pilot.press("enter")
        await until(pilot, lambda: app.screen.editing == "name")
        app.screen.editor.post_message(events.Paste("滨"))
        await until(pilot, lambda: "滨" in app.screen.editor.value)
        assert app.screen.editor.value == "新吴区滨", app.screen.editor.value
        assert isinstance(app.screen, GridStepScreen)


async def test_a_whole_fund_row_typed_at_machine_speed_lands_in_its_cells(
    tmp_path: Path,
) -> None:
    """Every key of a new row queued at once (a paste-speed typist, a slow link delivering a
    burst): Ctrl+N, the name, Tab to each amount, Enter; none is lost or lands in another cell."""
    path = copy_project(tmp_path)
    app = make_app(path, "budget")
    async with app.run_test(size=SIZE) as pilot:
        await open_grid(pilot)
        project = app.workspace.project
        keys = ["ctrl+n", *"AB", "tab", *"120", "tab", *"5", "tab", *"1", "tab"]
        keys += [*"100", "tab", *"110", "enter"]
        for key in keys:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await until(pilot, lambda: len(project.funds) == 2 and project.funds[1].funds_arrived)
        row = project.funds[1]
        assert (row.name, row.budget, row.increase, row.decrease) == ("AB", D(120), D(5), D(1))
        assert (row.actual_spend, row.funds_arrived) == (D(100), D(110))
        assert project.funds[0].name.startswith("无锡市")  # the old row untouched
        assert saved(path).funds[1].funds_arrived == D(110)


@pytest.fixture
def holder():  # type: ignore[no-untyped-def]
    """Another live process, standing in for a second user's wizard."""
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield proc
    proc.kill()
    proc.wait()


@pytest.mark.parametrize("step", ["budget", "districts"])
async def test_a_read_only_window_takes_no_edit_in_the_grid(
    tmp_path: Path, holder, step: str
) -> None:
    path = copy_project(tmp_path)
    info = LockInfo("李四", socket.gethostname(), holder.pid, "2024-05-23 09:30:00")
    lock_path_for(path).write_text(info.to_json(), encoding="utf-8")
    before = path.read_bytes()
    app = make_app(path, step)
    async with app.run_test(size=SIZE) as pilot:
        grid = await open_grid(pilot)
        assert app.workspace.read_only
        grid.go_to(grid.current_id or "", "actual_spend")
        await type_in(pilot, "9", "enter", "ctrl+n")
        await until(pilot, lambda: "只读" in message(app))
        assert app.screen.editing is None
        assert app.screen.editor.disabled
        assert len(app.workspace.project.funds) == 1
        assert len(app.workspace.project.districts) == 2
    assert path.read_bytes() == before


async def test_up_and_down_move_between_the_national_block_rows(tmp_path: Path) -> None:
    from test_tui_national_entry import national_file

    app = make_app(national_file(tmp_path), "budget")
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.screen.query("#b-0-spend"))
        app.screen.query_one("#b-0-spend").focus()
        await pilot.press("down", "down")
        await until(pilot, lambda: app.focused is not None and app.focused.id == "b-2-spend")
        await pilot.press("up")
        await until(pilot, lambda: app.focused is not None and app.focused.id == "b-1-spend")
        assert "项目资金" in "\n".join(screen_lines(app))


async def test_a_paste_goes_into_a_field_once_and_rows_never_into_the_field(
    tmp_path: Path,
) -> None:
    """Input's own paste handler runs after a field's (Textual calls each class's handler): a
    line was pasted twice, and pasted rows also put their first line into the field."""
    from tui_helpers import open_indicator

    app = make_app(copy_project(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        field = app.screen.query_one("#basics-team_leader")
        field.focus()
        await pilot.press("end", "ctrl+u")
        field.post_message(events.Paste("王五"))
        await until(pilot, lambda: app.workspace.project.basics.team_leader != "")
        await pilot.pause()
        assert app.workspace.project.basics.team_leader == "王五"
    app = make_app(copy_project(tmp_path), "indicators")
    async with app.run_test(size=SIZE) as pilot:
        form = await open_indicator(pilot, "satisfaction")
        name = form.query_one("#ind-name")
        name.focus()
        name.post_message(events.Paste("门禁\t2\t10\t10\r\n道闸\t2\t10\t10\r\n"))
        await until(pilot, lambda: isinstance(app.screen, PastePreview))
        assert app.workspace.project.indicator("satisfaction").name == "社会满意度（％）"
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, PastePreview))
        assert app.workspace.project.indicator("satisfaction").name == "社会满意度（％）"


@pytest.mark.parametrize("step", ["budget", "districts"])
async def test_the_grid_steps_footer_shows_only_keys_that_work(tmp_path: Path, step: str) -> None:
    app = make_app(copy_project(tmp_path), step)
    async with app.run_test(size=SIZE) as pilot:
        await open_grid(pilot)
        shown = [b for b in app.screen.active_bindings.values() if b.binding.show]
        assert 3 <= len(shown) <= 6
        for active in shown:  # each shown key is allowed here
            action = active.binding.action
            assert app.screen.check_action(action, ()) is not False, action
        footer = screen_lines(app)[-1]
        assert "F7 下一步" in footer and "F1 帮助" in footer
