"""Keys that arrive in one burst (a fast typist, a paste, a slow SSH link delivering several keys
in one packet) are applied in the order they were typed: a bound key such as Ctrl+U, Backspace
or Tab is never overtaken by the characters behind it."""

from __future__ import annotations

from pathlib import Path

from textual import events
from tui_helpers import copy_project, focus, make_app, open_indicator, saved, wait_for

from perfeval_tui.tui.widgets.field import FieldInput

SIZE = (80, 24)


def burst(app, *keys: str) -> None:
    """Post every key to the app at once, without waiting in between (as a terminal read does)."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


async def settle(pilot, rounds: int = 20) -> None:
    for _ in range(rounds):
        await pilot.pause()


async def open_actual(pilot, indicator_id: str) -> FieldInput:
    app = pilot.app
    await open_indicator(pilot, indicator_id)
    field = app.screen.query_one("#ind-actual", FieldInput)
    await focus(pilot, field)
    return field


async def test_clearing_and_retyping_in_one_burst_keeps_the_new_value(tmp_path: Path) -> None:
    path = copy_project(tmp_path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        field = await open_actual(pilot, "satisfaction")
        burst(app, "end", "ctrl+u", "9", "0")
        await settle(pilot)
        assert field.value == "90"
        await wait_for(
            pilot, lambda: app.workspace.project.indicator("satisfaction").actual == 90, "90"
        )
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: saved(path).indicator("satisfaction").actual == 90, "saved")
    assert saved(path).indicator("satisfaction").actual == 90


async def test_a_digit_typed_after_tab_lands_in_the_next_field(tmp_path: Path) -> None:
    path = copy_project(tmp_path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        field = await open_actual(pilot, "satisfaction")
        burst(
            app, "end", "backspace", "backspace", "9", "5", "tab", "ctrl+u", "8", "backspace", "3"
        )
        await settle(pilot)
        unit = app.screen.query_one("#ind-unit", FieldInput)
        assert (field.value, unit.value) == ("95", "3")
        indicator = app.workspace.project.indicator("satisfaction")
        assert (indicator.actual, indicator.unit) == (95, "3")
