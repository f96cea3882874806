"""``perfeval new FILE [--plain] [--ruleset ID]``: start a project file and open it in the wizard."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..cli import fail
from ..scoring.ruleset import (
    DEFAULT_RULESET,
    UnknownRuleSetError,
    available_rulesets,
    is_ruleset_path,
    load_ruleset,
)
from .wizard import add_display_options, open_project


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="文件", help="新项目文件（.json），不能是已有文件")
    parser.add_argument(
        "--ruleset",
        default=None,
        metavar="规则集",
        help=f"评分规则集（默认 {DEFAULT_RULESET}；可用：{'、'.join(available_rulesets())}，"
        "或一个规则集文件的路径）",
    )
    add_display_options(parser)


def run(args: argparse.Namespace) -> int:
    path = Path(args.file).expanduser()
    if path.exists():
        return fail(f"文件 {path} 已存在。打开它请运行 perfeval {path}，或换一个文件名")
    if not path.parent.is_dir():
        return fail(f"目录 {path.parent} 不存在，请先创建它或换一个位置")
    if args.ruleset is not None:
        if is_ruleset_path(args.ruleset):  # kept in the project as an absolute path
            args.ruleset = str(Path(args.ruleset).expanduser().resolve())
        try:
            load_ruleset(args.ruleset)
        except UnknownRuleSetError as exc:
            return fail(str(exc))
    return open_project(path, args, new=True)
