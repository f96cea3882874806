"""Section weights written on the project's own form that do not add up to the form's 100.

Every national form totals 100 (FORMS.md §1): a project whose own 分项权重 add up to 110 is told so,
with each weight, the sum and where to correct it, in every surface that lists the checks —
not a 总分 message about indicators that only follow those weights.
"""

from __future__ import annotations

import io
from decimal import Decimal as D
from pathlib import Path

from builders import indicator, project

from perfeval_tui.cli import main
from perfeval_tui.exports.form_grid import read_grids
from perfeval_tui.plain.editing import Editor
from perfeval_tui.plain.prompts import LinePrompter
from perfeval_tui.plain.section_weights import edit_section_weights, weights_line
from perfeval_tui.project.form_import import read_form
from perfeval_tui.project.session import EditSession
from perfeval_tui.project.storage import project_json
from perfeval_tui.project.workspace import WizardSession
from perfeval_tui.scoring.checks import check_project
from perfeval_tui.scoring.completeness import missing_items
from perfeval_tui.scoring.engine import score_project
from perfeval_tui.scoring.form_checks import disagreements
from perfeval_tui.scoring.model import IndicatorGroup, Project
from perfeval_tui.scoring.ruleset import load_ruleset

FORMS = Path(__file__).resolve().parent.parent / "data" / "real-forms"
NATIONAL = load_ruleset("national-2020")
SUM_110 = (
    "分项权重 预算执行 10 + 产出指标 70 + 效益指标 20 + 满意度指标 10 = 110 分，"
    "比总分 100 分多 10 分（各指标权重按此合计也是 110 分）：请按表上所写，在「分项权重」中改正"
    "各分项的权重，使合计为 100 分"
)


def groups(*pairs: tuple[str, int]) -> list[IndicatorGroup]:
    return [IndicatorGroup(path=[name], weight=D(weight)) for name, weight in pairs]


def national_110() -> Project:
    """产出 70 / 效益 20 / 满意度 10 and 预算执行 10 as the form wrote them, rows following them."""
    rows = []
    for n, (levels, rule, weight) in enumerate(
        [
            (["预算执行", "预算执行率（%）"], "budget_execution", "10"),
            (["产出指标", "数量指标", "完成数量"], "output", "70"),
            (["效益指标", "社会效益指标", "受益人数"], "benefit", "20"),
            (["满意度指标", "服务对象满意度指标", "群众满意度"], "satisfaction", "10"),
        ]
    ):
        row = indicator(rule, weight=weight, target="90", actual="95", unit="%")
        row.id, row.levels = f"i{n}", levels
        rows.append(row)
    p = project(*rows, ruleset="national-2020")
    p.groups = groups(("预算执行", 10), ("产出指标", 70), ("效益指标", 20), ("满意度指标", 10))
    return p


def test_own_weights_adding_to_110_are_named_instead_of_the_total_of_the_rows():
    messages = [(w.row, w.message) for w in check_project(national_110())]
    assert ("分项权重", SUM_110) in messages
    assert not any(m.startswith("全部指标权重合计") for _, m in messages)
    # Each section holds what its own weight says: nothing to say of the rows section by section.
    assert [row for row, _ in messages if row.endswith("指标") or row == "预算执行"] == []


def test_rows_that_differ_from_both_keep_the_total_message_beside_it():
    p = national_110()
    p.indicators[1].weight = D(60)
    messages = [w.message for w in check_project(p)]
    assert not any(m.startswith("全部指标权重合计") for m in messages)
    assert any(m.startswith("分项权重 预算执行 10 + 产出指标 70") for m in messages)
    assert "「产出指标」下各指标权重合计 60 分，应为 70 分" in messages
    # 100 in all: the rows are right, the section weights are what is wrong.
    assert not any("也是" in m for m in messages)
    p.indicators[1].weight = D(50)
    messages = [w.message for w in check_project(p)]
    assert "全部指标权重合计 90 分，应为 100 分" in messages


def test_weights_corrected_to_100_leave_the_rows_to_correct():
    p = national_110()
    p.groups = groups(("预算执行", 10), ("产出指标", 50), ("效益指标", 30), ("满意度指标", 10))
    messages = [w.message for w in check_project(p)]
    assert not any(m.startswith("分项权重") for m in messages)
    assert "全部指标权重合计 110 分，应为 100 分" in messages
    assert "「产出指标」下各指标权重合计 70 分，应为 50 分" in messages


def test_weights_adding_to_less_are_named_only_when_every_section_has_its_weight():
    p = national_110()
    p.indicators = p.indicators[:3]  # no 满意度 row
    p.indicators[1].weight = D(60)
    p.groups = groups(("预算执行", 10), ("产出指标", 60), ("效益指标", 20))
    messages = [w.message for w in check_project(p)]
    assert messages[0] == (
        "分项权重 预算执行 10 + 产出指标 60 + 效益指标 20 = 90 分，比总分 100 分少 10 分"
        "（各指标权重按此合计也是 90 分）：请按表上所写，在「分项权重」中改正各分项的权重，"
        "使合计为 100 分"
    )
    # A form that writes only the budget's weight leaves the rest to its rows: no such message.
    p.groups = groups(("预算执行", 10))
    messages = [w.message for w in check_project(p)]
    assert not any(m.startswith("分项权重") for m in messages)
    assert "全部指标权重合计 90 分，应为 100 分" in messages


def test_the_wizard_keeps_the_same_warning_live_as_weights_are_typed(tmp_path):
    p = national_110()
    session = WizardSession(p, tmp_path / "p.json")
    assert SUM_110 in [w.message for w in session.warnings]
    session.set_field(p.indicators[1], "weight", D(60))
    live = [w.message for w in session.warnings]
    assert live == [w.message for w in check_project(p)]
    assert "「产出指标」下各指标权重合计 60 分，应为 70 分" in live
    session.set_field(
        p,
        "groups",
        groups(("预算执行", 10), ("产出指标", 60), ("效益指标", 20), ("满意度指标", 10)),
    )
    assert not any(w.row == "分项权重" for w in session.warnings)
    assert session.warnings == check_project(p)


def test_perfeval_check_prints_it_and_plain_mode_lists_it(tmp_path, capsys):
    p = national_110()
    path = tmp_path / "p.json"
    path.write_text(project_json(p), encoding="utf-8")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"附表2「分项权重」权重：{SUM_110}" in out
    assert "全部指标权重合计" not in out
    missing = missing_items(score_project(p), p)
    assert SUM_110 in missing
    assert not any(line.startswith("附表2 指标权重合计") for line in missing)


def test_a_filled_form_with_sections_of_110_points_at_its_section_weights():
    form = read_form(read_grids(FORMS / "02_zhongjiang_2022.tsv")[0], NATIONAL, "02").project
    found = disagreements(form, score_project(form, NATIONAL))
    assert [(w.row, w.field) for w in found] == [("总分", "分值"), ("总分", "得分")]
    assert found[0].message == (
        "各行分值合计 110，应为 100（各行分值与表上分项权重一致，应改正的是分项权重，见「分项权重」）"
    )
    assert SUM_110 in [w.message for w in check_project(form, NATIONAL)]


def test_plain_mode_shows_the_sum_of_the_section_weights_before_and_after_editing(tmp_path):
    p = national_110()
    p.groups = []
    out = io.StringIO()
    ask = LinePrompter(io.StringIO("\n70\n20\n\n"), out)
    editor = Editor(EditSession(p, tmp_path / "p.json"), ask)
    assert weights_line(editor) == (
        "分项权重（规则集默认）：预算执行 10，产出指标 50，效益指标 30，满意度指标 10；"
        "各分项合计 100 分"
    )
    edit_section_weights(editor, ask)
    assert (
        "分项权重（本项目）：预算执行 10，产出指标 70，效益指标 20，满意度指标 10；"
        "各分项合计 110 分，表样总分为 100 分"
    ) in out.getvalue()


def test_the_exported_report_lists_it_among_the_checks(tmp_path):
    from perfeval_tui.exports.files import export_project

    written = export_project(national_110(), tmp_path, xlsx=False, md=True)
    text = "\n".join(Path(p).read_text("utf-8") for p in written)
    assert "分项权重 预算执行 10 + 产出指标 70 + 效益指标 20 + 满意度指标 10 = 110 分" in text
    assert "全部指标权重合计" not in text
