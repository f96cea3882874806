"""Reading a project file's JSON without the models: bytes, encoding, JSON, hostile numbers.

No pydantic here, so the wizard can draw its first step from the file before the models exist;
:mod:`perfeval_tui.project.storage` validates what this returns. A file that cannot be read is
refused with a one-line Chinese message (:class:`ProjectFileError`) and is never written to.
"""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

MAX_DIGITS = 40


class ProjectFileError(Exception):
    """A project file that cannot be used; ``str()`` is a one-line Chinese message."""


def read_project_data(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The decoded JSON object of ``path`` (bare numbers as Decimal), or :class:`ProjectFileError`."""
    file = Path(path)
    if file.is_dir():
        raise ProjectFileError(f"「{file}」是文件夹，不是项目文件。请给出 .json 项目文件的路径")
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        raise ProjectFileError(
            f"找不到文件「{file}」。请检查路径，或用 perfeval new 新建项目"
        ) from None
    except OSError as exc:
        raise ProjectFileError(
            f"无法读取「{file}」：{exc.strerror or exc}。请检查文件权限"
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProjectFileError(
            f"「{file}」不是 UTF-8 编码（可能是 GBK/GB18030）。请用编辑器以 UTF-8 编码另存后再打开"
        ) from None
    if not text.strip():
        raise ProjectFileError(f"「{file}」是空文件。请给出有效的项目文件")
    data = decode_json(text, file)
    if not isinstance(data, dict):
        raise ProjectFileError(f"「{file}」的内容应为一个 JSON 对象（{{ ... }}）")
    return data


def decode_json(text: str, file: Path) -> Any:
    """JSON text to data; bare numbers are Decimal (never float), hostile inputs get a message."""
    try:
        return json.loads(text, parse_float=Decimal, parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        raise ProjectFileError(
            f"「{file}」第 {exc.lineno} 行第 {exc.colno} 列 JSON 格式错误（文件可能不完整或被截断）。"
            "请恢复备份（同名 .bak 文件）或修正该处"
        ) from None
    except _HugeNumber:
        raise ProjectFileError(
            f"「{file}」中有超过 {MAX_DIGITS} 位的数字，不是有效的金额或分值。请检查并修正该数字"
        ) from None
    except RecursionError:
        raise ProjectFileError(
            f"「{file}」的方括号或花括号嵌套过深，不是有效的项目文件。请恢复备份（同名 .bak 文件）"
        ) from None


class _HugeNumber(ValueError):
    pass


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise _HugeNumber(text[:20])
    return int(text)
