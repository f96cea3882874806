"""Goal seek in the sandbox: what an indicator needs for full marks (or a chosen score), and the
single-indicator changes that lift the total to a score or grade.

Answers come from :func:`~perfeval_tui.analysis.seek.seek_indicator` and
:func:`~perfeval_tui.analysis.seek_total.seek_total`, each already applied to a copy and re-scored by the
engine; the dialog shows those figures and returns the chosen answer (Enter) to the sandbox.
"""

from __future__ import annotations

from decimal import Decimal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ...analysis.paths import SimulationError
from ...analysis.seek import IndicatorSeek, SeekAnswer, seek_indicator
from ...analysis.seek_total import TotalSeek, goal_for_grade, seek_total, size_text
from ...analysis.whatif import Sandbox
from ...scoring.numbers import NumberInputError, fmt2, parse_number
from ..keymap import SEEK_KEYS, bindings
from ..widgets.in_order import EntryInput
from ..widgets.live import LiveStatic
from ..widgets.sandbox_editor import change_line

DIALOG_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 78; max-width: 100%; height: auto; max-height: 22;
    border: solid $primary; background: $surface; padding: 0 1;
}}
{name} .title {{ text-style: bold; }}
{name} .goal-row {{ height: 1; }}
{name} .goal-row > Label {{ width: auto; padding: 0 1 0 0; }}
{name} .goal-row > Input {{ width: 12; }}
{name} .hint {{ color: $text-muted; }}
{name} #seek-head {{ height: auto; max-height: 3; }}
{name} #seek-notes {{ height: auto; max-height: 3; color: $text-muted; }}
{name} OptionList, {name} OptionList:focus {{
    height: auto; max-height: 11; border: none; padding: 0;
}}
"""


def answer_option(number: int, answer: SeekAnswer, size: bool = False) -> Option:
    text = Text()
    text.append(f"{number}.", style="bold")  # no space: a long CJK name then folds in place
    if size:
        text.append(f"{answer.name}：", style="bold")
    text.append(answer.line())
    if size:
        text.append(f"（变动幅度 {size_text(answer.size)}）", style="dim")
    if answer.note:
        text.append("\n   " + answer.note, style="dim")
    return Option(text, id=str(number - 1))


class _SeekBase(ModalScreen[SeekAnswer | None]):
    BINDINGS = bindings(SEEK_KEYS)
    GOAL_LABEL = ""
    GOAL_HINT = ""

    def __init__(self, sandbox: Sandbox) -> None:
        super().__init__()
        self.sandbox = sandbox
        self.answers: tuple[SeekAnswer, ...] = ()

    def compose(self) -> ComposeResult:
        with Vertical():
            yield LiveStatic(classes="title", id="seek-title")
            with Horizontal(classes="goal-row"):
                yield Label(self.GOAL_LABEL)
                yield EntryInput(placeholder=self.GOAL_HINT, compact=True, id="seek-goal")
                yield Label("回车重新反求", classes="hint")
            yield LiveStatic(id="seek-head")
            yield OptionList(id="seek-answers")
            yield LiveStatic(id="seek-notes", hide_empty=True)
            yield Static("↑↓ 选择，回车把该修改放入模拟（引擎再复核）；Esc 关闭", classes="hint")

    def on_mount(self) -> None:
        self.run_seek("")

    def run_seek(self, typed: str) -> None:
        raise NotImplementedError

    def show_answers(
        self, head: Text, answers: tuple[SeekAnswer, ...], notes: tuple[str, ...], *, size: bool
    ) -> None:
        self.answers = answers
        self.query_one("#seek-head", LiveStatic).set(head)
        label = self.query_one("#seek-notes", LiveStatic)
        label.styles.max_height = 3 if answers else 14  # notes get the room the list does not
        label.set("\n".join(f"说明：{note}" for note in notes))
        listing = self.query_one("#seek-answers", OptionList)
        listing.clear_options()
        listing.add_options([answer_option(n, a, size) for n, a in enumerate(answers, 1)])
        listing.display = bool(answers)
        if answers:
            listing.highlighted = 0
            listing.focus()
        else:
            self.query_one("#seek-goal", Input).focus()

    def show_problem(self, message: str) -> None:
        self.query_one("#seek-head", LiveStatic).set(Text(message, style="bold red"))
        self.query_one("#seek-notes", LiveStatic).set("")

    @on(Input.Submitted, "#seek-goal")
    def _goal(self, event: Input.Submitted) -> None:
        event.stop()
        self.run_seek(event.value)

    @on(OptionList.OptionSelected, "#seek-answers")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.answers[int(event.option.id or 0)])

    def action_close(self) -> None:
        self.dismiss(None)


class SeekDialog(_SeekBase):
    """Full marks, or a chosen score, for one indicator of the sandbox."""

    DEFAULT_CSS = DIALOG_CSS.format(name="SeekDialog")
    GOAL_LABEL = "目标得分"
    GOAL_HINT = "留空＝满分"

    def __init__(self, sandbox: Sandbox, indicator_id: str) -> None:
        super().__init__(sandbox)
        self.indicator_id = indicator_id
        self.result: IndicatorSeek | None = None

    def run_seek(self, typed: str) -> None:
        score: Decimal | None = None
        if typed.strip():
            try:
                score = parse_number(typed, field="目标得分", kind="score")
            except NumberInputError as exc:
                self.show_problem(str(exc))
                return
        try:
            found = seek_indicator(
                self.sandbox.project, self.indicator_id, score, self.sandbox.ruleset
            )
        except SimulationError as exc:
            self.show_problem(str(exc))
            return
        self.result = found
        aim = "满分" if found.goal == found.weight else f"{fmt2(found.goal)} 分"
        self.query_one("#seek-title", LiveStatic).set(
            f"反求：{found.name}（权重 {fmt2(found.weight)}，模拟中 {fmt2(found.current)} 分）"
            f" → {aim}"
        )
        head = Text()
        if found.full_range:
            head.append("满分条件：", style="bold")
            head.append(found.full_range)
        if not found.answers and not found.notes:
            head.append(("\n" if head.plain else "") + "没有找到能达到该得分的修改。")
        self.show_answers(head, found.answers, found.notes, size=False)


class TotalSeekDialog(_SeekBase):
    """The single-indicator changes that bring the sandbox's total to a score or a grade."""

    DEFAULT_CSS = DIALOG_CSS.format(name="TotalSeekDialog")
    GOAL_LABEL = "目标总分或等级"
    GOAL_HINT = "如 90 或 优"

    def __init__(self, sandbox: Sandbox) -> None:
        super().__init__(sandbox)
        self.result: TotalSeek | None = None

    def run_seek(self, typed: str) -> None:
        typed = typed.strip()
        project, ruleset = self.sandbox.project, self.sandbox.ruleset
        try:
            if not typed or typed in {band.grade for band in ruleset.grade_bands}:
                grade = typed or self._next_grade()
                found = seek_total(project, goal_for_grade(ruleset, grade), ruleset=ruleset)
            else:
                goal = parse_number(typed, field="目标总分", kind="score")
                found = seek_total(project, goal, ruleset=ruleset)
        except NumberInputError as exc:
            self.show_problem(f"{exc}。也可以输入等级：优、良、中")
            return
        except SimulationError as exc:
            self.show_problem(str(exc))
            return
        self.result = found
        self.query_one("#seek-title", LiveStatic).set(
            f"总分反求：模拟中总分 {fmt2(found.current)}（{found.current_grade}），"
            f"目标 {fmt2(found.goal)}（{found.goal_grade}）"
        )
        head = Text()
        if found.needed <= 0:
            head.append("模拟中的总分已达到目标，无需修改。", style="green")
        else:
            head.append(f"还差 {fmt2(found.needed)} 分", style="bold")
            if found.answers:
                head.append("；能单独达到目标的修改（按变动幅度从小到大）：")
        self.show_answers(head, found.answers, found.notes, size=True)

    def _next_grade(self) -> str:
        """The next grade above the sandbox's (优 when already at the top)."""
        bands = sorted(self.sandbox.ruleset.grade_bands, key=lambda b: b.min_score)
        total = self.sandbox.result.total
        higher = [b for b in bands if b.min_score > total]
        return (higher[0] if higher else bands[-1]).grade


class ChangesDialog(ModalScreen[None]):
    """F2 in the sandbox: every changed value and every score that moved (the engine's deltas)."""

    BINDINGS = bindings(SEEK_KEYS)
    DEFAULT_CSS = """
    ChangesDialog { align: center middle; }
    ChangesDialog > VerticalScroll {
        width: 78; max-width: 100%; height: auto; max-height: 22;
        border: solid $primary; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, sandbox: Sandbox) -> None:
        super().__init__()
        self.sandbox = sandbox

    def compose(self) -> ComposeResult:
        comparison = self.sandbox.comparison()
        text = Text()
        text.append("模拟中的修改（Esc 关闭，↑↓ 滚动）\n", style="bold")
        changes = self.sandbox.changes()
        text.append(f"\n修改的数值（{len(changes)} 项）：\n", style="bold")
        for change in changes:
            text.append(f"  {change_line(change)}\n")
        if not changes:
            text.append("  无：与文件相同\n", style="dim")
        moved = [*comparison.changed_indicators, *(g for g in comparison.groups if g.changed)]
        text.append(f"\n得分变化（文件 → 模拟，{len(moved)} 项）：\n", style="bold")
        for delta in moved:
            text.append(f"  {delta.line()}\n")
        text.append(comparison.total_line(), style="bold")
        with VerticalScroll():
            yield Static(text)

    def action_close(self) -> None:
        self.dismiss(None)
