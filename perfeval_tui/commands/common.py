"""What several subcommands share: loading a project with a clear error, reading switches."""

from __future__ import annotations

import argparse
from decimal import Decimal

from ..project.storage import ProjectFileError, load_project
from ..scoring.model import Project
from ..scoring.numbers import fmt2
from ..scoring.ruleset import load_ruleset, reading_options


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
        raise CommandError(str(exc)) from None
    for item in readings or []:
        apply_reading(project, item)
    return project


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
        raise CommandError(
            f"--reading：规则「{rule.name}」没有口径「{reading}」，可选：{'、'.join(options)}"
        )
    project.readings = {**project.readings, rule_id: reading}


def dec(value: Decimal | None) -> str | None:
    """Decimals in JSON output: strings with 2 places."""
    return None if value is None else fmt2(value)
