"""F9 得分曲线: one indicator's score against 完成值/目标值 (or the rate), drawn from the engine's
samples, with the band edges and the current point marked."""

from __future__ import annotations

from textual.widgets import Static

from ...scoring.model import Project
from ...scoring.ruleset import RuleSet
from ..keymap import SEEK_KEYS, bindings
from ..widgets.curve_view import project_curve_text
from .reading import ReadingDialog

WIDTH = 74  # inside a 78-column dialog with its border and padding


class CurveDialog(ReadingDialog):
    BINDINGS = bindings(SEEK_KEYS)

    def __init__(self, project: Project, indicator_id: str, ruleset: RuleSet) -> None:
        text = project_curve_text(project, indicator_id, ruleset, WIDTH, 11)
        super().__init__(None, Static(text, id="curve"), Static("Esc 关闭", classes="hint"))
