"""What several subcommands share: loading a project with a clear error, reading switches."""

from __future__ import annotations

import argparse
from decimal import Decimal
from pathlib import Path

from ..project.storage import ProjectFileError, load_project
from ..scoring.model import Project
from ..scoring.numbers import fmt2
from ..scoring.reading_names import rule_reading_name
from ..scoring.ruleset import load_ruleset, reading_options

# A filled form or a workbook given where a project file belongs: read in by ``perfeval import``.
FORM_SUFFIXES = frozenset({".tsv", ".csv", ".txt", ".xlsx", ".xlsm", ".xls", ".et"})


class CommandError(Exception):
    """Bad input to a command; ``str()`` is the Chinese message, the exit code is 2."""


def add_file_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="文件", help="项目文件（.json）")


def add_reading_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--reading",
        action="append",
        default=[],
        metavar="规则=口径",
        help="临时切换某条规则的口径，例如 budget_execution_rate=floor（可重复）",
    )


def open_project(path: str, readings: list[str] | None = None) -> Project:
    try:
        project = load_project(path)
    except ProjectFileError as exc:
        raise CommandError(not_a_project(path) or str(exc)) from None
    for item in readings or []:
        apply_reading(project, item)
    return project


def not_a_project(path: str) -> str | None:
    """What to do with a form or workbook given as a project file (whose JSON error would only
    confuse), or None for any other file."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORM_SUFFIXES:
        return None
    target = Path(path).with_suffix(".json").name
    return (
        f"「{path}」是表格文件（{suffix}），不是项目文件（.json）。自评表或导出的工作簿请先读入："
        f"perfeval import {path} -o {target}，再对「{target}」运行本命令"
    )


def apply_reading(project: Project, switch: str) -> None:
    """Apply ``RULE=READING`` to the project in memory (the file is not touched)."""
    ruleset = load_ruleset(project.ruleset)
    rule_id, sep, reading = switch.partition("=")
    rule_id, reading = rule_id.strip(), reading.strip()
    if not sep or not rule_id or not reading:
        raise CommandError(
            f"--reading「{switch}」格式不对，请写成 规则=口径，例如 budget_execution_rate=floor"
        )
    rule = ruleset.rules.get(rule_id)
    if rule is None:
        known = "、".join(ruleset.rules)
        raise CommandError(
            f"--reading：规则集「{ruleset.id}」中没有规则「{rule_id}」，可用：{known}"
        )
    options = reading_options(rule)
    if reading not in options:
        named = "、".join(f"{code}（{rule_reading_name(rule, code)}）" for code in options)
        raise CommandError(f"--reading：规则「{rule.name}」没有口径「{reading}」，可选：{named}")
    project.readings = {**project.readings, rule_id: reading}


def dec(value: Decimal | None) -> str | None:
    """Decimals in JSON output: strings with 2 places."""
    return None if value is None else fmt2(value)
