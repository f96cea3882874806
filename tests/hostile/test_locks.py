"""Case 5: a lock naming a live but unrelated pid (pid reuse, a reboot) is recognised as stale;
a lock held by a live editor can be taken over on request, naming the holder."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from perfeval_tui.project.lock import (
    LockInfo,
    ProjectLock,
    holder_alive,
    lock_path_for,
    process_started,
    read_lock,
)


@pytest.fixture
def project_file(tmp_path):
    path = tmp_path / "项目.json"
    path.write_text("{}", encoding="utf-8")
    return path


@pytest.fixture
def unrelated():
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield proc
    proc.kill()
    proc.wait()


def _lock(path, pid, started):
    info = LockInfo("张三", socket.gethostname(), pid, "2024-05-23 09:30:00", started)
    lock_path_for(path).write_text(info.to_json(), encoding="utf-8")
    return info


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="no /proc: start times unknown")
@pytest.mark.parametrize(
    "started",
    ["old-boot:12345", lambda pid: process_started(pid).split(":")[0] + ":1", "x:0"],
    ids=["other-boot", "same-boot-earlier-start", "garbage"],
)
def test_a_live_but_unrelated_pid_does_not_hold_the_lock(project_file, unrelated, started):
    """The pid runs, but it is not the process that wrote the lock."""
    stamp = started(unrelated.pid) if callable(started) else started
    _lock(project_file, unrelated.pid, stamp)
    outcome = ProjectLock(project_file).acquire()
    assert outcome.acquired
    assert "已不在运行" in outcome.message and "张三" in outcome.message
    assert read_lock(lock_path_for(project_file)).pid == os.getpid()


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="no /proc: start times unknown")
def test_the_real_holder_keeps_its_lock(project_file, unrelated):
    info = _lock(project_file, unrelated.pid, process_started(unrelated.pid))
    assert holder_alive(info)
    outcome = ProjectLock(project_file).acquire()
    assert not outcome.acquired and "只读" in outcome.message


def test_a_held_lock_can_be_taken_over_naming_its_holder(project_file, unrelated):
    _lock(project_file, unrelated.pid, process_started(unrelated.pid))
    lock = ProjectLock(project_file)
    assert not lock.acquire().acquired
    outcome = lock.take_over()
    assert outcome.acquired and "张三" in outcome.message and str(unrelated.pid) in outcome.message
    assert read_lock(lock_path_for(project_file)).pid == os.getpid()
    lock.release()
    assert not lock_path_for(project_file).exists()


async def test_the_read_only_wizard_takes_over_the_lock_after_naming_the_holder(
    tmp_path, unrelated
):
    from textual.widgets import Button
    from tui_helpers import copy_project, make_app

    from perfeval_tui.tui.dialogs.confirm import ConfirmDialog

    path = copy_project(tmp_path)
    _lock(path, unrelated.pid, process_started(unrelated.pid))
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.workspace is not None and app.workspace.read_only
        await pilot.press("ctrl+o")
        await pilot.pause(0.3)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        question = " ".join(str(w.render()) for w in dialog.query("Static"))
        assert "张三" in question and str(unrelated.pid) in question
        dialog.query_one("#yes", Button).press()
        await pilot.pause()
        await pilot.pause()
        assert not app.workspace.read_only
        assert read_lock(lock_path_for(path)).pid == os.getpid()
        await pilot.press("ctrl+q")
    app.workspace.close()  # what ``launch`` does after the app ends
    assert not lock_path_for(path).exists()
