"""A toast never covers the status line, the footer or what the user is editing: after Ctrl+N
the new indicator's form stays clear, and on the basics step the focused field does."""

from __future__ import annotations

from pathlib import Path

from test_key_order import settle
from textual.widgets import Footer
from textual.widgets._toast import Toast
from tui_helpers import copy_project, make_app

from perfeval_tui.tui.toasts import editing_region
from perfeval_tui.tui.widgets.indicator_form import IndicatorForm
from perfeval_tui.tui.widgets.score_bar import ScoreBar


def toasts(app):
    shown = [t for t in app.screen.query(Toast) if t.region.area]
    assert shown, "a toast is shown"
    return shown


def assert_clear(app, *regions) -> None:
    for toast in toasts(app):
        for region in regions:
            assert not toast.region.overlaps(region), (toast.region, region)


async def test_the_toast_after_ctrl_n_leaves_the_form_clear(tmp_path: Path) -> None:
    for size in ((80, 24), (60, 20), (120, 30)):
        app = make_app(copy_project(tmp_path), "indicators")
        async with app.run_test(size=size, notifications=True) as pilot:
            await settle(pilot)
            await pilot.press("ctrl+n")
            await settle(pilot)
            assert app.screen.focused.id == "ind-name"
            form = app.screen.query_one(IndicatorForm)
            bar = app.screen.query_one(ScoreBar)
            footer = app.screen.query_one(Footer)
            assert_clear(app, editing_region(app.screen), form.region, bar.region, footer.region)
        app.workspace.close()


async def test_a_toast_on_the_basics_step_leaves_the_focused_field_clear(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "basics")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        field = app.screen.query_one("#basics-phone")
        field.focus()
        await settle(pilot)
        app.screen.notify("已是第一步。", timeout=5)
        await settle(pilot)
        bar = app.screen.query_one(ScoreBar)
        assert_clear(app, field.region, bar.region, app.screen.query_one(Footer).region)
