"""Plain mode takes a target as written (≥95%, 按时完成) and shows it back as typed."""

from __future__ import annotations

import io
from decimal import Decimal as D

from builders import indicator, project

from perfeval_tui.plain.editing import Editor
from perfeval_tui.plain.prompts import LinePrompter
from perfeval_tui.project.session import EditSession
from perfeval_tui.scoring.targets import typed_updates


def test_typed_updates_keep_the_text_and_set_the_operator():
    assert typed_updates("target", "≥95%") == {
        "target": D(95),
        "target_label": "≥95%",
        "unit": "%",  # % is a unit like any other
        "operator": "≥",
        "direction": "正向",
    }
    assert typed_updates("target", "≤5个工作日")["direction"] == "反向"
    assert typed_updates("target", "≤5个工作日")["unit"] == "个工作日"
    assert typed_updates("actual", "已完成") == {"actual": None, "actual_label": "已完成"}
    assert typed_updates("target", "95") is None
    # A number with % is kept as typed; the % sets an empty 单位, like 公里.
    assert typed_updates("target", "96%") == {"target": D(96), "target_label": "96%", "unit": "%"}
    assert typed_updates("actual", "82.5%", "%") == {"actual": D("82.5"), "actual_label": "82.5%"}


def test_plain_mode_enters_a_target_as_written(tmp_path):
    ind = indicator("output", weight="50", actual="96", unit="%")
    p = project(ind, ruleset="national-2020")
    session = EditSession(p, tmp_path / "p.json")
    out = io.StringIO()
    editor = Editor(session, LinePrompter(io.StringIO("＞＝90％\n"), out))
    editor.field(ind, "target")
    assert (ind.target, ind.operator, ind.target_label) == (D(90), "≥", "＞＝90％")
    assert session.result.indicators[0].score == D("50.00")
    assert session.result.indicators[0].target_display == "＞＝90％"
    editor = Editor(session, LinePrompter(io.StringIO("\n"), out))
    editor.field(ind, "target")
    assert "[＞＝90％]" in out.getvalue()  # shown back as typed
    editor = Editor(session, LinePrompter(io.StringIO("80\n"), out))
    editor.field(ind, "target")
    assert (ind.target, ind.target_label) == (D(80), "")


def test_plain_mode_enters_the_national_budget_block_to_four_decimals(tmp_path):
    from perfeval_tui.plain.national_budget import national_budget_step

    ind = indicator("budget_execution", weight="20")
    p = project(ind, funds=[], ruleset="national-2020")
    session = EditSession(p, None)
    typed = ["202.64", "132.912", "119.6208"] * 2 + [""] * 6
    ask = LinePrompter(io.StringIO("\n".join(typed) + "\n"), io.StringIO())
    national_budget_step(Editor(session, ask), ask)
    total, grant = p.budget_block[:2]
    assert (total.initial, total.budget, total.spend) == (D("202.64"), D("132.912"), D("119.6208"))
    assert grant.spend == D("119.6208")
    assert session.result.indicators[0].score == D("18.00")  # 20 × 90%


def test_plain_mode_refuses_a_judged_score_outside_its_band_with_the_range():
    from perfeval_tui.scoring.families import get

    ind = indicator("graded", weight="10", level="部分达成")
    session = EditSession(project(ind, ruleset="national-2020"), None)
    rule = session.ruleset.rules["graded"]
    judged = next(s for s in get("graded").inputs(rule) if s.key == "judged")
    out = io.StringIO()
    ask = LinePrompter(io.StringIO("9\n7\n"), out)
    Editor(session, ask).rule_input(ind, judged, [])
    assert "「部分达成」的评定得分区间为 [6.00, 8.00)，9.00 不在区间内" in out.getvalue()
    assert ind.inputs.values["judged"] == D(7)
    assert session.result.indicators[0].score == D("7.00")


def test_plain_mode_sets_the_project_own_section_weights_and_checks_use_them():
    from perfeval_tui.plain.section_weights import edit_section_weights
    from perfeval_tui.scoring.checks import check_project

    out = indicator("output", weight="70", target="1", actual="1")
    out.levels = ["产出指标", "数量指标", "x"]
    p = project(out, ruleset="national-2020")
    before = [w.message for w in check_project(p)]
    assert "「产出指标」下各指标权重合计 70 分，应为 50 分" in before
    session = EditSession(p, None)
    ask = LinePrompter(io.StringIO("\n70\n20\n\n"), io.StringIO())
    edit_section_weights(Editor(session, ask), ask)
    assert [(g.path, g.weight) for g in p.groups] == [
        (["预算执行"], D(10)),
        (["产出指标"], D(70)),
        (["效益指标"], D(20)),
        (["满意度指标"], D(10)),
    ]
    after = [w.message for w in check_project(p)]
    assert not any("「产出指标」下" in m for m in after)


def test_plain_mode_offers_a_section_the_projects_weights_lack_and_drops_one_cleared():
    from perfeval_tui.plain.section_weights import edit_section_weights
    from perfeval_tui.scoring.model import IndicatorGroup

    out = indicator("output", weight="50", target="1", actual="1")
    out.levels = ["产出指标", "数量指标", "x"]
    p = project(out, ruleset="national-2020")
    p.groups = [
        IndicatorGroup(path=["预算执行"], weight=D(10)),
        IndicatorGroup(path=["产出指标"], weight=D(50)),
        IndicatorGroup(path=["效益指标"], weight=D(30)),
    ]
    session = EditSession(p, None)
    # 预算执行 cleared (-), 产出指标 and 效益指标 kept, 满意度指标 (not written yet) 10.
    out_text = io.StringIO()
    ask = LinePrompter(io.StringIO("-\n\n\n10\n"), out_text)
    edit_section_weights(Editor(session, ask), ask)
    assert "「满意度指标」权重（分）" in out_text.getvalue()
    assert [(g.path, g.weight) for g in p.groups] == [
        (["产出指标"], D(50)),
        (["效益指标"], D(30)),
        (["满意度指标"], D(10)),
    ]


def test_a_number_with_another_unit_and_no_operator_is_left_to_the_number_parser():
    # 90x under a % indicator is a slip, not a target as written: the parser names it.
    assert typed_updates("actual", "90x", "%") is None
    assert typed_updates("actual", "1338路", "路") is not None  # the indicator's own unit
    assert typed_updates("target", "8个") is not None  # no unit yet: the cell's is taken
    assert typed_updates("target", "≤30万元", "%") is not None  # an operator: as written


def test_plain_mode_names_the_national_budget_step_in_the_forms_own_terms(tmp_path):
    from perfeval_tui.plain.wizard import PlainWizard
    from perfeval_tui.scoring.completeness import missing_items

    ind = indicator("budget_execution", weight="10")
    p = project(ind, funds=[], ruleset="national-2020")
    session = EditSession(p, None)
    # A national project without its 项目资金 block yet: not 附表1's fund rows.
    assert any(
        line.startswith("项目资金") for line in missing_items(session.result, session.project)
    )
    assert not any("附表1" in line for line in missing_items(session.result, session.project))
    out = io.StringIO()
    ask = LinePrompter(io.StringIO("2\n" + "\n" * 12 + "7\n"), out)
    PlainWizard(session, ask).run()
    shown = out.getvalue()
    assert "第 2 步 · 项目资金 预算执行" in shown
    assert "== 第 2/6 步 · 项目资金 预算执行 ==" in shown
    assert "附表1" not in shown


def test_plain_mode_edits_each_year_of_a_cross_year_indicator(tmp_path):
    from perfeval_tui.plain.indicators import IndicatorStep
    from perfeval_tui.scoring.model import YearValues

    ind = indicator("output", weight="10", unit="公里")
    ind.yearly = [
        YearValues(year=2019, target=D(100), actual=D(100), target_label="100"),
        YearValues(year=2020, target=D(100), actual=D(80)),
    ]
    p = project(ind, ruleset="national-2020")
    session = EditSession(p, tmp_path / "p.json")
    assert session.result.indicators[0].score == D("9.00")  # 5 + 5 × 80/100
    out = io.StringIO()
    # 2019: keep both; 2020: 目标值 as written ≥90, 完成值 90.
    ask = LinePrompter(io.StringIO("\n\n≥90\n90\n"), out)
    IndicatorStep(Editor(session, ask), ask).edit_values(ind)
    shown = out.getvalue()
    assert "2019年目标值 [100]" in shown and "2020年完成值 [80]" in shown
    assert (ind.yearly[1].target, ind.yearly[1].target_label) == (D(90), "≥90")
    assert ind.yearly[1].actual == D(90)
    assert session.result.indicators[0].score == D("10.00")
    assert "目标值（公里）" not in shown  # the indicator's own values are not asked


def test_the_satisfaction_check_reads_the_project_own_satisfaction_weight():
    from perfeval_tui.scoring.checks import check_project
    from perfeval_tui.scoring.model import IndicatorGroup

    sat = indicator("satisfaction", weight="20", target="90", actual="95")
    sat.levels = ["满意度指标", "服务对象满意度指标", "群众满意度"]
    sat.id = "i2"
    out = indicator("output", weight="60", target="1", actual="1")
    out.levels = ["产出指标", "数量指标", "x"]
    p = project(out, sat, ruleset="national-2020")
    p.groups = [
        IndicatorGroup(path=["预算执行"], weight=D(10)),
        IndicatorGroup(path=["产出指标"], weight=D(60)),
        IndicatorGroup(path=["效益指标"], weight=D(10)),
        IndicatorGroup(path=["满意度指标"], weight=D(20)),
    ]
    assert not any("满意度" in w.message for w in check_project(p))
    sat.weight = D(10)
    messages = [w.message for w in check_project(p)]
    assert any(m.startswith("满意度指标权重合计 10 分，应为 20 分") for m in messages)
    # A form of 预算执行 10 + 指标 90 gives 满意度 no weight of its own: no satisfaction check.
    p.groups = [
        IndicatorGroup(path=["预算执行"], weight=D(10)),
        IndicatorGroup(path=["产出指标"], weight=D(60)),
    ]
    assert not any(
        m.startswith("满意度指标权重合计") for m in (w.message for w in check_project(p))
    )


def test_plain_lists_name_indicators_and_rules_without_ids_or_empty_brackets():
    from perfeval_tui.plain.indicators import pick_label

    rate = indicator("budget_execution", weight="10")
    rate.levels = ["预算执行", "预算执行率（%）"]
    deep = indicator("output", weight="20")
    deep.levels = ["产出指标", "数量指标", "养护里程"]
    assert pick_label(rate) == "预算执行率（%）"
    assert pick_label(deep) == "养护里程（数量指标）"
