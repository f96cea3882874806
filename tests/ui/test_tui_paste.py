"""Rows pasted from WPS/Excel at 80x24: a preview first (added, refused with the reason), the rows
only on Enter, nothing at all on Esc."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from textual import events
from tui_helpers import ROOT, make_app, saved, score_bar

from perfeval_tui.project.factory import new_project
from perfeval_tui.project.storage import save_project
from perfeval_tui.tui.dialogs.paste_preview import PastePreview
from perfeval_tui.tui.screens.indicator_grid import IndicatorGridScreen
from perfeval_tui.tui.widgets.indicator_grid import IndicatorGrid

SIZE = (80, 24)
ANNEX2 = (ROOT / "demo_data" / "wuxi-2020-annex2.tsv").read_text("utf-8")
FUND = "无锡市2020年度宜居住区老旧小区技防改造专项（项目）\t450\t0\t0\t450\t450\r\n"


def empty_project(folder: Path) -> Path:
    path = folder / "new.json"
    save_project(new_project("宜居住区技防改造专项", 2020, "无锡市公安局"), path)
    return path


async def paste(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """What the terminal's bracketed paste delivers: one Paste event to the focused widget."""
    target = pilot.app.focused or pilot.app.screen
    target.post_message(events.Paste(text))
    await pilot.pause()
    await pilot.pause()


def preview_text(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#paste-text").render())


async def test_pasted_annex2_rows_are_previewed_then_added_to_the_table(tmp_path: Path) -> None:
    path = empty_project(tmp_path)
    app = make_app(path, step="indicators")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f12")
        await pilot.pause()
        project = app.workspace.project
        before = len(project.indicators)
        await paste(pilot, ANNEX2)
        assert isinstance(app.screen, PastePreview)
        text = preview_text(app)
        assert "第一行是表头" in text
        # The new project's form already holds 社会满意度 (weight 10, still blank): filled.
        assert "将新增 9 行，填入表样中已有的 1 行" in text
        assert "第 11 行  个性指标 / 专项总目标 / 产出 / 监控建成数量  权重 15" in text
        # The rule set's fixed indicators are there already: refused, each with its reason.
        assert "不能粘贴 9 行" in text
        assert "已有同名指标「预算调整率（%）」，未重复添加" in text
        assert len(project.indicators) == before  # nothing changed yet
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, IndicatorGridScreen)
        assert len(project.indicators) == before + 9
        cameras = next(i for i in project.indicators if i.name == "监控建成数量")
        assert (cameras.target, cameras.actual, cameras.unit) == (
            Decimal(1304),
            Decimal(1338),
            "路",
        )
        satisfaction = project.indicator("satisfaction")
        assert satisfaction.rule == "satisfaction" and satisfaction.actual == Decimal(96)
        grid = app.screen.query_one(IndicatorGrid)
        assert grid.row_count == before + 9
        assert str(grid.get_cell(satisfaction.id, "score")) == "9.60"
        assert len(saved(path).indicators) == before + 9


async def test_cancel_changes_nothing(tmp_path: Path) -> None:
    path = empty_project(tmp_path)
    app = make_app(path, step="indicators")
    original = path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        project = app.workspace.project
        before = project.model_dump()
        await paste(pilot, ANNEX2)  # on the tree and form of step 4
        assert isinstance(app.screen, PastePreview)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, PastePreview)
        assert project.model_dump() == before
        assert not app.workspace.dirty
    assert path.read_bytes() == original


async def test_a_fund_row_pasted_on_step_2_moves_the_score(tmp_path: Path) -> None:
    path = empty_project(tmp_path)
    app = make_app(path, step="budget")
    async with app.run_test(size=SIZE) as pilot:
        project = app.workspace.project
        bad = "资金A\t4五0\t0\t0\t450\t450\r\n"
        await paste(pilot, FUND + bad + "合计\t450\t0\t0\t450\t450\r\n")
        text = preview_text(app)
        assert "没有表头，按本步骤的列序读取：专项（项目）资金名称、预算安排数" in text
        assert "将新增 1 行" in text
        assert "第 2 行" in text and "「预算安排数」" in text
        assert "第 3 行" in text and "合计行由程序按各行相加" in text
        await pilot.press("enter")
        await pilot.pause()
        assert [f.name for f in project.funds] == [FUND.split("\t")[0]]
        assert project.funds[0].actual_spend == Decimal(450)
        assert saved(path).funds[0].funds_arrived == Decimal(450)
        # The three rates of 附表1 now score in full: 共性指标 40.00, on the bar as the total.
        assert app.workspace.session.result.group("共性指标").score == Decimal("40.00")
        assert "总分 40.00" in score_bar(app)


async def test_a_paste_into_a_field_of_a_table_step_becomes_rows(tmp_path: Path) -> None:
    path = empty_project(tmp_path)
    app = make_app(path, step="districts")
    async with app.run_test(size=SIZE) as pilot:
        # A header row copied with the rows: read by its words, in its own column order.
        rows = "市（县）区名称\t实际支出数\t资金下达数\r\n梁溪区\t450\t400\r\n滨湖区\t50\t50\r\n"
        await paste(pilot, rows)
        assert "第一行是表头" in preview_text(app)
        await pilot.press("enter")
        await pilot.pause()
        districts = app.workspace.project.districts
        assert [(d.name, d.allocated, d.actual_spend) for d in districts] == [
            ("梁溪区", Decimal(400), Decimal(450)),
            ("滨湖区", Decimal(50), Decimal(50)),
        ]
        # Now a name is being edited: a one-line paste still goes into the edit line.
        grid = app.screen.query_one("#grid")
        grid.go_to(districts[0].id, "name")
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause()
            if app.screen.editor.has_focus:
                break
        await paste(pilot, "梁溪")
        assert not isinstance(app.screen, PastePreview)
        assert app.screen.editor.value == "梁溪区梁溪"
        await paste(pilot, "新吴区\t100\t100\r\n")
        assert isinstance(app.screen, PastePreview)
        await pilot.press("enter")
        await pilot.pause()
        assert [d.name for d in districts][-1] == "新吴区"
