"""Shared fixtures of the hostile-input suite: compiled Chinese locales in a private LOCPATH."""

from __future__ import annotations

import shutil
import subprocess

import pytest


def _compile(folder, charmap: str) -> dict[str, str]:
    name = f"zh_CN.{charmap}"
    if not (folder / name).exists():
        made = subprocess.run(
            ["localedef", "-i", "zh_CN", "-f", charmap, str(folder / name)],
            capture_output=True,
            timeout=180,
        )
        if not (folder / name).exists():
            reason = made.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no output"]
            pytest.skip(f"localedef could not build {name} (zh_CN sources missing?): {reason[0]}")
    return {"LOCPATH": str(folder), "LANG": name, "LC_ALL": "", "LC_CTYPE": ""}


@pytest.fixture(scope="session")
def locale_folder(tmp_path_factory):
    if shutil.which("localedef") is None:
        pytest.skip("localedef is not installed, so GBK/GB18030 locales cannot be generated here")
    return tmp_path_factory.mktemp("locales")


@pytest.fixture(scope="session", params=["GBK", "GB18030"])
def chinese_locale(request, locale_folder) -> tuple[str, dict[str, str]]:
    """(python codec, environment) for a compiled zh_CN.GBK or zh_CN.GB18030 locale."""
    return request.param.lower(), _compile(locale_folder, request.param)
