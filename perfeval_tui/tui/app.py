"""The wizard application: which project is open, which step is shown, when to save.

Steps are Textual modes (one screen each, built when first shown); dialogs are modal screens
pushed on top. Everything else lives in ``screens/``, ``widgets/`` and ``dialogs/``.
"""

from __future__ import annotations

import gc
from pathlib import Path

from textual import events
from textual.app import App
from textual.timer import Timer

from ..project.recent import remember
from ..project.resume import Position, load_position, save_position
from ..project.workspace import Workspace
from . import keymap
from .commands import ChinesePalette, ProjectCommands
from .console import adapt_to_console, is_linux_console
from .host import FocusContext, PendingIndicator
from .screens.too_small import TooSmallScreen, too_small
from .steps import STEPS
from .widgets.score_bar import ScoreBar

SAVE_AFTER_IDLE = 1.0  # seconds of no typing after which an edit is saved anyway


class PerfevalApp(App[int]):
    TITLE = "perfeval"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    MODES = {step.key: step.factory() for step in STEPS}
    COMMANDS = {ProjectCommands}
    BINDINGS = keymap.bindings(keymap.APP_KEYS)
    # The footer's ▏ separator is not in the Linux console font; a space does as well.
    # Toasts sit above the status line (score bar) and the footer, never over them.
    CSS = """
    FooterKey.-command-palette { border-left: none; }
    ToastRack { margin-bottom: 2; }
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
    ) -> None:
        # No step asked for: where the last session on this file was (else step 1).
        self.resume = start_step is None
        self.pending_indicator: str | None = None  # consumed by the indicator step
        start_step = start_step or "basics"
        if workspace is not None:
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

    def settle_memory(self) -> None:
        """After the first paint: what was loaded and built stays; collect from here on.

        ``launch`` turns collection off while the project loads and the first step is built;
        freezing those objects keeps later collections (while typing) from walking them all.
        """
        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    def on_mount(self) -> None:
        self.set_timer(5, self.settle_memory)  # in case no step is ever painted (welcome)
        theme = adapt_to_console(self.linux)
        if theme != self.theme:  # a theme change restyles every widget: only when needed
            self.theme = theme
        if self.workspace is not None:
            self.open_workspace(self.workspace)
        else:
            from .screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen(new_path=self.new_path, ruleset=self.new_ruleset))

    def open_workspace(self, workspace: Workspace) -> None:
        self.workspace = workspace
        if workspace.path is not None:
            remember(workspace.path)
        if self.resume and self.current_mode not in self.MODES:
            self.start_step = self._resume_point(workspace, self.start_step)
        message = workspace.lock_outcome.message
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
        if not isinstance(self.screen, ChinesePalette):
            self.push_screen(ChinesePalette())

    def action_help_quit(self) -> None:
        self.notify("要退出请按 Ctrl+Q（会先保存）。", timeout=4)

    async def action_quit(self) -> None:
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
