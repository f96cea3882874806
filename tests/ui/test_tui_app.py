"""The wizard as a whole: the edit lock, the welcome screen, help, the command palette, a too-small
terminal, and what a start-up must not import."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from textual.command import CommandList
from textual.widgets import OptionList
from tui_helpers import (
    ROOT,
    D,
    copy_project,
    make_app,
    open_indicator,
    retype,
    saved,
    score_bar,
    screen_lines,
    wait_for,
)

from perfeval_tui.project.lock import LockInfo, lock_path_for
from perfeval_tui.project.recent import load_recent
from perfeval_tui.tui.app import PerfevalApp
from perfeval_tui.tui.dialogs.help import HelpDialog
from perfeval_tui.tui.keymap import APP_KEYS, INDICATOR_KEYS, STEP_KEYS
from perfeval_tui.tui.screens.base import StepScreen
from perfeval_tui.tui.screens.simulate import SimulationScreen
from perfeval_tui.tui.screens.too_small import TooSmallScreen
from perfeval_tui.tui.widgets.indicator_form import IndicatorForm

SIZE = (80, 24)


@pytest.fixture
def holder():
    """Another live process, standing in for a second user's wizard."""
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield proc
    proc.kill()
    proc.wait()


async def test_a_held_lock_opens_the_project_read_only(tmp_path: Path, holder) -> None:
    path = copy_project(tmp_path)
    info = LockInfo("李四", socket.gethostname(), holder.pid, "2024-05-23 09:30:00")
    lock_path_for(path).write_text(info.to_json(), encoding="utf-8")
    before = path.read_bytes()
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.workspace.read_only
        message = app.workspace.lock_outcome.message
        assert "李四" in message and str(holder.pid) in message and "只读" in message
        assert any("李四" in str(n.message) for n in app._notifications)
        assert "[只读]" in str(app.screen.query_one("#step-bar").render())
        await open_indicator(pilot, "satisfaction")
        await retype(pilot, "ind-actual", "50")  # the field is disabled: nothing is typed
        assert app.workspace.project.indicator("satisfaction").actual == D(96)
        assert app.screen.query_one("#ind-actual").disabled
        await pilot.press("ctrl+s")
        await wait_for(
            pilot,
            lambda: "只读" in app.screen.query_one("ScoreBar #save-state").render().plain,
            "只读 in the status line",
        )
    app.workspace.close()
    assert path.read_bytes() == before
    assert json.loads(lock_path_for(path).read_text(encoding="utf-8"))["pid"] == holder.pid


async def test_a_stale_lock_is_taken_over_with_a_notice(tmp_path: Path) -> None:
    path = copy_project(tmp_path)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    info = LockInfo("李四", socket.gethostname(), gone.pid, "2024-05-23 09:30:00")
    lock_path_for(path).write_text(info.to_json(), encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.workspace.read_only
        assert any("已接管" in str(n.message) for n in app._notifications)
    app.workspace.close()
    assert not lock_path_for(path).exists()


async def test_too_small_a_terminal_shows_please_enlarge(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.resize_terminal(50, 16)
        await wait_for(pilot, lambda: isinstance(app.screen, TooSmallScreen), "请放大窗口")
        assert "请放大窗口" in str(app.screen.query_one("Static").render())
        await pilot.resize_terminal(80, 24)
        await wait_for(pilot, lambda: isinstance(app.screen, StepScreen), "the step again")


async def test_f1_lists_every_key(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpDialog), "the help")
        await wait_for(
            pilot, lambda: "帮助：全部按键" in "\n".join(screen_lines(app)), "the help drawn"
        )
        # Page through the dialog as a user would and collect what the terminal shows.
        shown: list[str] = []
        for _ in range(12):
            shown.extend(screen_lines(app))
            await pilot.press("pagedown")
            await pilot.pause()
        text = "\n".join(shown)
        assert "帮助：全部按键" in text
        for key in (*APP_KEYS, *STEP_KEYS, *INDICATOR_KEYS):
            if not key.display.startswith("Alt+"):
                assert key.display in text, key.display
        assert "Alt+1 … Alt+7" in text
        # A long text without spaces (表格中 Ctrl+N, F12) folds onto more lines; it was cut with …
        assert "…" not in text.replace("Alt+1 … Alt+7", "")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, StepScreen), "the help closed")
        await wait_for(
            pilot, lambda: "帮助：全部按键" not in "\n".join(screen_lines(app)), "the help gone"
        )


async def test_the_palette_finds_an_indicator_by_name(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"满意度")
        hits = app.screen.query_one(CommandList)
        await wait_for(
            pilot,
            lambda: hits.option_count and "满意度" in str(hits.get_option_at_index(0).prompt),
            "the indicator found",
        )
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.query(IndicatorForm), "step 4")
        form = app.screen.query_one(IndicatorForm)
        await wait_for(
            pilot,
            lambda: form.indicator is not None and form.indicator.id == "satisfaction",
            "社会满意度 opened",
        )


async def test_footer_shows_no_more_than_six_keys(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "indicators")
    async with app.run_test(size=SIZE):
        keys = [b for b in app.screen.active_bindings.values() if b.binding.show]
        assert 3 <= len(keys) <= 6


async def test_f5_opens_the_sandbox_on_screen(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await wait_for(pilot, lambda: isinstance(app.screen, SimulationScreen), "the sandbox")
        await wait_for(pilot, lambda: "99.60" in "\n".join(screen_lines(app)), "drawn")
        text = "\n".join(screen_lines(app))
        assert "模拟" in text and "99.60" in text


async def test_welcome_opens_the_demo_on_a_copy(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    app = PerfevalApp(None, linux=False)
    async with app.run_test(size=SIZE) as pilot:
        menu = app.screen.query_one(OptionList)
        ids = [menu.get_option_at_index(i).id for i in range(menu.option_count)]
        assert ids[:2] == ["new", "open"] and "demo:wuxi" in ids and "quit" in ids
        menu.highlighted = ids.index("demo:wuxi")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, StepScreen), "the demo opened")
        await wait_for(pilot, lambda: "总分 99.60（优）" in score_bar(app), "the total")
        path = app.workspace.path
        assert path is not None and path.parent == tmp_path / "data" / "perfeval"
    app.workspace.close()
    assert load_recent() == [path]


async def test_welcome_creates_a_new_project(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    target = tmp_path / "新项目.json"
    app = PerfevalApp(None, linux=False, new_path=target)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#new-name").value = "测试专项"
        app.screen.query_one("#new-unit").value = "测试局"
        app.screen.query_one("#new-year").focus()
        await pilot.press(*"20x4", "enter")
        await wait_for(pilot, lambda: app.screen.query_one("#new-error").message, "the error")
        message = app.screen.query_one("#new-error").message
        assert "「年度」" in message and "整数" in message
        assert not target.exists()
        for field, text in (("name", "测试专项"), ("year", "2024"), ("unit", "测试局")):
            app.screen.query_one(f"#new-{field}").value = text
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, StepScreen), "the new project")
    app.workspace.close()
    project = saved(target)
    assert project.basics.name == "测试专项" and project.basics.year == 2024
    # The rule set's 共性指标, its 社会满意度 (weight 10) and the 个性指标 groups of the form.
    assert len(project.indicators) == 10 and project.indicators[-1].weight == D(10)
    assert ["个性指标", "专项总目标", "产出"] in project.skeleton


def test_startup_keeps_openpyxl_and_questionary_out(tmp_path: Path) -> None:
    path = copy_project(tmp_path)
    code = (
        "import asyncio, sys\n"
        "from pathlib import Path\n"
        "from perfeval_tui.tui.app import PerfevalApp\n"
        "from perfeval_tui.project.workspace import open_workspace\n"
        "async def main():\n"
        f"    app = PerfevalApp(open_workspace(Path({str(path)!r})))\n"
        "    async with app.run_test(size=(80, 24)) as pilot:\n"
        "        await pilot.pause()\n"
        "        print(sorted(m for m in ('openpyxl', 'docx', 'questionary') if m in sys.modules))\n"
        "        print(type(app.screen).__name__)\n"
        "asyncio.run(main())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["[]", "BasicsScreen"]


def test_without_a_terminal_it_says_so_and_never_hangs(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path),
        "TERM": "xterm-256color",
        "LANG": "zh_CN.UTF-8",
    }
    out = subprocess.run(
        [sys.executable, "-m", "perfeval_tui.cli", "demo"],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        cwd=ROOT,
    )
    assert "不是终端" in out.stderr.decode("utf-8")
    assert out.returncode != 0 or out.stdout


def test_recent_files_are_listed_on_one_line_each(tmp_path: Path) -> None:
    from rich.cells import cell_len

    from perfeval_tui.project.recent import remember
    from perfeval_tui.tui.screens.welcome import menu_options

    deep = tmp_path.joinpath(*["很长的文件夹名称"] * 6)
    deep.mkdir(parents=True)
    path = copy_project(deep)
    remember(path)
    assert load_recent() == [path.resolve()]
    labels = [str(o.prompt) for o in menu_options(load_recent()) if o and o.id == f"recent:{path}"]
    assert len(labels) == 1 and "\n" not in labels[0]
    assert labels[0].startswith("  wuxi-2020.json   …") and cell_len(labels[0]) <= 70


async def test_open_dialog_reports_a_bad_path_then_opens_a_good_one(tmp_path: Path) -> None:
    from perfeval_tui.tui.dialogs.project_files import OpenDialog

    good = copy_project(tmp_path)
    app = PerfevalApp(None, linux=False)
    async with app.run_test(size=SIZE) as pilot:
        menu = app.screen.query_one(OptionList)
        menu.highlighted = 1  # 打开项目文件…
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, OpenDialog), "the open dialog")
        app.screen.query_one("#open-path").value = str(tmp_path / "没有这个文件.json")
        await pilot.press("enter")
        await wait_for(
            pilot,
            lambda: "找不到文件" in app.screen.query_one("#open-error").message,
            "找不到文件",
        )
        app.screen.query_one("#open-path").value = str(good)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, StepScreen), "the project opened")
        assert app.workspace.path == good
    app.workspace.close()


async def test_cursor_blink_is_off_unless_asked_for(tmp_path: Path) -> None:
    for blink in (False, True):
        app = make_app(copy_project(tmp_path), "indicators", blink=blink)
        async with app.run_test(size=SIZE) as pilot:
            await open_indicator(pilot, "satisfaction")
            field = app.screen.query_one("#ind-actual")
            field.focus()
            await pilot.pause()
            assert field.cursor_blink is blink
        app.workspace.close()


def test_a_file_that_does_not_load_is_reported_before_the_screen_and_left_alone(
    tmp_path: Path, capsys
) -> None:
    from perfeval_tui.tui import launch

    bad = tmp_path / "坏文件.json"
    bad.write_text('{"basics": {"name": "x"', encoding="utf-8")
    before = bad.read_bytes()
    assert launch(bad, blink=False, mouse=False, new=False) == 2
    assert "JSON" in capsys.readouterr().err
    assert bad.read_bytes() == before
    assert not (tmp_path / "坏文件.json.lock").exists()
