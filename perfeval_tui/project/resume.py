"""Where the last session was in each project file (step and indicator), kept in the user's data
folder keyed by the file's path, never in the project file itself."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .demo import state_dir

MAX_PROJECTS = 50


@dataclass(frozen=True, slots=True)
class Position:
    step: str
    indicator: str | None = None


def positions_file() -> Path:
    return state_dir() / "positions.json"


def _load_all() -> dict[str, dict[str, str | None]]:
    try:
        data = json.loads(positions_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load_position(path: Path) -> Position | None:
    """The step and indicator last shown for ``path``, or None. Never raises."""
    entry = _load_all().get(str(path.resolve()))
    if not isinstance(entry, dict) or not isinstance(entry.get("step"), str):
        return None
    indicator = entry.get("indicator")
    return Position(str(entry["step"]), indicator if isinstance(indicator, str) else None)


def save_position(path: Path, position: Position) -> None:
    """Remember ``position`` for ``path``; a failure to write is not worth bothering the user."""
    key = str(path.resolve())
    data = _load_all()
    entry = {"step": position.step, "indicator": position.indicator}
    if data.get(key) == entry:
        return
    data.pop(key, None)
    data[key] = entry
    kept = dict(list(data.items())[-MAX_PROJECTS:])
    from .storage import atomic_write_text  # the models: not before the first paint

    try:
        positions_file().parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(positions_file(), json.dumps(kept, ensure_ascii=False, indent=1) + "\n")
    except OSError:
        pass
