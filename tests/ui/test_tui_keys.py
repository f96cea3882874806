"""Predictable keys at 80x24: every step opens on its first field, Esc leaves the indicator form,
no focus stop swallows typing, PgUp/PgDn walk the indicators in place, one meaning per key, and
the footer offers only keys that work on the step."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from tui_helpers import copy_project, make_app, open_indicator, screen_lines, wait_for

from perfeval_tui.tui.screens.calculator import CalculatorScreen
from perfeval_tui.tui.screens.quiz import QuizScreen
from perfeval_tui.tui.widgets.indicator_form import IndicatorForm
from perfeval_tui.tui.widgets.indicator_tree import IndicatorTree

SIZE = (80, 24)


def focused_id(app) -> str | None:
    focused = app.screen.focused
    return None if focused is None else focused.id


@pytest.mark.parametrize(
    ("step", "first"),
    [
        ("basics", "basics-name"),
        ("budget", "grid"),
        ("districts", "grid"),
        ("indicators", "ind-tree"),
        ("results", "deductions"),
        ("rules", "rule-list"),
    ],
)
async def test_every_step_opens_with_its_first_field_focused(
    tmp_path: Path, step: str, first: str
) -> None:
    app = make_app(copy_project(tmp_path), step)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(
            pilot,
            lambda: app.screen.focused is not None and app.screen.focused.id == first,
            f"{first} focused",
        )
        if first == "grid":  # a table step: on its first cell (the first row's name)
            assert tuple(app.screen.focused.cursor_coordinate) == (0, 0)
        # No scroll area is a focus stop of its own: Tab only ever lands on a field.
        # (Step 5's and 6's reading panes scroll long text and are meant to be focused.)
        stops = [w.id for w in app.screen.focus_chain if isinstance(w, VerticalScroll)]
        assert set(stops) <= {"results", "rule-detail"}


async def test_typing_on_step_one_lands_in_the_first_field(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+u", *"新项目")
        await wait_for(pilot, lambda: app.workspace.project.basics.name == "新项目", "the name")


async def test_tab_from_the_tree_reaches_the_name_and_digits_are_kept(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await open_indicator(pilot, "face-capture")
        app.screen.query_one(IndicatorTree).focus()
        await pilot.press("tab", "tab")
        await wait_for(pilot, lambda: focused_id(app) == "ind-weight", "权重 focused")
        await pilot.press("end", "ctrl+u", "7")
        await wait_for(
            pilot,
            lambda: str(app.workspace.project.indicator("face-capture").weight) == "7",
            "权重 7 kept",
        )


async def test_escape_in_the_form_returns_to_the_tree(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await open_indicator(pilot, "wifi-probe")
        app.screen.query_one("#ind-target").focus()
        await pilot.pause()
        await pilot.press("escape")
        tree = app.screen.query_one(IndicatorTree)
        await wait_for(pilot, lambda: app.screen.focused is tree, "the tree focused")
        assert tree.selected_id == "wifi-probe"


async def test_page_keys_walk_the_indicators_staying_in_the_field(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "indicators")
    async with app.run_test(size=SIZE) as pilot:
        form = await open_indicator(pilot, "face-capture")
        form.query_one("#ind-weight").focus()
        await pilot.pause()
        await pilot.press("pagedown")
        await wait_for(
            pilot,
            lambda: form.indicator is not None and form.indicator.id == "vehicle-capture",
            "the next indicator",
        )
        assert focused_id(app) == "ind-weight"
        assert app.screen.query_one(IndicatorTree).selected_id == "vehicle-capture"
        await pilot.press("pageup", "pageup")
        await wait_for(pilot, lambda: form.indicator.id == "cameras-2018", "two back")
        assert focused_id(app) == "ind-weight"
        # Typing goes to the indicator now shown.
        await pilot.press("end", "ctrl+u", "9")
        await wait_for(
            pilot,
            lambda: str(app.workspace.project.indicator("cameras-2018").weight) == "9",
            "权重 9 kept",
        )


async def test_f9_moves_an_indicator_and_does_not_open_the_calculator(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "rules")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        assert not isinstance(app.screen, CalculatorScreen)
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: isinstance(app.screen, CalculatorScreen), "the calculator")
        await pilot.press("escape")
        await wait_for(
            pilot, lambda: not isinstance(app.screen, CalculatorScreen), "the calculator closed"
        )
        await pilot.press("f10")
        await pilot.pause()
        assert not isinstance(app.screen, QuizScreen)
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: isinstance(app.screen, QuizScreen), "the quiz")


async def test_enter_on_step_five_opens_the_largest_deduction(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "results")
    async with app.run_test(size=SIZE) as pilot:
        largest = app.workspace.session.result.deductions_by_size()[0][0].id
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.current_mode == "indicators", "step 4")
        await wait_for(
            pilot,
            lambda: app.screen.query_one(IndicatorTree).selected_id == largest,
            "the largest deduction's indicator selected",
        )


async def test_the_footer_of_the_last_step_has_no_next_step(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "export")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "退出" in screen_lines(app)[-1], "the footer")
        footer = screen_lines(app)[-1]
        assert "退出" in footer and "下一步" not in footer  # the footer is drawn, without F7
        await pilot.press("f6")
        await wait_for(pilot, lambda: app.current_mode == "rules", "step 6")
        await wait_for(pilot, lambda: "下一步" in screen_lines(app)[-1], "F7 in the footer")


async def test_the_rule_book_names_readings_in_chinese(tmp_path: Path) -> None:
    import re

    from perfeval_tui.scoring.families import all_families
    from perfeval_tui.tui.widgets.live import LiveStatic

    codes = {code for family in all_families() for code in family.readings}
    app = make_app(copy_project(tmp_path), "rules")
    async with app.run_test(size=SIZE) as pilot:
        listing = app.screen.query_one("#rule-list")
        for index in range(listing.option_count):
            listing.highlighted = index
            await pilot.pause()
            text = app.screen.query_one("#rule-text", LiveStatic).text
            words = set(re.findall(r"[A-Za-z_]+", text))
            assert not words & codes, (index, words & codes)
            assert not re.search(r"（[^（）]*（", text.split("\n")[0]), text.split("\n")[0]


async def test_a_toast_leaves_the_status_line_readable(tmp_path: Path) -> None:
    from tui_helpers import score_bar

    app = make_app(copy_project(tmp_path), "indicators")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_indicator(pilot, "wifi-probe")
        await pilot.press("ctrl+n")
        await wait_for(  # the toast is shown…
            pilot, lambda: any("已新增指标" in line for line in screen_lines(app)), "the toast"
        )
        await wait_for(pilot, lambda: screen_lines(app)[-2].rstrip().endswith("已保存"), "saved")
        lines = screen_lines(app)
        # …and the status line under it still reads in full, to the save state at its end.
        assert score_bar(app).split()[0] in lines[-2]
        assert "共性指标" in lines[-2] and lines[-2].rstrip().endswith("已保存")


async def test_at_200_columns_the_explanation_uses_the_room(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "indicators")
    async with app.run_test(size=(200, 50)) as pilot:
        await open_indicator(pilot, "wifi-probe")
        tree = app.screen.query_one(IndicatorTree).region
        form = app.screen.query_one(IndicatorForm).region
        explain = app.screen.query_one("#explain").region
        assert tree.right <= form.x and form.right <= explain.x  # side by side
        assert explain.width >= 60 and form.width >= 60


async def test_reopening_a_project_returns_to_the_step_and_indicator(tmp_path: Path) -> None:
    from perfeval_tui.project.workspace import open_workspace
    from perfeval_tui.tui.app import PerfevalApp

    path = copy_project(tmp_path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await open_indicator(pilot, "wifi-probe")
        await pilot.pause()
    # A new session on the same file, no step asked for: back where the last one was.
    again = PerfevalApp(open_workspace(path), linux=False)
    async with again.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: again.current_mode == "indicators", "step 4")
        form = again.screen.query_one(IndicatorForm)
        await wait_for(
            pilot,
            lambda: form.indicator is not None and form.indicator.id == "wifi-probe",
            "wifi-probe opened",
        )
    assert "positions" not in path.read_text(encoding="utf-8")


async def test_warnings_are_counted_and_listed_in_the_wizard_and_the_sandbox(
    tmp_path: Path,
) -> None:
    from perfeval_tui.tui.dialogs.warnings import WarningsDialog
    from perfeval_tui.tui.screens.simulate import SimulationScreen

    app = make_app(copy_project(tmp_path), "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await open_indicator(pilot, "satisfaction")
        warnings = app.workspace.session.warnings
        assert warnings
        assert f"警告 {len(warnings)}" in screen_lines(app)[-2]
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: isinstance(app.screen, WarningsDialog), "the warnings")
        await wait_for(
            pilot, lambda: "居民满意率" in "\n".join(screen_lines(app)), "the warnings drawn"
        )
        shown = "\n".join(screen_lines(app))
        assert "居民满意率" in shown and f"数据警告 {len(warnings)} 条" in shown
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, WarningsDialog), "closed")
        # The sandbox: Enter opens 完成值, as in the wizard; Ctrl+G lists the sandbox's warnings.
        await pilot.press("f5")
        await wait_for(pilot, lambda: isinstance(app.screen, SimulationScreen), "the sandbox")
        sandbox = app.screen
        await pilot.press("enter")
        await wait_for(
            pilot,
            lambda: sandbox.focused is not None and sandbox.focused.id.endswith("-actual"),
            "完成值 focused in the sandbox",
        )
        await pilot.press("ctrl+u", "5", "0")
        await wait_for(pilot, lambda: sandbox.sandbox.dirty, "the sandbox changed")
        await wait_for(
            pilot,
            lambda: f"警告 {len(sandbox.sandbox.warnings)} 条" in screen_lines(app)[-2],
            "the sandbox's warning count",
        )
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: isinstance(app.screen, WarningsDialog), "the warnings")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is sandbox, "back in the sandbox")
        # Esc with changes asks first; No keeps the sandbox and its changes.
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is not sandbox, "the question")
        await pilot.press("n")
        await wait_for(pilot, lambda: app.screen is sandbox, "back in the sandbox")
        assert sandbox.sandbox.dirty
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is not sandbox, "the question")
        await pilot.press("y")
        await wait_for(pilot, lambda: not isinstance(app.screen, SimulationScreen), "left")
        assert str(app.workspace.project.indicator("satisfaction").actual) == "96"


async def test_alt_digit_changes_step_from_a_focused_field(tmp_path: Path) -> None:
    from textual import events

    app = make_app(copy_project(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        name = app.workspace.project.basics.name
        assert app.screen.focused is not None and app.screen.focused.id == "basics-name"
        # What a terminal sends for Alt+4 (ESC 4), as Textual reads it: the character ¢.
        key = events.Key("cent_sign", "¢")
        key.set_sender(app)
        app._driver.send_message(key)
        await wait_for(pilot, lambda: app.current_mode == "indicators", "step 4")
        assert app.workspace.project.basics.name == name
