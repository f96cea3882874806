"""Packaging and exit codes (cases 10 and 13): the demos are package data, a wheel installed in a
fresh venv runs ``perfeval demo --plain`` and ``perfeval score``; a crash exits 70 and names the
crash log; a closed stdin gets a message, never AttributeError."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib import resources

import pytest
from plain_driver import PERFEVAL, ROOT

from perfeval_tui.project.demo import DEMOS, demo_copy

SHIPPED = ["wuxi-2020.json", "county-demo.json", "wuxi-2020-answers.txt"]


@pytest.mark.parametrize("name", SHIPPED)
def test_the_repository_demo_data_is_the_package_data(name):
    """``perfeval_tui/demo/`` is the source; ``demo_data/`` keeps the same bytes for readers."""
    packaged = resources.files("perfeval_tui") / "demo" / name
    assert packaged.read_bytes() == (ROOT / "demo_data" / name).read_bytes()


def test_every_demo_the_command_offers_is_package_data():
    for name in DEMOS:
        assert demo_copy(name).read_bytes() == (ROOT / "demo_data" / DEMOS[name]).read_bytes()


def _closed_stdin(*args: str, tmp_path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*PERFEVAL, *args],
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "TERM": "xterm", "LANG": "C.UTF-8"},
        preexec_fn=lambda: os.close(0),  # what `0<&-` does
        timeout=60,
    )


@pytest.mark.parametrize(
    "args", [["x.json"], ["new", "y.json"], ["quiz"], ["x.json", "--plain"], ["quiz", "--plain"]]
)
def test_a_closed_stdin_gets_a_message_not_a_crash(tmp_path, args):
    shutil.copy(ROOT / "demo_data" / "wuxi-2020.json", tmp_path / "x.json")
    before = (tmp_path / "x.json").read_bytes()
    done = _closed_stdin(*args, tmp_path=tmp_path)
    err = done.stderr.decode()
    assert "AttributeError" not in err and "程序内部出错" not in err and "Traceback" not in err
    assert done.returncode != 70
    assert "标准输入已关闭" in err
    assert (tmp_path / "x.json").read_bytes() == before
    assert not (tmp_path / "y.json").exists()


def test_a_crash_in_the_wizard_exits_70_and_names_the_crash_log(tmp_path, monkeypatch, capsys):
    """Textual returns None from a crashed run(); that was mapped to exit 0."""
    from textual.app import App

    from perfeval_tui.tui import launch
    from perfeval_tui.tui.app import PerfevalApp

    def explode(self) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(PerfevalApp, "on_mount", explode)
    monkeypatch.setattr(
        PerfevalApp, "run", lambda self, mouse=True: App.run(self, headless=True, size=(80, 24))
    )
    project = tmp_path / "p.json"
    shutil.copy(ROOT / "demo_data" / "wuxi-2020.json", project)
    before = project.read_bytes()
    code = launch(project)
    out, err = capsys.readouterr()
    assert code == 70
    assert "Traceback" not in out + err and "程序内部出错（RuntimeError）" in err
    log = next(
        p for p in (tmp_path.parent).rglob("crash.log") if "RuntimeError: boom" in p.read_text()
    )
    assert str(log) in err
    assert project.read_bytes() == before
    assert not (tmp_path / "p.json.lock").exists()


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The wheel built from this repository, installed with its dependencies in a fresh venv."""
    folder = tmp_path_factory.mktemp("wheel")
    source = folder / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "perfeval_tui", source / "perfeval_tui", ignore=shutil.ignore_patterns("__pycache__")
    )
    wheels = folder / "wheels"
    pip = [sys.executable, "-m", "pip", "-q"]
    built = subprocess.run(
        [*pip, "wheel", "--no-deps", "-w", str(wheels), str(source)],
        capture_output=True,
        timeout=600,
    )
    if built.returncode != 0:
        pytest.skip(f"the wheel could not be built here: {built.stderr.decode()[-200:]}")
    (wheel,) = wheels.glob("perfeval_tui-*.whl")
    got = subprocess.run(
        [*pip, "download", "-d", str(wheels), str(wheel)], capture_output=True, timeout=600
    )
    if got.returncode != 0:
        pytest.skip(f"the dependencies' wheels could not be fetched: {got.stderr.decode()[-200:]}")
    venv = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    subprocess.run(
        [
            str(venv / "bin" / "pip"),
            "install",
            "-q",
            "--no-index",
            "--find-links",
            str(wheels),
            str(wheel),
        ],
        check=True,
        timeout=600,
    )
    return venv / "bin" / "perfeval"


def test_an_installed_wheel_runs_the_demo_and_scores_it(installed, tmp_path):
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "TERM": "dumb", "LANG": "C.UTF-8"}
    done = subprocess.run(
        [str(installed), "demo", "--plain"],
        input=b"5\n\n7\n",
        capture_output=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    out = done.stdout.decode()
    assert done.returncode == 0, done.stderr.decode()
    assert "总分 99.60（优）" in out
    copy = tmp_path / "data" / "perfeval" / "demo-wuxi-2020.json"
    scored = subprocess.run(
        [str(installed), "score", str(copy)],
        capture_output=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert scored.returncode == 0 and "总分 99.60（优）" in scored.stdout.decode()
    county = subprocess.run(
        [str(installed), "demo", "county", "--plain"],
        input=b"7\n",
        capture_output=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert county.returncode == 0 and "总分 69.51（中）" in county.stdout.decode()
