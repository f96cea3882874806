"""The command palette (Ctrl+P): the project's own commands, every step, and every indicator."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider, SearchIcon

from .host import require_host
from .keymap import APP_KEYS, INDICATOR_KEYS, STEP_KEYS, Key
from .steps import STEPS

if TYPE_CHECKING:
    from .screens.base import StepScreen

# Actions offered in the palette, by the screen that runs them.
SCREEN_ACTIONS = ("save", "export", "deductions", "rule_help", "toggle_explain", "simulate")
APP_ACTIONS = ("help", "quit")


class ChinesePalette(CommandPalette):
    # Box-drawing borders instead of the ▔▁ half blocks, which the Linux console lacks.
    DEFAULT_CSS = """
    ChinesePalette #--input { border: none; border-top: solid $primary; }
    ChinesePalette #--input Label { margin-top: 0; }
    ChinesePalette CommandList, ChinesePalette CommandList:focus {
        border: none; border-bottom: solid $primary;
    }
    """

    def __init__(self) -> None:
        super().__init__(placeholder="输入命令或指标名称搜索…", id="--command-palette")

    def on_mount(self) -> None:
        for icon in self.query(SearchIcon):
            icon.icon = ">"  # not the 🔎 emoji: double width, and no glyph on many consoles

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own "No matches found" would be the only English on screen; show nothing.
        self._stop_no_matches_countdown()


class ProjectCommands(Provider):
    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app, host = self.app, require_host(self.app)
        screen = self.screen
        out: list[tuple[str, str, Callable[[], object]]] = []
        if host.workspace is None:
            out.append(("帮助：全部按键", "F1", partial(app.run_action, "help")))
            out.append(("退出", "Ctrl+Q", partial(app.run_action, "quit")))
            return out
        keys: dict[str, Key] = {k.action: k for k in (*APP_KEYS, *STEP_KEYS, *INDICATOR_KEYS)}
        for number, step in enumerate(STEPS, start=1):
            out.append(
                (
                    f"转到第 {number} 步 · {step.title}",
                    f"Alt+{number}",
                    partial(host.goto_step, step.key),
                )
            )
        for action in SCREEN_ACTIONS:
            key = keys[action]
            if screen.check_action(action, ()) is not False and hasattr(screen, f"action_{action}"):
                out.append(
                    (key.label + "：" + key.help, key.display, partial(screen.run_action, action))
                )
        from .screens.base import StepScreen
        from .screens.training import training_commands  # the rule sets: not at start-up

        out.extend(training_commands(app, screen))
        if isinstance(screen, StepScreen):
            out.append(
                (
                    "分项权重：本项目表上所写的一级/二级权重",
                    "结构检查以此为准",
                    partial(open_section_weights, screen),
                )
            )
        for action in ("add_row", "remove_row", "move_up", "move_down"):
            if hasattr(screen, f"action_{action}"):
                key = keys[action]
                out.append(
                    (f"{key.label}：{key.help}", key.display, partial(screen.run_action, action))
                )
        for action in APP_ACTIONS:
            key = keys[action]
            out.append((f"{key.label}：{key.help}", key.display, partial(app.run_action, action)))
        for indicator in host.workspace.project.indicators:
            out.append(
                (
                    f"指标：{indicator.name}",
                    " / ".join(indicator.levels[:-1]),
                    partial(host.show_indicator, indicator.id),
                )
            )
        return out

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            if not title.startswith("指标："):
                yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, text=title, help=help_text)


def open_section_weights(screen: StepScreen) -> None:
    """Show the dialog over ``screen``; what is kept becomes the project's own ``groups``."""
    from ..project.section_weights import (
        current_weights,
        groups_of,
        offered_weights,
        own_weights,
    )
    from .dialogs.section_weights import SectionWeightsDialog, Weights

    ws = screen.ws
    weights = current_weights(ws.project, ws.session.ruleset)
    offered = offered_weights(ws.project, ws.session.ruleset)
    if not offered:
        screen.notify("本规则集没有分项权重。", timeout=3)
        return

    def done(answers: Weights | None) -> None:
        if answers is None or (answers == weights and own_weights(ws.project)):
            return
        outcome = screen.apply_value(ws.project, "groups", groups_of(answers))
        if outcome.ok:
            screen.wizard.save_now()
            screen.refresh_from_model()
        else:
            screen.notify(outcome.error or "", severity="warning")

    dialog = SectionWeightsDialog(offered, own_weights(ws.project), ws.session.ruleset.total_weight)
    screen.app.push_screen(dialog, done)
