"""Every test gets its own data and state folders, so no test reads or writes the user's
recent-files list, demo copies or crash log (tests that need a particular folder set their own)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _private_data_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> None:
    base = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(base / "state"))
