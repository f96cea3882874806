"""Pilot at 80x24: a national project entered in the wizard as the form is written: targets with
their operator, a 定性 score inside its band, the budget block and the project's own weights."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.command import CommandList
from textual.keys import _character_to_key
from textual.widgets import Input
from tui_helpers import D, make_app, open_indicator, saved, score_bar, screen_lines, wait_for

from perfeval_tui.project.factory import new_project
from perfeval_tui.project.storage import save_project
from perfeval_tui.scoring.engine import score_project
from perfeval_tui.scoring.model import Indicator, IndicatorGroup, RuleInputs
from perfeval_tui.scoring.numbers import fmt2
from perfeval_tui.tui.widgets.field import FieldInput

SIZE = (80, 24)


async def retype(pilot, field_id: str, text: str) -> FieldInput:
    """Focus a field, clear it and type ``text`` as a terminal sends it: each key with its
    character (Pilot's own ``press`` drops ≥ and ％, whose key names do not map back)."""
    field = pilot.app.screen.query_one(f"#{field_id}", FieldInput)
    field.focus()
    await pilot.pause()
    await pilot.press("end", "ctrl+u")
    for char in text:
        key = char if char.isalnum() else _character_to_key(char)
        pilot.app.post_message(events.Key(key, char))
        await pilot.pause()
    await pilot.pause()
    return field


def national_file(tmp_path: Path) -> Path:
    project = new_project("农村公路养护", 2024, "某县交通运输局", "national-2020")
    project.indicators += [
        Indicator(
            id="repair",
            levels=["产出指标", "数量指标", "养护里程"],
            weight=D(20),
            rule="output",
            unit="%",
        ),
        Indicator(
            id="cost",
            levels=["产出指标", "成本指标", "单位成本"],
            weight=D(10),
            rule="output",
        ),
        Indicator(
            id="effect",
            levels=["效益指标", "社会效益指标", "通行条件"],
            weight=D(10),
            rule="graded",
            inputs=RuleInputs(level="部分达成"),
        ),
    ]
    path = tmp_path / "national.json"
    save_project(project, path)
    return path


async def test_a_target_typed_with_its_operator_is_kept_as_typed_and_scored(
    tmp_path: Path,
) -> None:
    path = national_file(tmp_path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await open_indicator(pilot, "repair")
        field = await retype(pilot, "ind-target", "≥95%")
        assert not field.has_class("-invalid"), field.error_label and field.error_label.message
        ind = app.workspace.project.indicator("repair")
        assert (ind.target, ind.target_label, ind.operator) == (D(95), "≥95%", "≥")
        await retype(pilot, "ind-actual", "90%")
        # 分值 × 完成值 / 指标值 = 20 × 90 / 95 = 18.95, the engine's own figure on the bar
        total = fmt2(score_project(app.workspace.project).total)
        await wait_for(pilot, lambda: total in score_bar(app), f"the bar at {total}")
        assert app.workspace.session.result.by_id("repair").score == D("18.95")

        await open_indicator(pilot, "cost")
        field = await retype(pilot, "ind-target", "≤30万元")
        assert not field.has_class("-invalid")
        ind = app.workspace.project.indicator("cost")
        assert (ind.target, ind.unit, ind.direction) == (D(30), "万元", "反向")
        unit = app.screen.query_one("#ind-unit", FieldInput)
        # The unit typed in the cell shows in its own field.
        await wait_for(pilot, lambda: unit.value == "万元", "万元 in the unit field")
        assert app.screen.query_one("#ind-target_label", FieldInput).value == "≤30万元"

        for typed, value in (("﹦100%", D(100)), ("100%以上", D(100)), ("按时完成", None)):
            field = await retype(pilot, "ind-target", typed)
            assert not field.has_class("-invalid"), typed
            assert (ind.target, ind.target_label) == (value, typed)
        await pilot.press("ctrl+s")
        await wait_for(
            pilot, lambda: saved(path).indicator("cost").target_label == "按时完成", "saved"
        )
    assert saved(path).indicator("cost").target_label == "按时完成"

    # Reopened, the field shows the target as typed, not a number.
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await open_indicator(pilot, "repair")
        assert app.screen.query_one("#ind-target", FieldInput).value == "≥95%"


async def test_a_judged_score_outside_its_band_gets_the_range_under_the_field(
    tmp_path: Path,
) -> None:
    path = national_file(tmp_path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await open_indicator(pilot, "effect")
        field = await retype(pilot, "input-judged", "9")
        assert field.has_class("-invalid")
        message = field.error_label.message if field.error_label else ""
        assert "部分达成" in message and "[6.00, 8.00)" in message and "9" in message
        assert "judged" not in app.workspace.project.indicator("effect").inputs.values
        field = await retype(pilot, "input-judged", "7")
        assert not field.has_class("-invalid")
        assert app.workspace.project.indicator("effect").inputs.values == {"judged": D(7)}
        assert app.workspace.session.result.by_id("effect").score == D("7.00")


async def test_the_budget_step_of_a_national_project_is_its_budget_block(tmp_path: Path) -> None:
    path = national_file(tmp_path)
    app = make_app(path, "budget")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = "\n".join(screen_lines(app))
        assert "项目资金" in lines and "附表1" not in lines
        for name in ("年度资金总额", "当年财政拨款", "上年结转资金", "其他资金"):
            assert name in lines
        block = app.workspace.project.budget_block
        assert [line.role for line in block] == ["总额", "其中", "其中", "其中"]

        await retype(pilot, "b-0-budget", "132.9120")
        field = await retype(pilot, "b-0-spend", "119.6208")
        assert not field.has_class("-invalid")
        assert (block[0].budget, block[0].spend) == (D("132.9120"), D("119.6208"))
        # 10 × 119.6208 / 132.9120 = 9.00 (执行率 90.00%): the engine's figure, on the bar too
        item = app.workspace.session.result.by_id("budget_execution")
        assert item.score == D("9.00")
        assert fmt2(score_project(app.workspace.project).total) in score_bar(app)
        lines = "\n".join(screen_lines(app))
        assert "执行率 90.00%" in lines and "得分 9.00 / 10.00" in lines

        before = block[1].budget
        assert before != D("89.9740")
        field = await retype(pilot, "b-1-budget", "89.97401")
        assert field.has_class("-invalid")
        assert "四位小数" in (field.error_label.message if field.error_label else "")
        assert block[1].budget == before  # as before the field was entered: not 89.9740
        await retype(pilot, "b-1-budget", "132.9120")
        await retype(pilot, "b-1-spend", "100")
        lines = "\n".join(screen_lines(app))
        assert "年度资金总额与其中各行之和不一致" in lines
        assert "全年执行数 119.6208 ≠ 100" in lines

        await pilot.press("ctrl+s")
        await pilot.pause()
    again = saved(path)
    assert again.budget_block[0].budget == D("132.9120")
    assert str(again.budget_block[0].budget) == "132.9120"  # kept as typed

    # Reopened, the amounts show as typed, trailing zero included.
    app = make_app(path, "budget")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#b-0-budget", FieldInput).value == "132.9120"


async def type_keys(pilot, text: str) -> None:
    for char in text:
        key = char if char.isalnum() else _character_to_key(char)
        pilot.app.post_message(events.Key(key, char))
        await pilot.pause()


async def open_palette_command(pilot, name: str) -> None:
    """Ctrl+P, type ``name``, and Enter once the palette lists it first."""
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: pilot.app.screen.query(CommandList), "the palette")
    await type_keys(pilot, name)

    def top() -> str:
        hits = pilot.app.screen.query_one(CommandList)
        return str(hits.get_option_at_index(0).prompt) if hits.option_count else ""

    await wait_for(pilot, lambda: name in top(), f"{name} found")
    await pilot.press("enter")


def weight_warnings(app) -> list[str]:
    return [w.message for w in app.workspace.session.warnings if w.field == "权重"]


async def test_the_projects_own_section_weights_are_edited_from_the_palette(
    tmp_path: Path,
) -> None:
    path = national_file(tmp_path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any(
            "「产出指标」下各指标权重合计 30 分，应为 50 分" in m for m in weight_warnings(app)
        )
        await open_palette_command(pilot, "分项权重")
        await wait_for(pilot, lambda: app.screen.query("#weight-0"), "the weights dialog")
        lines = "\n".join(screen_lines(app))
        assert "分项权重（规则集默认" in lines and "产出指标" in lines and "满意度指标" in lines
        # 预算执行 10, 产出指标 50 → 30, 效益指标 30 → 3.5.5 (refused with the reason), then 10
        await pilot.press("enter")  # 预算执行 kept
        await pilot.press("ctrl+u", "3", "0", "enter", "ctrl+u")
        await pilot.press("3", "full_stop", "5", "full_stop", "5")
        await pilot.press("ctrl+s")

        def error() -> str:
            return str(app.screen.query_one("#weight-error-2").render())

        await wait_for(pilot, error, "the message under 效益指标")
        message = error()
        assert "「效益指标权重」「3.5.5」不是有效数字" in message  # the dialog stays open
        assert app.workspace.project.groups == []
        await pilot.press("ctrl+u", "1", "0", "ctrl+s")
        await wait_for(pilot, lambda: app.workspace.project.groups, "the weights kept")
        groups = [(g.path, g.weight) for g in app.workspace.project.groups]
        assert groups == [
            (["预算执行"], D(10)),
            (["产出指标"], D(30)),
            (["效益指标"], D(10)),
            (["满意度指标"], D(10)),
        ]
        assert not any("「产出指标」下" in m or "「效益指标」下" in m for m in weight_warnings(app))
    assert [g.weight for g in saved(path).groups] == [D(10), D(30), D(10), D(10)]


async def test_a_section_missing_from_the_projects_weights_can_be_added(
    tmp_path: Path,
) -> None:
    # The form as typed in gave 预算执行 10, 产出指标 50 and 效益指标 30, and left 满意度指标
    # off: the dialog offers it, empty, and what is typed there is kept with the others.
    path = national_file(tmp_path)
    project = saved(path)
    project.groups = [
        IndicatorGroup(path=["预算执行"], weight=D(10)),
        IndicatorGroup(path=["产出指标"], weight=D(50)),
        IndicatorGroup(path=["效益指标"], weight=D(30)),
    ]
    save_project(project, path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await open_palette_command(pilot, "分项权重")
        await wait_for(pilot, lambda: app.screen.query("#weight-3"), "the weights dialog")
        lines = "\n".join(screen_lines(app))
        assert "分项权重（本项目表上所写）" in lines and "满意度指标" in lines
        assert app.screen.query_one("#weight-3", Input).value == ""
        line = app.screen.query_one("#weight-sum")
        assert str(line.render()) == "各分项合计 90 分，表样总分为 100 分"
        await pilot.press("enter", "enter", "enter")  # the three written ones kept
        assert app.screen.focused is app.screen.query_one("#weight-3")
        await pilot.press("1", "0")
        await wait_for(pilot, lambda: "100 分" in str(line.render()), "the sum after typing 10")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: len(app.workspace.project.groups) == 4, "the weight added")
    assert [(g.path, g.weight) for g in saved(path).groups] == [
        (["预算执行"], D(10)),
        (["产出指标"], D(50)),
        (["效益指标"], D(30)),
        (["满意度指标"], D(10)),
    ]


async def test_section_weights_that_do_not_add_up_to_100_are_said_so_as_typed(
    tmp_path: Path,
) -> None:
    path = national_file(tmp_path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await open_palette_command(pilot, "分项权重")
        await wait_for(pilot, lambda: app.screen.query_one("#weight-sum"), "the weights dialog")
        line = app.screen.query_one("#weight-sum")
        assert str(line.render()) == "各分项合计 100 分" and not line.has_class("-off")
        await pilot.press("enter", "ctrl+u", "7", "0")  # 产出指标 50 → 70
        await wait_for(pilot, lambda: "120" in str(line.render()), "the sum after typing 70")
        assert str(line.render()) == "各分项合计 120 分，表样总分为 100 分"
        assert line.has_class("-off")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.workspace.project.groups, "the weights kept")
        assert (
            "分项权重 预算执行 10 + 产出指标 70 + 效益指标 30 + 满意度指标 10 = 120 分，"
            "比总分 100 分多 20 分：请按表上所写，在「分项权重」中改正各分项的权重，使合计为 100 分"
        ) in weight_warnings(app)


async def test_the_execution_rule_shows_no_reading_that_does_not_apply(tmp_path: Path) -> None:
    path = national_file(tmp_path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        form = await open_indicator(pilot, "budget_execution")
        assert not form.query("#ind-reading")  # nothing to choose
        await pilot.press("f4")
        await wait_for(pilot, lambda: "按比例计分" in "\n".join(screen_lines(app)), "F4's text")
        lines = "\n".join(screen_lines(app))
        assert "连续计算" not in lines and "按整百分点" not in lines


async def test_each_year_of_a_cross_year_indicator_is_entered_in_the_wizard(
    tmp_path: Path,
) -> None:
    from perfeval_tui.scoring.model import YearValues

    path = national_file(tmp_path)
    project = saved(path)
    road = project.indicator("repair")
    road.unit, road.operator = "公里", "≥"
    road.yearly = [
        YearValues(year=2019, target=D(100), actual=D(100)),
        YearValues(year=2020, target=D(100), actual=D(80)),
    ]
    save_project(project, path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        form = await open_indicator(pilot, "repair")
        assert not form.query("#ind-actual")  # the years are scored, not one 完成值
        assert app.screen.query_one("#year-1-actual", FieldInput).value == "80"
        text = "\n".join(screen_lines(app))
        assert "2019目标值" in text and "2020完成值" in text
        # 20 split over two years: 10 × 100/100 + 10 × 80/100 = 18.00
        assert app.workspace.session.result.by_id("repair").score == D("18.00")
        field = await retype(pilot, "year-1-actual", "90公里")
        assert not field.has_class("-invalid"), field.error_label and field.error_label.message
        # 10 + 10 × 90/100 = 19.00, on the bar as the engine has it
        assert app.workspace.session.result.by_id("repair").score == D("19.00")
        total = fmt2(score_project(app.workspace.project).total)
        await wait_for(pilot, lambda: total in score_bar(app), f"the bar at {total}")
        await pilot.press("ctrl+s")
        await wait_for(
            pilot, lambda: saved(path).indicator("repair").yearly[1].actual == D(90), "saved"
        )
    year = saved(path).indicator("repair").yearly[1]
    assert (year.actual, year.actual_label) == (D(90), "90公里")


async def test_a_section_weight_is_read_and_refused_as_typed(tmp_path: Path) -> None:
    # 25分 is 25 (it used to count as nothing, silently); a refused text says so under its field
    # at once and the message goes when it is corrected; a sum that is not the form's 100 is
    # kept as typed, with a word.
    path = national_file(tmp_path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await open_palette_command(pilot, "分项权重")
        await wait_for(pilot, lambda: app.screen.query("#weight-3"), "the weights dialog")
        line = app.screen.query_one("#weight-sum")
        error = app.screen.query_one("#weight-error-1")
        await pilot.press("enter", "ctrl+u", *"4x")
        await wait_for(pilot, lambda: error.has_class("-shown"), "the message as typed")
        assert "「产出指标权重」「4x」不是有效数字" in str(error.render())
        await pilot.press("backspace", "0", "分")
        await wait_for(pilot, lambda: not error.has_class("-shown"), "the message gone")
        assert str(line.render()) == "各分项合计 90 分，表样总分为 100 分"
        await pilot.press("enter", "ctrl+u", *"50")
        await wait_for(pilot, lambda: "110" in str(line.render()), "the sum after typing 50")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.workspace.project.groups, "the weights kept")
        notes = [n.message for n in app._notifications]
        assert any("各分项合计 110 分，表样总分为 100 分：已按所填保存" in m for m in notes)
    assert [g.weight for g in saved(path).groups] == [D(10), D(40), D(50), D(10)]


async def test_section_weights_typed_and_kept_in_one_burst(tmp_path: Path) -> None:
    # 产出指标 50 → 30 and 效益指标 30 → 10 typed with Enter between them and Ctrl+S at the end,
    # all in one burst (a slow link delivers them in one read): each lands in its own field,
    # and Ctrl+S keeps what was typed before it.
    path = national_file(tmp_path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await open_palette_command(pilot, "分项权重")
        await wait_for(pilot, lambda: app.screen.query("#weight-3"), "the weights dialog")
        keys = ["enter", "ctrl+u", "3", "0", "enter", "ctrl+u", "1", "0", "ctrl+s"]
        for key in keys:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await wait_for(pilot, lambda: app.workspace.project.groups, "the weights kept")
    assert [(g.path, g.weight) for g in saved(path).groups] == [
        (["预算执行"], D(10)),
        (["产出指标"], D(30)),
        (["效益指标"], D(10)),
        (["满意度指标"], D(10)),
    ]


async def test_the_level_picker_offers_the_forms_own_groups_even_when_empty(
    tmp_path: Path,
) -> None:
    # 社会效益指标 has no indicator yet: the picker offered only the groups in use, and
    # typing 社会效益 found nothing.
    from test_tui_grid import open_grid

    from perfeval_tui.tui.dialogs.group_picker import GroupPicker

    path = national_file(tmp_path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = await open_grid(pilot)
        grid.go_to("effect", "levels")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, GroupPicker), "the picker")
        offered = [str(o.prompt) for o in app.screen.query_one("#group-list").options]
        assert "效益指标 / 社会效益指标" in offered and "产出指标 / 时效指标" in offered
        assert app.screen.entry.placeholder == "例如 产出指标 / 数量指标"
        await pilot.press(*"社会效益", "enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, GroupPicker), "chosen")
        assert app.workspace.project.indicator("effect").levels == [
            "效益指标",
            "社会效益指标",
            "通行条件",
        ]


async def test_the_export_step_names_the_national_form(tmp_path: Path) -> None:
    path = national_file(tmp_path)
    app = make_app(path, "export")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        assert "导出项目支出绩效自评表及附表1、附表2" in text
