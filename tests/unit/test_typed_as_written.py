"""A 目标值/完成值 typed as clerks write it, read as the importer reads the form: words make the
indicator 定性, ``%`` is a unit kept as typed, and a number under another unit is refused."""

from __future__ import annotations

import io
import json
from decimal import Decimal as D

import pytest
from builders import indicator, project

from perfeval_tui.plain.display import indicator_line
from perfeval_tui.plain.editing import Editor
from perfeval_tui.plain.indicators import IndicatorStep
from perfeval_tui.plain.prompts import LinePrompter
from perfeval_tui.project.session import EditSession
from perfeval_tui.scoring.numbers import NumberInputError, parse_number
from perfeval_tui.scoring.targets import typed_updates, words_only

UNIT_HINT = "请按「公里」输入数字"


def national(*, unit: str = "", rule: str = "output", weight: str = "10") -> EditSession:
    ind = indicator(rule, weight=weight, unit=unit)
    return EditSession(project(ind, ruleset="national-2020"), None)


def test_words_without_a_number_are_qualitative_an_operator_alone_is_not():
    for text in ("按时完成", "达到预期目标", "逐步提高", "是", "有效改善"):
        assert words_only(text), text
    for text in ("≥", "不低于", "控制在", "以上", "/", "无", "", "95%", "≥95%", "8个"):
        assert not words_only(text), text


def test_percent_is_a_unit_like_any_other_and_the_text_is_kept():
    assert typed_updates("target", "≥80%") == {
        "target": D(80),
        "target_label": "≥80%",
        "unit": "%",
        "operator": "≥",
        "direction": "正向",
    }
    # An indicator already in 公里 takes the unit of a target with its operator (≥120公里 did).
    assert typed_updates("target", "≥80%", "公里")["unit"] == "%"
    assert typed_updates("actual", "82.5%", "%") == {"actual": D("82.5"), "actual_label": "82.5%"}
    assert typed_updates("actual", "82.5%") == {"actual": D("82.5"), "actual_label": "82.5%"}
    assert typed_updates("actual", "93") is None  # a bare number: the number parser's


def test_a_percent_under_another_unit_is_refused_naming_the_unit():
    assert typed_updates("actual", "82.5%", "公里") is None
    assert typed_updates("target", "80%", "公里") is None  # no operator: a slip, not a new unit
    with pytest.raises(NumberInputError) as caught:
        parse_number("82.5%", field="完成值", unit="公里")
    assert str(caught.value) == (
        "「完成值」的单位是「公里」，不能带百分号（输入的是「82.5%」）。"
        "请按「公里」输入数字，例如 13.75 或 13.75公里"
    )
    assert parse_number("82.5%", field="完成值", unit="%") == D("82.5")
    assert parse_number("82.5%", field="完成值") == D("82.5")
    assert parse_number("82.5公里", field="完成值", unit="公里") == D("82.5")


def test_a_target_in_words_makes_the_indicator_qualitative_and_reached_reads_top_band(tmp_path):
    ind = indicator("output", weight="10")
    ind.levels = ["产出指标", "时效指标", "养护工程完工时限"]
    session = EditSession(project(ind, ruleset="national-2020"), tmp_path / "p.json")
    assert session.set_field(ind, "target", "按时完成").ok
    assert (ind.rule, ind.target, ind.target_label) == ("graded", None, "按时完成")
    assert ind.inputs.level is None  # nothing says yet whether it was reached
    item = session.result.by_id(ind.id)
    assert item.score == D(0) and "未评定等级" in item.explanation.steps[-1]
    assert not any("目标值未填写" in w.message for w in session.warnings)

    assert session.set_field(ind, "actual", "按时完成").ok
    assert (ind.actual, ind.actual_label, ind.inputs.level) == (None, "按时完成", "达成")
    assert session.result.by_id(ind.id).score == D("10.00")
    saved = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))["indicators"][0]
    assert (saved["rule"], saved["target_label"], saved["inputs"]["level"]) == (
        "graded",
        "按时完成",
        "达成",
    )


@pytest.mark.parametrize("actual", ["完成", "已完成", "达成预期", "是"])
def test_an_actual_that_says_reached_reads_as_the_top_band(actual):
    session = national()
    ind = session.project.indicators[0]
    assert session.set_field(ind, "target", "逐步提高").ok
    assert session.set_field(ind, "actual", actual).ok
    assert (ind.rule, ind.inputs.level) == ("graded", "达成")


def test_an_actual_in_words_under_a_number_target_is_qualitative_not_rated():
    session = national(unit="%")
    ind = session.project.indicators[0]
    assert session.set_field(ind, "target", "≥95%").ok
    assert session.set_field(ind, "actual", "基本完成").ok
    assert (ind.rule, ind.inputs.level, ind.actual_label) == ("graded", None, "基本完成")


def test_a_level_picked_by_hand_is_never_overwritten_by_a_text():
    session = national()
    ind = session.project.indicators[0]
    session.set_field(ind, "target", "按时完成")
    session.set_field(ind.inputs, "level", "部分达成")
    session.set_field(ind, "actual", "按时完成")
    assert ind.inputs.level == "部分达成"


def test_words_typed_on_the_way_to_a_number_leave_the_rule_as_it_was():
    session = national()
    ind = session.project.indicators[0]
    session.begin_field()
    for typed in ("控", "控制", "控制在", "控制在3", "控制在3天以内"):
        assert session.set_field(ind, "target", typed).ok, typed
    assert (ind.rule, ind.target, ind.operator, ind.unit) == ("output", D(3), "≤", "天")
    # And the 评价等级 picked by a text on the way goes too.
    session.set_field(ind, "target", "按时完成")
    session.begin_field()
    session.set_field(ind, "actual", "完成")
    assert ind.inputs.level == "达成"
    session.set_field(ind, "actual", "完成了一半")
    assert ind.inputs.level is None


def test_a_percent_actual_is_kept_as_typed_and_shown_so():
    session = national()
    ind = session.project.indicators[0]
    assert session.set_field(ind, "target", "≥80%").ok
    assert ind.unit == "%"
    assert session.set_field(ind, "actual", "82.5%").ok
    assert (ind.actual, ind.actual_label) == (D("82.5"), "82.5%")
    item = session.result.by_id(ind.id)
    assert (item.target_display, item.actual_display) == ("≥80%", "82.5%")
    assert item.score == D("10.00")


def test_a_percent_actual_under_another_unit_is_refused_and_nothing_changes():
    session = national()
    ind = session.project.indicators[0]
    assert session.set_field(ind, "target", "≥120公里").ok
    assert session.set_field(ind, "actual", "100").ok
    outcome = session.set_field(ind, "actual", "82.5%")
    assert outcome.error is not None
    assert outcome.error.startswith("「完成值」的单位是「公里」，不能带百分号")
    assert UNIT_HINT in outcome.error
    assert (ind.actual, ind.actual_label, ind.unit) == (D(100), "", "公里")


def plain(session: EditSession, answers: list[str]) -> str:
    out = io.StringIO()
    ask = LinePrompter(io.StringIO("\n".join(answers) + "\n"), out)
    IndicatorStep(Editor(session, ask), ask).edit_values(session.project.indicators[0])
    return out.getvalue()


def test_plain_mode_keeps_a_percent_actual_as_typed():
    session = national()
    said = plain(session, ["≥80%", "93%"])
    ind = session.project.indicators[0]
    assert (ind.unit, ind.actual, ind.actual_label) == ("%", D(93), "93%")
    assert "完成值（%）：93%" in said and "得分 10.00/10.00" in said
    line = indicator_line(1, session.result.by_id(ind.id))
    assert "目标 ≥80%  完成 93%  10.00/10.00" in line  # was 完成 93


def test_plain_mode_asks_the_level_of_a_target_in_words_with_the_top_band_offered():
    session = national()
    said = plain(session, ["按时完成", "按时完成", "", ""])
    ind = session.project.indicators[0]
    assert (ind.rule, ind.target_label, ind.actual_label) == ("graded", "按时完成", "按时完成")
    assert ind.inputs.level == "达成" and "评价等级" in said
    assert "得分 10.00/10.00" in said


def test_plain_mode_refuses_a_percent_under_another_unit_and_asks_again():
    session = national(unit="公里")
    said = plain(session, ["≥120公里", "82.5%", "100"])
    ind = session.project.indicators[0]
    assert "「完成值」的单位是「公里」，不能带百分号（输入的是「82.5%」）" in said
    assert ind.actual == D(100)


def test_a_percent_actual_typed_is_exported_as_typed(tmp_path):
    import openpyxl

    from perfeval_tui.exports.files import export_project
    from perfeval_tui.project.factory import new_project

    p = new_project("农村公路养护", 2024, "某县交通运输局", "national-2020")
    ind = indicator("output", weight="10")
    ind.levels = ["产出指标", "质量指标", "优良路率"]
    p.indicators.append(ind)
    session = EditSession(p, None)
    assert session.set_field(ind, "target", "≥80%").ok
    assert session.set_field(ind, "actual", "82.5%").ok
    xlsx, md = export_project(p, tmp_path)
    ws = openpyxl.load_workbook(xlsx)["项目支出绩效自评表"]
    row = next(
        [str(c.value or "") for c in r]
        for r in ws.iter_rows()
        if any(c.value == "优良路率" for c in r)
    )
    assert row[2:6] == ["优良路率", "≥", "≥80%", "82.5%"]  # was 82.5 beside ≥80%
    assert "| ≥80% | 82.5% |" in md.read_text("utf-8")
