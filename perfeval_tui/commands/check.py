"""``perfeval check FILE``: list data warnings; exit 1 when there are any."""

from __future__ import annotations

import argparse

from ..scoring.checks import check_project
from ..term.render_text import warning_line
from .common import CommandError, add_file_argument, open_project
from .exits import EXIT_OK, EXIT_WARNINGS, fail


def configure(parser: argparse.ArgumentParser) -> None:
    add_file_argument(parser)


def run(args: argparse.Namespace) -> int:
    try:
        project = open_project(args.file)
    except CommandError as exc:
        return fail(str(exc))
    warnings = check_project(project)
    if not warnings:
        print("数据检查通过：没有发现问题。")
        return EXIT_OK
    print(f"数据检查发现 {len(warnings)} 条警告（不影响保存，请核对）：")
    for number, warning in enumerate(warnings, start=1):
        print(f"{number}. {warning_line(warning)}")
    return EXIT_WARNINGS
