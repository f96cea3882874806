"""Training in the wizard at 80x24: the rule book's calculator shows the engine's explanation for
the typed inputs and the engine's score curve; the quiz checks answers against the engine, shows
the worked explanation, ends with the summary per rule family, and the same seed gives the same
questions. ``perfeval quiz`` opens it full-screen when the terminal can carry it."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

from rich.console import Console
from textual.command import CommandList
from textual.widgets import OptionList, Select
from tui_helpers import copy_project, make_app, retype, wait_for

from perfeval_tui.analysis.curve import curve_lines, score_curve
from perfeval_tui.analysis.examples import example_for
from perfeval_tui.analysis.quiz import generate, summarize
from perfeval_tui.cli import main
from perfeval_tui.scoring.engine import score_project
from perfeval_tui.scoring.families import all_families
from perfeval_tui.scoring.numbers import fmt2
from perfeval_tui.scoring.ruleset import load_ruleset
from perfeval_tui.term.render_text import explanation_lines
from perfeval_tui.term.textwidth import line_width as cells
from perfeval_tui.tui.dialogs.help import keys_table
from perfeval_tui.tui.keymap import (
    CALCULATOR_KEYS,
    QUIZ_KEYS,
    RULEBOOK_KEYS,
    SANDBOX_KEYS,
)
from perfeval_tui.tui.quiz_app import QuizApp
from perfeval_tui.tui.screens.calculator import CalculatorScreen
from perfeval_tui.tui.screens.quiz import QuizScreen
from perfeval_tui.tui.screens.rulebook import RuleBookScreen
from perfeval_tui.tui.screens.training import open_quiz
from perfeval_tui.tui.widgets.explanation import explanation_text

SIZE = (80, 24)
RULES = load_ruleset("wuxi-2021")


def text_of(screen, widget_id: str) -> str:
    return screen.query_one(f"#{widget_id}").text


async def open_calculator(pilot, rule_id: str) -> CalculatorScreen:
    book = pilot.app.screen
    assert isinstance(book, RuleBookScreen)
    book.select_rule(rule_id)
    await pilot.pause()
    await pilot.press("ctrl+t")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, CalculatorScreen), "the calculator")
    screen = pilot.app.screen
    assert screen.rule.id == rule_id
    return screen


async def shows(pilot, screen, widget_id: str, expected: str) -> None:
    """Wait until the widget's text is ``expected``."""
    await wait_for(pilot, lambda: text_of(screen, widget_id) == expected, f"{widget_id} re-drawn")


def engine_explanation(rule_id: str, change) -> str:
    """The engine's explanation panel text for the rule's example after ``change``."""
    example = example_for(RULES, rule_id)
    project = example.project.model_copy(deep=True)
    change(project)
    return explanation_text(score_project(project, RULES).by_id(example.indicator_id)).plain


async def test_calculator_explains_typed_amounts_as_the_engine_does(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "rules")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_calculator(pilot, "budget_execution_rate")
        example = engine_explanation("budget_execution_rate", lambda p: None)
        assert text_of(screen, "calc-explanation") == example
        assert "得分 0.94 / 4.00" in text_of(screen, "calc-score")  # 400 of 450 spent

        await retype(pilot, "calc-fund0-actual_spend", "430")

        def spend_430(project) -> None:
            project.funds[0].actual_spend = Decimal("430")

        expected = engine_explanation("budget_execution_rate", spend_430)
        await shows(pilot, screen, "calc-explanation", expected)
        assert "95.56%" in expected and "得分 4.00 / 4.00" in text_of(screen, "calc-score")
        # Per whole percent instead of continuous, with 400 spent: 0.94 becomes 1.00.
        await retype(pilot, "calc-fund0-actual_spend", "400")
        screen.query_one("#calc-reading", Select).value = "floor"

        def floor_400(project) -> None:
            project.readings = {"budget_execution_rate": "floor"}

        await shows(
            pilot,
            screen,
            "calc-explanation",
            engine_explanation("budget_execution_rate", floor_400),
        )
        assert "得分 1.00 / 4.00" in text_of(screen, "calc-score")
        # A typing mistake is named in Chinese and leaves the last good value.
        field = await retype(pilot, "calc-fund0-actual_spend", "..", clear=False)
        assert field.value == "400.."
        assert "实际支出数" in field.error_label.message
        assert "得分 1.00 / 4.00" in text_of(screen, "calc-score")
        await pilot.press("ctrl+r")
        await shows(pilot, screen, "calc-explanation", example)
        assert screen.query_one("#calc-fund0-actual_spend").value == "400"
        assert screen.query_one("#calc-reading", Select).value == ""
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, RuleBookScreen), "the rule book")


async def test_calculator_completion_ratio_and_its_curve(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "rules")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_calculator(pilot, "completion_ratio")
        await retype(pilot, "calc-actual", "1338")

        def built_1338(project) -> None:
            project.indicators[0].actual = Decimal("1338")

        await shows(
            pilot, screen, "calc-explanation", engine_explanation("completion_ratio", built_1338)
        )
        await pilot.press("f4")
        curve = score_curve(screen.sandbox.project, screen.indicator_id, ruleset=RULES)
        await wait_for(pilot, lambda: "当前：" in text_of(screen, "calc-curve"), "the curve")
        shown = text_of(screen, "calc-curve")
        assert curve.current is not None
        assert f"当前：{curve.x_text(curve.current.x)}，得分 {fmt2(curve.current.score)}" in shown
        assert "当前：1.03，得分 10.00" in shown
        for mark in curve.marks:
            assert mark.label in shown
        plot = [line for line in shown.splitlines() if "┤" in line or "│" in line]
        assert any("O" in line for line in plot) and all(":" in line for line in plot)
        # Typing moves the current point on the curve.
        await retype(pilot, "calc-actual", "2000")
        await wait_for(pilot, lambda: "当前：1.53，得分" in text_of(screen, "calc-curve"), "1.53")
        moved = text_of(screen, "calc-curve")
        assert "当前：1.53，得分" in moved
        assert moved != shown


async def test_quiz_in_the_wizard_checks_answers_against_the_engine(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "rules")
    async with app.run_test(size=SIZE) as pilot:
        open_quiz(app, seed=11, rounds=3)
        await wait_for(pilot, lambda: isinstance(app.screen, QuizScreen), "the quiz")
        screen = app.screen
        expected = generate(11, 3, "wuxi-2021")
        assert [s.question_lines() for s in screen.scenarios] == [
            s.question_lines() for s in expected
        ]
        assert text_of(screen, "quiz-question").splitlines() == expected[0].question_lines()
        # Right (within a cent), then wrong, then a word that is not a number, then right.
        await pilot.press(*fmt2(expected[0].expected + Decimal("0.01")), "enter")
        await shows(pilot, screen, "quiz-verdict", f"✓ 正确：得分 {fmt2(expected[0].expected)}")
        worked = text_of(screen, "quiz-worked")
        assert explanation_lines(expected[0].explanation, clause=False)[-1] in worked
        await pilot.press("enter")
        await shows(pilot, screen, "quiz-question", "\n".join(expected[1].question_lines()))
        assert text_of(screen, "quiz-question").splitlines() == expected[1].question_lines()
        wrong = expected[1].expected + 1
        await pilot.press(*fmt2(wrong), "enter")
        await shows(
            pilot,
            screen,
            "quiz-verdict",
            f"✗ 不对：正确得分为 {fmt2(expected[1].expected)}（你的答案 {fmt2(wrong)}）",
        )
        await pilot.press("f7")
        await shows(pilot, screen, "quiz-question", "\n".join(expected[2].question_lines()))
        await pilot.press(".", ".", "enter")
        await wait_for(pilot, lambda: "「得分」" in text_of(screen, "quiz-verdict"), "the error")
        assert not screen.answered
        await pilot.press("backspace", "backspace", *fmt2(expected[2].expected), "enter")
        await wait_for(pilot, lambda: text_of(screen, "quiz-verdict").startswith("✓ 正确"), "right")
        await pilot.press("enter")
        await wait_for(
            pilot, lambda: "共答 3 题，答对 2 题" in text_of(screen, "quiz-question"), "summary"
        )
        summary = text_of(screen, "quiz-question")
        assert "共答 3 题，答对 2 题" in summary
        for item in summarize(screen.results):
            assert f"{item.label}：答对 {item.correct}/{item.asked}" in summary
        assert "建议复习：" + expected[1].explanation.rule_name in summary
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, RuleBookScreen), "the rule book")


async def test_the_rule_book_opens_the_quiz_and_every_rule(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "rules")
    async with app.run_test(size=SIZE) as pilot:
        listing = app.screen.query_one("#rule-list", OptionList)
        assert [listing.get_option_at_index(i).id for i in range(listing.option_count)] == list(
            RULES.rules
        )
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: isinstance(app.screen, QuizScreen), "the quiz")
        families = {s.family for s in app.screen.scenarios}
        assert families == {f.id for f in all_families()} & {r.family for r in RULES.rules.values()}
        await pilot.press("escape")  # nothing answered: straight back
        await wait_for(pilot, lambda: isinstance(app.screen, RuleBookScreen), "the rule book")


async def test_standalone_quiz_returns_the_answers() -> None:
    scenarios = generate(5, 2)
    app = QuizApp(scenarios, 5, linux=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.screen.query_one("#quiz-question"), "the question")
        await pilot.press(*fmt2(scenarios[0].expected), "enter", "enter")
        await wait_for(
            pilot,
            lambda: "第 2/2 题" in str(app.screen.query_one("#quiz-title").render()),
            "question 2",
        )
        await pilot.press("escape")  # ends the quiz: the summary first
        await wait_for(
            pilot,
            lambda: "共答 1 题，答对 1 题" in text_of(app.screen, "quiz-question"),
            "the summary",
        )
        await pilot.press("escape")
        await pilot.pause()
    assert [r.check.correct for r in app.return_value] == [True]


def test_quiz_command_goes_full_screen_only_where_the_terminal_can(monkeypatch, capsys) -> None:
    calls = []

    def fake_full_screen(scenarios, seed):
        calls.append((seed, [s.question_lines() for s in scenarios]))
        return 0

    monkeypatch.setattr("perfeval_tui.commands.quiz.run_full_screen", fake_full_screen)
    monkeypatch.setattr("perfeval_tui.commands.quiz.full_screen_problem", lambda: None)
    assert main(["quiz", "--seed", "3", "--rounds", "2"]) == 0
    assert calls == [(3, [s.question_lines() for s in generate(3, 2)])]
    # --plain, and a terminal that cannot carry it, run line by line.
    first = generate(3, 1)[0]
    monkeypatch.setattr("sys.stdin", io.StringIO(fmt2(first.expected) + "\n"))
    assert main(["quiz", "--seed", "3", "--rounds", "1", "--plain"]) == 0
    assert "✓ 正确" in capsys.readouterr().out
    monkeypatch.setattr(
        "perfeval_tui.commands.quiz.full_screen_problem", lambda: "标准输入或输出不是终端"
    )
    monkeypatch.setattr("sys.stdin", io.StringIO(fmt2(first.expected) + "\n"))
    assert main(["quiz", "--seed", "3", "--rounds", "1"]) == 0
    out, err = capsys.readouterr()
    assert "已改用逐行问答模式" in err and "✓ 正确" in out
    assert len(calls) == 1


def palette_top(app) -> str:
    """The command palette's first hit, as shown ("" while there is none)."""
    hits = app.screen.query_one(CommandList)
    return str(hits.get_option_at_index(0).prompt) if hits.option_count else ""


async def test_palette_and_help_reach_the_training_screens(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"评分练习")
        await wait_for(pilot, lambda: "评分练习" in palette_top(app), "the command found")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, QuizScreen), "the quiz")
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, QuizScreen), "the quiz left")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"规则计算器")
        await wait_for(pilot, lambda: "规则计算器" in palette_top(app), "the command found")
        await pilot.press("enter")
        # The indicator step is on 预算调整率: the calculator opens on its rule.
        await wait_for(pilot, lambda: isinstance(app.screen, CalculatorScreen), "the calculator")
        assert app.screen.rule.id == "budget_adjustment_rate"
        await pilot.press("escape", "f1")
        await pilot.pause()
        console = Console(width=76, record=True, file=io.StringIO())
        console.print(keys_table())
        shown = console.export_text()
        for key in (*SANDBOX_KEYS, *RULEBOOK_KEYS, *CALCULATOR_KEYS, *QUIZ_KEYS):
            assert key.help[:6] in shown, key.help


def test_curve_lines_never_run_past_their_width(tmp_path: Path) -> None:
    for rule_id in ("funds_arrival_rate", "budget_execution_rate", "completion_ratio"):
        example = example_for(RULES, rule_id)
        curve = score_curve(example.project, example.indicator_id, ruleset=RULES)
        for width in (40, 44, 74, 78):
            lines = curve_lines(curve, width=width, height=8)
            assert all(cells(line) <= width for line in lines), (rule_id, width)
            assert (
                lines[-4 if curve.marks else -3].rstrip().endswith(curve.x_text(curve.points[-1].x))
            )
