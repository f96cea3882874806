"""F9 得分曲线: one indicator's score against 完成值/目标值 (or the rate), drawn from the engine's
samples, with the band edges and the current point marked."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ...model import Project
from ...ruleset import RuleSet
from ..keymap import bindings
from ..keymap_training import SEEK_KEYS
from ..widgets.curve_view import project_curve_text

WIDTH = 74  # inside a 78-column dialog with its border and padding


class CurveDialog(ModalScreen[None]):
    BINDINGS = bindings(SEEK_KEYS)
    DEFAULT_CSS = """
    CurveDialog { align: center middle; }
    CurveDialog > VerticalScroll {
        width: 78; max-width: 100%; height: auto; max-height: 22;
        border: solid $primary; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, project: Project, indicator_id: str, ruleset: RuleSet) -> None:
        super().__init__()
        self.project = project
        self.indicator_id = indicator_id
        self.ruleset = ruleset

    def compose(self) -> ComposeResult:
        text = project_curve_text(self.project, self.indicator_id, self.ruleset, WIDTH, 11)
        with VerticalScroll():
            yield Static(text, id="curve")
            yield Static("Esc 关闭", classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
