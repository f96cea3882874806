"""The tests' bounded wait: it returns once the state holds, and otherwise fails naming what it
waited for, with the screen, instead of hanging."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import copy_project, make_app, wait_for


async def test_wait_for_returns_when_the_state_arrives_and_names_it_when_not(
    tmp_path: Path,
) -> None:
    app = make_app(copy_project(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("alt+4")
        await wait_for(pilot, lambda: app.current_mode == "indicators", "step 4")
        assert app.current_mode == "indicators"
        # A widget that is not there yet counts as not yet, not as an error.
        with pytest.raises(AssertionError) as failed:
            await wait_for(pilot, lambda: app.screen.query_one("#no-such-widget"), "X", timeout=0.3)
        message = str(failed.value)
        assert message.startswith("waited 0.3 s for X; the screen:")
        assert "第 4/7 步" in message
