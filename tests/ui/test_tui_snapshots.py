"""SVG snapshots of every step at 80x24 and of the indicator step at 120x40 (cursor blink is off
by default, so the pictures are stable). Update with ``pytest --snapshot-update`` after review."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import copy_project, make_app, open_indicator, score_bar, screen_lines, wait_for

from perfeval_tui.tui.steps import STEP_KEYS, position_label


@pytest.mark.parametrize("step", STEP_KEYS)
def test_step_at_80x24(step: str, tmp_path: Path, snap_compare) -> None:
    app = make_app(copy_project(tmp_path), step)
    seen: dict[str, str] = {}

    async def settle(pilot) -> None:
        await pilot.pause()  # let the step finish mounting
        if step == "export":  # the default folder is the temporary one; show a fixed one
            app.screen.query_one("#export-dir").value = "./导出"
        if step == "indicators":
            await open_indicator(pilot, "satisfaction")
        await pilot.pause()
        seen["mode"], seen["bar"] = app.current_mode, score_bar(app)
        seen["footer"] = screen_lines(app)[-1]
        seen["focus"] = str(app.focused.id if app.focused else "")

    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)
    # Behaviour: the step asked for is the one shown, and the seed's total is on its score bar.
    assert seen["mode"] == step, position_label(step)
    assert "总分 99.60（优）" in seen["bar"]
    # The indicator step's footer names the key that adds an indicator.
    assert ("^N 新增" in seen["footer"]) == (step == "indicators")
    # 附表1 and the 区县 table open as grids, the grid focused (on the first row's name).
    assert (seen["focus"] == "grid") == (step in ("budget", "districts"))


def test_indicator_step_at_120x40_keeps_the_explanation_visible(tmp_path: Path, snap_compare):
    app = make_app(copy_project(tmp_path), "indicators")

    async def settle(pilot) -> None:
        await pilot.pause()
        await open_indicator(pilot, "total-cameras")
        await pilot.press("enter", "ctrl+u", "1", "6", "0", "0")
        # The re-score and the bar arrive in later message rounds.
        await wait_for(pilot, lambda: "99.09" in score_bar(app), "the bar at 99.09")
        seen["bar"] = score_bar(app)
        seen["explain"] = app.screen.query_one("#explain").display

    seen: dict[str, object] = {}
    assert snap_compare(app, terminal_size=(120, 40), run_before=settle)
    # Behaviour: 1600 of 1304 built is past the band's full-marks edge (15.00 → 14.49), the total
    # follows live, and the explanation panel stays shown beside the form at this width.
    assert "总分 99.09（优）" in str(seen["bar"]) and seen["explain"] is True
