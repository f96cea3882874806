"""The ``perfeval`` command: headless subcommands, or the wizard when given a file or nothing.

Each subcommand lives in ``perfeval_tui/commands/<name>.py`` with ``configure(parser)`` and
``run(args) -> int``; modules are imported only when their command runs, so startup stays light.
Every failure ends in a one-line Chinese message and an exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from .commands.exits import EXIT_BAD_INPUT, EXIT_OK, fail
from .term.crash import report_crash
from .term.output import configure_streams

# name -> (module, one-line Chinese description)
COMMANDS: dict[str, tuple[str, str]] = {
    "score": ("perfeval_tui.commands.score", "计算项目得分并列出每一项扣分"),
    "check": ("perfeval_tui.commands.check", "检查数据（有警告时退出码为 1）"),
    "explain": ("perfeval_tui.commands.explain", "查看评分规则原文、口径和算例"),
    "schema": ("perfeval_tui.commands.schema", "输出或重新生成 JSON Schema"),
    "demo": ("perfeval_tui.commands.demo", "打开示例项目（无锡 2020，在副本上操作）"),
    "new": ("perfeval_tui.commands.new", "新建项目文件并开始录入"),
    "export": ("perfeval_tui.commands.export", "导出附表（xlsx）和评价报告（Markdown）"),
    "import": ("perfeval_tui.commands.import_xlsx", "从导出的 xlsx 读回项目文件"),
    "simulate": ("perfeval_tui.commands.simulate", "模拟修改数值，查看得分变化（不改文件）"),
    "seek": ("perfeval_tui.commands.seek", "反求：满分或目标总分需要的完成值"),
    "quiz": ("perfeval_tui.commands.quiz", "评分规则练习题"),
}
WIZARD_MODULE = "perfeval_tui.commands.wizard"
# Commands that read what the user types (the wizard itself too): with stdin closed they stop.
READS_STDIN = frozenset({"demo", "new", "quiz"})
STDIN_CLOSED = (
    "标准输入已关闭（例如 0<&-），无法录入；没有打开或改动任何文件。"
    "请在终端中运行，或用「< 答案文件」提供输入"
)

_ARGPARSE_TEXT = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示帮助并退出",
}


def _translate(text: str) -> str:
    return _ARGPARSE_TEXT.get(text, text)


# argparse looks its fixed words up through gettext at call time; give it Chinese ones.
argparse._ = _translate  # type: ignore[attr-defined]


class ChineseArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are Chinese and exit with code 2."""

    def error(self, message: str) -> NoReturn:
        replacements = (
            ("the following arguments are required: ", "缺少参数："),
            ("unrecognized arguments: ", "无法识别的参数："),
            ("invalid choice: ", "无效的选项："),
            ("expected one argument", "需要一个值"),
            ("argument ", "参数 "),
            ("choose from ", "可选："),
        )
        for english, chinese in replacements:
            message = message.replace(english, chinese)
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}：错误：{message}\n")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    stdin_closed = _reopen_closed_streams()
    configure_streams()
    try:
        return _dispatch(args, stdin_closed=stdin_closed)
    except KeyboardInterrupt:
        print("\n已中断。", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # the last line of defence: a message, never a traceback
        return report_crash(exc)


def _reopen_closed_streams() -> bool:
    """A closed stdin/stdout/stderr (``0<&-``) becomes /dev/null; True when stdin was closed."""
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stdin is None:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115
        return True
    return False


def _dispatch(args: list[str], *, stdin_closed: bool = False) -> int:
    if args and args[0] in COMMANDS:
        module_name, description = COMMANDS[args[0]]
        module = importlib.import_module(module_name)
        parser = ChineseArgumentParser(prog=f"perfeval {args[0]}", description=description)
        module.configure(parser)
        parsed = parser.parse_args(args[1:])
        if stdin_closed and args[0] in READS_STDIN:
            return fail(STDIN_CLOSED)
        return int(module.run(parsed))
    if args and args[0] in ("-h", "--help", "help"):
        print(_overview())
        return EXIT_OK
    if args and args[0] in ("-V", "--version"):
        from . import __version__

        print(f"perfeval {__version__}")
        return EXIT_OK
    module = importlib.import_module(WIZARD_MODULE)
    parser = ChineseArgumentParser(prog="perfeval", description="专项资金绩效评价自评向导")
    module.configure(parser)
    parsed = parser.parse_args(args)
    if stdin_closed:
        return fail(STDIN_CLOSED)
    return int(module.run(parsed))


def _overview() -> str:
    lines = [
        "perfeval —— 专项资金绩效评价自评",
        "",
        "用法：perfeval [文件] | perfeval 命令 ...",
        "",
        "命令：",
    ]
    lines += [f"  {name:<10}{description}" for name, (_, description) in COMMANDS.items()]
    lines += ["", "每个命令加 -h 查看说明，例如 perfeval score -h"]
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
