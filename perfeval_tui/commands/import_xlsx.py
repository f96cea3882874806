"""``perfeval import XLSX -o FILE [--force]``: read an exported (and edited) workbook back."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..project.storage import save_project
from ..scoring.numbers import fmt2
from .exits import fail


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "workbook", metavar="XLSX", help="本程序导出的附表（.xlsx），可在 Excel/WPS 中修改过"
    )
    parser.add_argument(
        "-o", "--output", required=True, metavar="文件", help="写入的项目文件（.json）"
    )
    parser.add_argument(
        "--force", action="store_true", help="覆盖已存在的项目文件（原文件留作 .bak）"
    )


def run(args: argparse.Namespace) -> int:
    from ..exports.xlsx_import import import_workbook
    from ..exports.xlsx_reader import WorkbookImportError
    from ..scoring.engine import score_project

    target = Path(args.output)
    if target.exists() and not args.force:
        return fail(
            f"「{target}」已存在，没有覆盖。要覆盖请加 --force（原文件留作 .bak），或换一个文件名"
        )
    if target.is_dir():
        return fail(f"「{target}」是目录。请给出 .json 项目文件的路径")
    try:
        result = import_workbook(args.workbook)
    except WorkbookImportError as exc:
        return fail(str(exc))
    try:
        save_project(result.project, target)
    except OSError as exc:
        return fail(f"无法写入「{target}」：{exc.strerror or exc}。请检查目录和权限")
    for notice in result.notices:
        print(f"提示：{notice}")
    score = result.result or score_project(result.project)
    project = result.project
    print(
        f"已导入：{target}（附表1 {len(project.funds)} 行，区县 {len(project.districts)} 行，"
        f"附表2 {len(project.indicators)} 项指标；总分 {fmt2(score.total)}，{score.grade}）"
    )
    return 0
