"""The shipped demo projects, and the working copy ``perfeval demo`` edits (never the original)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo_data"
DEMOS = {"wuxi": "wuxi-2020.json", "county": "county-demo.json"}


def demo_source(name: str = "wuxi") -> Path:
    return DEMO_DIR / DEMOS[name]


def state_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "perfeval"


def demo_copy(name: str = "wuxi", *, reset: bool = False) -> Path:
    """The user's working copy of a demo; made on first use (or on reset), then reopened as it was."""
    copy = state_dir() / f"demo-{DEMOS[name]}"
    if reset or not copy.exists():
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(demo_source(name), copy)
    return copy
