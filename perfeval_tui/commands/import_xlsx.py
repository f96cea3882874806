"""``perfeval import FILE [-o OUT.json] [--ruleset ID] [--force]``.

Two kinds of file: a workbook this program exported (and the user edited), read back exactly; or a
filled 项目支出绩效自评表 as clerks lay it out (.xlsx, .csv, .tsv), read by its header words.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..project.storage import save_project
from ..scoring.numbers import fmt2, fmt_plain
from .exits import EXIT_OK, fail

if TYPE_CHECKING:
    from ..exports.xlsx_book import Book

DEFAULT_FORM_RULESET = "national-2020"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "workbook",
        metavar="FILE",
        help="本程序导出的附表（.xlsx），或填好的绩效自评表（.xlsx / .csv / .tsv）",
    )
    parser.add_argument(
        "-o", "--output", metavar="文件", help="写入的项目文件（.json）；不给则只显示结果"
    )
    parser.add_argument(
        "--ruleset",
        metavar="ID",
        help=f"自评表按哪个评分规则集计分（默认 {DEFAULT_FORM_RULESET}）",
    )
    parser.add_argument(
        "--force", action="store_true", help="覆盖已存在的项目文件（原文件留作 .bak）"
    )


def _target(args: argparse.Namespace) -> tuple[Path | None, str | None]:
    if args.output is None:
        return None, None
    target = Path(args.output)
    if target.exists() and not args.force:
        return target, (
            f"「{target}」已存在，没有覆盖。要覆盖请加 --force（原文件留作 .bak），或换一个文件名"
        )
    if target.is_dir():
        return target, f"「{target}」是目录。请给出 .json 项目文件的路径"
    return target, None


def read_workbook(path: Path) -> Book | None:
    """The .xlsx file's sheets, read once for every step below; None for any other file, or a
    workbook that cannot be read (the form reader then names the problem)."""
    if path.suffix.lower() != ".xlsx" or not path.is_file():
        return None
    from ..exports.xlsx_reader import WorkbookImportError, open_workbook

    try:
        return open_workbook(path)
    except WorkbookImportError:
        return None


def is_own_export(workbook: Book) -> bool:
    """A workbook this program wrote: its hidden data sheet, or its 附表1 and 附表2 sheets."""
    from ..exports.xlsx_reader import hidden_payload

    ours = any(name.startswith(("附表1", "附表2")) for name in workbook.sheetnames)
    return hidden_payload(workbook) is not None or ours


def run(args: argparse.Namespace) -> int:
    path = Path(args.workbook)
    target, problem = _target(args)
    if problem:
        return fail(problem)
    workbook = read_workbook(path)
    if workbook is not None and is_own_export(workbook):
        if target is None:
            return fail("读回导出的附表需要 -o 项目文件.json")
        return _run_export(workbook, target)
    return _run_form(path, target, args.ruleset or DEFAULT_FORM_RULESET, workbook)


def _save(project: object, target: Path) -> str | None:
    try:
        save_project(project, target)  # type: ignore[arg-type]
    except OSError as exc:
        return f"无法写入「{target}」：{exc.strerror or exc}。请检查目录和权限"
    return None


def _run_form(path: Path, target: Path | None, ruleset_id: str, workbook: Book | None) -> int:
    from ..exports.form_grid import read_grids
    from ..project.form_import import FormImportError, read_form
    from ..project.form_layout import find_indicator_header
    from ..scoring.checks import check_project
    from ..scoring.engine import score_project
    from ..scoring.ruleset import UnknownRuleSetError, load_ruleset
    from ..term.render_text import warning_line

    try:
        ruleset = load_ruleset(ruleset_id)
        grids = read_grids(path, workbook)
        grid = next((g for g in grids if find_indicator_header(g) is not None), None)
        if grid is None:
            return fail(_not_a_form(path, grids, workbook))
        imported = read_form(grid, ruleset, path.stem)
    except (FormImportError, UnknownRuleSetError) as exc:
        return fail(str(exc))
    project = imported.project
    result = score_project(project, ruleset)
    for note in imported.notes:
        print(f"提示：{note}")
    stated = "" if project.stated_total is None else f"；表上总分 {fmt_plain(project.stated_total)}"
    print(f"已读取自评表：{path.name}（工作表「{grid.sheet}」，{len(project.indicators)} 项指标）")
    print(f"按规则计算总分 {fmt2(result.total)}（{result.grade}）{stated}")
    warnings = check_project(project, ruleset)
    if warnings:
        print(f"发现 {len(warnings)} 处不一致或待补充：")
        for number, warning in enumerate(warnings, start=1):
            print(f"{number}. {warning_line(warning)}")
    else:
        print("没有发现不一致。")
    if target is not None:
        problem = _save(project, target)
        if problem:
            return fail(problem)
        print(f"已写入：{target}")
    return EXIT_OK


def _not_a_form(path: Path, grids: Sequence[object], workbook: Book | None) -> str:
    """Neither a filled form nor an export: say what each kind needs, naming the sheets."""
    form_hint = "也没有找到绩效自评表的指标表（表头应有「三级指标」和「分值」或「权重」）"
    if workbook is not None:
        from ..exports.xlsx_import import import_workbook
        from ..exports.xlsx_reader import WorkbookImportError

        try:
            import_workbook(workbook)
        except WorkbookImportError as exc:
            return f"{exc}；{form_hint}"
    sheets = "、".join(f"「{getattr(g, 'sheet', '')}」" for g in grids) or "（无）"
    return f"工作表 {sheets} 中没有找到绩效自评表的指标表：表头应有「三级指标」和「分值」（或「权重」）"


def _run_export(workbook: Book, target: Path) -> int:
    from ..exports.xlsx_import import import_workbook
    from ..exports.xlsx_reader import WorkbookImportError
    from ..scoring.engine import score_project

    try:
        result = import_workbook(workbook)
    except WorkbookImportError as exc:
        return fail(str(exc))
    problem = _save(result.project, target)
    if problem:
        return fail(problem)
    for notice in result.notices:
        print(f"提示：{notice}")
    score = result.result or score_project(result.project)
    project = result.project
    print(
        f"已导入：{target}（附表1 {len(project.funds)} 行，区县 {len(project.districts)} 行，"
        f"附表2 {len(project.indicators)} 项指标；总分 {fmt2(score.total)}，{score.grade}）"
    )
    return EXIT_OK
