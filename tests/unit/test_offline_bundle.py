"""The offline bundle: built for this machine's platform, installed into a fresh virtual
environment with pip told not to use any index, and run on the Wuxi demo."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile

from builders import ROOT, WUXI

BUNDLE = ROOT / "scripts" / "offline-bundle"


def offline_env() -> dict[str, str]:
    """No pip configuration, no index, no extra wheel folder: only the bundle's wheels."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env["PIP_CONFIG_FILE"] = os.devnull
    env["PYTHON"] = sys.executable
    return env


def test_bundle_installs_without_an_index_and_scores_the_demo(tmp_path):
    build = subprocess.run(
        ["sh", str(BUNDLE), "--here", "-o", str(tmp_path / "dist")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHON": sys.executable},
        timeout=900,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    archive = tmp_path / "dist" / build.stdout.strip().splitlines()[-1].rsplit("/", 1)[-1]
    assert archive.name == "perfeval-tui-0.1.0-offline.tar.gz"
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        tar.extractall(tmp_path / "unpacked", filter="data")
    root = tmp_path / "unpacked" / "perfeval-tui-0.1.0-offline"
    wheels = sorted(p.name for p in (root / "wheels").iterdir())
    for needed in ("perfeval_tui-", "textual-", "pydantic_core-", "openpyxl-", "python_docx-"):
        assert any(w.startswith(needed) for w in wheels), needed
    assert "perfeval-tui-0.1.0-offline/install.sh" in names

    venv = tmp_path / "venv"
    install = subprocess.run(
        ["sh", str(root / "install.sh"), str(venv)],
        capture_output=True,
        text=True,
        env=offline_env(),
        timeout=600,
    )
    assert install.returncode == 0, install.stderr[-2000:]
    assert f"已安装：{venv}/bin/perfeval" in install.stdout

    score = subprocess.run(
        [str(venv / "bin" / "perfeval"), "score", str(WUXI)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert score.returncode == 0, score.stderr
    assert "\n总分 99.60（优）" in score.stdout
    # The installed copy is the bundle's, not this checkout.
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import perfeval_tui; print(perfeval_tui.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert where.stdout.startswith(str(venv))


def test_install_script_refuses_a_python_older_than_3_10(tmp_path):
    fake = tmp_path / "python-old"
    # A Python 3.9: fails the version check, prints its version when asked.
    fake.write_text('#!/bin/sh\ncase "$2" in *">="*) exit 1 ;; *) echo 3.9 ;; esac\n')
    fake.chmod(0o755)
    done = subprocess.run(
        ["sh", str(ROOT / "scripts" / "offline-install.sh"), str(tmp_path / "venv")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHON": str(fake)},
        timeout=60,
    )
    assert done.returncode == 2
    assert "版本是 3.9，perfeval-tui 需要 Python 3.10 或更高版本" in done.stderr
    assert not (tmp_path / "venv").exists()
