"""Saving a project keeps its file permissions: a project in a shared folder stays shared."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from builders import WUXI

from perfeval_tui.project.storage import load_project, save_project


def test_saving_keeps_the_files_permissions(tmp_path: Path) -> None:
    path = tmp_path / "shared.json"
    shutil.copyfile(WUXI, path)
    os.chmod(path, 0o664)
    save_project(load_project(path), path)
    assert path.stat().st_mode & 0o777 == 0o664
    assert load_project(path).basics.name == load_project(WUXI).basics.name


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        path = tmp_path / "new.json"
        save_project(load_project(WUXI), path)
        assert path.stat().st_mode & 0o777 == 0o644
    finally:
        os.umask(umask)
