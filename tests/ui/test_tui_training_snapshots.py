"""SVG snapshots at 80x24 of the sandbox with deltas, goal seek, the rule-book calculator, the
score curve, a quiz round and the quiz summary (cursor blink is off by default, so the pictures
are stable). Update with ``pytest --snapshot-update`` after review."""

from __future__ import annotations

from pathlib import Path

from tui_helpers import copy_project, make_app

from perfeval_tui.analysis.quiz import generate
from perfeval_tui.scoring.numbers import fmt2
from perfeval_tui.tui.training import open_calculator, open_quiz

SIZE = (80, 24)


def test_sandbox_with_deltas(tmp_path: Path, snap_compare) -> None:
    app = make_app(copy_project(tmp_path), "indicators")

    async def settle(pilot) -> None:
        await pilot.pause()
        app.show_indicator("total-cameras")
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        app.screen.query_one("#sb-actual").focus()
        await pilot.press("end", "ctrl+u", *"1600")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_goal_seek_for_an_indicator(tmp_path: Path, snap_compare) -> None:
    app = make_app(copy_project(tmp_path), "indicators")

    async def settle(pilot) -> None:
        await pilot.pause()
        app.show_indicator("total-cameras")
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        app.screen.query_one("#sb-actual").focus()
        await pilot.press("end", "ctrl+u", *"1600", "f6")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_rule_book_calculator(tmp_path: Path, snap_compare) -> None:
    app = make_app(copy_project(tmp_path), "rules")

    async def settle(pilot) -> None:
        await pilot.pause()
        open_calculator(app, "budget_execution_rate")
        await pilot.pause()
        app.screen.query_one("#calc-fund0-actual_spend").focus()
        await pilot.press("end", "ctrl+u", *"430")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_score_curve(tmp_path: Path, snap_compare) -> None:
    app = make_app(copy_project(tmp_path), "rules")

    async def settle(pilot) -> None:
        await pilot.pause()
        open_calculator(app, "completion_ratio")
        await pilot.pause()
        app.screen.query_one("#calc-actual").focus()
        await pilot.press("end", "ctrl+u", *"1338", "f4")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


SEED = 2024


def test_quiz_round(tmp_path: Path, snap_compare) -> None:
    app = make_app(copy_project(tmp_path), "rules")
    first = generate(SEED, 3)[0]

    async def settle(pilot) -> None:
        await pilot.pause()
        open_quiz(app, seed=SEED, rounds=3)
        await pilot.pause()
        await pilot.press(*fmt2(first.expected + 1), "enter")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_quiz_summary(tmp_path: Path, snap_compare) -> None:
    app = make_app(copy_project(tmp_path), "rules")
    scenarios = generate(SEED, 3)

    async def settle(pilot) -> None:
        await pilot.pause()
        open_quiz(app, seed=SEED, rounds=3)
        await pilot.pause()
        answers = [scenarios[0].expected, scenarios[1].expected + 1, scenarios[2].expected]
        for answer in answers:
            await pilot.press(*fmt2(answer), "enter", "enter")
            await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=settle)
