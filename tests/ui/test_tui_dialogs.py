"""The read-only dialogs (F2 扣分明细, F3 规则说明) open on the engine's data and close with Esc."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.widgets import Static
from tui_helpers import copy_project, make_app, wait_for

from perfeval_tui.tui.dialogs.deductions import DeductionsDialog
from perfeval_tui.tui.dialogs.rule import RuleDialog

SIZE = (80, 24)


def dialog_text(app) -> str:
    parts = []
    for static in app.screen.query(Static):
        content = static.content
        parts.append(content.plain if isinstance(content, Text) else str(content))
    return "\n".join(parts)


async def test_f2_lists_the_deductions_with_their_arithmetic(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), step="results")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, DeductionsDialog), "the deductions")
        await wait_for(pilot, lambda: "社会满意度（％）" in dialog_text(app), "its text")
        text = dialog_text(app)
        assert "社会满意度（％）" in text
        assert "完成值/目标值 = 96 / 100 = 0.9600" in text
        assert "0.40" in text
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, DeductionsDialog), "closed")


async def test_f3_shows_the_rule_of_the_selected_indicator(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), step="indicators")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(app.screen, RuleDialog), "the rule")
        await wait_for(
            pilot,
            lambda: "≤10%得满分，每大于1%扣1分，扣完为止。" in dialog_text(app),
            "the rule's clause",
        )
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, RuleDialog), "closed")
