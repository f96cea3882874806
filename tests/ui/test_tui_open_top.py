"""Every step opens showing its top, and Home/PgUp bring the top back from the focused list:
step 5 (the total above its deductions), the rule book, the export step and the sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList
from tui_helpers import COUNTY, copy_project, make_app, screen_lines, wait_for


def shows(app, text: str) -> bool:
    return any(text in line for line in screen_lines(app))


def deductions(app) -> OptionList:
    return app.screen.query_one("#deductions", OptionList)


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_results_open_at_the_total_with_the_first_deduction_focused(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(copy_project(tmp_path, COUNTY), "results")
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: deductions(app).option_count == 16, "16 deductions listed")
        await wait_for(pilot, lambda: app.focused is deductions(app), "the deductions focused")
        assert deductions(app).highlighted == 0
        await wait_for(pilot, lambda: shows(app, "总分 69.51  等级"), "the total at the top")
        assert app.screen.query_one("#results").scroll_y == 0


@pytest.mark.parametrize("key", ["home", "pageup"])
async def test_home_and_pageup_from_the_deductions_scroll_back_to_the_total(
    tmp_path: Path, key: str
) -> None:
    app = make_app(copy_project(tmp_path, COUNTY), "results")
    async with app.run_test(size=(60, 20)) as pilot:
        await wait_for(pilot, lambda: app.focused is deductions(app), "the deductions focused")
        results = app.screen.query_one("#results")
        results.scroll_end(animate=False)
        await wait_for(pilot, lambda: not shows(app, "总分 69.51  等级"), "scrolled past the total")
        assert app.focused is deductions(app)
        for _ in range(4):  # PgUp goes a page at a time; the step is about two pages long
            await pilot.press(key)
            if results.scroll_y == 0:
                break
        await wait_for(pilot, lambda: shows(app, "总分 69.51  等级"), f"{key} shows the total")
        assert deductions(app).highlighted == 0


@pytest.mark.parametrize("step", ["rules", "export"])
async def test_other_steps_open_at_their_top_at_60x20(tmp_path: Path, step: str) -> None:
    app = make_app(copy_project(tmp_path, COUNTY), step)
    async with app.run_test(size=(60, 20)) as pilot:
        await wait_for(pilot, lambda: app.focused is not None, f"{step} focused")
        await pilot.pause()
        first = "导出附表1" if step == "export" else "规则"
        await wait_for(pilot, lambda: shows(app, first), f"the top of {step}")
        for scroll in app.screen.query(".-scrollable, VerticalScroll"):
            assert scroll.scroll_y == 0, scroll
