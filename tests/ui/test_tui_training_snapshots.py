"""SVG snapshots at 80x24 of the sandbox with deltas, goal seek, the rule-book calculator, the
score curve, a quiz round and the quiz summary (cursor blink is off by default, so the pictures
are stable). Update with ``pytest --snapshot-update`` after review."""

from __future__ import annotations

from pathlib import Path

from tui_helpers import copy_project, make_app

from perfeval_tui.analysis.quiz import generate
from perfeval_tui.scoring.numbers import fmt2
from perfeval_tui.tui.dialogs.seek import SeekDialog
from perfeval_tui.tui.screens.calculator import CalculatorScreen
from perfeval_tui.tui.screens.quiz import QuizScreen
from perfeval_tui.tui.screens.simulate import SimulationScreen
from perfeval_tui.tui.screens.training import open_calculator, open_quiz

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
        screen = app.screen
        assert isinstance(screen, SimulationScreen)
        seen["total"] = screen.sandbox.comparison().total

    seen: dict[str, object] = {}
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)
    # Behaviour: the sandbox re-scores its copy (99.60 → 99.09); the project file is untouched.
    total = seen["total"]
    assert (fmt2(total.before), fmt2(total.after)) == ("99.60", "99.09")


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
        seen["dialog"] = type(app.screen)

    seen: dict[str, object] = {}
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)
    # Behaviour: F6 in the sandbox opens goal seek for the indicator being edited.
    assert seen["dialog"] is SeekDialog


def test_rule_book_calculator(tmp_path: Path, snap_compare) -> None:
    app = make_app(copy_project(tmp_path), "rules")

    async def settle(pilot) -> None:
        await pilot.pause()
        open_calculator(app, "budget_execution_rate")
        await pilot.pause()
        app.screen.query_one("#calc-fund0-actual_spend").focus()
        await pilot.press("end", "ctrl+u", *"430")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CalculatorScreen)
        seen["score"] = screen.sandbox.result.by_id(screen.indicator_id).score

    seen: dict[str, object] = {}
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)
    # Behaviour: 430 spent of 450 is 95.56%, at or above the 95% floor: full marks.
    assert fmt2(seen["score"]) == "4.00"


def test_score_curve(tmp_path: Path, snap_compare) -> None:
    app = make_app(copy_project(tmp_path), "rules")

    async def settle(pilot) -> None:
        await pilot.pause()
        open_calculator(app, "completion_ratio")
        await pilot.pause()
        app.screen.query_one("#calc-actual").focus()
        await pilot.press("end", "ctrl+u", *"1338", "f4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CalculatorScreen)
        seen["curve"] = screen.curve_shown

    seen: dict[str, object] = {}
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)
    # Behaviour: F4 switches the calculator from the arithmetic to the score curve.
    assert seen["curve"] is True


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
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        seen["results"] = list(screen.results)

    seen: dict[str, list] = {}
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)
    # Behaviour: an answer one point off is judged wrong against the engine's score.
    (result,) = seen["results"]
    assert not result.check.correct and result.scenario.expected == first.expected


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
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        seen["right"] = [r.check.correct for r in screen.results]

    seen: dict[str, list] = {}
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)
    # Behaviour: the second answer (one point off) is the only wrong one of three.
    assert seen["right"] == [True, False, True]
