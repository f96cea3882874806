"""A step draws the project once when it is first shown and once each time it is shown again.

Textual runs an event handler once for every class that defines it: a step whose ``on_mount``
also called the base class's ran the base's work (rebuild every table and field from the
project) twice, and once more for each level of subclassing. The same held for an entry's key
handler calling its base's. The tests count the work done per event.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_key_order import settle
from textual import events
from textual.widget import Widget
from textual.widgets import Input, TextArea
from tui_helpers import copy_project, focus, make_app, wait_for

from perfeval_tui.tui.app import PerfevalApp
from perfeval_tui.tui.dialogs.text_edit import TextEditDialog
from perfeval_tui.tui.dialogs.warnings import WarningsDialog
from perfeval_tui.tui.screens.base import StepScreen
from perfeval_tui.tui.screens.indicator_grid import IndicatorGridScreen
from perfeval_tui.tui.steps import STEP_KEYS, STEPS
from perfeval_tui.tui.widgets.data_grid import RowGrid
from perfeval_tui.tui.widgets.field import FieldInput

SIZE = (80, 24)

# What each step's own set-up (run after the base's) leaves focused: the set-up still runs.
FOCUSED = {
    "basics": "basics-name",
    "budget": "grid",
    "districts": "grid",
    "indicators": "ind-tree",
    "results": "deductions",
    "rules": "rule-list",
    "export": "export-go",
}


@pytest.fixture
def refreshes(monkeypatch) -> Iterator[Counter[str]]:
    """How many times each step class rebuilt its view from the project."""
    counts: Counter[str] = Counter()
    original = StepScreen.refresh_from_model

    def counted(self: StepScreen) -> None:
        counts[type(self).__name__] += 1
        original(self)

    monkeypatch.setattr(StepScreen, "refresh_from_model", counted)
    yield counts


async def show_step(pilot, key: str) -> StepScreen:
    app: PerfevalApp = pilot.app
    app.goto_step(key)
    await wait_for(pilot, lambda: app.current_mode == key and app.screen.is_mounted, key)
    await settle(pilot)  # every message the switch posted has been handled
    screen = app.screen
    assert isinstance(screen, StepScreen)
    return screen


@pytest.mark.parametrize("key", STEP_KEYS)
async def test_each_step_draws_the_project_once_when_shown_and_again(
    tmp_path: Path, key: str, refreshes: Counter[str]
) -> None:
    other = "budget" if key == "basics" else "basics"
    app = make_app(copy_project(tmp_path), other)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        refreshes.clear()
        screen = await show_step(pilot, key)
        name = next(step.screen for step in STEPS if step.key == key)
        assert type(screen).__name__ == name
        assert refreshes == Counter({name: 1})
        assert app.focused is not None and app.focused.id == FOCUSED[key]
        if key == "basics":  # mounted after the first paint by the step's own set-up
            await wait_for(pilot, lambda: screen.query("ReportText"), "the report's texts")

        await show_step(pilot, other)
        refreshes.clear()
        assert await show_step(pilot, key) is screen
        assert refreshes == Counter({name: 1})


async def test_the_indicator_grid_draws_once_when_opened_and_after_a_dialog(
    tmp_path: Path, refreshes: Counter[str]
) -> None:
    app = make_app(copy_project(tmp_path), "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        refreshes.clear()
        await pilot.press("f12")
        await wait_for(pilot, lambda: isinstance(app.screen, IndicatorGridScreen), "the grid")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, IndicatorGridScreen)
        assert refreshes == Counter({"IndicatorGridScreen": 1})
        # Its own set-up ran after the grid step's: the cursor on the indicator it opened on.
        assert screen.start_id is not None and screen.grid.current_id == screen.start_id
        assert app.focused is screen.grid

        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: isinstance(app.screen, WarningsDialog), "the warnings")
        refreshes.clear()
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen, "the grid again")
        await settle(pilot)
        assert refreshes == Counter({"IndicatorGridScreen": 1})


@pytest.fixture
def key_handlers(monkeypatch) -> Iterator[Counter[str]]:
    """How many times each entry's own key handler ran, by the class that defines it."""
    counts: Counter[str] = Counter()
    for cls in (Widget, Input, TextArea):
        original = cls.__dict__["_on_key"]

        async def counted(self: Widget, event: events.Key, original=original, cls=cls) -> None:
            if self.has_focus:
                counts[cls.__name__] += 1
            await original(self, event)

        monkeypatch.setattr(cls, "_on_key", counted)
    yield counts


# F20 is bound to nothing: the key goes through every step of an entry's key handling.
UNBOUND = "f20"


async def test_an_entry_handles_a_key_once(tmp_path: Path, key_handlers: Counter[str]) -> None:
    app = make_app(copy_project(tmp_path), "basics")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus(pilot, app.screen.query_one("#basics-year", FieldInput))
        key_handlers.clear()
        await pilot.press(UNBOUND)
        await settle(pilot, 3)
        assert key_handlers == Counter({"Input": 1, "Widget": 1})

        app.screen.query_one("#text-background").focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TextEditDialog), "the editor")
        await focus(pilot, app.screen.query_one(TextArea))
        key_handlers.clear()
        await pilot.press(UNBOUND)
        await settle(pilot, 3)
        assert key_handlers == Counter({"TextArea": 1, "Widget": 1})


async def test_a_grid_handles_a_key_once(tmp_path: Path, key_handlers: Counter[str]) -> None:
    app = make_app(copy_project(tmp_path), "budget")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.focused, RowGrid)
        key_handlers.clear()
        await pilot.press(UNBOUND)
        await settle(pilot, 3)
        assert key_handlers == Counter({"Widget": 1})
