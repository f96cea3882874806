"""Lint, format, strict typing and the layer contracts hold for the whole tree."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from builders import ROOT

TREES = ["perfeval_tui", "tests", "benchmarks"]


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(ROOT / ".venv" / "bin")) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (it comes with the test extra)")
    return found


def test_ruff_lint_passes():
    done = subprocess.run(
        [_tool("ruff"), "check", *TREES], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format_is_applied():
    done = subprocess.run(
        [_tool("ruff"), "format", "--check", *TREES], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_package_is_strictly_typed():
    done = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_layer_contracts_hold():
    """import-linter: front ends above exports and analysis, above project files, above scoring;
    scoring imports no UI or spreadsheet library; no import cycle inside the TUI."""
    done = subprocess.run(
        [_tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout
