"""评分练习 full-screen: generated scenarios, the trainee types the score, the engine checks it.

Scenarios come from :func:`~perfeval_tui.analysis.quiz.generate` (the same seed gives the same questions
here, in ``perfeval quiz`` and in its line mode); :func:`~perfeval_tui.analysis.quiz.check_answer` judges
each answer against the engine's score (±0.01) and the engine's worked explanation follows. The
quiz ends with the summary per rule family (:func:`~perfeval_tui.analysis.quiz.summarize`).
"""

from __future__ import annotations

import random

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Label

from ...analysis.quiz import QuizResult, Scenario, check_answer, generate, summarize, summary_lines
from ...scoring.numbers import fmt2
from ...scoring.ruleset import DEFAULT_RULESET
from ...term.render_text import explanation_lines
from ..keymap import QUIZ_KEYS, bindings
from ..widgets.in_order import EntryInput
from ..widgets.live import LiveStatic
from ..widgets.score_bar import StepBar


def question_text(scenario: Scenario) -> Text:
    lines = scenario.question_lines()
    text = Text(lines[0], style="bold")
    for line in lines[1:]:
        text.append("\n" + line)
    return text


def verdict_text(result: QuizResult) -> Text:
    check = result.check
    if check.correct:
        return Text(f"✓ 正确：得分 {fmt2(check.expected)}", style="bold green")
    given = "" if check.given is None else fmt2(check.given)
    return Text(f"✗ 不对：正确得分为 {fmt2(check.expected)}（你的答案 {given}）", style="bold red")


def worked_text(scenario: Scenario) -> Text:
    text = Text(f"题型：{scenario.family_label}·{scenario.kind}\n", style="dim")
    text.append("演算（引擎）：\n", style="bold")
    text.append("\n".join(explanation_lines(scenario.explanation, clause=False)))
    return text


def summary_text(results: list[QuizResult]) -> Text:
    lines = summary_lines(results)
    text = Text("练习结束\n", style="bold")
    text.append(lines[0] + "\n", style="bold")
    text.append("\n各类规则：\n", style="bold")
    for item in summarize(results):
        style = "green" if item.correct == item.asked else "red"
        text.append(f"  {item.label}：", style="")
        text.append(f"答对 {item.correct}/{item.asked}\n", style=style)
    for line in lines[1:]:
        if line.startswith("建议复习"):
            text.append("\n" + line + "\n", style="bold")
    if not results:
        text.append("  （没有作答）\n", style="dim")
    return text


class QuizScreen(Screen[None]):
    BINDINGS = bindings(QUIZ_KEYS)
    DEFAULT_CSS = """
    QuizScreen #quiz-body { height: 1fr; padding: 0 1; scrollbar-size-vertical: 1; }
    QuizScreen #quiz-answer-row { height: 1; margin: 1 0 0 0; }
    QuizScreen #quiz-answer-row > Label { width: auto; padding: 0 1 0 0; }
    QuizScreen #quiz-answer { width: 12; }
    QuizScreen #quiz-verdict { margin-top: 1; }
    QuizScreen #quiz-progress {
        height: 1; background: $panel; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis;
    }
    """

    def __init__(
        self,
        seed: int | None = None,
        rounds: int = 8,
        ruleset_id: str = DEFAULT_RULESET,
        *,
        scenarios: list[Scenario] | None = None,
        standalone: bool = False,
    ) -> None:
        super().__init__()
        self.standalone = standalone  # ``perfeval quiz``: leaving the quiz ends the program
        self.seed = seed if seed is not None else random.SystemRandom().randrange(1, 100_000)
        self.scenarios = (
            scenarios if scenarios is not None else generate(self.seed, rounds, ruleset_id)
        )
        self.results: list[QuizResult] = []
        self.index = 0
        self.answered = False
        self.finished = False

    @property
    def scenario(self) -> Scenario:
        return self.scenarios[self.index]

    def compose(self) -> ComposeResult:
        yield StepBar(id="quiz-title")
        with VerticalScroll(id="quiz-body"):
            yield LiveStatic(id="quiz-question")
            with Horizontal(id="quiz-answer-row"):
                yield Label("你的得分")
                yield EntryInput(compact=True, id="quiz-answer")
                yield Label("分（两位小数，回车提交）", id="quiz-answer-hint")
            yield LiveStatic(id="quiz-verdict")
            yield LiveStatic(id="quiz-worked")
        yield LiveStatic(id="quiz-progress")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.show_question()

    def _title(self, text: str) -> None:
        self.query_one(StepBar).update(Text.assemble(("评分练习", "bold"), f" · {text}"))

    def _progress(self) -> None:
        right = sum(1 for r in self.results if r.check.correct)
        text = f"已答 {len(self.results)}/{len(self.scenarios)} 题，答对 {right} 题"
        text += f"   种子 {self.seed}（--seed {self.seed} 可重做同一组题）"
        self.query_one("#quiz-progress", LiveStatic).set(text)

    def show_question(self) -> None:
        self.answered = False
        self._title(f"第 {self.index + 1}/{len(self.scenarios)} 题")
        self.query_one("#quiz-question", LiveStatic).set(question_text(self.scenario))
        self.query_one("#quiz-verdict", LiveStatic).set("")
        self.query_one("#quiz-worked", LiveStatic).set("")
        self.query_one("#quiz-answer-hint", Label).update("分（两位小数，回车提交）")
        answer = self.query_one("#quiz-answer", Input)
        answer.disabled = False
        answer.value = ""
        answer.focus()
        self.query_one("#quiz-body", VerticalScroll).scroll_home(animate=False)
        self._progress()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.answered:
            self.action_next()
            return
        check = check_answer(self.scenario, event.value)
        if check.error is not None:
            self.query_one("#quiz-verdict", LiveStatic).set(Text(check.error, style="bold red"))
            return
        result = QuizResult(self.scenario, check)
        self.results.append(result)
        self.answered = True
        self.query_one("#quiz-verdict", LiveStatic).set(verdict_text(result))
        self.query_one("#quiz-worked", LiveStatic).set(worked_text(self.scenario))
        last = self.index + 1 >= len(self.scenarios)
        hint = "回车看小结" if last else "回车下一题"
        self.query_one("#quiz-answer-hint", Label).update(f"分   {hint}")
        self._progress()
        verdict = self.query_one("#quiz-verdict")
        self.call_after_refresh(
            self.query_one("#quiz-body", VerticalScroll).scroll_to_widget, verdict, top=True
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # After the summary there is no next question: F7 leaves the footer.
        return not (action == "next" and self.finished)

    def action_next(self) -> None:
        if self.finished:
            return
        if not self.answered:
            self.notify("先输入得分并回车。", timeout=3)
            return
        if self.index + 1 >= len(self.scenarios):
            self.show_summary()
            return
        self.index += 1
        self.show_question()

    def show_summary(self) -> None:
        self.finished = True
        self.refresh_bindings()
        self._title("小结")
        self.query_one("#quiz-answer-row").display = False
        self.query_one("#quiz-question", LiveStatic).set(summary_text(self.results))
        self.query_one("#quiz-verdict", LiveStatic).set(Text("Esc 返回", style="dim"))
        self.query_one("#quiz-worked", LiveStatic).set("")
        self.query_one("#quiz-body", VerticalScroll).scroll_home(animate=False)
        self.query_one("#quiz-body", VerticalScroll).focus()
        self._progress()

    def action_close(self) -> None:
        if not self.finished and self.results:
            self.show_summary()  # Esc ends the quiz: the summary first, Esc again leaves
            return
        if self.standalone:
            self.app.exit(self.results)
        else:
            self.dismiss(None)
