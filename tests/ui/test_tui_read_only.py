"""A read-only window (the lock held by another live session) takes no typing: every entry
field is disabled, while the read-only notice and the takeover (Ctrl+O) stay at hand."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, Select, TextArea
from tui_helpers import D, copy_project, make_app, open_indicator, wait_for

from perfeval_tui.project.lock import LockInfo, lock_path_for
from perfeval_tui.project.storage import load_project, save_project
from perfeval_tui.tui.dialogs.confirm import ConfirmDialog
from perfeval_tui.tui.dialogs.text_edit import TextEditDialog
from perfeval_tui.tui.widgets.indicator_tree import IndicatorTree

SIZE = (80, 24)


@pytest.fixture
def holder():
    """Another live process, standing in for a second user's wizard."""
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield proc
    proc.kill()
    proc.wait()


def entries(app) -> list:
    return [w for w in app.screen.query("*") if isinstance(w, (Input, Checkbox, Select))]


async def test_a_read_only_window_disables_every_field_and_keeps_the_takeover(
    tmp_path: Path, holder
) -> None:
    path = copy_project(tmp_path)
    info = LockInfo("李四", socket.gethostname(), holder.pid, "2024-05-23 09:30:00")
    lock_path_for(path).write_text(info.to_json(), encoding="utf-8")
    before = path.read_bytes()
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.workspace.read_only
        form = await open_indicator(pilot, "goal_rationality")  # ticks, selects and fields
        fields = entries(app)
        assert len(fields) > 8 and all(w.disabled for w in fields)
        ticked = list(app.workspace.project.indicator("goal_rationality").inputs.ticked)
        # Enter on the indicator would open its first input; what is typed changes nothing.
        await pilot.press("enter", "space", "5", "0", "tab", "space")
        await pilot.pause()
        focused = app.screen.focused
        assert focused is None or not isinstance(focused, (Input, Checkbox, Select))
        assert app.workspace.project.indicator("goal_rationality").inputs.ticked == ticked
        await open_indicator(pilot, "satisfaction")  # another indicator: a new form, locked too
        assert all(w.disabled for w in entries(app)) and form.query("#ind-actual")
        assert form.query_one("#ind-actual", Input).value == "96"
        assert app.workspace.project.indicator("satisfaction").actual == D(96)
        # Every step: the basics' fields too, and a report part opens for reading only.
        await pilot.press("alt+1")
        await wait_for(pilot, lambda: app.current_mode == "basics", "step 1")
        await wait_for(pilot, lambda: entries(app), "step 1's fields")
        assert all(w.disabled for w in entries(app))
        app.screen.query_one("#text-background").focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TextEditDialog), "the text editor")
        assert app.screen.query_one(TextArea).read_only
        await pilot.press("x", "escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, TextEditDialog), "closed")
        # The notice stays on the top line with its key; Ctrl+O still offers the takeover.
        bar = str(app.screen.query_one("#step-bar").render())
        assert "[只读]" in bar and "Ctrl+O 接管" in bar
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        assert "李四" in app.screen.question
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, ConfirmDialog), "declined")
        assert path.read_bytes() == before
        # Taken over: the fields take typing again.
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.press("y")
        await wait_for(pilot, lambda: not app.workspace.read_only, "the lock taken over")
        await pilot.press("alt+1")
        await wait_for(pilot, lambda: app.current_mode == "basics", "step 1")
        await wait_for(
            pilot,
            lambda: entries(app) and not any(w.disabled for w in entries(app)),
            "step 1's fields enabled",
        )
    app.workspace.close()


async def test_after_a_takeover_every_step_shows_the_file_as_it_is_now(
    tmp_path: Path, holder
) -> None:
    path = copy_project(tmp_path)
    info = LockInfo("李四", socket.gethostname(), holder.pid, "2024-05-23 09:30:00")
    lock_path_for(path).write_text(info.to_json(), encoding="utf-8")
    app = make_app(path, "basics")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("alt+4")  # both steps built while read-only
        await open_indicator(pilot, "satisfaction")
        # The other session saves its changes, then this window takes the lock over.
        text = path.read_text(encoding="utf-8")
        project = load_project(path)
        assert project.indicator("satisfaction").actual == D(96)
        project.indicator("satisfaction").actual = D(91)
        project.basics.name = "另一窗口改过的专项"
        save_project(project, path)
        assert path.read_text(encoding="utf-8") != text
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.press("y")
        await wait_for(pilot, lambda: not app.workspace.read_only, "the lock taken over")
        await wait_for(
            pilot,
            lambda: app.screen.query_one("#ind-actual", Input).value == "91",
            "the file's 完成值 91",
        )
        assert app.current_mode == "indicators"
        tree = app.screen.query_one(IndicatorTree)
        assert "satisfaction" in tree.leaves and tree.selected_id == "satisfaction"
        await pilot.press("alt+1")
        await wait_for(
            pilot,
            lambda: app.screen.query_one("#basics-name", Input).value == "另一窗口改过的专项",
            "the file's name",
        )
    app.workspace.close()
