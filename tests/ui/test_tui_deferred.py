"""Paint first, then validate: step 1 is drawn from the file's JSON before the models exist; the
file is validated right after; nothing is applied or saved before that, and a file that fails
validation ends the wizard with its Chinese message and exit 2, untouched."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from tui_helpers import ROOT, copy_project, saved, score_bar

import perfeval_tui.tui.deferred as deferred
from perfeval_tui.project.rawfile import read_project_data
from perfeval_tui.project.storage import ProjectFileError, load_project
from perfeval_tui.tui.app import PerfevalApp
from perfeval_tui.tui.widgets.field import FieldInput


def deferred_app(path: Path) -> PerfevalApp:
    app = PerfevalApp(
        None, pending=deferred.PendingLoad(path, read_project_data(path)), linux=False
    )
    app.save_after_idle = 0.01  # a pending save would show at once
    return app


@pytest.fixture
def held(monkeypatch):
    """Validation waits until the test releases it (the real validation, only later)."""
    gate = threading.Event()
    real = deferred.validate

    def later(path, data):
        gate.wait(30)
        return real(path, data)

    monkeypatch.setattr(deferred, "validate", later)
    yield gate
    gate.set()


async def until_validated(pilot) -> None:
    app = pilot.app
    for _ in range(400):
        await pilot.pause(0.02)
        if app.workspace is not None or (app.pending is not None and app.pending.error):
            break
    await pilot.pause()


@pytest.mark.asyncio
async def test_typing_before_validation_is_kept_and_applied_after_it_nothing_saved_before(
    tmp_path, held
) -> None:
    path = copy_project(tmp_path)
    before = path.read_bytes()
    app = deferred_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.workspace is None
        name = app.screen.query_one("#basics-name", FieldInput)
        assert name.value == "无锡市2020年度宜居住区技防改造专项"  # from the JSON
        assert app.focused is name
        assert "正在检查项目文件" in score_bar(app)
        await pilot.press("end", "X", "ctrl+s", "f7", "f2")
        await pilot.pause(0.1)
        assert app.current_mode == "basics" and len(app.screen_stack) == 1  # no step, no dialog
        assert name.value.endswith("X")  # the typing is kept in the field
        assert path.read_bytes() == before and not Path(f"{path}.lock").exists()
        held.set()
        await until_validated(pilot)
        assert app.workspace is not None
        assert app.workspace.project.basics.name == "无锡市2020年度宜居住区技防改造专项X"
        assert score_bar(app).startswith("总分 99.60（优）")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert saved(path).basics.name == "无锡市2020年度宜居住区技防改造专项X"


@pytest.mark.asyncio
async def test_the_score_is_shown_before_the_report_parts_are_mounted_and_they_follow(
    tmp_path, held, monkeypatch
) -> None:
    path = copy_project(tmp_path)
    app = deferred_app(path)
    seen: list[tuple[str, int, bool]] = []
    from perfeval_tui.tui.screens.basics import LONG_FIELDS, BasicsScreen, ReportText

    real = BasicsScreen._mount_report_texts

    def mount(screen: BasicsScreen) -> None:  # what was on screen when the parts came
        # Not inside the attaching handler (whose screen update would wait for it): after it.
        seen.append((score_bar(app), len(screen.query(ReportText)), app.pending is None))
        real(screen)

    monkeypatch.setattr(BasicsScreen, "_mount_report_texts", mount)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        held.set()
        await until_validated(pilot)
        await pilot.pause()
        assert seen == [(score_bar(app), 0, True)] and seen[0][0].startswith("总分 99.60（优）")
        texts = {t.field: t.text for t in app.screen.query(ReportText)}
        basics = app.workspace.project.basics
        assert texts == {f: getattr(basics, f) for f in LONG_FIELDS}
        assert texts["background"]


@pytest.mark.asyncio
async def test_a_file_that_fails_validation_ends_with_its_message_and_is_not_modified(
    tmp_path, held
) -> None:
    path = copy_project(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["funds"][0]["budget"] = "四百五十"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(ProjectFileError) as refused:
        load_project(path)
    app = deferred_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("end", "X", "enter", "ctrl+s")
        held.set()
        await until_validated(pilot)
    assert app.return_value == 2
    assert app.workspace is None and app.pending is not None
    assert app.pending.error == str(refused.value)
    assert "附表1 第 1 行「预算安排数」" in app.pending.error
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no lock, no .bak


def test_launch_refuses_an_invalid_file_with_exit_2_and_the_same_message(tmp_path) -> None:
    """Through ``perfeval FILE`` on a pseudo-terminal: the same line as the headless commands."""
    pytest.importorskip("pty")
    path = copy_project(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["basics"]["year"] = 1800
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = path.read_bytes()
    script = (
        "import os, pty, sys\n"
        "pid, fd = pty.fork()\n"
        "if pid == 0:\n"
        "    os.environ.update(TERM='xterm', LANG='C.UTF-8', COLUMNS='80', LINES='24')\n"
        "    from perfeval_tui.cli import main\n"
        f"    os._exit(main([{str(path)!r}]))\n"
        "out = b''\n"
        "while True:\n"
        "    try:\n"
        "        chunk = os.read(fd, 65536)\n"
        "    except OSError:\n"
        "        break\n"
        "    if not chunk:\n"
        "        break\n"
        "    out += chunk\n"
        "_, status = os.waitpid(pid, 0)\n"
        "sys.stdout.buffer.write(out)\n"
        "sys.exit(os.waitstatus_to_exitcode(status))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120, cwd=ROOT)
    with pytest.raises(ProjectFileError) as refused:
        load_project(path)
    assert run.returncode == 2
    assert f"错误：{refused.value}".encode() in run.stdout.replace(b"\r\n", b"\n")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


STARTUP_MODULES = """
import asyncio, sys, threading
from pathlib import Path
import perfeval_tui.tui.deferred as deferred
from perfeval_tui.project.rawfile import read_project_data
from perfeval_tui.tui.app import PerfevalApp

HEAVY = ("textual.widgets._text_area", "openpyxl", "questionary", "perfeval_tui.analysis", "docx")
gate = threading.Event()
real = deferred.validate
deferred.validate = lambda path, data: (gate.wait(30), real(path, data))[1]

async def main():
    path = Path(sys.argv[1])
    app = PerfevalApp(None, pending=deferred.PendingLoad(path, read_project_data(path)), linux=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        print("painted", "pydantic" in sys.modules, len(list(app.screen.walk_children())))
        gate.set()
        for _ in range(400):
            await pilot.pause(0.02)
            if app.workspace is not None:
                break
        await pilot.pause()
        print("validated", app.workspace is not None, "pydantic" in sys.modules)
        print("heavy", *[m for m in HEAVY if any(k == m or k.startswith(m + ".") for k in sys.modules)])

asyncio.run(main())
"""


def test_the_first_paint_needs_no_models_and_no_heavy_module(tmp_path) -> None:
    path = copy_project(tmp_path)
    run = subprocess.run(
        [sys.executable, "-c", STARTUP_MODULES, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    painted, validated, heavy = run.stdout.splitlines()[-3:]
    _, models, widgets = painted.split()
    assert models == "False"  # no pydantic before step 1 is on screen
    assert int(widgets) <= 28  # step bar, 8 fields and their names, score bar, footer keys
    assert validated == "validated True True"
    assert heavy == "heavy"  # TextArea, openpyxl, questionary, analysis, docx: none yet


@pytest.mark.asyncio
async def test_quitting_before_validation_leaves_the_file_unlocked_and_untouched(
    tmp_path, held, monkeypatch
) -> None:
    path = copy_project(tmp_path)
    before = path.read_bytes()
    finished = threading.Event()
    slow = deferred.validate

    def validate(path, data):
        try:
            return slow(path, data)
        finally:
            finished.set()

    monkeypatch.setattr(deferred, "validate", validate)
    app = deferred_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("end", "X", "ctrl+q")
        await pilot.pause()
    assert app.return_value == 0 and app.workspace is None
    held.set()  # validation ends after the app: nothing is locked or saved then
    assert finished.wait(60)
    await asyncio.sleep(0)  # what the thread posted, if anything, would run now
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
