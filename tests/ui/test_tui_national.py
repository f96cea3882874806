"""The wizard on an imported national form: 偏差原因 per indicator, unfilled count on the score bar."""

from __future__ import annotations

from pathlib import Path

from tui_helpers import make_app, open_indicator, retype, saved, score_bar, wait_for

from perfeval_tui.exports.form_grid import read_grids
from perfeval_tui.project.form_import import read_form
from perfeval_tui.project.storage import save_project
from perfeval_tui.scoring.ruleset import load_ruleset
from perfeval_tui.tui.widgets.indicator_form import IndicatorForm

FORMS = Path(__file__).resolve().parent.parent / "data" / "real-forms"
SIZE = (80, 24)


def imported(tmp_path: Path) -> Path:
    grid = read_grids(FORMS / "12_lijiang_2020.tsv")[0]
    project = read_form(grid, load_ruleset("national-2020"), "lijiang").project
    project.indicators[-1].actual = None  # the 满意度 完成值 not filled yet
    path = tmp_path / "lijiang.json"
    save_project(project, path)
    return path


async def test_deviation_text_is_entered_and_the_bar_counts_unfilled(tmp_path: Path) -> None:
    path = imported(tmp_path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        assert "待填 1 项" in score_bar(app)
        first = saved(path).indicators[1]
        await open_indicator(pilot, first.id)
        assert app.screen.query_one(IndicatorForm).indicator.id == first.id
        await retype(pilot, "ind-deviation", "按实际到位资金执行")
        await pilot.press("ctrl+s")
        await wait_for(
            pilot,
            lambda: saved(path).indicators[1].deviation == "按实际到位资金执行",
            "saved",
        )
    assert saved(path).indicators[1].deviation == "按实际到位资金执行"
