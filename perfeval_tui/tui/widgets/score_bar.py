"""The two one-line bars every step carries: the step position on top, the score at the bottom.

They repaint only when their text changes, so a keystroke costs a line or two of output, not a
screen.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from ...scoring.numbers import fmt2, fmt_plain
from ...term.textwidth import clip

if TYPE_CHECKING:  # the models are imported after the first paint
    from ...project.session import ScoreChange
    from ...project.workspace import Workspace

MINUS = "\u2212"
SUBTOTAL = "dim"  # the style of a section's subtotal


def signed(delta: object) -> str:
    text = fmt2(abs(delta))  # type: ignore[arg-type]
    return f"{MINUS}{text}" if delta < 0 else f"+{text}"  # type: ignore[operator]


def change_text(changes: tuple[ScoreChange, ...] | None) -> str:
    """The effect of the last edit: ``预算执行率（%） −3.06``, or that the score did not move."""
    if changes is None:
        return ""
    if not changes:
        return "上次修改：得分不变"
    biggest = max(changes, key=lambda c: abs(c.delta))
    more = f" 等 {len(changes)} 项" if len(changes) > 1 else ""
    return f"上次修改：{clip(biggest.name, 18)} {signed(biggest.delta)}{more}"


def section_parts(workspace: Workspace) -> list[tuple[str, str, str]]:
    """(name, text, style) per top-level group: its subtotal, or, for a section of the form
    whose indicators' weights do not yet add up to the form's, ``权重 50/60`` (from the engine's
    :func:`section_sums`), so whoever builds the table sees what is left to give out."""
    from ...scoring.sections import section_sums  # the models: not before the first paint

    result = workspace.session.result
    sections = {s.path[0]: s for s in section_sums(workspace.project, result) if len(s.path) == 1}
    tops = [g.path[0] for g in result.groups if len(g.path) == 1]
    parts: list[tuple[str, str, str]] = []
    for name in dict.fromkeys([*tops, *sections]):
        section = sections.get(name)
        if section is not None and not section.complete:
            weights = f"权重 {fmt_plain(section.weight)}/{fmt_plain(section.expected)}"
            parts.append((name, weights, "bold yellow"))
        else:
            score = section.score if section is not None else result.group(name).score
            parts.append((name, fmt2(score), SUBTOTAL))
    return parts


class StepBar(Static):
    DEFAULT_CSS = """
    StepBar {
        height: 1;
        background: $primary 30%;
        color: $text;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        padding: 0 1;
    }
    """

    def show(self, position: str, workspace: Workspace | None) -> None:
        text = Text()
        text.append(position, style="bold")
        if workspace is not None:
            text.append("   " + workspace.project.basics.name)
            if workspace.read_only:
                text.append("   [只读]", style="bold reverse")
                text.append(" Ctrl+O 接管", style="bold")
        self.update(text)


class ScoreBar(Horizontal):
    """Total, grade and the effect of the last edit; the save state on the right."""

    DEFAULT_CSS = """
    ScoreBar {
        height: 1;
        background: $panel;
    }
    ScoreBar > #score {
        width: 1fr;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        padding: 0 1;
    }
    ScoreBar > #save-state {
        width: auto;
        padding: 0 1;
    }
    ScoreBar > #save-state.-unsaved { color: $warning; }
    ScoreBar > #save-state.-failed { color: $error; text-style: bold; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._texts: dict[str, str] = {}
        self.updated_at = 0.0  # perf_counter of the last score text change (benchmarks read it)

    @property
    def score_text(self) -> str:
        return self._texts.get("score", "")

    @property
    def state_text(self) -> str:
        return self._texts.get("save-state", "")

    def compose(self) -> ComposeResult:
        yield Static(id="score")
        yield Static(id="save-state")

    def _set(self, widget_id: str, text: str | Text, plain: str) -> bool:
        old = self._texts.get(widget_id)
        if old == plain:
            return False
        self._texts[widget_id] = plain
        # One line each: #score takes the rest of the bar whatever its text, #save-state its
        # text's width. Laying the screen out again only when a width changes saves a layout
        # of the whole step on every keystroke.
        layout = widget_id != "score" and cell_len(old or "") != cell_len(plain)
        self.query_one(f"#{widget_id}", Static).update(text, layout=layout)
        return True

    def show(self, workspace: Workspace) -> None:
        result = workspace.session.result
        text = Text()
        text.append(f"总分 {fmt2(result.total)}（{result.grade}）", style="bold")
        from ...scoring.form_checks import unfilled_count

        unfilled = unfilled_count(result)
        if unfilled:
            text.append(f"  待填 {unfilled} 项", style="bold")
        parts = section_parts(workspace)
        # A section whose weights are not all given out yet comes early: it stays visible at
        # 80 columns while the table is being built.
        for name, part, style in parts:
            if style != SUBTOTAL:
                text.append(f"  {name} {part}", style=style)
        change = change_text(workspace.effect)
        if change:
            text.append("  " + change)
        warnings = len(workspace.session.warnings)
        if warnings:  # before the subtotals, so it stays visible at 80 columns (Ctrl+G lists them)
            text.append(f"  警告 {warnings}", style="bold yellow")
        subtotals = "  ".join(f"{name} {part}" for name, part, style in parts if style == SUBTOTAL)
        if subtotals:
            text.append("  " + subtotals, style=SUBTOTAL)
        if self._set("score", text, text.plain):
            self.updated_at = time.perf_counter()
        self.show_state(workspace)

    def show_pending(self, text: str) -> None:
        """Before the project is validated: what is happening, instead of a score."""
        self._set("score", text, text)
        self._set("save-state", "检查中", "检查中")

    def show_state(self, workspace: Workspace) -> None:
        if workspace.read_only:
            state, css = "只读", ""
        elif workspace.last_error:
            state, css = "保存失败", "-failed"
        elif workspace.dirty:
            state, css = "未保存", "-unsaved"
        else:
            state, css = "已保存", ""
        if self._set("save-state", state, state):
            label = self.query_one("#save-state", Static)
            label.set_classes(css)
