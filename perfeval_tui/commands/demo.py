"""``perfeval demo [--reset] [--plain]``: open the seed case on the user's own copy.

The shipped file is never modified: the first run copies it into the data folder, later runs
reopen that copy as it was left; ``--reset`` starts again from the shipped file.
"""

from __future__ import annotations

import argparse

from ..project.demo import DEMOS, demo_copy
from .exits import fail
from .wizard import add_display_options, open_project


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "name",
        nargs="?",
        default="wuxi",
        choices=sorted(DEMOS),
        metavar="示例",
        help="wuxi（无锡 2020，默认）或 county（县级演示，各类规则均有扣分）",
    )
    parser.add_argument(
        "--reset", action="store_true", help="丢弃对示例副本的修改，从原始示例重新开始"
    )
    add_display_options(parser)


def run(args: argparse.Namespace) -> int:
    try:
        path = demo_copy(args.name, reset=args.reset)
    except OSError as exc:
        return fail(
            f"无法创建示例副本：{exc.strerror or exc}。请检查 $XDG_DATA_HOME 或主目录是否可写"
        )
    return open_project(path, args)
