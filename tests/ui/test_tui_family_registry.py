"""Pilot: a rule family registered from a test is edited in the wizard's indicator form, through
the inputs it declares, with no wizard module naming it."""

from __future__ import annotations

from pathlib import Path

from toy_family import registered_toy, toy_project_file
from tui_helpers import D, make_app, open_indicator, retype, saved, wait_for

from perfeval_tui.scoring.engine import score_project
from perfeval_tui.tui.widgets.indicator_form import IndicatorForm

SIZE = (80, 24)


async def test_the_toy_familys_input_is_edited_in_the_indicator_form(tmp_path: Path) -> None:
    with registered_toy():
        path = toy_project_file(tmp_path)
        app = make_app(path, "indicators")
        async with app.run_test(size=SIZE) as pilot:
            await open_indicator(pilot, "expert")
            form = app.screen.query_one(IndicatorForm)
            assert form.indicator is not None and form.indicator.id == "expert"
            field = await retype(pilot, "input-judged", "4.5")
            project = app.workspace.project
            assert project.indicator("expert").inputs.values == {"judged": D("4.5")}
            assert score_project(project).by_id("expert").score == D("4.50")
            await wait_for(
                pilot,
                lambda: "得分 4.50 / 5.00" in str(form.query_one("#form-score").render()),
                "the form's score",
            )
            field = await retype(pilot, "input-judged", "4.5分x")
            assert field.has_class("-invalid")
            assert "评定分" in field.error_label.message  # names the field, in Chinese
            # The same edit (the field was never left): the 3 it held when entered, not the 4.5
            # typed on the way.
            assert project.indicator("expert").inputs.values == {"judged": D("3")}
            await pilot.press("backspace", "backspace")  # 4.5: a value again, taken at once
            await wait_for(
                pilot,
                lambda: project.indicator("expert").inputs.values == {"judged": D("4.5")},
                "4.5 taken",
            )
            await pilot.press("ctrl+s")
            await wait_for(
                pilot,
                lambda: saved(path).indicator("expert").inputs.values == {"judged": D("4.5")},
                "saved",
            )
        assert saved(path).indicator("expert").inputs.values == {"judged": D("4.5")}
