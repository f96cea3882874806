"""The first screen is light: focus on the first field, the breakpoint class from the start,
the report's parts and the fields' message lines added only when they are needed."""

from __future__ import annotations

import pytest
from tui_helpers import copy_project, make_app, retype

from perfeval_tui.tui.screens.basics import LONG_FIELDS, BasicsScreen, ReportText
from perfeval_tui.tui.widgets.field import FieldError


@pytest.mark.asyncio
async def test_the_first_step_opens_on_its_first_field_with_its_breakpoint_class(tmp_path) -> None:
    app = make_app(copy_project(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "basics-name"
        # A step screen has its breakpoint class when built, before any resize reaches it.
        assert "-narrow" in BasicsScreen().classes
        await pilot.resize_terminal(130, 30)
        await pilot.pause()
        assert "-wide" in BasicsScreen().classes
        # The report's parts come right after the first paint, with the file's own text.
        texts = list(app.screen.query(ReportText))
        assert [t.field for t in texts] == list(LONG_FIELDS)
        assert texts[1].text == app.workspace.project.basics.background


@pytest.mark.asyncio
async def test_a_field_gets_its_message_line_with_its_first_message(tmp_path) -> None:
    app = make_app(copy_project(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        messages = app.screen.query_one("#basics-messages")
        assert not list(messages.query(FieldError))  # none before a message
        field = await retype(pilot, "basics-year", "20x0")
        assert field.error_label is not None and field.error_label.is_mounted
        assert "年度" in field.error_label.message
        assert field.error_label.has_class("-shown")
        assert field.error_label.parent is messages  # under the block of fields
        await retype(pilot, "basics-year", "2021")
        assert not field.error_label.has_class("-shown")
        assert app.workspace.project.basics.year == 2021


@pytest.mark.asyncio
async def test_alt_digit_jumps_to_the_step_while_a_field_has_the_focus(tmp_path) -> None:
    app = make_app(copy_project(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        name = app.workspace.project.basics.name
        assert app.focused is not None and app.focused.id == "basics-name"
        await pilot.press("cent_sign")  # what a terminal's ESC 4 (Alt+4) is read as
        await pilot.pause()
        assert app.current_mode == "indicators"
        assert app.workspace.project.basics.name == name  # nothing typed into the field
