"""Plain mode under a GB18030 locale: Chinese typed in the terminal's encoding is stored correctly.

The project file stays UTF-8 whatever the terminal speaks.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from plain_driver import perfeval

from perfeval_tui.project.storage import load_project
from perfeval_tui.term.terminal import locale_codeset

NAME, UNIT, DEPARTMENT = "无锡市宜居住区技防改造专项", "无锡市公安局", "财政局（鑫）"
TYPED = f"{NAME}\n2020\n{UNIT}\n{DEPARTMENT}\n".encode("gb18030")


@pytest.fixture(scope="module")
def gb18030_locale(tmp_path_factory):
    """A compiled zh_CN.GB18030 locale in a private LOCPATH (no root needed)."""
    if shutil.which("localedef") is None:
        pytest.skip("localedef is not installed, so a GB18030 locale cannot be generated here")
    folder = tmp_path_factory.mktemp("locales")
    made = subprocess.run(
        ["localedef", "-i", "zh_CN", "-f", "GB18030", str(folder / "zh_CN.GB18030")],
        capture_output=True,
        timeout=120,
    )
    if not (folder / "zh_CN.GB18030").exists():
        reason = made.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no output"]
        pytest.skip(
            f"localedef could not build zh_CN.GB18030 (zh_CN sources missing?): {reason[0]}"
        )
    return {"LOCPATH": str(folder), "LANG": "zh_CN.GB18030", "LC_ALL": "", "LC_CTYPE": ""}


def check_stored(path, done):
    assert b"Traceback" not in done.stdout + done.stderr
    project = load_project(path)  # UTF-8 JSON
    assert (project.basics.name, project.basics.unit) == (NAME, UNIT)
    assert project.basics.department == DEPARTMENT
    assert NAME in path.read_text("utf-8")
    # The dialogue came back in the terminal's encoding.
    assert f"专项名称：{NAME}".encode("gb18030") in done.stdout


def test_chinese_typed_under_gb18030_is_stored_correctly(tmp_path, gb18030_locale):
    path = tmp_path / "gb.json"
    done = perfeval("new", str(path), "--plain", stdin=TYPED, env=gb18030_locale)
    assert done.returncode == 3  # input ended before the project was complete
    check_stored(path, done)


def test_gb18030_when_the_locale_is_not_installed(tmp_path):
    """Python falls back to UTF-8 for an unknown locale; the terminal still sends GB18030."""
    path = tmp_path / "gb.json"
    env = {"LANG": "zh_CN.GB18030", "LC_ALL": "", "LC_CTYPE": "", "LOCPATH": str(tmp_path)}
    done = perfeval("new", str(path), "--plain", stdin=TYPED, env=env)
    assert done.returncode == 3
    check_stored(path, done)


def test_wizard_falls_back_to_plain_mode_with_a_one_line_reason(tmp_path):
    path = tmp_path / "gb.json"
    env = {"LANG": "zh_CN.GB18030", "LC_ALL": "", "LC_CTYPE": "", "TERM": "xterm"}
    done = perfeval(str(path), stdin="是\n".encode("gb18030") + TYPED, env=env)
    notice = done.stderr.decode("gb18030").strip().splitlines()
    assert len(notice) == 1 and notice[0].startswith("提示：当前终端字符集为 gb18030，不是 UTF-8")
    assert notice[0].endswith("已改用逐行问答模式。")
    check_stored(path, done)


@pytest.mark.parametrize(
    ("env", "codeset"),
    [
        ({"LANG": "zh_CN.GB18030"}, "gb18030"),
        # What Python leaves behind when zh_CN.GB18030 is not installed (PEP 538 coercion).
        ({"LANG": "zh_CN.GB18030", "LC_CTYPE": "C.UTF-8"}, "gb18030"),
        ({"LANG": "zh_CN.UTF-8", "LC_CTYPE": "C.UTF-8"}, "utf-8"),
        ({"LC_ALL": "zh_CN.GBK", "LANG": "zh_CN.UTF-8"}, "gbk"),
        ({"LANG": "C"}, None),
    ],
)
def test_locale_codeset_reads_what_the_terminal_sends(env, codeset):
    assert locale_codeset(env) == codeset
