"""Opening the training screens (calculator, quiz) and goal seek from anywhere in the wizard:
the rule book's keys, the command palette and the sandbox call these."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.app import App

from ..scoring.ruleset import DEFAULT_RULESET, RuleSet, load_ruleset


def _ruleset(app: App[object]) -> RuleSet:
    workspace = getattr(app, "workspace", None)
    if workspace is not None:
        ruleset: RuleSet = workspace.session.ruleset
        return ruleset
    return load_ruleset(DEFAULT_RULESET)


def open_calculator(app: App[object], rule_id: str | None = None) -> None:
    """The calculator on ``rule_id`` (or the first rule of the project's rule set)."""
    from .screens.calculator import CalculatorScreen

    ruleset = _ruleset(app)
    if rule_id not in ruleset.rules:
        rule_id = next(iter(ruleset.rules))
    app.push_screen(CalculatorScreen(ruleset, rule_id))


def open_quiz(app: App[object], seed: int | None = None, rounds: int = 8) -> None:
    from .screens.quiz import QuizScreen

    app.push_screen(QuizScreen(seed, rounds, _ruleset(app).id))


def open_seek(app: App[object], indicator_id: str | None = None, *, total: bool = False) -> None:
    """The sandbox with its goal seek open: one indicator's, or the total's."""
    from .screens.simulate import SimulationScreen

    workspace = getattr(app, "workspace", None)
    if workspace is None:
        return
    screen = SimulationScreen(workspace, indicator_id)
    app.push_screen(screen)
    app.call_after_refresh(screen.action_seek_total if total else screen.action_seek)


def training_commands(
    app: App[object], screen: object
) -> list[tuple[str, str, Callable[[], object]]]:
    """Command-palette entries (title, key, callback) for the sandbox, seek and training screens."""
    selected = getattr(screen, "selected", None)
    indicator_id = getattr(selected, "id", None)
    rule_for_focus = getattr(screen, "rule_for_focus", None)
    rule_id = rule_for_focus() if callable(rule_for_focus) else None
    in_sandbox = hasattr(screen, "action_seek_total")
    run = getattr(screen, "run_action", None)
    seek = partial(run, "seek") if in_sandbox and run else partial(open_seek, app, indicator_id)
    total = (
        partial(run, "seek_total") if in_sandbox and run else partial(open_seek, app, total=True)
    )
    return [
        ("反求：当前指标得满分（或指定得分）所需的数值", "F5 F6", seek),
        ("总分反求：单改一项即可达到目标总分或等级的修改", "F5 F8", total),
        (
            "规则计算器：输入数值，看引擎的演算和得分曲线",
            "第 6 步 F9",
            partial(open_calculator, app, rule_id),
        ),
        ("评分练习：随机出题，输入得分，引擎核对并讲解", "第 6 步 F10", partial(open_quiz, app)),
    ]
