"""The last two steps: the score with every deduction explained, and the export."""

from __future__ import annotations

from pathlib import Path

from ..project.session import EditSession
from ..scoring.numbers import fmt2
from ..term.render_text import explanation_lines, indicator_heading, summary_line, warning_line
from .prompts import Prompter, pick_number


def score_step(session: EditSession, ask: Prompter) -> None:
    result = session.result
    ask.say(summary_line(result))
    for group in result.groups:
        if len(group.path) == 2:
            ask.say(f"  {' / '.join(group.path)}  {fmt2(group.score)}/{fmt2(group.weight)}")
    losing = sorted(
        (item for item in result.indicators if item.lost != 0), key=lambda i: i.lost, reverse=True
    )
    ask.say("")
    ask.say(f"扣分明细（{len(losing)} 项指标失分）：" if losing else "扣分明细：无扣分")
    for item in losing:
        ask.say(f"■ {item.name}  −{fmt2(item.lost)}（{fmt2(item.score)}/{fmt2(item.weight)}）")
        for line in explanation_lines(item.explanation, clause=False):
            ask.say(f"    {line}")
    if session.warnings:
        ask.say("")
        ask.say(f"数据检查（{len(session.warnings)} 条警告，不影响保存）：")
        for warning in session.warnings:
            ask.say(f"  ! {warning_line(warning)}")
    _explain_on_request(session, ask)


def _explain_on_request(session: EditSession, ask: Prompter) -> None:
    """Any indicator's full explanation (clause, reading, arithmetic), by its 附表2 number."""
    count = len(session.result.indicators)
    while True:
        typed = ask.guarded(
            lambda: ask.ask_line(f"查看某项指标的评分说明：输入序号 1–{count}，回车继续")
        ).strip()
        if not typed:
            return
        index = pick_number(typed, count)
        if index is None:
            ask.error(f"「指标序号」请输入 1 到 {count} 之间的序号，或直接回车继续")
            continue
        item = session.result.indicators[index]
        ask.say(indicator_heading(item))
        for line in explanation_lines(item.explanation):
            ask.say(f"    {line}")


def export_step(session: EditSession, ask: Prompter) -> None:
    try:
        from ..exports import ExistingFileError, export_project
    except ImportError:
        ask.say("导出功能（xlsx 附表、Markdown 和 Word 报告）在此版本中尚不可用，项目文件已保存。")
        return
    folder = session.path.parent if session.path is not None else Path.cwd()

    def a_folder(text: str) -> str | None:
        # A folder that does not exist yet is made, as by the wizard and `perfeval export`.
        if not text.strip():
            return "「导出目录」不能为空，请输入目录，例如 ./导出"
        if Path(text.strip()).expanduser().is_file():
            return f"「导出目录」{text.strip()} 是一个文件，请输入目录（不存在时会新建）"
        return None

    out_dir = Path(ask.ask_text("导出目录", str(folder), validate=a_folder).strip()).expanduser()
    docx = ask.ask_confirm("同时导出 Word 报告（docx）", True)
    force = False
    while True:
        try:
            written = export_project(
                session.project, out_dir, xlsx=True, md=True, docx=docx, force=force
            )
        except ExistingFileError as exc:
            ask.say(str(exc))
            if force or not ask.ask_confirm("覆盖这些文件", False):
                ask.say("未导出。")
                return
            force = True
            continue
        except Exception as exc:  # a message, never a traceback; the project file is untouched
            ask.say(f"导出失败：{exc}")
            return
        for path in written:
            ask.say(f"已导出：{path}")
        return
