"""Score curves: samples are the engine's, band edges are marked, the drawing fits 80x24."""

from __future__ import annotations

import pytest
from builders import COUNTY, WUXI, D, fund, indicator, project

from perfeval_tui.analysis.curve import CurveError, curve_lines, score_curve
from perfeval_tui.cli import main
from perfeval_tui.project.storage import load_project
from perfeval_tui.scoring.engine import score_project
from perfeval_tui.term.textwidth import line_width as cells

PLOT_CHARS = set(" *:O│┤")


def at(curve, x):
    return next(p.score for p in curve.points if p.x == D(x))


def test_completion_curve_band_edges_and_engine_samples():
    ind = indicator("completion_ratio", weight="15", target="1304", actual="1338", unit="路")
    proj = project(ind)
    curve = score_curve(proj, "i1", samples=51)  # 0 to 2.5 in steps of 0.05
    assert [(m.x, m.label) for m in curve.marks] == [
        (D(1), "目标值（比值 1）"),
        (D("1.2"), "满分上限 L=1.2"),
        (D(2), "不得分起点 U=2"),
    ]
    assert (
        at(curve, "0.5"),
        at(curve, "1"),
        at(curve, "1.2"),
        at(curve, "1.6"),
        at(curve, "2"),
    ) == (
        D("7.50"),
        D("15.00"),
        D("15.00"),
        D("7.50"),
        D("0.00"),
    )
    for point in curve.points[::10]:  # each sample is the engine's score at that ratio
        moved = proj.model_copy(deep=True)
        moved.indicators[0].actual = D(1304) * point.x
        assert score_project(moved).indicators[0].score == point.score
    assert curve.current is not None and curve.current.score == D("15.00")
    assert curve.current.x == (D(1338) / D(1304)).quantize(D("0.0001"))


def test_reverse_and_capped_curves():
    rev = score_curve(
        project(
            indicator(
                "completion_ratio",
                weight="10",
                target="48",
                actual="60",
                unit="小时",
                direction="反向",
            )
        ),
        "i1",
    )
    assert (
        rev.x_label == "目标值/完成值（反向）"
        and rev.current.x == D("0.8")
        and rev.current.score == D("8.00")
    )
    assert at(rev, "1.5") == D("10.00") and at(rev, "2.5") == D("0.00")  # 20<t≤100: L 1.5, U 2.5
    capped = score_curve(
        project(
            indicator("completion_ratio", target="800", actual="1500"),
            readings={"completion_ratio": "capped"},
        ),
        "i1",
    )
    assert [m.x for m in capped.marks] == [D(1)] and at(capped, "2") == D("10.00")


def test_rate_curves_follow_the_threshold():
    execution = score_curve(
        project(indicator("budget_execution_rate", weight="4"), funds=[fund(spend="400")]), "i1"
    )
    assert execution.percent and [m.label for m in execution.marks] == ["满分起点 95%", "扣完 87%"]
    assert (
        at(execution, "95") == D("4.00")
        and at(execution, "87") == D("0.00")
        and at(execution, "91") == D("2.00")
    )
    assert execution.current.score == D("0.94")
    adjustment = score_curve(
        project(indicator("budget_adjustment_rate", weight="4"), funds=[fund(increase="60.5")]),
        "i1",
        samples=20,  # 0% to 19% in whole percents
    )
    assert (
        at(adjustment, "10") == D("4.00")
        and at(adjustment, "14") == D("0.00")
        and at(adjustment, "12") == D("2.00")
    )
    arrival = score_curve(
        project(
            indicator("funds_arrival_rate", weight="5"), funds=[fund(spend="430", arrived="400")]
        ),
        "i1",
    )
    assert arrival.marks[0].label == "预算执行率 95.56%"
    assert arrival.current.score == D("1.67")


def test_incident_curve_is_a_step_with_the_clause_cap():
    curve = score_curve(
        project(indicator("supporting_measures", weight="3", counts={"incomplete": 3})), "i1"
    )
    assert curve.x_label == "「管理办法要素不完整（每项）」发现次数"
    assert [(p.x, p.score) for p in curve.points[:4]] == [
        (D(0), D("3.00")),
        (D(1), D("2.50")),
        (D(2), D("2.00")),
        (D(3), D("2.00")),
    ]
    assert curve.marks[0].label == "本条扣完 1 分为止"


@pytest.mark.parametrize(
    ("ind", "message"),
    [
        (indicator("goal_rationality", weight="4"), "没有得分曲线"),
        (indicator("graded", level="良"), "没有得分曲线"),
        (indicator("completion_ratio", target="0", actual="0"), "只有两种结果"),
        (indicator("completion_ratio", actual="5"), "目标值未填写"),
    ],
)
def test_no_curve_is_said_in_chinese(ind, message):
    with pytest.raises(CurveError, match=message):
        score_curve(project(ind), "i1")


@pytest.mark.parametrize("path", [WUXI, COUNTY])
def test_drawing_fits_80x24_in_console_characters(path):
    proj = load_project(path)
    drawn = 0
    for ind in proj.indicators:
        try:
            curve = score_curve(proj, ind.id)
        except CurveError:
            continue
        lines = curve_lines(curve)
        drawn += 1
        assert len(lines) <= 22 and all(cells(line) <= 80 for line in lines)
        plot = [line[8:] for line in lines[1:13]]
        assert all(set(row) <= PLOT_CHARS - {"│", "┤"} for row in plot)
        assert "O" in "".join(plot)  # the current point is drawn
        assert ":" in "".join(plot) or not curve.marks  # band edges are marked
        if curve.marks:
            assert lines[-1].startswith(": " + curve.marks[0].label)
        assert any(line.startswith("O 当前：") for line in lines)
    assert drawn >= 6


def test_explain_curve_command(capsys):
    assert main(["explain", "completion_ratio", "--curve"]) == 0
    out = capsys.readouterr().out
    assert "产出/效果指标完成比例：得分曲线" in out and "满分上限 L=1.2" in out and "└" in out
    assert main(["explain", "goal_clarity", "--curve"]) == 0
    assert "得分曲线：「绩效目标明确性」按事项或等级计分" in capsys.readouterr().out
