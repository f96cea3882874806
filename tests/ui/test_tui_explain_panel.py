"""The explanation panel (F4) can be read to its end by keyboard at 60x20, and at 80x24 it does
not hide the score line of the rate it explains."""

from __future__ import annotations

from pathlib import Path

from tui_helpers import copy_project, make_app, screen_lines, wait_for

from perfeval_tui.tui.widgets.explanation import ExplanationPanel


def shows(app, text: str) -> bool:
    return any(text in line for line in screen_lines(app))


async def spend_400(app, pilot) -> str:
    """Enter 400 as the fund's 实际支出数 and leave the cursor on that cell."""
    fund = app.workspace.project.funds[0].id
    await wait_for(pilot, lambda: app.screen.grid.current_id == fund, "the grid ready")
    app.screen.grid.go_to(fund, "actual_spend")
    await pilot.press("4", "0", "0", "enter")
    await wait_for(pilot, lambda: shows(app, "88.89%"), "the new execution rate")
    app.screen.grid.go_to(fund, "actual_spend")
    return fund


async def test_f4_pages_through_the_whole_explanation_at_60x20(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "budget")
    async with app.run_test(size=(60, 20)) as pilot:
        await spend_400(app, pilot)
        await pilot.press("f4")
        panel = app.screen.query_one(ExplanationPanel)
        await wait_for(pilot, lambda: shows(app, "按附表1 合计行计算"), "the explanation's start")
        assert panel.border_title == "F4 往下翻"
        # The explanation is longer than the panel: each F4 brings its next page.
        for _ in range(8):
            if panel.border_title == "":
                break
            await pilot.press("f4")
            await pilot.pause()
        await wait_for(pilot, lambda: panel.border_title == "", "the explanation's end")
        assert panel.display
        end = panel._plain.rstrip().splitlines()[-1][-10:]
        assert "评分标准" in panel._plain
        await wait_for(pilot, lambda: shows(app, end), f"its last words {end!r}")
        await pilot.press("f4")  # at the end F4 hides the panel again
        await wait_for(pilot, lambda: not panel.display, "the panel hidden")


async def test_the_panel_leaves_the_explained_rate_line_visible_at_80x24(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "budget")
    async with app.run_test(size=(80, 24)) as pilot:
        fund = await spend_400(app, pilot)
        app.screen.grid.go_to(fund, "funds_arrived")
        await pilot.press("f4")
        await wait_for(pilot, lambda: shows(app, "资金到位率（%）  得分 5.00"), "its explanation")
        assert shows(app, "资金到位率 100.00%      得分 5.00 / 5.00")
        assert shows(app, "预算执行率 88.89%       得分 0.94 / 4.00")
