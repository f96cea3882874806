"""Opening the training screens (calculator, quiz) and goal seek from anywhere in the wizard:
the rule book's keys, the command palette and the sandbox call these."""

from __future__ import annotations

from textual.app import App

from ..ruleset import RuleSet, load_ruleset


def _ruleset(app: App[object]) -> RuleSet:
    workspace = getattr(app, "workspace", None)
    if workspace is not None:
        ruleset: RuleSet = workspace.session.ruleset
        return ruleset
    return load_ruleset("wuxi-2021")


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
