"""Every text entry of the interface applies a burst of keys in the order typed: dialogs (新建,
打开, 反求, report text), the quiz answer, the export folder, the sandbox and the basics. Each
test posts its keys at once, as a terminal read delivers them, with Backspace and Tab in the
middle of the typing (before, a bound key ran only after the characters behind it)."""

from __future__ import annotations

from pathlib import Path

from test_key_order import burst, settle
from textual.widgets import Input, TextArea
from tui_helpers import D, copy_project, focus, make_app, saved, wait_for

from perfeval_tui.tui.app import PerfevalApp
from perfeval_tui.tui.dialogs.project_files import NewProjectDialog, OpenDialog
from perfeval_tui.tui.dialogs.seek import SeekDialog
from perfeval_tui.tui.dialogs.text_edit import TextEditDialog
from perfeval_tui.tui.screens.quiz import QuizScreen
from perfeval_tui.tui.screens.simulate import SimulationScreen
from perfeval_tui.tui.screens.training import open_quiz

SIZE = (80, 24)


def value(app: PerfevalApp, widget_id: str) -> str:
    return app.screen.query_one(f"#{widget_id}", Input).value


async def test_new_project_dialog_typed_in_one_burst(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    target = tmp_path / "新项目.json"
    app = PerfevalApp(None, linux=False, new_path=target)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, NewProjectDialog)
        await focus(pilot, app.screen.query_one("#new-name", Input))
        burst(
            app, *"测试专x", "backspace", "项", "tab", *"2023", "backspace", "4", "tab", *"测试局"
        )
        await settle(pilot)
        assert (value(app, "new-name"), value(app, "new-year"), value(app, "new-unit")) == (
            "测试专项",
            "2024",
            "测试局",
        )
        burst(app, "enter")
        await wait_for(pilot, lambda: app.workspace is not None, "the new project opened")
    app.workspace.close()
    basics = saved(target).basics
    assert (basics.name, basics.year, basics.unit) == ("测试专项", 2024, "测试局")


async def test_open_dialog_path_typed_in_one_burst(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = copy_project(tmp_path)
    app = PerfevalApp(None, linux=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        welcome = app.screen
        app.push_screen(OpenDialog(), welcome._opened)
        await wait_for(pilot, lambda: isinstance(app.screen, OpenDialog), "the open dialog")
        await focus(pilot, app.screen.query_one("#open-path", Input))
        burst(app, *str(path)[:-1], "x", "backspace", str(path)[-1], "enter")
        await wait_for(pilot, lambda: app.workspace is not None, "a project opened")
        assert app.workspace.path == path
    app.workspace.close()


async def open_sandbox(pilot, indicator_id: str) -> SimulationScreen:
    await pilot.press("f5")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, SimulationScreen), "the sandbox")
    screen = pilot.app.screen
    screen.deltas.select_indicator(indicator_id)
    await wait_for(pilot, lambda: screen.editor.indicator_id == indicator_id, indicator_id)
    await settle(pilot)
    return screen


async def test_seek_goal_typed_in_one_burst(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "results")
    async with app.run_test(size=SIZE) as pilot:
        await open_sandbox(pilot, "total-cameras")
        await pilot.press("f6")
        await wait_for(pilot, lambda: isinstance(app.screen, SeekDialog), "the seek dialog")
        dialog = app.screen
        await focus(pilot, dialog.query_one("#seek-goal", Input))
        burst(app, "9", "backspace", "1", "2")
        await settle(pilot)
        assert value(app, "seek-goal") == "12"


async def test_sandbox_fields_typed_in_one_burst(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "results")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_sandbox(pilot, "total-cameras")
        field = screen.query_one("#sb-actual", Input)
        await focus(pilot, field)
        burst(app, "end", "ctrl+u", "1", "5", "0", "9", "backspace", "0")
        await settle(pilot)
        assert field.value == "1500"
        await wait_for(
            pilot,
            lambda: screen.sandbox.project.indicator("total-cameras").actual == D(1500),
            "1500 in the sandbox",
        )


async def test_quiz_answer_typed_in_one_burst(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "rules")
    async with app.run_test(size=SIZE) as pilot:
        open_quiz(app, seed=11, rounds=3)
        await wait_for(pilot, lambda: isinstance(app.screen, QuizScreen), "the quiz")
        await focus(pilot, app.screen.query_one("#quiz-answer", Input))
        burst(app, "9", "backspace", "1", ".", "5")
        await settle(pilot)
        assert value(app, "quiz-answer") == "1.5"


async def test_export_folder_typed_in_one_burst(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "export")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        field = app.screen.query_one("#export-dir", Input)
        await focus(pilot, field)
        burst(app, "end", "ctrl+u", "o", "u", "x", "backspace", "t")
        await settle(pilot)
        assert field.value == "out"


async def test_report_text_typed_in_one_burst(tmp_path: Path) -> None:
    path = copy_project(tmp_path)
    app = make_app(path, "basics")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#text-background").focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TextEditDialog), "the editor")
        area = app.screen.query_one(TextArea)
        await wait_for(pilot, lambda: app.focused is area, "the text focused")
        before = area.text
        burst(app, "甲", "乙", "backspace", "丙")
        await settle(pilot)
        assert area.text == before + "甲丙"


async def test_basics_fields_typed_in_one_burst(tmp_path: Path) -> None:
    path = copy_project(tmp_path)
    app = make_app(path, "basics")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        field = app.screen.query_one("#basics-year", Input)
        await focus(pilot, field)
        burst(app, "end", "ctrl+u", "2", "0", "1", "9", "backspace", "8", "shift+tab", "end", "x")
        await settle(pilot)
        assert field.value == "2018"
        assert app.screen.focused is not field and app.screen.focused.value.endswith("x")


# Keys that close or quit (Esc and Ctrl+S in a dialog, Ctrl+Q) are bound with priority: the app
# runs them as they arrive, while the characters typed just before are still on their way to the
# entry. They now wait for those characters: nothing typed before them is lost.


async def test_report_text_closed_in_the_same_burst_keeps_what_was_typed(tmp_path: Path) -> None:
    path = copy_project(tmp_path)
    app = make_app(path, "basics")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#text-background").focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TextEditDialog), "the editor")
        area = app.screen.query_one(TextArea)
        await wait_for(pilot, lambda: app.focused is area, "the text focused")
        before = area.text
        burst(app, "甲", "乙", "escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, TextEditDialog), "closed")
        await settle(pilot)
        assert app.workspace.project.basics.background == before + "甲乙"
    assert saved(path).basics.background == before + "甲乙"


async def test_a_value_typed_just_before_ctrl_q_is_saved(tmp_path: Path) -> None:
    path = copy_project(tmp_path)
    app = make_app(path, "basics")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        field = app.screen.query_one("#basics-preparer", Input)
        await focus(pilot, field)
        burst(app, "end", "ctrl+u", *"张三", "ctrl+q")
        await settle(pilot)
    assert saved(path).basics.preparer == "张三"


async def test_enter_in_a_field_goes_on_before_the_keys_behind_it(tmp_path: Path) -> None:
    # Enter commits 年度 and moves to 填报单位; "2024 Enter 某局" in one burst put 某局 into
    # 年度, since the focus moved only after the characters behind the Enter.
    path = copy_project(tmp_path)
    app = make_app(path, "basics")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus(pilot, app.screen.query_one("#basics-year", Input))
        burst(app, "end", "ctrl+u", *"2024", "enter", "ctrl+u", *"某局", "enter", *"张三")
        await settle(pilot)
        assert value(app, "basics-year") == "2024"
        assert value(app, "basics-unit") == "某局"
        assert app.screen.focused is app.screen.query_one("#basics-department", Input)
        assert value(app, "basics-department").endswith("张三")
    basics = saved(path).basics
    assert (basics.year, basics.unit) == (2024, "某局")
