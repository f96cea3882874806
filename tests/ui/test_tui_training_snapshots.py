"""SVG snapshots at 80x24 of the sandbox with deltas, goal seek, the rule-book calculator, the
score curve, a quiz round and the quiz summary (cursor blink is off by default, so the pictures
are stable). Update with ``pytest --snapshot-update`` after review."""

from __future__ import annotations

from pathlib import Path

from tui_helpers import copy_project, focus, make_app, open_indicator, wait_for

from perfeval_tui.analysis.quiz import generate
from perfeval_tui.scoring.numbers import fmt2
from perfeval_tui.tui.dialogs.seek import SeekDialog
from perfeval_tui.tui.screens.calculator import CalculatorScreen
from perfeval_tui.tui.screens.quiz import QuizScreen
from perfeval_tui.tui.screens.simulate import SimulationScreen
from perfeval_tui.tui.screens.training import open_calculator, open_quiz

SIZE = (80, 24)


def text_of(screen, widget_id: str) -> str:
    return screen.query_one(f"#{widget_id}").text


def test_sandbox_with_deltas(tmp_path: Path, snap_compare) -> None:
    app = make_app(copy_project(tmp_path), "indicators")

    async def settle(pilot) -> None:
        await open_indicator(pilot, "total-cameras")
        await pilot.press("f5")
        await wait_for(pilot, lambda: isinstance(app.screen, SimulationScreen), "the sandbox")
        screen = app.screen
        await focus(pilot, screen.query_one("#sb-actual"))
        await pilot.press("end", "ctrl+u", *"1600")
        await wait_for(pilot, lambda: "14.49" in text_of(screen, "sb-delta"), "the re-score")
        seen["total"] = screen.sandbox.comparison().total

    seen: dict[str, object] = {}
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)
    # Behaviour: the sandbox re-scores its copy (99.60 → 99.09); the project file is untouched.
    total = seen["total"]
    assert (fmt2(total.before), fmt2(total.after)) == ("99.60", "99.09")


def test_goal_seek_for_an_indicator(tmp_path: Path, snap_compare) -> None:
    app = make_app(copy_project(tmp_path), "indicators")

    async def settle(pilot) -> None:
        await open_indicator(pilot, "total-cameras")
        await pilot.press("f5")
        await wait_for(pilot, lambda: isinstance(app.screen, SimulationScreen), "the sandbox")
        await focus(pilot, app.screen.query_one("#sb-actual"))
        await pilot.press("end", "ctrl+u", *"1600", "f6")
        await wait_for(pilot, lambda: isinstance(app.screen, SeekDialog), "the seek dialog")
        await wait_for(pilot, lambda: "满分条件" in text_of(app.screen, "seek-head"), "drawn")
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
        await wait_for(pilot, lambda: isinstance(app.screen, CalculatorScreen), "the calculator")
        screen = app.screen
        await focus(pilot, screen.query_one("#calc-fund0-actual_spend"))
        await pilot.press("end", "ctrl+u", *"430")
        await wait_for(pilot, lambda: "95.56%" in text_of(screen, "calc-explanation"), "430")
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
        await wait_for(pilot, lambda: isinstance(app.screen, CalculatorScreen), "the calculator")
        screen = app.screen
        await focus(pilot, screen.query_one("#calc-actual"))
        await pilot.press("end", "ctrl+u", *"1338", "f4")
        await wait_for(pilot, lambda: "当前：1.03" in text_of(screen, "calc-curve"), "the curve")
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
        await wait_for(pilot, lambda: isinstance(app.screen, QuizScreen), "the quiz")
        screen = app.screen
        await pilot.press(*fmt2(first.expected + 1), "enter")
        await wait_for(pilot, lambda: text_of(screen, "quiz-verdict").startswith("✗"), "verdict")
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
        await wait_for(pilot, lambda: isinstance(app.screen, QuizScreen), "the quiz")
        screen = app.screen
        answers = [scenarios[0].expected, scenarios[1].expected + 1, scenarios[2].expected]
        for n, answer in enumerate(answers, start=1):
            await pilot.press(*fmt2(answer), "enter", "enter")
            await wait_for(pilot, lambda n=n: len(screen.results) == n, f"answer {n}")
        await wait_for(pilot, lambda: "共答 3 题" in text_of(screen, "quiz-question"), "summary")
        seen["right"] = [r.check.correct for r in screen.results]

    seen: dict[str, list] = {}
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)
    # Behaviour: the second answer (one point off) is the only wrong one of three.
    assert seen["right"] == [True, False, True]
