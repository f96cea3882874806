"""The edit lock beside a project file: taken, refused to a second holder, taken over when stale."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from perfeval_tui.project.lock import LockInfo, ProjectLock, lock_path_for, pid_alive, read_lock


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    path = tmp_path / "项目.json"
    path.write_text("{}", encoding="utf-8")
    return path


@pytest.fixture
def other_process():
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield proc
    proc.kill()
    proc.wait()


def write_lock(path: Path, pid: int, host: str | None = None) -> LockInfo:
    info = LockInfo("张三", host or socket.gethostname(), pid, "2024-05-23 09:30:00")
    lock_path_for(path).write_text(info.to_json(), encoding="utf-8")
    return info


def test_first_holder_gets_the_lock_and_release_removes_it(project_file: Path) -> None:
    lock = ProjectLock(project_file)
    outcome = lock.acquire()
    assert outcome.acquired and outcome.message == ""
    data = json.loads(lock_path_for(project_file).read_text(encoding="utf-8"))
    assert data["pid"] == os.getpid()
    assert set(data) == {"user", "host", "pid", "since", "started"}
    lock.release()
    assert not lock_path_for(project_file).exists()


def test_a_live_holder_makes_the_second_open_read_only(project_file: Path, other_process) -> None:
    holder = write_lock(project_file, other_process.pid)
    outcome = ProjectLock(project_file).acquire()
    assert not outcome.acquired
    assert outcome.holder == holder
    for part in ("张三", holder.host, str(other_process.pid), "2024-05-23 09:30:00", "只读"):
        assert part in outcome.message
    assert read_lock(lock_path_for(project_file)) == holder  # untouched


def test_a_stale_lock_is_taken_over_with_a_notice(project_file: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    assert not pid_alive(proc.pid)
    stale = write_lock(project_file, proc.pid)
    lock = ProjectLock(project_file)
    outcome = lock.acquire()
    assert outcome.acquired
    assert outcome.taken_over == stale
    assert "已接管" in outcome.message and str(proc.pid) in outcome.message
    assert read_lock(lock_path_for(project_file)).pid == os.getpid()  # type: ignore[union-attr]


def test_a_torn_lock_file_counts_as_stale(project_file: Path) -> None:
    lock_path_for(project_file).write_text('{"user": "张', encoding="utf-8")
    assert ProjectLock(project_file).acquire().acquired


def test_a_lock_from_another_host_is_respected(project_file: Path) -> None:
    write_lock(project_file, 1, host="another-server")
    outcome = ProjectLock(project_file).acquire()
    assert not outcome.acquired and "another-server" in outcome.message


def test_release_leaves_a_lock_someone_else_took_over(project_file: Path, other_process) -> None:
    lock = ProjectLock(project_file)
    assert lock.acquire().acquired
    theirs = write_lock(project_file, other_process.pid)
    lock.release()
    assert read_lock(lock_path_for(project_file)) == theirs


def test_lock_and_recent_modules_import_no_ui_library() -> None:
    code = (
        "import sys, perfeval_tui.project.lock, perfeval_tui.project.recent, perfeval_tui.project.workspace\n"
        "print(sorted(m for m in ('textual', 'questionary', 'openpyxl') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
