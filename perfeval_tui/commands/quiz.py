"""``perfeval quiz [--seed N] [--rounds K] [--ruleset ID] [--plain]``: score generated scenarios.

Full-screen (the wizard's quiz screen) where the terminal can carry it; otherwise, and with
``--plain``, line by line through plain mode's prompts, so an answers file can drive it and it
works on any terminal. Each answer is checked against the engine (±0.01) and followed by the engine's
worked explanation; a summary per rule family ends the quiz (also after EOF or Ctrl-C).
Exit 0 when every question was answered or the user typed q; 3 when the input ended first (a
closed or empty stdin included), 130 after Ctrl-C, 129 when the terminal went away or after
SIGHUP, 143 after SIGTERM (full-screen: the terminal restored first).
"""

from __future__ import annotations

import argparse
import os
import random
import sys

from ..analysis.quiz import QuizResult, Scenario, check_answer, generate, summary_lines
from ..plain import use_locale_encoding
from ..plain.prompts import LinePrompter, Prompter, make_prompter
from ..scoring.numbers import fmt2
from ..scoring.ruleset import DEFAULT_RULESET, UnknownRuleSetError, available_rulesets
from ..term.lost import EXIT_LOST, TerminalLost, flush_quietly
from ..term.render_text import explanation_lines
from ..term.terminal import full_screen_problem, write_in_user_encoding
from .exits import fail

QUIT_WORDS = frozenset({"q", "quit", "退出", "结束"})
EXIT_UNFINISHED = 3  # the input ended before the last question (as plain mode's incomplete project)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seed", type=int, metavar="N", help="题目种子：相同种子出相同的题")
    parser.add_argument("--rounds", type=int, default=8, metavar="K", help="题数（默认 8）")
    parser.add_argument(
        "--ruleset",
        default=DEFAULT_RULESET,
        metavar="规则集",
        help=f"规则集（{'、'.join(available_rulesets())}）",
    )
    parser.add_argument(
        "--plain", action="store_true", help="逐行问答（不使用全屏界面和 questionary 输入框）"
    )


def run(args: argparse.Namespace) -> int:
    if not 1 <= args.rounds <= 200:
        return fail(f"--rounds 应为 1 到 200 之间的整数（输入的是 {args.rounds}）")
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1, 100_000)
    try:
        scenarios = generate(seed, args.rounds, args.ruleset)
    except UnknownRuleSetError as exc:
        return fail(str(exc))
    if not args.plain:
        problem = full_screen_problem()
        if problem is None:
            return run_full_screen(scenarios, seed)
        write_in_user_encoding(f"提示：{problem}。已改用逐行问答模式。")
    os.environ.setdefault("PROMPT_TOOLKIT_NO_CPR", "1")
    use_locale_encoding()
    ask: Prompter = LinePrompter() if args.plain else make_prompter()
    ask.say(f"评分练习：{len(scenarios)} 题（种子 {seed}，用 --seed {seed} 可重做同一组题）")
    ask.say("输入得分（保留两位小数），答案与正确得分相差不超过 0.01 即算对；输入 q 结束。")
    results: list[QuizResult] = []
    status = 0
    try:
        try:
            run_quiz(scenarios, ask, results)
        except EOFError:
            ask.say("")
            status = EXIT_UNFINISHED
        except KeyboardInterrupt:
            ask.say("\n已中断。")
            status = 130
        ask.say("")
        for line in summary_lines(results):
            ask.say(line)
        if status == EXIT_UNFINISHED:
            ask.say(
                f"输入已结束：共 {len(scenarios)} 题，只答了 {len(results)} 题"
                "（要提前结束请输入 q）。"
            )
    except TerminalLost:  # nothing to save and nobody left to tell
        flush_quietly()
        return EXIT_LOST
    return status


def run_full_screen(scenarios: list[Scenario], seed: int) -> int:
    """The wizard's quiz screen; its summary is printed again after the screen is left."""
    from ..tui.quiz_app import run_quiz_app

    results, code = run_quiz_app(scenarios, seed)
    for line in summary_lines(results):
        write_in_user_encoding(line, sys.stdout)
    return code


def run_quiz(
    scenarios: list[Scenario], ask: Prompter, results: list[QuizResult]
) -> list[QuizResult]:
    """Ask each scenario in turn, appending to ``results`` as answers come (so an early end keeps them)."""
    for scenario in scenarios:
        ask.say("")
        for line in scenario.question_lines():
            ask.say(line)
        while True:
            typed = ask.guarded(lambda: ask.ask_line("你的得分"))
            if typed.strip().lower() in QUIT_WORDS:
                return results
            check = check_answer(scenario, typed)
            if check.error is None:
                break
            ask.error(check.error)
        results.append(QuizResult(scenario, check))
        if check.correct:
            ask.say(f"✓ 正确：得分 {fmt2(check.expected)}")
        else:
            given = "" if check.given is None else fmt2(check.given)
            ask.say(f"✗ 不对：正确得分为 {fmt2(check.expected)}（你的答案 {given}）")
        ask.say(f"题型：{scenario.family_label}·{scenario.kind}")
        for line in explanation_lines(scenario.explanation, clause=False):
            ask.say(f"  {line}")
    return results
