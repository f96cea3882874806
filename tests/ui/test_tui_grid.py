"""The indicator table (step 4 as a spreadsheet) at 80x24: move, edit, live score, saving, 层级.

Every cell goes through the edit session; the file on disk is what the table shows.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from grid_helpers import message, until
from tui_helpers import copy_project, engine_total, make_app, saved, score_bar

from perfeval_tui.tui.dialogs.group_picker import GroupPicker
from perfeval_tui.tui.screens.indicator_grid import IndicatorGridScreen
from perfeval_tui.tui.screens.indicators import IndicatorsScreen
from perfeval_tui.tui.widgets.indicator_grid import IndicatorGrid

SIZE = (80, 24)


async def open_grid(pilot) -> IndicatorGrid:  # type: ignore[no-untyped-def]
    await pilot.press("f12")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, IndicatorGridScreen)
    return screen.query_one(IndicatorGrid)


def cell(grid: IndicatorGrid, indicator_id: str, column: str) -> str:
    return str(grid.get_cell(indicator_id, column))


async def test_arrows_move_and_typing_edits_the_cell_through_the_session(tmp_path: Path) -> None:
    path = copy_project(tmp_path)
    app = make_app(path, step="indicators")
    async with app.run_test(size=SIZE) as pilot:
        grid = await open_grid(pilot)
        project = app.workspace.project
        assert grid.row_count == len(project.indicators)
        assert grid.current_id == project.indicators[0].id
        # Down to the last row (社会满意度), right to 完成值: typing replaces the cell.
        assert grid.current_column.key == "actual"  # opened on the indicator's 完成值
        await pilot.press("home")
        assert grid.current_column.key == "levels"
        await pilot.press(*["down"] * (grid.row_count - 1), "right", "right", "right", "right")
        assert grid.current_id == "satisfaction"
        assert grid.current_column.key == "actual"
        await pilot.press("9", "0", "enter")
        await pilot.pause()
        satisfaction = project.indicator("satisfaction")
        assert satisfaction.actual == Decimal(90)
        assert cell(grid, "satisfaction", "score") == "9.00"
        assert score_bar(app).startswith(f"总分 {engine_total(project)}（优）")
        assert engine_total(project) == "99.00"
        assert saved(path).indicator("satisfaction").actual == Decimal(90)  # saved on Enter
        # Enter moved down (the last row stays), the cursor is back on the grid.
        assert grid.current_column.key == "actual" and app.screen.editing is None


async def test_tabs_then_enter_return_to_the_first_column_of_the_next_row(tmp_path: Path) -> None:
    path = copy_project(tmp_path)
    app = make_app(path, step="indicators")
    async with app.run_test(size=SIZE) as pilot:
        grid = await open_grid(pilot)
        project = app.workspace.project
        grid.go_to("face-capture", "weight")
        await pilot.press("3", "tab", "greater_than_sign", "equals_sign", "9", "5")
        await pilot.press("percent_sign", "tab", "9", "6", "enter")
        await pilot.pause()
        face = project.indicator("face-capture")
        assert face.weight == Decimal(3)
        assert face.target == Decimal(95) and face.target_label == ">=95%"
        assert face.operator == "≥" and face.actual == Decimal(96)
        assert cell(grid, "face-capture", "target") == ">=95%"  # as written
        # The next row, in the column where the Tabs started.
        assert grid.current_id == "vehicle-capture" and grid.current_column.key == "weight"
        assert saved(path).indicator("face-capture").operator == "≥"


async def test_a_refused_value_keeps_the_editor_open_with_the_chinese_message(
    tmp_path: Path,
) -> None:
    app = make_app(copy_project(tmp_path), step="indicators")
    async with app.run_test(size=SIZE) as pilot:
        grid = await open_grid(pilot)
        grid.go_to("face-capture", "weight")
        await pilot.press("x", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, IndicatorGridScreen)
        message = str(screen.query_one("#grid-message").render())
        assert "权重" in message
        assert screen.editor.has_focus
        assert app.workspace.project.indicator("face-capture").weight == Decimal(2)
        await pilot.press("escape")
        assert screen.editing is None and grid.current_column.key == "weight"


async def test_level_is_chosen_from_the_groups_or_typed_new(tmp_path: Path) -> None:
    path = copy_project(tmp_path)
    app = make_app(path, step="indicators")
    async with app.run_test(size=SIZE) as pilot:
        grid = await open_grid(pilot)
        project = app.workspace.project
        grid.go_to("wifi-probe", "levels")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GroupPicker)
        # Typed words find the group: 效果 → 个性指标 / 其他绩效评价指标 / 效果.
        await pilot.press("效", "果", "enter")
        await pilot.pause()
        wifi = project.indicator("wifi-probe")
        assert wifi.levels == ["个性指标", "其他绩效评价指标", "效果", "WIFI探针（%）"]
        assert saved(path).indicator("wifi-probe").levels == wifi.levels
        assert grid.current_id == "wifi-probe"
        # A new group typed as a path.
        await pilot.press("enter")
        await pilot.pause()
        for key in "个性指标/新分组/产出":
            await pilot.press({"/": "slash"}.get(key, key))
        await pilot.press("enter")
        await pilot.pause()
        assert wifi.levels == ["个性指标", "新分组", "产出", "WIFI探针（%）"]
        assert cell(grid, "wifi-probe", "levels") == "个/新分/产出"  # 个性, its own group


async def test_f12_opens_the_form_and_esc_comes_back_to_the_table(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), step="indicators")
    async with app.run_test(size=SIZE) as pilot:
        grid = await open_grid(pilot)
        grid.go_to("cameras-2019", "weight")
        await pilot.press("f12")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, IndicatorsScreen)
        assert screen.selected is not None and screen.selected.id == "cameras-2019"
        assert app.focused is not None and app.focused.id == "ind-weight"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, IndicatorGridScreen)
        assert app.screen.query_one(IndicatorGrid).current_id == "cameras-2019"


async def test_ctrl_n_adds_a_row_in_the_current_group_and_names_it(tmp_path: Path) -> None:
    path = copy_project(tmp_path)
    app = make_app(path, step="indicators")
    async with app.run_test(size=SIZE) as pilot:
        grid = await open_grid(pilot)
        project = app.workspace.project
        grid.go_to("xueliang", "name")
        count = len(project.indicators)
        await pilot.press(
            "ctrl+n", "门", "禁", "tab", "2", "tab", "1", "0", "tab", "1", "0", "enter"
        )
        await pilot.pause()
        assert len(project.indicators) == count + 1
        added = project.indicators[project.indicators.index(project.indicator("xueliang")) + 1]
        assert added.levels == ["个性指标", "其他绩效评价指标", "产出", "门禁"]
        assert (added.weight, added.target, added.actual) == (Decimal(2), Decimal(10), Decimal(10))
        assert cell(grid, added.id, "score") == "2.00"
        assert any(i.name == "门禁" for i in saved(path).indicators)


async def test_a_burst_of_keys_at_machine_speed_lands_in_the_right_cells(tmp_path: Path) -> None:
    """Keys that arrive before the focus has moved to the edit line (a fast typist, a slow link
    delivering a burst) go on to it in order; none is dropped."""
    from textual import events

    app = make_app(copy_project(tmp_path), step="indicators")
    async with app.run_test(size=SIZE) as pilot:
        grid = await open_grid(pilot)
        grid.go_to("face-capture", "weight")
        await pilot.pause()
        burst = [*"15", "tab", *"95", "tab", *"96", "enter", *"3", "enter"]
        for key in burst:  # all queued at once, as the terminal driver posts them
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause(0.3)
        project = app.workspace.project
        face = project.indicator("face-capture")
        assert (face.weight, face.target, face.actual) == (Decimal(15), Decimal(95), Decimal(96))
        # Enter went back to 权重 on the next row, where the 3 was typed.
        assert project.indicator("vehicle-capture").weight == Decimal(3)


async def test_rows_typed_ahead_after_ctrl_n_land_in_the_new_rows(tmp_path: Path) -> None:
    """Ctrl+N runs before the name typed behind it is read (a bound key used to run only once it
    had bubbled up to the app, after the name had gone into the old row)."""
    from textual import events

    app = make_app(copy_project(tmp_path), step="indicators")
    async with app.run_test(size=SIZE) as pilot:
        grid = await open_grid(pilot)
        grid.go_to("xueliang", "name")
        await pilot.pause()
        project = app.workspace.project
        count = len(project.indicators)
        keys = ["ctrl+n", *"AB", "tab", "2", "tab", *"90", "tab", *"80", "enter"] * 3
        for key in keys:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        for _ in range(20):
            await pilot.pause(0.2)
            added = [i for i in project.indicators if i.name == "AB"]
            if len(added) == 3 and all(i.actual is not None for i in added):
                break
        assert len(project.indicators) == count + 3
        added = [i for i in project.indicators if i.name == "AB"]
        assert [(i.weight, i.target, i.actual) for i in added] == [
            (Decimal(2), Decimal(90), Decimal(80))
        ] * 3
        assert project.indicator("xueliang").weight == Decimal(2)  # the old row untouched


def test_the_table_at_80x24(tmp_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = make_app(copy_project(tmp_path), step="indicators")
    seen: dict[str, object] = {}

    async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        app.show_indicator("satisfaction")
        await pilot.pause()
        grid = await open_grid(pilot)
        await pilot.press("8", "8", "enter")  # 社会满意度 完成值 96 → 88
        await pilot.pause()
        seen["score"] = cell(grid, "satisfaction", "score")
        seen["bar"] = score_bar(app)

    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)
    # Behaviour: the table opened on the indicator's 完成值; 88 of 100 scores 8.80, live.
    assert seen["score"] == "8.80"
    assert str(seen["bar"]).startswith("总分 98.80（优）")


async def test_rows_typed_one_after_another_with_enter_stay_in_the_first_rows_group(
    tmp_path: Path,
) -> None:
    """Enter commits a new row and moves down onto 社会满意度 (another group): the next Ctrl+N
    still adds beside the row just typed, in its group; after a deliberate move it adds beside
    the row under the cursor."""
    path = copy_project(tmp_path)
    app = make_app(path, step="indicators")
    async with app.run_test(size=SIZE) as pilot:
        grid = await open_grid(pilot)
        project = app.workspace.project
        grid.go_to("xueliang", "name")
        count = len(project.indicators)
        for name in ("门禁", "道闸", "烟感"):
            await pilot.press("ctrl+n", *name, "tab", "2", "tab", "1", "0", "tab", "1", "0")
            await pilot.press("enter")
            await until(
                pilot, lambda n=name: any(i.name == n and i.actual for i in project.indicators)
            )
            assert grid.current_id == "satisfaction"  # Enter moved down, onto the next group
        await until(pilot, lambda: "Ctrl+N 接着在" in message(app))
        names = [i.name for i in project.indicators]
        at = names.index("雪亮工程对接（%）")
        assert names[at : at + 5] == [
            "雪亮工程对接（%）",
            "门禁",
            "道闸",
            "烟感",
            "社会满意度（％）",
        ]
        group = project.indicator("xueliang").levels[:-1]
        added = [i for i in project.indicators if i.name in ("门禁", "道闸", "烟感")]
        assert [i.levels[:-1] for i in added] == [group] * 3
        assert len(saved(path).indicators) == count + 3
        # Moved on purpose (up, then back down to 社会满意度): Ctrl+N adds in that row's group.
        await pilot.press("up", "down", "ctrl+n", *"回访", "enter")
        await until(pilot, lambda: any(i.name == "回访" for i in project.indicators))
        visit = next(i for i in project.indicators if i.name == "回访")
        assert visit.levels[:-1] == project.indicator("satisfaction").levels[:-1]
