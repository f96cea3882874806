"""``perfeval export FILE -o DIR [--xlsx] [--md] [--docx] [--force]``: the appendix workbook and the report."""

from __future__ import annotations

import argparse

from ..exports import ExistingFileError, ExportError, export_project
from .common import CommandError, add_file_argument, open_project
from .exits import fail


def configure(parser: argparse.ArgumentParser) -> None:
    add_file_argument(parser)
    parser.add_argument(
        "-o", "--output", required=True, metavar="目录", help="输出目录（不存在时自动创建）"
    )
    parser.add_argument("--xlsx", action="store_true", help="只导出附表（xlsx）")
    parser.add_argument("--md", action="store_true", help="只导出评价报告（Markdown）")
    parser.add_argument(
        "--docx", action="store_true", help="导出评价报告 Word 文档（公文格式，附表为横向页）"
    )
    parser.add_argument("--force", action="store_true", help="覆盖已存在的同名文件")


def run(args: argparse.Namespace) -> int:
    try:
        project = open_project(args.file)
    except CommandError as exc:
        return fail(str(exc))
    both = not (args.xlsx or args.md or args.docx)  # no switch: the workbook and the Markdown
    try:
        paths = export_project(
            project,
            args.output,
            xlsx=both or args.xlsx,
            md=both or args.md,
            docx=args.docx,
            force=args.force,
        )
    except ExistingFileError as exc:
        return fail(f"{exc}。要覆盖请加 --force，或用 -o 换一个输出目录")
    except ExportError as exc:
        return fail(str(exc))
    for path in paths:
        print(f"已导出：{path}")
    return 0
