"""Nothing that carries meaning is cut off on the indicator step: a checklist item's points, a
long name after the field is left, the form's choices and units at 60x20, the choice menu over
the status lines, and the rule menu offers only rules that apply to the indicator."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Select
from tui_helpers import copy_project, focus, make_app, open_indicator, screen_lines, wait_for

from perfeval_tui.tui.widgets.field import FieldInput


def shows(app, text: str) -> bool:
    return any(text in line for line in screen_lines(app))


def line_with(app, text: str) -> str:
    return next(line for line in screen_lines(app) if text in line)


async def test_checklist_items_show_their_points_first(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "indicators")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_indicator(pilot, "goal_rationality")
        await wait_for(pilot, lambda: shows(app, "专项资金绩效总目标"), "the checklist drawn")
        # The first item's wording is longer than the form is wide: its 1 分 stays visible.
        item = line_with(app, "专项资金绩效总目标")
        assert "1 分 · 专项资金绩效总目标" in item
        assert "1 分 · 每个项目都有绩效目标" in line_with(app, "每个项目都有绩效目标")


async def test_a_long_value_shows_its_start_after_the_field_is_left(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "indicators")
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_indicator(pilot, "cameras-2019")
        name = form.query_one("#ind-name", FieldInput)
        await focus(pilot, name)
        await pilot.press("end")
        # Typing at the end of 监控建成数量（2019年宜居住区…）
        await wait_for(pilot, lambda: name.scroll_offset.x > 0, "the name scrolled to its end")
        await pilot.press("tab")
        await wait_for(pilot, lambda: name.scroll_offset.x == 0, "back at its start")
        await wait_for(pilot, lambda: shows(app, "名称      监控建成数量（2019"), "drawn")
        assert "名称      监控建成数量（2019" in line_with(app, "名称")


async def test_the_form_fits_60x20_with_its_choices_and_units(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "indicators")
    async with app.run_test(size=(60, 20)) as pilot:
        form = await open_indicator(pilot, "satisfaction")
        await focus(pilot, form.query_one("#ind-direction"))
        await wait_for(pilot, lambda: shows(app, "方向      正向（越大越好）"), "方向 drawn")
        assert line_with(app, "权重").rstrip().endswith("分")
        assert line_with(app, "目标值    100").rstrip().endswith("%")


async def test_the_choice_menu_stays_clear_of_the_status_lines(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "indicators")
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_indicator(pilot, "satisfaction")
        select = form.query_one("#ind-rule", Select)
        await focus(pilot, select)
        await pilot.press("enter")
        await wait_for(pilot, lambda: select.expanded, "the menu open")
        await wait_for(pilot, lambda: "Esc 关闭菜单" in screen_lines(app)[-1], "its footer")
        menu = select.query_one("SelectOverlay")
        assert menu.region.bottom <= 24 - 2  # above the score bar and the footer
        # A rule chosen: the form is rebuilt for it, and the footer no longer offers to close a
        # menu that is gone.
        await pilot.press("down", "enter")
        await wait_for(
            pilot,
            lambda: app.workspace.project.indicator("satisfaction").rule == "graded",
            "the rule changed",
        )
        await wait_for(pilot, lambda: "F7 下一步" in screen_lines(app)[-1], "the step's footer")
        footer = screen_lines(app)[-1]
        assert "关闭菜单" not in footer and "F7 下一步" in footer


async def test_the_rule_menu_offers_only_the_rules_of_the_indicators_group(tmp_path: Path) -> None:
    app = make_app(copy_project(tmp_path), "indicators")
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_indicator(pilot, "total-cameras")
        select = form.query_one("#ind-rule", Select)
        offered = [str(prompt) for prompt, _ in select._options]
        assert offered == ["产出/效果指标完成比例", "社会满意度", "定性指标（等级评价）"]
        form = await open_indicator(pilot, "budget_adjustment_rate")
        offered = [str(p) for p, _ in form.query_one("#ind-rule", Select)._options]
        assert "预算调整率" in offered and "预算执行率" in offered  # a 共性指标 keeps them
