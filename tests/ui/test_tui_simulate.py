"""The F5 sandbox at 80x24: typed values show exactly the engine's deltas, reset restores, adopting
asks first and then edits and saves the project, the project file is never written by the
sandbox itself, reading switches and goal-seek answers are the engine's."""

from __future__ import annotations

import socket
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from rich.cells import cell_len
from textual.widgets import Checkbox, OptionList, Select
from tui_helpers import (
    COUNTY,
    D,
    copy_project,
    engine_total,
    make_app,
    open_indicator,
    retype,
    saved,
    score_bar,
    wait_for,
)

from perfeval_tui.analysis.seek import seek_indicator
from perfeval_tui.analysis.seek_total import seek_total
from perfeval_tui.analysis.whatif import Sandbox
from perfeval_tui.project.lock import LockInfo, lock_path_for
from perfeval_tui.project.storage import load_project
from perfeval_tui.tui.dialogs.confirm import ConfirmDialog
from perfeval_tui.tui.dialogs.seek import SeekDialog, TotalSeekDialog
from perfeval_tui.tui.screens.base import StepScreen
from perfeval_tui.tui.screens.simulate import SimulationScreen
from perfeval_tui.tui.widgets.delta_list import DeltaList, DeltaRow
from perfeval_tui.tui.widgets.indicator_tree import IndicatorTree
from perfeval_tui.tui.widgets.live import LiveStatic

SIZE = (80, 24)
CAMERAS = "total-cameras"


def engine_sandbox(path: Path, *settings: tuple[str, str]) -> Sandbox:
    """The engine's own answer: the saved project with the same values set in a sandbox."""
    sandbox = Sandbox(load_project(path))
    for where, value in settings:
        sandbox.set(where, value)
    return sandbox


def row_text(screen: SimulationScreen, key: str) -> str:
    return screen.query_one(DeltaList).rows[key].query_one(LiveStatic).text


def numbers(line: str, name: str) -> str:
    """``15.00 → 14.49 (−0.51)`` of ``监控建成数量 15.00 → 14.49 (−0.51)``."""
    return line.removeprefix(name + " ")


def text_of(screen: SimulationScreen, widget_id: str) -> str:
    return screen.query_one(f"#{widget_id}").text


async def open_sandbox(pilot, indicator_id: str) -> SimulationScreen:
    await pilot.press("f5")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, SimulationScreen), "the sandbox")
    screen = pilot.app.screen
    screen.deltas.select_indicator(indicator_id)
    await wait_for(pilot, lambda: screen.editor.indicator_id == indicator_id, indicator_id)
    return screen


async def sandbox_line(pilot, screen: SimulationScreen, expected: str) -> None:
    """Wait until the sandbox's own line (``sb-delta``) reads ``expected``."""
    await wait_for(pilot, lambda: text_of(screen, "sb-delta") == expected, expected)


async def test_typed_value_shows_the_engines_deltas_and_the_file_is_untouched(
    tmp_path: Path,
) -> None:
    path = copy_project(tmp_path)
    before = path.read_bytes()
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_sandbox(pilot, CAMERAS)
        await retype(pilot, "sb-actual", "1600")
        engine = engine_sandbox(path, ("监控建成数量.完成值", "1600")).comparison()
        delta = next(d for d in engine.indicators if d.key == CAMERAS)
        assert delta.line() == "监控建成数量 15.00 → 14.49 (−0.51)"
        await sandbox_line(pilot, screen, delta.line())
        await wait_for(
            pilot,
            lambda: row_text(screen, CAMERAS).endswith("15.00 → 14.49 (−0.51)"),
            "the row re-drawn",
        )
        assert row_text(screen, CAMERAS).endswith("15.00 → 14.49 (−0.51)")
        for group in engine.groups:  # every subtotal shows the engine's figures
            row = row_text(screen, group.key)
            if group.changed:
                assert row.endswith(numbers(group.line(), group.name)), row
            else:
                assert row.endswith(f" {group.after:.2f}"), row
        assert row_text(screen, "个性指标").endswith("59.60 → 59.09 (−0.51)")
        assert text_of(screen, "sb-total").startswith(engine.total_line())
        assert "总分 99.60（优） → 99.09（优） (−0.51)" in text_of(screen, "sb-total")
        assert "「监控建成数量」完成值  1338 → 1600" in text_of(screen, "sb-changes")
        explanation = text_of(screen, "sb-explain")
        assert "14.49" in explanation and "1.2270" in explanation
        # The project itself and its file are as they were.
        assert app.workspace.project.indicator(CAMERAS).actual == D(1338)
        assert path.read_bytes() == before
        await pilot.press("escape")  # with changes, Esc asks first; Y discards them
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, StepScreen), "back in the wizard")
        assert "总分 99.60（优）" in score_bar(app)
        app.save_now()
    app.workspace.close()
    assert path.read_bytes() == before


async def test_reset_restores_every_value_of_the_file(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "indicators")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_sandbox(pilot, CAMERAS)
        await retype(pilot, "sb-actual", "1600")
        await wait_for(pilot, lambda: screen.sandbox.dirty, "the sandbox changed")
        await sandbox_line(pilot, screen, "监控建成数量 15.00 → 14.49 (−0.51)")
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: not screen.sandbox.dirty, "the sandbox reset")
        await wait_for(pilot, lambda: screen.query_one("#sb-actual").value == "1338", "1338")
        await sandbox_line(pilot, screen, "监控建成数量 15.00 → 15.00 (±0.00)")
        assert text_of(screen, "sb-delta") == "监控建成数量 15.00 → 15.00 (±0.00)"
        assert row_text(screen, CAMERAS).endswith(" 15.00")
        assert text_of(screen, "sb-total").startswith("总分 99.60（优） → 99.60（优） (±0.00)")
        assert text_of(screen, "sb-changes").startswith("修改清单：无")


async def test_adopting_asks_first_then_edits_and_saves_the_project(tmp_path: Path) -> None:
    path = copy_project(tmp_path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_sandbox(pilot, CAMERAS)
        await retype(pilot, "sb-actual", "1600")
        await wait_for(pilot, lambda: screen.sandbox.dirty, "the sandbox changed")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        assert "采用这些修改（1 项）" in app.screen.question
        await pilot.press("n")  # declined: nothing happens
        await wait_for(pilot, lambda: app.screen is screen, "back in the sandbox")
        assert saved(path).indicator(CAMERAS).actual == D(1338)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, StepScreen), "back in the wizard")
        await wait_for(pilot, lambda: "监控建成数量 −0.51" in score_bar(app), "the bar")
        assert app.workspace.project.indicator(CAMERAS).actual == D(1600)
        on_disk = saved(path)
        assert on_disk.indicator(CAMERAS).actual == D(1600)
        assert engine_total(on_disk) == "99.09"
        assert "总分 99.09（优）" in score_bar(app)
        assert "监控建成数量 −0.51" in score_bar(app)
        tree_label = app.screen.query_one(IndicatorTree).leaves[CAMERAS].label.plain
        assert tree_label.strip().startswith("14.49")


async def test_reading_switch_shows_its_effect(tmp_path: Path) -> None:
    path = copy_project(tmp_path)
    app = make_app(path, "budget")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_sandbox(pilot, "budget_execution_rate")
        await retype(pilot, "sb-fund0-actual_spend", "400")
        continuous = engine_sandbox(path, ("/funds/0/actual_spend", "400"))
        await sandbox_line(pilot, screen, "预算执行率（%） 4.00 → 0.94 (−3.06)")
        screen.query_one("#sb-reading", Select).value = "floor"
        floor = engine_sandbox(path, ("/funds/0/actual_spend", "400"))
        floor.set_reading("budget_execution_rate", "floor")
        expected = next(
            d for d in floor.comparison().indicators if d.key == "budget_execution_rate"
        )
        assert expected.after != continuous.result.by_id("budget_execution_rate").score
        await sandbox_line(pilot, screen, expected.line())
        assert "按整百分点" in text_of(screen, "sb-explain")
        assert "规则「预算执行率」的口径  默认（连续计算） → 按整百分点" in text_of(
            screen, "sb-changes"
        )
        # An open choice menu speaks Chinese in the footer too.
        screen.query_one("#sb-reading", Select).focus()
        await pilot.press("enter")

        def shown() -> list[str]:
            return [
                b.binding.description for b in app.screen.active_bindings.values() if b.binding.show
            ]

        await wait_for(pilot, lambda: "关闭菜单" in shown(), "the menu's keys")
        assert not any("Dismiss" in d for d in shown())
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen, "the menu closed")
        assert text_of(screen, "sb-total").startswith(floor.comparison().total_line())
        for delta in (*floor.comparison().indicators, *floor.comparison().groups):
            if delta.changed:
                assert row_text(screen, delta.key).endswith(numbers(delta.line(), delta.name))


async def test_goal_seek_shows_the_engines_answers_and_enter_puts_one_in(tmp_path: Path) -> None:
    path = copy_project(tmp_path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_sandbox(pilot, CAMERAS)
        await retype(pilot, "sb-actual", "1600")
        await wait_for(pilot, lambda: screen.sandbox.dirty, "the sandbox changed")
        await pilot.press("f6")
        await wait_for(pilot, lambda: isinstance(app.screen, SeekDialog), "the seek dialog")
        dialog = app.screen
        engine = seek_indicator(screen.sandbox.project, CAMERAS)
        assert engine.full_range == "完成值 [1304, 1564.8] 路"
        assert f"满分条件：{engine.full_range}" in text_of(dialog, "seek-head")
        listing = dialog.query_one(OptionList)
        shown = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert len(shown) == len(engine.answers) == 2
        for text, answer in zip(shown, engine.answers, strict=True):
            assert answer.line() in text
            assert answer.score == D(15)
        await pilot.press("down", "enter")  # the upper end of the range: 1564.8
        await wait_for(pilot, lambda: app.screen is screen, "back in the sandbox")
        await sandbox_line(pilot, screen, "监控建成数量 15.00 → 15.00 (±0.00)")
        assert screen.sandbox.project.indicator(CAMERAS).actual == D("1564.8")
        assert screen.sandbox.result.by_id(CAMERAS).score == engine.answers[1].score
        assert text_of(screen, "sb-delta") == "监控建成数量 15.00 → 15.00 (±0.00)"
        assert screen.query_one("#sb-actual").value == "1564.8"
        # A chosen score: typed into the dialog, answered by the engine.
        await pilot.press("f6")
        await wait_for(pilot, lambda: isinstance(app.screen, SeekDialog), "the seek dialog")
        dialog = app.screen
        dialog.query_one("#seek-goal").focus()
        await pilot.press(*"12", "enter")
        engine = seek_indicator(screen.sandbox.project, CAMERAS, D(12))
        listing = dialog.query_one(OptionList)

        def listed() -> list[str]:
            return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]

        await wait_for(
            pilot,
            lambda: listed() and engine.answers[0].line() in listed()[0],
            "the answers for 12 points",
        )
        shown = listed()
        assert shown and all(a.line() in t for t, a in zip(shown, engine.answers, strict=True))
        assert all(a.score == D(12) for a in engine.answers)
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen, "back in the sandbox")
        assert app.workspace.project.indicator(CAMERAS).actual == D(1338)


async def test_total_seek_lists_the_engines_changes_smallest_first(tmp_path: Path) -> None:
    path = copy_project(tmp_path, COUNTY)
    app = make_app(path, "results")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_sandbox(pilot, "road-km")
        await pilot.press("f8")
        await wait_for(pilot, lambda: isinstance(app.screen, TotalSeekDialog), "the dialog")
        dialog = app.screen
        await wait_for(pilot, lambda: "目标 80.00（良）" in text_of(dialog, "seek-title"), "80")
        # Default goal: the next grade up (良, 80): no single change reaches it.
        assert "目标 80.00（良）" in text_of(dialog, "seek-title")
        assert "没有单个指标的修改能把总分提高到 80.00" in text_of(dialog, "seek-notes")
        dialog.query_one("#seek-goal").focus()
        await pilot.press(*"70", "enter")
        engine = seek_total(screen.sandbox.project, Decimal(70))
        listing = dialog.query_one(OptionList)
        await wait_for(
            pilot, lambda: listing.option_count == len(engine.answers), "the answers for 70"
        )
        shown = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert len(shown) == len(engine.answers) > 1
        for text, answer in zip(shown, engine.answers, strict=True):
            assert answer.name in text and answer.line() in text
            assert answer.total >= 70
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is screen, "back in the sandbox")
        first = engine.answers[0]
        await wait_for(pilot, lambda: screen.sandbox.result.total == first.total, "the total")
        assert screen.sandbox.result.by_id(first.indicator_id).computed_score == first.score
        assert f"→ {first.total:.2f}" in text_of(screen, "sb-total")


def test_rows_follow_the_indicator_tree(tmp_path: Path) -> None:
    project = load_project(copy_project(tmp_path))
    sandbox = Sandbox(project)
    rows = DeltaList(sandbox.comparison(), width=44).rows
    indicator_rows = [
        key for key, row in rows.items() if isinstance(row, DeltaRow) and not row.group
    ]
    assert indicator_rows == [i.id for i in project.indicators]
    assert {key for key, row in rows.items() if row.group} == {
        d.key for d in sandbox.comparison().groups
    }


async def test_f5_starts_on_the_indicator_behind_the_focused_field(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "budget")
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#grid").go_to("fund-1", "funds_arrived")
        await pilot.pause()
        await pilot.press("f5")
        await wait_for(pilot, lambda: isinstance(app.screen, SimulationScreen), "the sandbox")
        assert app.screen.editor.indicator_id == "funds_arrival_rate"
        assert app.screen.deltas.indicator_id == "funds_arrival_rate"


async def test_rows_keep_their_numbers_at_any_width(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "indicators")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_sandbox(pilot, CAMERAS)
        await retype(pilot, "sb-actual", "1600")
        for size in ((60, 20), (120, 40), SIZE):
            await pilot.resize_terminal(*size)
            await pilot.pause(0.1)
            width = screen.deltas.scrollable_content_region.width
            assert screen.deltas.width == width
            row = screen.deltas.rows[CAMERAS].query_one(LiveStatic).text
            assert cell_len(row) == width and row.endswith("15.00 → 14.49 (−0.51)"), size


async def test_read_only_project_can_simulate_but_not_adopt(tmp_path: Path) -> None:
    path = copy_project(tmp_path)
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        info = LockInfo("李四", socket.gethostname(), holder.pid, "2024-05-23 09:30:00")
        lock_path_for(path).write_text(info.to_json(), encoding="utf-8")
        before = path.read_bytes()
        app = make_app(path, "indicators")
        async with app.run_test(size=SIZE) as pilot:
            assert app.workspace.read_only
            screen = await open_sandbox(pilot, CAMERAS)
            await retype(pilot, "sb-actual", "1600")
            await sandbox_line(pilot, screen, "监控建成数量 15.00 → 14.49 (−0.51)")
            await pilot.press("ctrl+s")
            await wait_for(
                pilot, lambda: any("只读" in str(n.message) for n in app._notifications), "只读"
            )
            assert app.screen is screen  # no confirmation: it cannot be adopted
            assert app.workspace.project.indicator(CAMERAS).actual == D(1338)
        app.workspace.close()
        assert path.read_bytes() == before
    finally:
        holder.kill()
        holder.wait()


async def test_adopted_ticks_show_in_the_indicator_form(tmp_path: Path) -> None:
    path = copy_project(tmp_path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await open_indicator(pilot, "goal_rationality")
        await wait_for(pilot, lambda: app.screen.query_one("#tick-0", Checkbox).value, "ticked")
        screen = await open_sandbox(pilot, "goal_rationality")
        screen.query_one("#sb-tick-0", Checkbox).focus()
        await pilot.press("space")
        await sandbox_line(pilot, screen, "绩效目标合理性 4.00 → 3.00 (−1.00)")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, StepScreen), "back in the wizard")
        await wait_for(
            pilot, lambda: not app.screen.query_one("#tick-0", Checkbox).value, "unticked"
        )
        ticked = app.workspace.project.indicator("goal_rationality").inputs.ticked
        assert saved(path).indicator("goal_rationality").inputs.ticked == ticked
        assert not app.screen.query_one("#tick-0", Checkbox).value
        assert all(
            app.screen.query_one(f"#tick-{n}", Checkbox).value for n in range(1, len(ticked) + 1)
        )


async def test_4x50_typed_over_450_keeps_450_in_the_sandbox(tmp_path: Path) -> None:
    path = copy_project(tmp_path)
    app = make_app(path, "budget")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_sandbox(pilot, "budget_execution_rate")
        fund = screen.sandbox.project.funds[0]
        field = await retype(pilot, "sb-fund0-actual_spend", "4x50")
        await wait_for(
            pilot, lambda: "「4x50」不是有效数字" in field.error_label.message, "refused"
        )
        # Not the 4 typed on the way: nothing to adopt, the sandbox's score is the file's.
        assert fund.actual_spend == D(450) and not screen.sandbox.dirty
        await sandbox_line(pilot, screen, "预算执行率（%） 4.00 → 4.00 (±0.00)")
        assert text_of(screen, "sb-changes").startswith("修改清单：无")
        assert text_of(screen, "sb-total").startswith("总分 99.60（优） → 99.60（优） (±0.00)")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)  # nothing to adopt, nothing asked
    assert saved(path).funds[0].actual_spend == D(450)


async def test_a_typo_after_adopting_keeps_the_adopted_value(tmp_path: Path) -> None:
    # The adoption is an edit of its own: a refused text typed after it keeps 1600, neither the
    # 1400 typed before F5 nor the file's 1338.
    path = copy_project(tmp_path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await open_indicator(pilot, CAMERAS)
        await retype(pilot, "ind-actual", "1400")
        item = app.workspace.project.indicator(CAMERAS)
        await wait_for(pilot, lambda: item.actual == D(1400), "1400 taken")
        step = app.screen
        screen = await open_sandbox(pilot, CAMERAS)
        await retype(pilot, "sb-actual", "1600")
        await wait_for(pilot, lambda: screen.sandbox.dirty, "the sandbox changed")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.press("y")
        await wait_for(pilot, lambda: app.screen is step, "back in the wizard")
        assert item.actual == D(1600)
        field = await retype(pilot, "ind-actual", "x", clear=False)
        await wait_for(pilot, lambda: field.value == "1600x", "1600x typed")
        await wait_for(pilot, lambda: "不是有效数字" in field.error_label.message, "refused")
        assert item.actual == D(1600)
        await pilot.press("ctrl+q")
    assert saved(path).indicator(CAMERAS).actual == D(1600)
