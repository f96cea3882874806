"""Can this terminal carry the full-screen wizard? If not, say why in words the user can act on."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping
from typing import TextIO

MIN_COLUMNS, MIN_LINES = 60, 20
UTF8_NAMES = frozenset({"utf-8", "utf8"})


def locale_codeset(env: Mapping[str, str] | None = None) -> str | None:
    """The codeset the user's locale variables ask for (``zh_CN.GB18030`` -> ``gb18030``).

    Read from the variables themselves: Python coerces an uninstalled or C locale to UTF-8, which
    would hide what the user's terminal really sends. ``C``/``POSIX`` have no codeset (None).
    """
    env = os.environ if env is None else env
    names = ["LC_ALL", "LC_CTYPE", "LANG"]
    if _coerced(env):
        names.remove("LC_CTYPE")
    for name in names:
        value = env.get(name, "")
        if value:
            if "." not in value:
                return None
            return value.split(".", 1)[1].split("@", 1)[0].lower()
    return None


# Python sets LC_CTYPE to one of these when the user's locale is not installed (PEP 538),
# which would hide the GB18030 the terminal really sends.
_COERCION_TARGETS = frozenset({"C.UTF-8", "C.utf8", "UTF-8"})


def _coerced(env: Mapping[str, str]) -> bool:
    """LC_CTYPE looks set by Python's locale coercion, not by the user: LANG names another codeset."""
    if env.get("LC_ALL") or env.get("LC_CTYPE") not in _COERCION_TARGETS:
        return False
    lang = env.get("LANG", "")
    codeset = lang.split(".", 1)[1].split("@", 1)[0].lower() if "." in lang else ""
    return bool(codeset) and codeset.replace("_", "-") not in UTF8_NAMES


def locale_is_utf8(env: Mapping[str, str] | None = None) -> bool:
    codeset = locale_codeset(env)
    return codeset is None or codeset.replace("_", "-") in UTF8_NAMES


def full_screen_problem(
    env: Mapping[str, str] | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> str | None:
    """Why the full-screen wizard cannot serve here (a Chinese sentence), or None if it can."""
    env = os.environ if env is None else env
    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    if not locale_is_utf8(env):
        codeset = locale_codeset(env)
        return (
            f"当前终端字符集为 {codeset}，不是 UTF-8，全屏界面在此输入中文会卡住。"
            "请执行 export LANG=zh_CN.UTF-8，并把终端软件（PuTTY/Xshell/SecureCRT）的字符编码设为 UTF-8"
        )
    term = env.get("TERM", "")
    if term in ("", "dumb", "unknown"):
        return f"终端类型 TERM={term or '（未设置）'} 不支持全屏界面。可设置 TERM=xterm-256color"
    if not (_isatty(stdin) and _isatty(stdout)):
        return "标准输入或输出不是终端（可能被重定向），无法使用全屏界面"
    size = shutil.get_terminal_size((0, 0))
    if 0 < size.columns < MIN_COLUMNS or 0 < size.lines < MIN_LINES:
        return (
            f"终端窗口只有 {size.columns}x{size.lines}，全屏界面至少需要 {MIN_COLUMNS}x{MIN_LINES}。"
            "请放大窗口后重新运行"
        )
    return None


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def write_in_user_encoding(text: str, stream: TextIO | None = None) -> None:
    """Write a message in the encoding the user's locale names, so a GB18030 terminal can read it."""
    stream = sys.stderr if stream is None else stream
    from .output import encode_for_terminal

    data = encode_for_terminal(text + "\n")
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text + "\n")
    else:
        stream.flush()
        buffer.write(data)
        buffer.flush()
