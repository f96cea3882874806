"""Getting to a project in plain mode: the welcome menu, a new file (basics first), or an open one."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from ..project.demo import demo_copy
from ..project.factory import new_project
from ..project.lock import ProjectLock
from ..project.session import EditSession, validation_message
from ..project.storage import ProjectFileError, load_project, save_project
from ..scoring.model import Basics, Project
from ..scoring.numbers import NumberInputError, parse_number
from ..scoring.ruleset import DEFAULT_RULESET, UnknownRuleSetError, load_ruleset
from ..term.render_text import summary_line
from .prompts import Option, Prompter, QuitRequested
from .wizard import EXIT_INCOMPLETE, PlainWizard

EXIT_BAD_INPUT = 2


def start(path: Path | None, *, new: bool, ruleset_id: str | None, ask: Prompter) -> int:
    if path is None:
        picked = welcome(ask)
        if picked is None:
            return 0
        path, new = picked
    if not new and not path.exists():
        ask.say(f"项目文件 {path} 不存在。")
        if not ask.ask_confirm("新建这个项目文件", True):
            return EXIT_BAD_INPUT
        new = True
    if new:
        return create_and_run(path, ruleset_id, ask)
    try:
        project = load_project(path)
    except ProjectFileError as exc:
        return _fail(str(exc))
    return run_locked(project, path, ask)


def run_locked(project: Project, path: Path, ask: Prompter, *, new: bool = False) -> int:
    """Edit under the file's edit lock; a file another window is editing is only summarised."""
    lock = ProjectLock(path)
    outcome = lock.acquire()
    try:
        if outcome.message:
            ask.say(outcome.message)
        session = EditSession(project, path, read_only=not outcome.acquired)
        if session.read_only:
            ask.say(summary_line(session.result))
            ask.say(
                "逐行问答模式不能只读编辑：请等对方退出后再打开，或用 perfeval score 查看得分。"
            )
            return EXIT_BAD_INPUT
        return PlainWizard(session, ask).run(new=new)
    finally:
        lock.release()


def welcome(ask: Prompter) -> tuple[Path, bool] | None:
    ask.say("专项资金绩效评价自评 · 逐行问答模式")
    options = [
        Option("新建项目", "new"),
        Option("打开项目文件", "open"),
        Option("打开示例（无锡 2020，在副本上操作）", "demo"),
        Option("退出", "quit"),
    ]
    choice = ask.ask_select("请选择", options, "new")
    if choice == "quit":
        return None
    if choice == "demo":
        return demo_copy(), False
    if choice == "new":
        name = ask.ask_text("新项目文件名（.json）", validate=_new_file_problem)
        return Path(name.strip()).expanduser(), True
    name = ask.ask_text("项目文件路径", validate=_existing_file_problem)
    return Path(name.strip()).expanduser(), False


def _new_file_problem(text: str) -> str | None:
    path = Path(text.strip()).expanduser()
    if not text.strip():
        return "「文件名」不能为空，例如 2021-专项.json"
    if path.exists():
        return f"「文件名」{path} 已存在，请换一个文件名"
    if not path.parent.is_dir():
        return f"「文件名」目录 {path.parent} 不存在，请先创建或换一个位置"
    return None


def _existing_file_problem(text: str) -> str | None:
    if not Path(text.strip()).expanduser().is_file():
        return f"「项目文件路径」{text.strip() or '（空）'} 不是已有的文件，请输入 .json 项目文件的路径"
    return None


def create_and_run(path: Path, ruleset_id: str | None, ask: Prompter) -> int:
    """Ask the three required basics, write the file, then continue in the wizard."""
    if path.exists():
        return _fail(f"文件 {path} 已存在。打开它请运行 perfeval {path} --plain")
    if not path.parent.is_dir():
        return _fail(f"目录 {path.parent} 不存在，请先创建它或换一个位置")
    try:
        ruleset = load_ruleset(ruleset_id or DEFAULT_RULESET)
    except UnknownRuleSetError as exc:
        return _fail(str(exc))

    def leave() -> None:
        if ask.ask_confirm("项目文件尚未创建。退出", True):
            raise QuitRequested

    ask.on_interrupt = leave
    ask.say(f"新建项目文件 {path}（评分规则集：{ruleset.name}）")
    try:
        name = ask.ask_text("专项名称", validate=lambda t: basics_problem("name", t))
        year = ask.ask_text("年度", str(date.today().year - 1), validate=_year_problem)
        unit = ask.ask_text("填报单位", validate=lambda t: basics_problem("unit", t))
    except (EOFError, QuitRequested):
        ask.say("未创建项目文件。")
        return EXIT_INCOMPLETE
    project = new_project(name.strip(), _year(year), unit.strip(), ruleset.id)
    try:
        save_project(project, path)
    except OSError as exc:
        return _fail(f"无法写入 {path}：{exc.strerror or exc}")
    ask.say(f"已创建 {path}。")
    return run_locked(project, path, ask, new=True)


def basics_problem(field: str, value: object) -> str | None:
    """The model's own verdict on one basics answer, before the project exists."""
    probe = Basics(name="名称", year=2000, unit="单位")
    try:
        setattr(probe, field, value)
    except ValidationError as exc:
        return validation_message(probe, field, exc)
    return None


def _year(text: str) -> int:
    return int(parse_number(text, field="年度", kind="count"))


def _year_problem(text: str) -> str | None:
    try:
        return basics_problem("year", _year(text))
    except NumberInputError as exc:
        return str(exc)


def _fail(message: str) -> int:
    print(f"错误：{message}", file=sys.stderr, flush=True)
    return EXIT_BAD_INPUT
