"""The shipped demo projects, and the working copy ``perfeval demo`` edits (never the original)."""

from __future__ import annotations

import os
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

# The demos are package data (``perfeval_tui/demo/``), so an installed wheel carries them; the
# repository's ``demo_data/`` holds the same files for readers and scripts, kept equal by a test.
DEMOS = {"wuxi": "wuxi-2020.json", "county": "county-demo.json"}


def demo_source(name: str = "wuxi") -> Traversable:
    return resources.files("perfeval_tui") / "demo" / DEMOS[name]


def state_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "perfeval"


def demo_copy(name: str = "wuxi", *, reset: bool = False) -> Path:
    """The user's working copy of a demo; made on first use (or on reset), then reopened as it was."""
    copy = state_dir() / f"demo-{DEMOS[name]}"
    if reset or not copy.exists():
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(demo_source(name).read_bytes())
    return copy
