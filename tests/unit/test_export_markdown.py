"""The report draft in Markdown: the seed case word for word, drafted sentences, placeholders, goals."""

from __future__ import annotations

from decimal import Decimal

from builders import COUNTY, ROOT, WUXI

from perfeval_tui.exports import export_project
from perfeval_tui.exports.report import markdown_report
from perfeval_tui.project.factory import new_project
from perfeval_tui.project.storage import load_project
from perfeval_tui.scoring.checks import check_project
from perfeval_tui.scoring.engine import score_project
from perfeval_tui.scoring.goals import goal_summary
from perfeval_tui.scoring.model import StatedGoal

GOLDEN = ROOT / "tests" / "golden" / "wuxi-2020-report.md"
SECTIONS = (
    "## 一、专项（项目）基本情况",
    "### （一）专项（项目）背景",
    "### （二）专项（项目）依据",
    "### （三）专项（项目）组织管理",
    "### （四）专项（项目）实施内容",
    "### （五）专项（项目）资金预算安排及执行情况",
    "### （六）专项（项目）绩效目标",
    "## 二、评价组织与实施过程",
    "## 三、评价结果及主要绩效指标状况",
    "## 四、主要成效",
    "## 五、主要问题",
    "## 六、相关建议",
    "### 附件2附表1　",
    "### 附件2附表2　",
    "## 审核提示",
)


def report(path=WUXI, change=None) -> str:
    project = load_project(path)
    if change:
        change(project)
    return markdown_report(project, score_project(project), check_project(project))


def test_seed_report_matches_the_golden_file(tmp_path):
    (path,) = export_project(load_project(WUXI), tmp_path, xlsx=False)
    assert path.read_text(encoding="utf-8") == GOLDEN.read_text(encoding="utf-8")


def test_sections_follow_the_seed_report_order():
    text = report()
    positions = [text.index(heading) for heading in SECTIONS]
    assert positions == sorted(positions)


def test_seed_numeric_sentences():
    text = report()
    assert (
        "年初预算 450 万元，年度执行中调减预算 0 万元，调整后预算数为 450 万元，预算调整率为 0%；"
        "全年实际支出 450 万元，预算执行率为 100%" in text
    )
    # The districts' spending as the district table states it, beside 附表1's total.
    assert (
        "下达梁溪区、滨湖区的资金 450 万元，据区县资金分配表，梁溪区、滨湖区的实际支出合计 500 万元"
        "（附表1 实际支出数合计 450 万元），其中项目资金实际到位 450 万元" in text
    )
    assert "（附件2附表1）" in text and "（附件2附表2）" in text and "（附表1）" not in text
    assert "绩效目标共 7 个，完成绩效目标 7 个，绩效目标完成率 100%" in text
    assert "评分为 99.60 分，评价等级为“优”" in text
    assert "| 1 | 其他绩效评价指标／效果／社会满意度（％） | 10.00 | 9.60 | 0.40 |" in text


def test_county_sentences_deductions_and_warnings():
    project = load_project(COUNTY)
    result = score_project(project)
    warnings = check_project(project)
    text = markdown_report(project, result, warnings)
    assert (
        "年初预算 450 万元，年度执行中调增预算 30 万元、调减预算 60 万元，调整后预算数为 420 万元，"
        "预算调整率为 13.33%；全年实际支出 390 万元，预算执行率为 92.86%；实际到位资金 370 万元，"
        "资金到位率为 88.10%" in text
    )
    assert "绩效目标共 3 个，完成绩效目标 1 个，绩效目标完成率 33.33%" in text
    assert "评分为 69.51 分，评价等级为“中”" in text
    deductions = result.deductions_by_size()
    assert len(deductions) == 16
    table = text[text.index("扣分情况") : text.index("## 四、")]
    for n, (item, deduction) in enumerate(deductions, start=1):
        assert f"| {n} | " in table and deduction.reason in table, item.name
    body, review = text.split("## 审核提示")
    assert len(warnings) == 3
    for n, warning in enumerate(warnings, start=1):
        assert f"{n}. 【数据核对】{warning.where}：{warning.message}" in review
        assert warning.message not in body  # never inside parts 一 to 六


def test_missing_free_text_is_listed_for_review_not_left_in_the_body():
    text = report(COUNTY)
    body, review = text.split("## 审核提示")
    assert "待填写" not in body
    for where in (
        "一（二）专项（项目）依据",
        "一（三）专项（项目）组织管理",
        "二（一）绩效评价思路",
        "四、主要成效",
        "五、主要问题",
        "六、相关建议",
    ):
        assert f"【待填写】{where}：尚未填写" in review
    assert "为改善农村人居环境" in body  # the text that was given is used
    seed = report()
    assert "主要成效" not in seed.split("## 审核提示")[1] and "（一）经济效益。" in seed


def test_readings_are_named_once_in_chinese():
    text = report()
    assert text.count("“连续计算”") == 1 and text.count("“分档”") == 1
    assert "预算调整率、预算执行率、资金到位率按“连续计算”口径" in text
    for code in ("continuous", "capped", "floor", "ceil", "＝"):
        assert code not in text


def test_missed_goals_are_named_with_direction_respected():
    text = report(COUNTY)
    assert (
        "- 道路硬化里程：目标值 12公里，完成值 10.5公里（正向指标，完成值应不低于目标值）" in text
    )
    assert "农户改厕数量：" not in text.split("未完成的绩效目标：")[1].split("经自我评价")[0]


def test_goal_count_respects_reverse_direction():
    project = load_project(COUNTY)
    goal = StatedGoal(
        name="清运耗时", target=Decimal(48), unit="小时", indicator_id="garbage-hours"
    )
    project.goals.append(goal)
    hours = project.indicator("garbage-hours")
    assert hours.direction == "反向"
    hours.actual = Decimal(60)
    assert not goal_summary(project).items[-1].done
    hours.actual = Decimal(48)
    assert goal_summary(project).items[-1].done
    hours.actual = Decimal(40)
    summary = goal_summary(project)
    assert summary.items[-1].done
    assert (summary.overall.total, summary.overall.done) == (4, 2)
    assert summary.overall.rate == Decimal(50)


def test_goals_use_their_own_target_not_the_indicator_target():
    # The seed states 居民满意率 96% while 附表2 says 100%; 96 reached counts as met.
    summary = goal_summary(load_project(WUXI))
    satisfaction = [s for s in summary.items if s.goal.name == "居民满意率"]
    assert [s.done for s in satisfaction] == [True, True]
    assert [(k, c.total, c.done) for k, c in summary.by_kind] == [
        ("总目标", 3, 3),
        ("明细目标", 4, 4),
    ]


def test_an_unlinked_goal_is_counted_as_not_met():
    def unlink(project):
        project.goals[0].indicator_id = None

    text = report(change=unlink)
    assert "绩效目标共 7 个，完成绩效目标 6 个，绩效目标完成率 85.71%" in text
    assert "居民满意率：目标值 96%，未关联附表2 指标，无法判断是否完成" in text


def test_a_new_empty_project_still_drafts_a_complete_report():
    project = new_project("测试专项", 2024, "测试单位")
    text = markdown_report(project, score_project(project), check_project(project))
    positions = [text.index(h) for h in SECTIONS]
    assert positions == sorted(positions)
    review = text.split("## 审核提示")[1]
    assert "【待填写】一（五）专项（项目）资金预算安排及执行情况：附表1 尚无资金行" in review
    assert "尚未填写绩效目标" in review
    assert "对测试专项资金使用管理及取得的绩效情况进行全面综合评价" in text


def test_increase_only_and_zero_budget_wording():
    def increase(project):
        project.funds[0].increase = Decimal(20)

    assert "年度执行中调增预算 20 万元，调整后预算数为 470 万元，预算调整率为 4.44%" in report(
        change=increase
    )

    def zero(project):
        fund = project.funds[0]
        fund.budget = fund.actual_spend = fund.funds_arrived = Decimal(0)
        fund.stated_adjusted_budget = None

    assert "预算调整率无法计算（预算安排数为 0）；" in report(change=zero)


def test_table_cells_cannot_break_the_markdown_table():
    def piped(project):
        project.funds[0].name = "甲|乙\n丙"

    text = report(change=piped)
    assert "| 1 | 甲\\|乙 丙 | 450.00 |" in text  # a name is one line: the break became a space
