"""Reading and writing project files: UTF-8 JSON, atomic saves, Chinese errors that say what to fix.

A file that fails to load is never written to.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..scoring.engine import ProjectScore, ScoringError, collection_paused, score_project
from ..scoring.inputs_check import check_rule_inputs
from ..scoring.model import Basics, DistrictRow, FundRow, Indicator, Project, StatedGoal
from ..scoring.numbers import NumberInputError
from ..scoring.ruleset import UnknownRuleSetError, load_ruleset
from ..scoring.text import first_problem
from .rawfile import ProjectFileError as ProjectFileError
from .rawfile import read_project_data

_TABLES: dict[str, tuple[str, type[BaseModel]]] = {
    "funds": ("附表1", FundRow),
    "districts": ("区县资金分配表", DistrictRow),
    "indicators": ("附表2", Indicator),
    "goals": ("绩效目标", StatedGoal),
}


def _title(model: type[BaseModel], name: str) -> str:
    field = model.model_fields.get(name)
    return field.title if field is not None and field.title else name


def describe_location(loc: tuple[str | int, ...]) -> str:
    """('funds', 0, 'budget') -> '附表1 第 1 行「预算安排数」'."""
    if not loc:
        return "文件"
    head = loc[0]
    if head == "basics":
        return "基本情况" + (f"「{_title(Basics, str(loc[1]))}」" if len(loc) > 1 else "")
    if head in _TABLES:
        table, model = _TABLES[str(head)]
        text = table
        if len(loc) > 1 and isinstance(loc[1], int):
            text += f" 第 {loc[1] + 1} 行"
        if len(loc) > 2:
            text += f"「{_title(model, str(loc[2]))}」"
        return text
    return f"「{_title(Project, str(head))}」"


def describe_validation_error(exc: ValidationError) -> str:
    """The first problem of a pydantic error, in Chinese, with where it is and what to type."""
    error = exc.errors(include_url=False)[0]
    where = describe_location(tuple(error["loc"]))
    kind = error["type"]
    ctx: dict[str, Any] = error.get("ctx") or {}
    cause = ctx.get("error")
    if kind == "string_unicode" and isinstance(error.get("input"), str):
        # pydantic's own check of a text with an undecodable byte: the gate's words for it
        problem = first_problem(error["input"]) or "含有无法识别的字符"
    elif isinstance(cause, NumberInputError):
        problem = f"{cause.problem}。{cause.hint}"
    elif isinstance(cause, ValueError) and any("\u4e00" <= ch <= "\u9fff" for ch in str(cause)):
        problem = str(cause)
    else:
        problem = _PROBLEMS.get(
            kind, "取值无效，请按文件格式说明（schemas/project.schema.json）填写"
        )
        # Plain substitution, never str.format: the messages hold literal braces ({ ... }).
        for key, value in ctx.items():
            if isinstance(value, (str, int, float, Decimal)):
                problem = problem.replace("{" + key + "}", str(value))
    return f"{where}：{problem}"


_PROBLEMS = {
    "missing": "缺少此项，请补上",
    "decimal_type": '应为数字（可写成 "450" 或 450）',
    "decimal_parsing": "应为数字，例如 450 或 96%",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "string_type": "应为文字（用英文双引号括起来）",
    "list_type": "应为列表（[ ... ]）",
    "dict_type": "应为对象（{ ... }）",
    "model_type": "应为对象（{ ... }）",
    "model_attributes_type": "应为对象（{ ... }）",
    "literal_error": "只能是 {expected}",
    "extra_forbidden": "是未知的字段，请删除或检查拼写",
    "string_too_short": "不能为空",
    "too_short": "至少要有 {min_length} 项",
    "too_long": "最多 {max_length} 项",
    "greater_than_equal": "不能小于 {ge}",
    "less_than_equal": "不能大于 {le}",
    "bool_type": "应为 true 或 false",
    "finite_number": "应为有限的数字",
}


def parse_project(data: Any) -> Project:
    """Validate already-decoded JSON into a scoreable project, or raise :class:`ProjectFileError`."""
    return parse_project_scored(data)[0]


def parse_project_scored(data: Any) -> tuple[Project, ProjectScore]:
    """:func:`parse_project`, with the score it takes to know the project can be scored."""
    try:
        with collection_paused():
            project = Project.model_validate(data)
        ruleset = load_ruleset(project.ruleset)
        check_rule_inputs(project, ruleset)
        # Unknown rules or readings surface here, not later.
        result = score_project(project, ruleset)
    except ValidationError as exc:
        raise ProjectFileError(describe_validation_error(exc)) from None
    except (UnknownRuleSetError, ScoringError) as exc:
        raise ProjectFileError(str(exc)) from None
    return project, result


def load_project(path: str | os.PathLike[str]) -> Project:
    return load_project_scored(path)[0]


def load_project_scored(path: str | os.PathLike[str]) -> tuple[Project, ProjectScore]:
    """Read, validate and score ``path``: the project and its score, or :class:`ProjectFileError`."""
    return parse_file_data(Path(path), read_project_data(path))


def parse_file_data(file: Path, data: dict[str, Any]) -> tuple[Project, ProjectScore]:
    """Validate and score what :func:`read_project_data` read from ``file``; messages name it."""
    try:
        return parse_project_scored(data)
    except ProjectFileError as exc:
        raise ProjectFileError(f"「{file}」中 {exc}") from None


def project_json(project: Project) -> str:
    return project.model_dump_json(indent=2) + "\n"


def atomic_write_text(
    path: str | os.PathLike[str], text: str, *, keep_backup: bool = False
) -> None:
    """Write via a temp file in the same folder, fsync, then rename; optionally keep ``FILE.bak``."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        # mkstemp makes the file 0600; keep the saved file's own permissions (a project in a
        # shared folder must stay readable by the group), or the usual ones for a new file.
        os.chmod(tmp_name, _mode_for(target))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if keep_backup and target.is_file():
            backup_tmp = folder / f".{target.name}.bak.tmp"
            shutil.copy2(target, backup_tmp)
            os.replace(backup_tmp, target.with_name(target.name + ".bak"))
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    fsync_dir(folder)


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def save_project(project: Project, path: str | os.PathLike[str]) -> None:
    """Save atomically; the previous version stays as ``FILE.bak``."""
    atomic_write_text(path, project_json(project), keep_backup=True)
