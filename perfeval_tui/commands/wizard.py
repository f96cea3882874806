"""``perfeval [FILE] [--plain]``: the full-screen wizard, or plain mode where full-screen can't serve."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..term.terminal import full_screen_problem, write_in_user_encoding


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", nargs="?", metavar="文件", help="项目文件（.json）；省略则显示欢迎页"
    )
    add_display_options(parser)


def add_display_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--plain", action="store_true", help="逐行问答模式（不使用全屏界面）")
    parser.add_argument("--blink", action="store_true", help="光标闪烁（默认关闭，以减少远程流量）")
    parser.add_argument("--no-mouse", action="store_true", help="不捕获鼠标")


def run(args: argparse.Namespace) -> int:
    path = Path(args.file) if args.file else None
    return open_project(path, args)


def open_project(path: Path | None, args: argparse.Namespace, *, new: bool = False) -> int:
    """Start the wizard on ``path``, choosing plain mode when asked or when full-screen can't serve."""
    problem = None if args.plain else full_screen_problem()
    if args.plain or problem:
        if problem:
            write_in_user_encoding(f"提示：{problem}。已改用逐行问答模式。")
        from ..plain import launch as launch_plain

        return launch_plain(path, new=new, ruleset=getattr(args, "ruleset", None))
    from ..tui import launch as launch_tui

    return launch_tui(
        path,
        blink=args.blink,
        mouse=not args.no_mouse,
        new=new,
        ruleset=getattr(args, "ruleset", None),
    )
