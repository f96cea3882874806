"""Waits and reads for the table grids' Pilot tests (steps 2, 3 and 4)."""

from __future__ import annotations

from collections.abc import Callable

from perfeval_tui.tui.screens.grid_step import GridStepScreen
from perfeval_tui.tui.widgets.data_grid import RowGrid
from perfeval_tui.tui.widgets.live import LiveStatic


async def until(pilot, check: Callable[[], object], tries: int = 200) -> None:  # type: ignore[no-untyped-def]
    """Pause until ``check()`` holds (each pause lets one round of messages through; a busy
    machine needs more rounds, never a longer single pause)."""
    for _ in range(tries):
        if check():
            return
        await pilot.pause(0.01)
    assert check()


async def open_grid(pilot) -> RowGrid:  # type: ignore[no-untyped-def]
    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, GridStepScreen) and app.screen.query(RowGrid))
    grid = app.screen.query_one(RowGrid)
    await until(pilot, lambda: grid.row_count > 0 and app.focused is grid)
    return grid


def cell(grid: RowGrid, row: str, column: str) -> str:
    value = grid.get_cell(row, column)
    return getattr(value, "plain", str(value))


def message(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#grid-message").render())


def row_warnings(app) -> str:  # type: ignore[no-untyped-def]
    return app.screen.query_one("#grid-warnings", LiveStatic).text
