"""Recently opened project files, kept in a small JSON file under the user's data folder."""

from __future__ import annotations

import json
from pathlib import Path

from .demo import state_dir

MAX_RECENT = 10


def recent_file() -> Path:
    return state_dir() / "recent.json"


def load_recent() -> list[Path]:
    """Recent files, newest first; files that no longer exist are left out. Never raises."""
    try:
        data = json.loads(recent_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(data, list):
        return []
    paths = [Path(item) for item in data if isinstance(item, str)]
    return [p for p in paths if p.is_file()][:MAX_RECENT]


def remember(path: Path) -> None:
    """Put ``path`` first in the list; a failure to write is not worth bothering the user with."""
    resolved = path.resolve()
    items = [resolved] + [p for p in load_recent() if p.resolve() != resolved]
    text = json.dumps([str(p) for p in items[:MAX_RECENT]], ensure_ascii=False, indent=1)
    try:
        recent_file().parent.mkdir(parents=True, exist_ok=True)
        from .storage import atomic_write_text  # the models: not before the first paint

        atomic_write_text(recent_file(), text + "\n")
    except OSError:
        pass
