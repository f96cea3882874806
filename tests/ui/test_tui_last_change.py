"""The status line's 「上次修改」 describes the last edit: when indicator scores move but the total,
held within 0–100, does not, it says 总分不变 instead of leaving a score change that the total
never shows (seen at 200 wide: 预算执行率（%） −3.06 beside 总分 100.00)."""

from __future__ import annotations

from pathlib import Path

from tui_helpers import (
    copy_project,
    make_app,
    open_indicator,
    retype,
    saved,
    score_bar,
    wait_for,
)

from perfeval_tui.project.storage import save_project


def over_full_marks(folder: Path) -> Path:
    """The seed case with 人脸抓拍 weighted 6 instead of 2: the items add up to 103.60."""
    path = copy_project(folder)
    project = saved(path)
    project.indicator("face-capture").weight = project.indicator("face-capture").weight + 4
    save_project(project, path)
    return path


async def test_a_grid_cell_that_moves_a_score_but_not_the_capped_total(tmp_path: Path) -> None:
    app = make_app(over_full_marks(tmp_path), "budget")
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for(pilot, lambda: "总分 100.00" in score_bar(app), "the capped total")
        fund = app.workspace.project.funds[0].id
        app.screen.grid.go_to(fund, "actual_spend")
        await pilot.press("4", "0", "0", "enter")
        await wait_for(
            pilot,
            lambda: "上次修改：预算执行率（%） −3.06，总分不变" in score_bar(app),
            "the change and the total that did not move",
        )
        assert "总分 100.00" in score_bar(app)
        app.screen.grid.go_to(fund, "actual_spend")
        await pilot.press("4", "5", "0", "enter")
        await wait_for(
            pilot,
            lambda: "上次修改：预算执行率（%） +3.06，总分不变" in score_bar(app),
            "the change back",
        )


async def test_a_form_field_that_moves_a_score_but_not_the_capped_total(tmp_path: Path) -> None:
    app = make_app(over_full_marks(tmp_path), "indicators")
    async with app.run_test(size=(200, 50)) as pilot:
        await open_indicator(pilot, "satisfaction")
        await retype(pilot, "ind-actual", "98")
        await wait_for(
            pilot,
            lambda: "上次修改：社会满意度（％） +0.20，总分不变" in score_bar(app),
            "the satisfaction change with the total held at 100",
        )
        assert "总分 100.00" in score_bar(app)


async def test_a_change_that_moves_the_total_says_only_the_change(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "budget")
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_for(pilot, lambda: "总分 99.60" in score_bar(app), "the seed total")
        app.screen.grid.go_to(app.workspace.project.funds[0].id, "actual_spend")
        await pilot.press("4", "0", "0", "enter")
        await wait_for(pilot, lambda: "总分 96.54" in score_bar(app), "the lower total")
        assert "上次修改：预算执行率（%） −3.06" in score_bar(app)
        assert "总分不变" not in score_bar(app)
