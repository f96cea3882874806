"""The plain wizard: the full-screen wizard's steps, asked line by line, with a step menu.

Every answer is saved before the next question. After each step the running total and the
step's deductions are printed. Ctrl-C asks whether to leave; closed input (EOF) leaves quietly.
The exit status says whether the project is complete: 0 complete, 3 not yet (129 when the
terminal went away).
"""

from __future__ import annotations

from decimal import Decimal

from ..project.session import EditSession
from ..scoring.completeness import missing_items
from ..scoring.engine import IndicatorScore
from ..scoring.model import Basics
from ..scoring.numbers import fmt2
from ..term.lost import TerminalLost
from .display import points_line
from .editing import Editor
from .indicators import IndicatorStep, rule_is_rate
from .national_budget import national_budget_step
from .prompts import Option, Prompter, QuitRequested
from .report import export_step, score_step
from .tables import DISTRICTS, FUNDS, table_step

EXIT_COMPLETE, EXIT_INCOMPLETE = 0, 3

STEPS: list[tuple[str, str]] = [
    ("basics", "基本情况"),
    ("funds", "附表1 预算执行"),
    ("districts", "区县资金分配"),
    ("indicators", "绩效指标"),
    ("score", "评分结果"),
    ("export", "导出"),
]
# The national 项目支出绩效自评表 calls its budget block 项目资金, not 附表1.
NATIONAL_LABELS = {"funds": "项目资金 预算执行"}
QUIT = "quit"
CORE_BASICS = ("name", "year", "unit")
OTHER_BASICS = ("department", "preparer", "phone", "fill_date", "team_leader")
REPORT_TEXTS = (
    "background",
    "basis",
    "organization",
    "content",
    "approach",
    "goals_text",
    "achievements",
    "problems",
    "suggestions",
)
# The national 自评表's own texts: 年度总体目标's 实际完成情况 and the closing 评价结论 / 改进措施.
NATIONAL_TEXTS = ("goal_result", "conclusion", "improvements")
BASICS_LABELS = {"fill_date": "填报日期（如 2021-05-23）"}


class PlainWizard:
    def __init__(self, session: EditSession, ask: Prompter) -> None:
        self.session = session
        self.ask = ask
        self.editor = Editor(session, ask)
        self.indicator_step = IndicatorStep(self.editor, ask)
        ask.on_interrupt = self._on_interrupt

    def run(self, *, new: bool = False) -> int:
        """Walk the steps until the user leaves or the input ends; return the exit status.

        A terminal that is gone ends it too: what was answered is saved, and TerminalLost goes on
        to the caller, which exits without writing to the dead terminal.
        """
        try:
            try:
                if new:  # name, year and unit were asked when the file was made; the rest now
                    self.run_step("basics", skip=CORE_BASICS)
                    self.menu(1)
                else:
                    self.ask.say(
                        f"{self.session.project.basics.name}：{points_line(self.session.result)}"
                    )
                    self.menu(0)
            except QuitRequested:
                self.ask.say("已保存，退出。")
            except EOFError:
                self.ask.say("输入已结束。已录入的内容都已保存。")
            return self.finish()
        except TerminalLost:
            self.session.save()
            raise

    def menu(self, suggested: int) -> None:
        options = [
            Option(f"第 {n} 步 · {self.label(key)}", key) for n, (key, _) in enumerate(STEPS, 1)
        ]
        options.append(Option("保存并退出", QUIT))
        while True:
            default = STEPS[suggested][0] if suggested < len(STEPS) else QUIT
            choice = self.ask.ask_select("下一步做什么？", options, default)
            if choice == QUIT:
                self.session.save()
                return
            self.run_step(choice)
            suggested = [key for key, _ in STEPS].index(choice) + 1

    def label(self, key: str) -> str:
        """The step's name in the terms of the project's form."""
        national = self.session.project.ruleset.startswith("national")
        return (NATIONAL_LABELS if national else {}).get(key) or dict(STEPS)[key]

    def run_step(self, key: str, *, skip: tuple[str, ...] = ()) -> None:
        number = [k for k, _ in STEPS].index(key) + 1
        self.ask.say("")
        self.ask.say(f"== 第 {number}/{len(STEPS)} 步 · {self.label(key)} ==")
        before = self.session.result.total
        if key == "basics":
            self.basics(skip)
        elif key == "funds" and self.session.project.ruleset.startswith("national"):
            national_budget_step(self.editor, self.ask)
        elif key == "funds":
            table_step(FUNDS, self.editor, self.ask)
        elif key == "districts":
            table_step(DISTRICTS, self.editor, self.ask)
        elif key == "indicators":
            self.indicator_step.run()
        elif key == "score":
            score_step(self.session, self.ask)
        else:
            export_step(self.session, self.ask)
        if key not in ("score", "export"):
            self.step_summary(key, before)

    def basics(self, skip: tuple[str, ...]) -> None:
        basics = self.session.project.basics
        self.ask.say("回车保留方括号中的当前值；输入 - 清空。")
        for field in (*CORE_BASICS, *OTHER_BASICS):
            if field not in skip:
                self.editor.field(basics, field, label=BASICS_LABELS.get(field))
        if self.ask.ask_confirm("填写报告正文（背景、依据、组织管理、成效、问题、建议等）", False):
            self.ask.say("段落之间输入 \\n 分段。")
            national = self.session.project.ruleset.startswith("national")
            for field in (*REPORT_TEXTS, *(NATIONAL_TEXTS if national else ())):
                self.editor.field(basics, field, label=_title(field))

    def step_summary(self, key: str, before: Decimal) -> None:
        result = self.session.result
        change = result.total - before
        moved = f"，本步 {'+' if change > 0 else ''}{fmt2(change)}" if change else ""
        self.ask.say(f"—— 本步完成。{points_line(result)}{moved}")
        related = [item for item in result.indicators if _belongs(key, item)]
        lines = [
            f"  {item.name} −{fmt2(d.points)}：{d.reason}"
            for item in related
            for d in item.deductions
            if d.points > 0
        ]
        self.ask.say("本步扣分：" if lines else "本步扣分：无")
        for line in lines:
            self.ask.say(line)

    def _on_interrupt(self) -> None:
        try:
            leave = self.ask.ask_confirm("已录入的内容都已保存。保存并退出", True)
        except (KeyboardInterrupt, EOFError):
            leave = True
        if leave:
            self.session.save()
            raise QuitRequested

    def finish(self) -> int:
        missing = missing_items(self.session.result, self.session.project)
        self.ask.say(f"项目文件：{self.session.path}")
        if not missing:
            self.ask.say(f"项目已填写完整。{points_line(self.session.result)}")
            return EXIT_COMPLETE
        self.ask.say(f"项目尚未填写完整（{len(missing)} 处）：")
        for line in missing[:8]:
            self.ask.say(f"  · {line}")
        if len(missing) > 8:
            self.ask.say(f"  · …… 另有 {len(missing) - 8} 处")
        return EXIT_INCOMPLETE


def _belongs(step: str, item: IndicatorScore) -> bool:
    """附表1 drives the rate indicators; the indicator step owns all the others."""
    rate = rule_is_rate(item.explanation.family)
    return (step == "funds" and rate) or (step == "indicators" and not rate)


def _title(field: str) -> str:
    return Basics.model_fields[field].title or field
