"""The wizard application: which project is open, which step is shown, when to save.

Steps are Textual modes (one screen each, built when first shown); dialogs are modal screens
pushed on top. Everything else lives in ``screens/``, ``widgets/`` and ``dialogs/``.
"""

from __future__ import annotations

import gc
import io
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App
from textual.driver import Driver
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.timer import Timer

if TYPE_CHECKING:  # the models are imported after the first paint (see .deferred)
    from ..project.workspace import Workspace
    from ..scoring.engine import ProjectScore
    from ..scoring.model import Project
    from .deferred import PendingLoad

from ..project.recent import remember
from ..project.resume import Position, load_position, save_position
from . import keymap, shutdown
from .commands import ChinesePalette, ProjectCommands
from .console import adapt_to_console, is_linux_console
from .host import FocusContext, PendingIndicator
from .screens.too_small import TooSmallScreen, too_small
from .steps import STEPS
from .toasts import place_toasts
from .widgets.score_bar import ScoreBar

RELOADING = "_reloading"  # a blank screen while the steps are rebuilt after a takeover

SAVE_AFTER_IDLE = 1.0  # seconds of no typing after which an edit is saved anyway


class Validated(Message):
    """The file shown before validation has been validated (or refused: a Chinese message)."""

    def __init__(self, pending: PendingLoad, outcome: tuple[Project, ProjectScore] | str) -> None:
        super().__init__()
        self.pending = pending
        self.outcome = outcome


class PerfevalApp(App[int]):
    TITLE = "perfeval"

    _panic_text = ""

    @property
    def crash(self) -> BaseException | None:
        """The unhandled error that ended the app, if any (reported by ``launch``, exit 70)."""
        if self._exception is not None:
            return self._exception
        return RuntimeError(self._panic_text) if self._panic_text else None

    def _print_error_renderables(self) -> None:
        # A crash is written to the crash log and named in one Chinese line by ``launch``;
        # the Rich traceback is not shown to the user.
        if self._exit_renderables:
            from rich.console import Console

            console = Console(width=100, record=True, file=io.StringIO())
            for renderable in self._exit_renderables:
                console.print(renderable)
            self._panic_text = console.export_text()
            self._exit_renderables.clear()

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    MODES = {step.key: step.factory() for step in STEPS}
    COMMANDS = {ProjectCommands}
    BINDINGS = keymap.bindings(keymap.APP_KEYS)
    # The footer's ▏ separator is not in the Linux console font; a space does as well.
    # Toasts sit above the status line (score bar) and the footer, never over them.
    CSS = """
    FooterKey.-command-palette { border-left: none; }
    ToastRack { margin-bottom: 2; }
    ToastRack.-fit Toast { width: 1fr; max-width: 100%; }
    """

    def __init__(
        self,
        workspace: Workspace | None = None,
        *,
        blink: bool = False,
        linux: bool | None = None,
        start_step: str | None = None,
        new_path: Path | None = None,
        new_ruleset: str | None = None,
        pending: PendingLoad | None = None,
    ) -> None:
        # No step asked for: where the last session on this file was (else step 1).
        self.resume = start_step is None
        self.pending_indicator: str | None = None  # consumed by the indicator step
        start_step = start_step or "basics"
        # A file read but not validated yet: step 1 from its JSON, the models after the paint.
        self.pending = pending if workspace is None else None
        if self.pending is not None:
            self.DEFAULT_MODE = "basics"  # type: ignore[misc]
        elif workspace is not None:
            if self.resume:
                start_step = self._resume_point(workspace, start_step)
            # Start in the step's own mode: no blank first screen to build and then leave.
            self.DEFAULT_MODE = start_step  # type: ignore[misc]
        super().__init__()
        self.workspace = workspace
        self.blink = blink
        self.linux = is_linux_console() if linux is None else linux
        self.start_step = start_step
        self.new_path = new_path
        self.new_ruleset = new_ruleset
        self._save_timer: Timer | None = None
        self.save_after_idle = SAVE_AFTER_IDLE
        self.told_read_only = False
        self._validating = False

    def settle_memory(self) -> None:
        """After the first paint: what was loaded and built stays; collect from here on.

        ``launch`` turns collection off while the project loads and the first step is built;
        freezing those objects keeps later collections (while typing) from walking them all.
        """
        if not gc.isenabled() and self.pending is None:
            gc.freeze()
            gc.enable()

    def get_driver_class(self) -> type[Driver]:
        driver = super().get_driver_class()
        if driver.__name__ == "LinuxDriver":  # tolerant input: bad bytes, PuTTY keys, dead tty
            from .driver import PerfevalDriver

            return PerfevalDriver
        return driver

    def terminal_lost(self) -> None:
        """The terminal is gone (end of input, EIO): save, then exit like SIGHUP."""
        shutdown.shut_down(self, shutdown.EXIT_HANGUP)

    def warn_once(self, message: str) -> None:
        self.notify(message, severity="warning", timeout=20)

    def on_mount(self) -> None:
        shutdown.install(self)
        self.set_timer(5, self.settle_memory)  # in case no step is ever painted (welcome)
        theme = adapt_to_console(self.linux)
        if theme != self.theme:  # a theme change restyles every widget: only when needed
            self.theme = theme
        if self.workspace is not None:
            self.open_workspace(self.workspace)
        elif self.pending is None:
            from .screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen(new_path=self.new_path, ruleset=self.new_ruleset))

    def validate_pending(self) -> None:
        """After step 1's first paint: validate and score the file in a thread (see .deferred)."""
        pending = self.pending
        if pending is None or self._validating:
            return
        self._validating = True
        from functools import partial

        self.run_worker(partial(self._validate_in_thread, pending), thread=True, group="load")

    def _validate_in_thread(self, pending: PendingLoad) -> None:
        from .deferred import validate

        outcome = validate(pending.path, pending.data)
        # A message, not call_from_thread: that waits for the app, which may be exiting meanwhile
        # (Ctrl+Q, a lost terminal), and the thread would then hold the process at exit.
        self.post_message(Validated(pending, outcome))

    def on_validated(self, message: Validated) -> None:
        self._validated(message.pending, message.outcome)

    def _validated(self, pending: PendingLoad, outcome: tuple[Project, ProjectScore] | str) -> None:
        if isinstance(outcome, str):  # ``launch`` prints it once the screen is gone; exit 2
            pending.error = outcome
            self.exit(2)
            return
        from .deferred import open_validated
        from .host import AwaitsProject

        workspace = open_validated(pending.path, *outcome)
        self.workspace = workspace
        if self.resume:
            self.start_step = self._resume_point(workspace, self.start_step)
        screen = self.screen_stack[0] if self.screen_stack else None
        if isinstance(screen, AwaitsProject):
            screen.attach_project()  # what was typed meanwhile goes through the edit session
        self.pending = None
        pending.data = {}  # validated: the models hold it now (``launch`` keeps ``pending``)
        self.open_workspace(workspace)
        self.call_after_refresh(self.settle_memory)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        place_toasts(self.screen)  # clear of the status line and of what is being edited
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)
        self.call_later(place_toasts, self.screen)  # again once a focus just asked for has moved

    def open_workspace(self, workspace: Workspace) -> None:
        self.workspace = workspace
        if workspace.path is not None:
            remember(workspace.path)
        if self.resume and self.current_mode not in self.MODES:
            self.start_step = self._resume_point(workspace, self.start_step)
        message = workspace.lock_outcome.message
        if message and workspace.read_only and workspace.lock is not None:
            message += "。要接管编辑，按 Ctrl+O（会先说明对方是谁并请你确认）"
        if message:
            self.notify(
                message, severity="warning" if workspace.read_only else "information", timeout=10
            )
        self.switch_mode(self.start_step)

    def _resume_point(self, workspace: Workspace, default: str) -> str:
        position = load_position(workspace.path) if workspace.path is not None else None
        if position is None or position.step not in self.MODES:
            return default
        if position.indicator and any(
            i.id == position.indicator for i in workspace.project.indicators
        ):
            self.pending_indicator = position.indicator
        return position.step

    def remember_position(self) -> None:
        """Note the step and indicator shown now, so that reopening the file comes back here."""
        workspace = self.workspace
        mode = self.current_mode
        if workspace is None or workspace.path is None or mode not in self.MODES:
            return
        indicator = None
        stack = self.screen_stack
        screen = stack[0] if stack else None  # the step itself, under any dialog
        if isinstance(screen, FocusContext):
            indicator = screen.focused_indicator_id()
        save_position(workspace.path, Position(mode, indicator))

    def action_take_over_lock(self) -> None:
        """Ctrl+O on a read-only project: name the holder, ask, then take the lock and reload."""
        workspace = self.workspace
        if workspace is None or not workspace.read_only or workspace.lock is None:
            self.notify("本项目不是只读打开，无需接管。", timeout=3)
            return
        holder = workspace.lock_outcome.holder
        who = holder.describe() if holder is not None else "另一个窗口"
        from .dialogs.confirm import ConfirmDialog

        question = (
            f"「{workspace.name}」正由 {who} 编辑。接管后对方的修改将不能保存，"
            "本窗口会重新读取文件。确定接管编辑锁吗？"
        )
        self.push_screen(ConfirmDialog(question, yes="接管"), self._take_over_confirmed)

    def _take_over_confirmed(self, yes: bool | None) -> None:
        workspace = self.workspace
        if not yes or workspace is None or workspace.lock is None or workspace.path is None:
            return
        outcome = workspace.lock.take_over()
        if not outcome.acquired:
            self.notify(outcome.message, severity="error", timeout=10)
            return
        from ..project.storage import ProjectFileError
        from ..project.workspace import open_workspace

        workspace.lock.mine = None  # the new workspace holds it now
        try:
            fresh = open_workspace(workspace.path)
        except ProjectFileError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        self.run_worker(self._reload_steps(fresh, outcome.message), exclusive=True)

    async def _reload_steps(self, fresh: Workspace, message: str) -> None:
        """Every step built anew on the file as it is now, back on the step and indicator shown."""
        step = self.current_mode
        stack = self.screen_stack
        if stack and isinstance(stack[0], FocusContext):
            self.pending_indicator = stack[0].focused_indicator_id()
        self.workspace = fresh
        from textual.screen import Screen

        self.add_mode(RELOADING, Screen)  # the active step cannot be replaced in place
        await self.switch_mode(RELOADING)
        for mode, factory in {s.key: s.factory() for s in STEPS}.items():
            await self.remove_mode(mode)
            self.add_mode(mode, factory)
        await self.switch_mode(step if step in self.MODES else self.start_step)
        await self.remove_mode(RELOADING)
        self.notify(message, timeout=8)

    def goto_step(self, key: str) -> None:
        self.save_now()
        if self.current_mode != key:
            self.switch_mode(key)
            self.call_after_refresh(self.remember_position)

    def show_indicator(self, indicator_id: str) -> None:
        """Open the indicator step on one indicator (from the palette or a deduction)."""
        self.pending_indicator = indicator_id
        if self.current_mode == "indicators":
            if isinstance(self.screen, PendingIndicator):
                self.screen.take_pending_indicator()
        else:
            self.goto_step("indicators")

    # ----- saving -------------------------------------------------------------------------

    def schedule_save(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(self.save_after_idle, self.save_now)

    def save_now(self, *, force: bool = False, announce: bool = False) -> None:
        workspace = self.workspace
        if workspace is None:
            return
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if workspace.read_only and announce:
            self.notify(
                workspace.lock_outcome.message or "只读方式打开，不能保存。", severity="warning"
            )
            return
        problem = workspace.save(force=force)
        if problem:
            self.notify(problem, severity="error", timeout=10)
        elif announce:
            self.notify(f"已保存到 {workspace.path}", timeout=3)
        stack = self.screen_stack
        if not stack:
            return  # shutting down: nothing left to show the state on
        for bar in self.screen.query(ScoreBar):
            bar.show_state(workspace)
        self.remember_position()

    # ----- app-wide keys and terminal -----------------------------------------------------

    def action_help(self) -> None:
        from .dialogs.help import HelpDialog

        if not isinstance(self.screen, HelpDialog):
            self.push_screen(HelpDialog())

    def action_command_palette(self) -> None:
        if self.workspace is None and self.pending is not None:
            from .deferred import PENDING_TEXT

            self.notify(PENDING_TEXT, timeout=3)
            return
        if not isinstance(self.screen, ChinesePalette):
            self.push_screen(ChinesePalette())

    def action_help_quit(self) -> None:
        self.notify("要退出请按 Ctrl+Q（会先保存）。", timeout=4)

    async def action_quit(self) -> None:
        from .widgets.in_order import after_typed_keys

        after_typed_keys(self, self._save_and_exit)

    def _save_and_exit(self) -> None:
        self.save_now()
        self.exit(0)

    def open_simulation(self) -> None:
        """F5: the what-if sandbox on a copy of the project (imported on first use)."""
        from .screens.simulate import SimulationScreen

        if self.workspace is not None:
            self.push_screen(SimulationScreen(self.workspace))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Blink costs ~2 KB/s over SSH while idle; it is off unless --blink.
        if hasattr(event.widget, "cursor_blink"):
            event.widget.cursor_blink = self.blink

    def on_resize(self, event: events.Resize) -> None:
        small = too_small(event.size.width, event.size.height)
        showing = isinstance(self.screen, TooSmallScreen)
        if small and not showing:
            self.push_screen(TooSmallScreen())
        elif not small and showing:
            self.pop_screen()
