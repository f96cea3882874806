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
    from decimal import Decimal

    from ...project.session import ScoreChange
    from ...project.workspace import Workspace

MINUS = "\u2212"
SUBTOTAL = "dim"  # the style of a section's subtotal
CHANGE_PREFIX = "上次修改："


def signed(delta: object) -> str:
    text = fmt2(abs(delta))  # type: ignore[arg-type]
    return f"{MINUS}{text}" if delta < 0 else f"+{text}"  # type: ignore[operator]


def change_text(
    changes: tuple[ScoreChange, ...] | None, totals: tuple[Decimal, Decimal] | None = None
) -> str:
    """The effect of the last edit: ``预算执行率（%） −3.06``, or that the score did not move.

    ``totals`` (before, after): when indicator scores moved but the total did not (it is held
    within 0–100), the text says so: ``预算执行率（%） −3.06，总分不变``."""
    if changes is None:
        return ""
    if not changes:
        return f"{CHANGE_PREFIX}得分不变"
    biggest = max(changes, key=lambda c: abs(c.delta))
    more = f" 等 {len(changes)} 项" if len(changes) > 1 else ""
    held = "，总分不变" if totals is not None and totals[0] == totals[1] else ""
    return f"{CHANGE_PREFIX}{clip(biggest.name, 18)} {signed(biggest.delta)}{more}{held}"


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


def fit_pieces(pieces: list[tuple[int, str, str]], room: int | None) -> list[tuple[int, str, str]]:
    """The pieces that fit in ``room`` cells, taken by priority (lowest first), kept in order.
    When that leaves a piece out, the last edit's effect drops its 「上次修改：」 to make room."""
    if room is None:
        return pieces
    best = _fit(pieces, room)
    if len(best) < len(pieces):
        short = [(p, t.replace(CHANGE_PREFIX, ""), s) for p, t, s in pieces]
        shorter = _fit(short, room)
        if len(shorter) > len(best):
            return shorter
    return best


def _fit(pieces: list[tuple[int, str, str]], room: int) -> list[tuple[int, str, str]]:
    kept: set[int] = set()
    used = 0
    for index in sorted(range(len(pieces)), key=lambda i: (pieces[i][0], i)):
        width = cell_len(pieces[index][1])
        if used + width <= room or index == 0:
            kept.add(index)
            used += width
    return [piece for index, piece in enumerate(pieces) if index in kept]


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
        self._workspace: Workspace | None = None
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
        self._workspace = workspace
        result = workspace.session.result
        from ...scoring.form_checks import unfilled_count  # not before the first paint

        # (priority, text, style) in the order shown; a narrow line drops the least important
        # whole parts, never the end of one (the total first, then what is left to fill).
        pieces: list[tuple[int, str, str]] = [
            (0, f"总分 {fmt2(result.total)}（{result.grade}）", "bold")
        ]
        unfilled = unfilled_count(result)
        if unfilled:
            pieces.append((1, f"  待填 {unfilled} 项", "bold"))
        parts = section_parts(workspace)
        for name, part, style in parts:  # a section whose weights are not all given out
            if style != SUBTOTAL:
                pieces.append((2, f"  {name} {part}", style))
        change = change_text(workspace.effect, workspace.effect_total)
        if change:
            pieces.append((4, "  " + change, ""))
        warnings = len(workspace.session.warnings)
        if warnings:  # Ctrl+G lists them
            pieces.append((3, f"  警告 {warnings}", "bold yellow"))
        for name, part, style in parts:
            if style == SUBTOTAL:
                pieces.append((5, f"  {name} {part}", SUBTOTAL))
        text = Text()
        for _, piece, style in fit_pieces(pieces, self._room(workspace)):
            text.append(piece, style=style)
        if self._set("score", text, text.plain):
            self.updated_at = time.perf_counter()
        self.show_state(workspace)

    def show_pending(self, text: str) -> None:
        """Before the project is validated: what is happening, instead of a score."""
        self._set("score", text, text)
        self._set("save-state", "检查中", "检查中")

    def _room(self, workspace: Workspace) -> int | None:
        """Cells for the score text beside the save state (None before the first layout)."""
        if not self.size.width:
            return None
        state = "保存失败" if workspace.last_error else "未保存"  # the widest it may become
        return self.size.width - 2 - (cell_len(state) + 2)

    def on_resize(self) -> None:
        if self._workspace is not None:
            self.show(self._workspace)

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
