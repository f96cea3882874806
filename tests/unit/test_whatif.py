"""The what-if sandbox and ``perfeval simulate``: engine numbers, deltas, changes, errors, no writes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from builders import COUNTY, WUXI, D, fund, indicator, project

from perfeval_tui.analysis.paths import (
    PathError,
    SimulationError,
    name_paths,
    pointer_paths,
    resolve,
)
from perfeval_tui.analysis.whatif import Sandbox, fmt_delta
from perfeval_tui.cli import main
from perfeval_tui.project.storage import load_project
from perfeval_tui.scoring.engine import score_project
from perfeval_tui.scoring.ruleset import load_ruleset

WUXI_RULES = load_ruleset("wuxi-2021")


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# ----------------------------------------------------------------------- every rule family
# (indicator, funds, path, value, score before, score after); "after" is worked by hand from the
# rule text and must equal the engine's score of the same project edited directly.
FAMILY_CASES = [
    (
        indicator("budget_adjustment_rate", weight="4"),
        [fund()],
        "/funds/0/increase",
        "60.5",
        "4.00",
        "0.56",  # 60.5 / 450 = 13.44% -> 4 - 3.44
    ),
    (
        indicator("budget_execution_rate", weight="4"),
        [fund()],
        "/funds/0/actual_spend",
        "400",
        "4.00",
        "0.94",  # 400 / 450 = 88.89% -> 4 - 0.5 x 6.11
    ),
    (
        indicator("funds_arrival_rate", weight="5"),
        [fund(spend="430", arrived="430")],
        "/funds/0/funds_arrived",
        "400",
        "5.00",
        "1.67",  # execution 95.56%, arrival 88.89% -> 5 - 0.5 x 6.67
    ),
    (
        indicator(
            "goal_rationality",
            weight="4",
            ticked=["policy", "every_project", "relevance", "matches_budget"],
        ),
        [fund()],
        "测试指标.relevance",
        "否",
        "4.00",
        "3.00",
    ),
    (
        indicator("spending_compliance", weight="5"),
        [fund()],
        "测试指标.over_scope",
        "3",
        "5.00",
        "2.00",
    ),
    (
        indicator("supporting_measures", weight="3"),
        [fund()],
        "/indicators/0/inputs/counts/incomplete",
        "4",
        "3.00",
        "2.00",  # 4 x 0.5 = 2, capped at 1 (扣完1分为止)
    ),
    (
        indicator("completion_ratio", weight="15", target="1304", actual="1338", unit="路"),
        [fund()],
        "测试指标.完成值",
        "1600",
        "15.00",
        "14.49",
    ),
    (
        indicator(
            "completion_ratio", weight="10", target="48", actual="48", unit="小时", direction="反向"
        ),
        [fund()],
        "测试指标.完成值",
        "60",
        "10.00",
        "8.00",  # reverse: 48 / 60 = 0.8
    ),
    (
        indicator("satisfaction", weight="10", target="100", actual="100", unit="%"),
        [fund()],
        "测试指标.完成值",
        "96%",
        "10.00",
        "9.60",
    ),
    (
        indicator("graded", weight="10", level="优"),
        [fund()],
        "测试指标.评价等级",
        "中",
        "10.00",
        "6.00",
    ),
]


@pytest.mark.parametrize(("ind", "funds", "path", "value", "before", "after"), FAMILY_CASES)
def test_simulated_score_is_the_engines(ind, funds, path, value, before, after):
    base = project(ind, funds=funds)
    sandbox = Sandbox(base)
    ref = sandbox.set(path, value)
    moved = sandbox.comparison().indicators[0]
    assert (moved.before, moved.after) == (D(before), D(after))
    assert moved.delta == D(after) - D(before)
    # The same edit made directly on a copy and scored by the engine gives the same number.
    direct = base.model_copy(deep=True)
    owner = resolve(direct, WUXI_RULES, path)
    sandbox_value = getattr(ref.owner, ref.field)
    setattr(owner.owner, owner.field, sandbox_value)
    assert score_project(direct).indicators[0].score == D(after)
    # The baseline project is untouched.
    assert score_project(base).indicators[0].score == D(before)


def test_seed_case_delta_line_subtotals_and_total():
    sandbox = Sandbox(load_project(WUXI))
    sandbox.set_assignment("监控建成数量.完成值=1600")
    comparison = sandbox.comparison()
    [moved] = comparison.changed_indicators
    assert moved.line() == "监控建成数量 15.00 → 14.49 (−0.51)"
    groups = {g.key: g for g in comparison.groups}
    assert groups["个性指标"].line() == "个性指标 59.60 → 59.09 (−0.51)"
    assert not groups["共性指标"].changed
    assert comparison.total_line() == "总分 99.60（优） → 99.09（优） (−0.51)"
    [change] = sandbox.changes()
    assert (change.pointer, change.label, change.old, change.new) == (
        "/indicators/9/actual",
        "「监控建成数量」完成值",
        "1338",
        "1600",
    )


def test_reading_switch_and_changes_list():
    sandbox = Sandbox(load_project(WUXI))
    sandbox.set("/funds/0/actual_spend", "400")
    assert sandbox.result.by_id("budget_execution_rate").score == D("0.94")
    sandbox.set_reading("budget_execution_rate", "floor")  # 6.11 points -> 6 whole points
    assert sandbox.result.by_id("budget_execution_rate").score == D("1.00")
    assert sandbox.comparison().total.after == D("96.60")
    assert [(c.pointer, c.old, c.new) for c in sandbox.changes()] == [
        ("/readings/budget_execution_rate", "默认（continuous）", "floor"),
        ("/funds/0/actual_spend", "450", "400"),
    ]
    sandbox.set_reading("budget_execution_rate", None)
    assert sandbox.result.by_id("budget_execution_rate").score == D("0.94")


def test_indicator_reading_and_pointer_escapes():
    sandbox = Sandbox(load_project(COUNTY))
    sandbox.set("农户改厕数量.口径", "capped")  # 1500 / 800 >= 1 -> full under 封顶
    assert sandbox.result.by_id(sandbox.resolve("农户改厕数量.完成值").indicator.id).score == D(
        "10.00"
    )
    with pytest.raises(PathError, match="「a/b~c」"):
        sandbox.set("/readings/a~1b~0c", "floor")


def test_name_may_leave_out_the_unit_in_brackets():
    sandbox = Sandbox(load_project(WUXI))
    assert sandbox.set("社会满意度.完成值", "99").pointer == "/indicators/18/actual"
    assert sandbox.result.by_id("satisfaction").score == D("9.90")


def test_reset_and_apply():
    original = load_project(WUXI)
    sandbox = Sandbox(original)
    sandbox.set("社会满意度（％）.完成值", "100")
    assert sandbox.dirty and sandbox.result.total == D("100.00")
    applied = sandbox.apply()
    assert applied is not sandbox.project and applied.indicator("satisfaction").actual == D(100)
    assert original.indicator("satisfaction").actual == D(96)  # the caller's project is untouched
    sandbox.reset()
    assert not sandbox.dirty and sandbox.changes() == []
    assert sandbox.result.total == sandbox.baseline.total == D("99.60")


def test_set_field_on_sandbox_objects_never_saves(tmp_path):
    path = tmp_path / "p.json"
    shutil.copy(WUXI, path)
    before = path.read_bytes()
    sandbox = Sandbox(load_project(path))
    outcome = sandbox.set_field(sandbox.project.funds[0], "actual_spend", "400")
    assert outcome.ok and sandbox.result.by_id("budget_execution_rate").score == D("0.94")
    bad = sandbox.set_field(sandbox.project.funds[0], "actual_spend", "四百")
    assert bad.error is not None and "实际支出数" in bad.error
    sandbox.set("监控建成数量.完成值", "1600")
    sandbox.apply()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.json"]  # no .bak, no temp file


@pytest.mark.parametrize(
    ("path", "value", "message", "suggestion"),
    [
        ("监控建成数.完成值", "1", "没有名为「监控建成数」的指标", "监控建成数量.完成值"),
        (
            "高清监控占比.完成值",
            "1",
            "有 2 个指标都叫「高清监控占比」",
            "专项总目标/产出/高清监控占比.完成值",
        ),
        ("监控建成数量.完成度", "1", "没有字段「完成度」", "监控建成数量.完成值"),
        ("监控建成数量", "1", "缺少字段", "监控建成数量.完成值"),
        ("/funds/0/actual", "1", "「/funds/0」下没有「actual」", "/funds/0/actual_spend"),
        ("/funds/3/actual_spend", "1", "只有 1 行", "/funds/0"),
        ("/indicators/0/id", "x", "不能修改", None),
        ("/funds/0", "1", "指向一组数据", "/funds/0/actual_spend"),
        ("明细支出合规性.misus", "1", "没有字段「misus」", "明细支出合规性.misuse"),
        ("/readings/budget_execution", "floor", "没有规则", "/readings/budget_execution_rate"),
    ],
)
def test_unknown_paths_list_the_nearest_valid_names(path, value, message, suggestion):
    sandbox = Sandbox(load_project(WUXI))
    with pytest.raises(PathError) as caught:
        sandbox.set(path, value)
    assert message in str(caught.value)
    if suggestion is not None:
        assert suggestion in caught.value.suggestions
    assert not sandbox.dirty


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("监控建成数量.完成值", "abc", "「监控建成数量」完成值「abc」不是有效数字"),
        ("/funds/0/actual_spend", "1.234", "最多保留两位小数"),
        ("/funds/0/actual_spend", "-5", "不能为负数"),
        ("明细支出合规性.misuse", "1.5", "应为整数"),
        ("绩效目标合理性.policy", "也许", "请填 是 或 否"),
        ("/readings/budget_execution_rate", "flor", "可选：continuous、floor、ceil"),
        ("/basics/year", "明年", "应为整数"),
    ],
)
def test_unparsable_values_are_refused_in_chinese(path, value, message):
    sandbox = Sandbox(load_project(WUXI))
    with pytest.raises(SimulationError, match=message):
        sandbox.set(path, value)
    assert not sandbox.dirty and sandbox.result.total == D("99.60")


def test_every_listed_path_resolves():
    wuxi = load_project(WUXI)
    for path in [*name_paths(wuxi, WUXI_RULES), *pointer_paths(wuxi, WUXI_RULES)]:
        assert resolve(wuxi, WUXI_RULES, path).label


def test_fmt_delta():
    assert [fmt_delta(D(x)) for x in ("-0.51", "0.5", "0")] == ["−0.51", "+0.50", "±0.00"]


# ----------------------------------------------------------------------------- the command


def test_simulate_command_text_and_file_untouched(capsys, tmp_path):
    path = tmp_path / "wuxi.json"
    shutil.copy(WUXI, path)
    before = path.read_bytes()
    code, out, _ = run(capsys, "simulate", str(path), "--set", "监控建成数量.完成值=1600")
    assert code == 0
    assert "「监控建成数量」完成值  1338 → 1600" in out
    assert "△  监控建成数量  15.00 → 14.49 (−0.51)" in out
    assert "   预算执行率（%）  4.00 → 4.00" in out
    assert "总分 99.60（优） → 99.09（优） (−0.51)" in out
    assert "得分 = 15.00 × (2 − 1.2270) / (2 − 1.2) = 14.49" in out
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wuxi.json"]


def test_simulate_command_json(capsys):
    code, out, _ = run(
        capsys,
        "simulate",
        str(WUXI),
        "--set",
        "/funds/0/actual_spend=400",
        "--reading",
        "budget_execution_rate=floor",
        "--json",
    )
    data = json.loads(out)
    assert code == 0
    assert data["total"] == {"before": "99.60", "after": "96.60", "delta": "-3.00"}
    assert (data["baseline"]["grade"], data["simulated"]["grade"]) == ("优", "优")
    execution = next(i for i in data["indicators"] if i["id"] == "budget_execution_rate")
    assert (execution["before"], execution["after"], execution["delta"], execution["changed"]) == (
        "4.00",
        "1.00",
        "-3.00",
        True,
    )
    assert {
        "path": ["共性指标"],
        "weight": "40.00",
        "before": "40.00",
        "after": "37.00",
        "delta": "-3.00",
    } in data["subtotals"]
    assert {
        "path": "/funds/0/actual_spend",
        "label": "附表1 第 1 行「实际支出数」",
        "old": "450",
        "new": "400",
    } in data["changes"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--set", "监控建成数.完成值=1600"], "最接近的有效写法：监控建成数量.完成值"),
        (["--set", "监控建成数量.完成值=很多"], "不是有效数字"),
        (["--set", "监控建成数量.完成值"], "请写成 路径=数值"),
        (["--reading", "budget_execution_rate=flor"], "最接近的有效写法：floor"),
        (["--reading", "nope"], "请写成 规则=口径"),
    ],
)
def test_simulate_command_bad_input_exits_2(capsys, tmp_path, args, message):
    path = tmp_path / "wuxi.json"
    shutil.copy(WUXI, path)
    before = path.read_bytes()
    code, out, err = run(capsys, "simulate", str(path), *args)
    assert code == 2 and out == ""
    assert err.startswith("错误：") and message in err and "Traceback" not in err
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "module",
    [
        "perfeval_tui.analysis.paths",
        "perfeval_tui.analysis.whatif",
        "perfeval_tui.analysis.seek",
        "perfeval_tui.analysis.seek_total",
        "perfeval_tui.analysis.quiz",
        "perfeval_tui.analysis.curve",
    ],
)
def test_simulation_modules_import_no_ui_library(module):
    code = (
        f"import sys, {module}\n"
        "print(','.join(m for m in ('textual', 'questionary', 'openpyxl', 'prompt_toolkit') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == ""
