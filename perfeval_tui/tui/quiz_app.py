"""``perfeval quiz`` full-screen: the wizard's quiz screen as a program of its own."""

from __future__ import annotations

from textual import events
from textual.app import App

from ..analysis.quiz import QuizResult, Scenario
from .console import adapt_to_console, is_linux_console
from .keymap import APP_KEYS, bindings


class QuizApp(App[list[QuizResult]]):
    TITLE = "perfeval quiz"
    BINDINGS = bindings(tuple(k for k in APP_KEYS if k.action == "quit"))
    CSS = "FooterKey.-command-palette { border-left: none; }"
    ENABLE_COMMAND_PALETTE = False

    def __init__(
        self,
        scenarios: list[Scenario],
        seed: int,
        *,
        blink: bool = False,
        linux: bool | None = None,
    ) -> None:
        super().__init__()
        self.scenarios = scenarios
        self.seed = seed
        self.blink = blink
        self.linux = is_linux_console() if linux is None else linux

    def on_mount(self) -> None:
        from .screens.quiz import QuizScreen

        self.theme = adapt_to_console(self.linux)
        self.push_screen(QuizScreen(self.seed, scenarios=self.scenarios, standalone=True))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if hasattr(event.widget, "cursor_blink"):
            event.widget.cursor_blink = self.blink

    async def action_quit(self) -> None:
        screen = self.screen
        self.exit(list(getattr(screen, "results", [])))


def run_quiz_app(scenarios: list[Scenario], seed: int, *, mouse: bool = False) -> list[QuizResult]:
    """Run the quiz full-screen; the answers given (also when left early with Ctrl+Q)."""
    app = QuizApp(scenarios, seed)
    results = app.run(mouse=mouse)
    return list(results or [])
