"""From 160 columns the indicator step shows the tree, the form and the explanation side by side,
and the tree uses the room: no indicator's name is cut at 200x50."""

from __future__ import annotations

from pathlib import Path

from tui_helpers import copy_project, make_app, open_indicator, wait_for

from perfeval_tui.tui.widgets.explanation import ExplanationPanel
from perfeval_tui.tui.widgets.indicator_tree import IndicatorTree


async def test_at_200_columns_three_panes_and_whole_names(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "indicators")
    async with app.run_test(size=(200, 50)) as pilot:
        form = await open_indicator(pilot, "total-cameras")
        tree = app.screen.query_one(IndicatorTree)
        explain = app.screen.query_one(ExplanationPanel)
        await wait_for(
            pilot,
            lambda: tree.region.right <= form.region.x and form.region.right <= explain.region.x,
            "three panes side by side",
        )
        assert min(tree.region.width, form.region.width, explain.region.width) >= 40
        # Every line of the tree (indent, score and name) fits its width.
        tree.root.expand_all()
        await pilot.pause()
        assert tree.virtual_size.width <= tree.scrollable_content_region.width
