"""At 60 columns nothing meaningful is cut: a choice's name (the rule 产出/效果指标完成比例) folds
onto a second line instead of losing its end, and the status line keeps whole sections, the
most important first."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from textual.widgets import Select
from tui_helpers import copy_project, make_app, open_indicator, score_bar, wait_for

from perfeval_tui.tui.widgets.score_bar import ScoreBar


async def test_every_choice_shows_its_whole_name_at_60_columns(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "indicators")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        for indicator_id in ("budget_execution_rate", "satisfaction", "total-cameras"):
            form = await open_indicator(pilot, indicator_id)
            selects = list(form.query(Select))
            assert selects
            for select in selects:
                label = select.query_one("#label")
                text = str(label.render())
                row = select.parent
                shown = label.content_size.width * row.region.height
                assert cell_len(text) <= shown, (indicator_id, text, row.region)
        rule = app.screen.query_one("#ind-rule", Select)
        assert str(rule.query_one("#label").render()) == "产出/效果指标完成比例"


async def test_the_status_line_keeps_whole_parts_most_important_first(tmp_path: Path) -> None:
    for width in (60, 80, 120):
        app = make_app(copy_project(tmp_path), "indicators")
        async with app.run_test(size=(width, 20)) as pilot:
            await wait_for(pilot, lambda app=app: "警告 4" in score_bar(app), "the status line")
            bar = app.screen.query_one(ScoreBar)
            score = bar.query_one("#score")
            text = bar.score_text
            assert cell_len(text) <= score.content_size.width, (width, text)
            parts = text.split("  ")
            assert parts[0] == "总分 99.60（优）" and "警告 4" in parts
            # Every part shown is whole: a subtotal is a section's name and its score.
            for part in parts[1:]:
                assert part == "警告 4" or part.endswith(".00") or part.endswith("59.60"), part
            if width >= 80:
                assert "个性指标 59.60" in parts
        app.workspace.close()
