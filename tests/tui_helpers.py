"""Shared set-up for the wizard's Pilot and snapshot tests: a project copy and an app on it."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from textual.css.query import NoMatches

from perfeval_tui.project.storage import load_project
from perfeval_tui.project.workspace import open_workspace
from perfeval_tui.scoring.engine import score_project
from perfeval_tui.scoring.model import Project
from perfeval_tui.scoring.numbers import fmt2
from perfeval_tui.tui.app import PerfevalApp
from perfeval_tui.tui.widgets.field import FieldInput
from perfeval_tui.tui.widgets.indicator_form import IndicatorForm
from perfeval_tui.tui.widgets.score_bar import ScoreBar

ROOT = Path(__file__).resolve().parent.parent
WUXI = ROOT / "demo_data" / "wuxi-2020.json"
COUNTY = ROOT / "demo_data" / "county-demo.json"


def copy_project(folder: Path, source: Path = WUXI) -> Path:
    target = folder / source.name
    shutil.copyfile(source, target)
    return target


def make_app(path: Path, step: str = "basics", **options: object) -> PerfevalApp:
    options.setdefault("linux", False)
    app = PerfevalApp(open_workspace(path), start_step=step, **options)  # type: ignore[arg-type]
    app.save_after_idle = 3600  # tests decide when saving happens
    return app


def engine_total(project: Project) -> str:
    """The engine's own total for ``project``, as the score bar shows it."""
    return fmt2(score_project(project).total)


def score_bar(app: PerfevalApp) -> str:
    return app.screen.query_one(ScoreBar).score_text


KEY_NAMES = {" ": "space", ".": "full_stop", "-": "minus", ",": "comma", "/": "slash"}


async def retype(pilot, field_id: str, text: str, *, clear: bool = True) -> FieldInput:
    """Focus a field, clear it (unless ``clear`` is false) and type ``text`` key by key."""
    field = pilot.app.screen.query_one(f"#{field_id}", FieldInput)
    field.focus()
    await pilot.pause()
    await pilot.press("end", *(["ctrl+u"] if clear else []))
    await pilot.press(*[KEY_NAMES.get(c, c) for c in text])
    await pilot.pause()
    return field


def saved(path: Path) -> Project:
    return load_project(path)


D = Decimal


def screen_lines(app: PerfevalApp) -> list[str]:
    """The terminal's rows as the user sees them now (every layer composited), as plain text."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def open_indicator(pilot, indicator_id: str) -> IndicatorForm:
    """Open an indicator and wait until its form is built and filled: the highlight, the form's
    recompose and the field values arrive in separate message rounds, so one pause can be too
    few on a busy machine."""
    app = pilot.app
    app.show_indicator(indicator_id)
    form = app.screen.query_one(IndicatorForm)
    name = app.workspace.project.indicator(indicator_id).name
    for _ in range(100):
        await pilot.pause()
        names = form.query("#ind-name")
        opened = form.indicator is not None and form.indicator.id == indicator_id
        if opened and names and names.first().value == name:
            break
    assert form.indicator is not None and form.indicator.id == indicator_id
    return form


async def wait_for(
    pilot, condition: Callable[[], object], what: str, *, timeout: float = 30.0
) -> None:
    """Let the app run until ``condition()`` holds; fail naming ``what`` (and showing the screen)
    when ``timeout`` seconds pass first.

    One ``pilot.pause()`` lets one round of messages through, and a busy machine may need more
    before a screen shows what a key did. The timeout only bounds a hang: it is generous, and no
    test depends on how fast the state arrives. A widget not there yet (``NoMatches``) counts as
    not yet.
    """
    deadline = time.monotonic() + timeout
    while True:
        await pilot.pause()
        try:
            if condition():
                return
        except NoMatches:
            pass
        if time.monotonic() > deadline:
            screen = "\n".join(screen_lines(pilot.app))
            raise AssertionError(f"waited {timeout:g} s for {what}; the screen:\n{screen}")
        await pilot.pause(0.02)


async def focus(pilot, widget) -> None:
    """Focus ``widget`` and wait until it has the focus (keys posted after go to it)."""
    widget.focus()
    await wait_for(pilot, lambda: pilot.app.focused is widget, f"#{widget.id} focused")
