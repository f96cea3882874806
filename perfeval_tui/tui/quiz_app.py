"""``perfeval quiz`` full-screen: the wizard's quiz screen as a program of its own."""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.driver import Driver

from ..analysis.quiz import QuizResult, Scenario
from ..term.lost import terminal_gone
from . import shutdown
from .console import adapt_to_console, is_linux_console
from .keymap import APP_KEYS, bindings
from .shutdown import EXIT_HANGUP, end_now


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

    def get_driver_class(self) -> type[Driver]:
        driver = super().get_driver_class()
        if driver.__name__ == "LinuxDriver":  # tolerant input: bad bytes, PuTTY keys, dead tty
            from .driver import PerfevalDriver

            return PerfevalDriver
        return driver

    def terminal_lost(self) -> None:
        """End of input: with the terminal gone, end at once (nothing to save, nothing to restore)."""
        self.ended(EXIT_HANGUP)

    def ended(self, code: int) -> None:
        """SIGHUP, SIGTERM (``code`` 129, 143) or a lost terminal: leave through Textual, which
        restores the terminal, keeping the answers given for the summary; with the terminal
        gone, end at once."""
        if not self.is_headless and terminal_gone():
            end_now(self, code)
        self.exit(self._results(), return_code=code)

    def warn_once(self, message: str) -> None:
        self.notify(message, severity="warning", timeout=20)

    def on_mount(self) -> None:
        from .screens.quiz import QuizScreen

        shutdown.install(self, lambda app, code: self.ended(code))

        self.theme = adapt_to_console(self.linux)
        self.push_screen(QuizScreen(self.seed, scenarios=self.scenarios, standalone=True))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if hasattr(event.widget, "cursor_blink"):
            event.widget.cursor_blink = self.blink

    def _results(self) -> list[QuizResult]:
        return list(getattr(self.screen, "results", []))

    async def action_quit(self) -> None:
        self.exit(self._results())


def run_quiz_app(
    scenarios: list[Scenario], seed: int, *, mouse: bool = False
) -> tuple[list[QuizResult], int]:
    """Run the quiz full-screen: the answers given (also when left early) and the exit code."""
    app = QuizApp(scenarios, seed)
    results = app.run(mouse=mouse)
    if app._exception is not None:  # a crash is reported (exit 70), never taken for an end
        raise app._exception
    return list(results or []), app.return_code or 0
