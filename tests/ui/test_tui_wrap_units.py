"""Warnings, deductions and explanations wrap so that a number keeps its unit: the warning under
step 3's grid read ``…大于资金下达数 400`` / ``万元，…`` at 80x24."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tui_helpers import COUNTY, copy_project, make_app, screen_lines, wait_for

from perfeval_tui.term.wrap import UNITS

CUT = re.compile(r"\d[\d.]*%?$")


def cut_numbers(app) -> list[tuple[str, str]]:
    """Pairs of screen lines where a number ends one line and its unit or digits start the next
    (a wrapped line starts after the one-cell padding; an indented table row is not one)."""
    lines = [line.rstrip() for line in screen_lines(app)]
    return [
        (above, below)
        for above, below in zip(lines, lines[1:], strict=False)
        if CUT.search(above) and below[1:].startswith((*UNITS, *"0123456789"))
    ]


def shows(app, text: str) -> bool:
    return any(text in line for line in screen_lines(app))


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_step_3_warnings_keep_each_number_with_its_unit(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(copy_project(tmp_path), "districts")
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: shows(app, "大于资金下达数"), "the 梁溪区 warning")
        assert shows(app, "400 万元，实际支出应不超过")
        assert cut_numbers(app) == []


async def test_results_warnings_and_deductions_keep_numbers_whole_at_60x20(
    tmp_path: Path,
) -> None:
    app = make_app(copy_project(tmp_path, COUNTY), "results")
    async with app.run_test(size=(60, 20)) as pilot:
        await wait_for(pilot, lambda: shows(app, "总分 69.51"), "step 5")
        results = app.screen.query_one("#results")
        seen: list[tuple[str, str]] = []
        for _ in range(6):  # read the whole step, a page at a time
            seen += cut_numbers(app)
            if results.scroll_y >= results.max_scroll_y:
                break
            results.scroll_page_down(animate=False)
            await pilot.pause()
        await wait_for(pilot, lambda: shows(app, "数据检查：3 条警告"), "the warnings")
        assert seen == []
