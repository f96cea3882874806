"""Pilot at 80x24: a 目标值/完成值 typed as clerks write it on the national form, in the
indicator form and in the F12 table: 按时完成 makes the indicator 定性 with its 评价等级, ``%``
is kept as typed and sets an empty 单位, and ``82.5%`` under 公里 is refused with the field's
message."""

from __future__ import annotations

from pathlib import Path

from grid_helpers import cell, message, open_grid
from textual import events
from textual.keys import _character_to_key
from tui_helpers import D, make_app, open_indicator, saved, screen_lines, wait_for

from perfeval_tui.project.factory import new_project
from perfeval_tui.project.storage import save_project
from perfeval_tui.scoring.model import Indicator
from perfeval_tui.tui.widgets.field import FieldInput
from perfeval_tui.tui.widgets.indicator_inputs import ChoiceSelect

SIZE = (80, 24)
REFUSED = "「完成值」的单位是「公里」，不能带百分号（输入的是「82.5%」）"


def national_file(tmp_path: Path) -> Path:
    project = new_project("农村公路养护", 2024, "某县交通运输局", "national-2020")
    project.indicators += [
        Indicator(
            id="deadline",
            levels=["产出指标", "时效指标", "养护工程完工时限"],
            weight=D(10),
            rule="output",
        ),
        Indicator(
            id="rate", levels=["产出指标", "质量指标", "优良路率"], weight=D(10), rule="output"
        ),
        Indicator(
            id="length",
            levels=["产出指标", "数量指标", "养护里程"],
            weight=D(10),
            rule="output",
            target=D(120),
            actual=D(100),
            unit="公里",
        ),
    ]
    path = tmp_path / "national.json"
    save_project(project, path)
    return path


async def type_keys(pilot, text: str) -> None:
    """Each key as a terminal sends it, with its character (≥ and % included)."""
    for char in text:
        key = char if char.isalnum() else _character_to_key(char)
        pilot.app.post_message(events.Key(key, char))
        await pilot.pause()


async def type_into(pilot, field_id: str, text: str) -> FieldInput:
    field = pilot.app.screen.query_one(f"#{field_id}", FieldInput)
    field.focus()
    await wait_for(pilot, lambda: field.has_focus, f"{field_id} focused")
    await pilot.press("end", "ctrl+u")
    await type_keys(pilot, text)
    await pilot.pause()
    return field


def level_choice(app) -> str:  # type: ignore[no-untyped-def]
    found = app.screen.query("#ind-level")
    return str(found.first(ChoiceSelect).value) if found else "<none>"


async def test_a_target_in_words_makes_the_indicator_qualitative_in_the_form(
    tmp_path: Path,
) -> None:
    path = national_file(tmp_path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await open_indicator(pilot, "deadline")
        assert not app.screen.query("#ind-level")  # 完成率 rule: no 评价等级 yet
        field = await type_into(pilot, "ind-target", "按时完成")
        assert not field.has_class("-invalid")
        ind = app.workspace.project.indicator("deadline")
        assert (ind.rule, ind.target_label) == ("graded", "按时完成")
        await pilot.press("enter")  # on to the next field: the form shows the 定性 inputs
        await wait_for(pilot, lambda: level_choice(app) == "", "the 评价等级 to pick")
        assert app.screen.query_one("#ind-rule", ChoiceSelect).value == "graded"
        assert app.screen.query_one("#ind-target", FieldInput).value == "按时完成"
        await type_into(pilot, "ind-actual", "按时完成")
        await wait_for(pilot, lambda: level_choice(app) == "达成", "达成 picked by the 完成值")
        assert app.workspace.session.result.by_id("deadline").score == D("10.00")
        lines = "\n".join(screen_lines(app))
        assert "得分 10.00 / 10.00" in lines and "未填写" not in lines
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: saved(path).indicator("deadline").rule == "graded", "saved")
    again = saved(path).indicator("deadline")
    assert (again.target, again.target_label, again.actual_label) == (None, "按时完成", "按时完成")
    assert again.inputs.level == "达成"


async def test_a_number_target_typed_past_words_keeps_its_rule_in_the_form(tmp_path: Path) -> None:
    path = national_file(tmp_path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await open_indicator(pilot, "deadline")
        await type_into(pilot, "ind-target", "控制在3天以内")
        await pilot.press("enter")
        await pilot.pause()
        ind = app.workspace.project.indicator("deadline")
        assert (ind.rule, ind.target, ind.unit, ind.direction) == ("output", D(3), "天", "反向")
        assert not app.screen.query("#ind-level")
        assert app.screen.query_one("#ind-rule", ChoiceSelect).value == "output"


async def test_a_percent_is_kept_as_typed_and_sets_the_unit_in_the_form(tmp_path: Path) -> None:
    path = national_file(tmp_path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await open_indicator(pilot, "rate")
        await type_into(pilot, "ind-target", "≥80%")
        unit = app.screen.query_one("#ind-unit", FieldInput)
        await wait_for(pilot, lambda: unit.value == "%", "% in the unit field")
        field = await type_into(pilot, "ind-actual", "82.5%")
        assert not field.has_class("-invalid")
        ind = app.workspace.project.indicator("rate")
        assert (ind.actual, ind.actual_label) == (D("82.5"), "82.5%")
        await pilot.press("ctrl+s")
        await wait_for(
            pilot, lambda: saved(path).indicator("rate").actual_label == "82.5%", "saved"
        )
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await open_indicator(pilot, "rate")
        assert app.screen.query_one("#ind-actual", FieldInput).value == "82.5%"
        assert app.screen.query_one("#ind-target", FieldInput).value == "≥80%"


async def test_a_percent_under_another_unit_is_refused_in_the_form(tmp_path: Path) -> None:
    path = national_file(tmp_path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await open_indicator(pilot, "length")
        field = await type_into(pilot, "ind-actual", "82.5%")
        assert field.has_class("-invalid")
        shown = field.error_label.message if field.error_label else ""
        assert REFUSED in shown and "请按「公里」输入数字" in shown
        ind = app.workspace.project.indicator("length")
        assert (ind.actual, ind.actual_label) == (D(100), "")


async def test_the_table_refuses_a_percent_under_another_unit(tmp_path: Path) -> None:
    path = national_file(tmp_path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f12")
        grid = await open_grid(pilot)
        screen = app.screen
        grid.go_to("length", "actual")
        await type_keys(pilot, "82.5%")
        await pilot.press("enter")
        await wait_for(pilot, lambda: REFUSED in message(app), "82.5% refused")
        assert "请按「公里」输入数字" in message(app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen.editing is None, "the edit given up")
        ind = app.workspace.project.indicator("length")
        assert (ind.actual, ind.actual_label) == (D(100), "")
        assert cell(grid, "length", "actual").startswith("100")
    assert saved(path).indicator("length").actual == D(100)


async def test_the_table_reads_words_and_percent_as_the_form_does(tmp_path: Path) -> None:
    path = national_file(tmp_path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f12")
        grid = await open_grid(pilot)
        screen = app.screen
        for row, column, text in (
            ("deadline", "target", "按时完成"),
            ("deadline", "actual", "按时完成"),
            ("rate", "target", "≥80%"),
            ("rate", "actual", "82.5%"),
        ):
            grid.go_to(row, column)
            await type_keys(pilot, text)
            await pilot.press("enter")
            await wait_for(pilot, lambda: screen.editing is None, f"{text} committed")
        deadline = app.workspace.project.indicator("deadline")
        assert (deadline.rule, deadline.inputs.level) == ("graded", "达成")
        assert cell(grid, "deadline", "score") == "10.00"
        rate = app.workspace.project.indicator("rate")
        assert (rate.unit, rate.actual, rate.actual_label) == ("%", D("82.5"), "82.5%")
        assert cell(grid, "rate", "actual").startswith("82.5%")
        await pilot.press("ctrl+s")
        await pilot.pause()
    again = saved(path)
    assert again.indicator("deadline").rule == "graded"
    assert again.indicator("rate").actual_label == "82.5%"
