"""Data checks: warnings that name the row, the field, both numbers and what was expected.

Warnings never block saving; they are shown beside their rows and listed in the report.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .model import Indicator, Project, StatedGoal
from .numbers import fmt_plain
from .ruleset import RuleSet, load_ruleset
from .sections import declared_total_problem, declared_weights, satisfaction_weight

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class DataWarning:
    table: str  # 附表1 / 区县资金分配表 / 附表2 / 绩效目标
    row: str  # the row's name, e.g. 梁溪区, or 合计
    field: str  # the field's Chinese name, e.g. 实际支出数
    message: str
    row_id: str | None = None  # the model id of the row, for surfaces that mark it

    @property
    def where(self) -> str:
        return f"{self.table}「{self.row}」{self.field}"


def _m(value: Decimal) -> str:
    return f"{fmt_plain(value)} 万元"


def check_project(project: Project, ruleset: RuleSet | None = None) -> list[DataWarning]:
    """Every data warning, in one pass over the indicators (per-group sums are built once)."""
    ruleset = ruleset or load_ruleset(project.ruleset)
    sums = WeightSums.of(project, ruleset)
    by_id = first_by_id(project.indicators)
    found = [
        *money_warnings(project),
        *weight_warnings(project, ruleset, sums),
        *(
            warning
            for parent_id, parts in parts_by_parent(project.indicators).items()
            for warning in linked_goal_warnings(parent_id, parts, by_id)
        ),
        *(w for goal in project.goals if (w := stated_goal_warning(goal, by_id)) is not None),
        *form_warnings(project, ruleset),
    ]
    # The same goal may be stated twice (总目标 and 明细目标); say each problem once.
    return list(dict.fromkeys(found))


def money_warnings(project: Project) -> list[DataWarning]:
    """附表1 and 区县资金分配表: small tables, checked whole."""
    return [*_check_funds(project), *_check_districts(project)]


def _check_funds(project: Project) -> list[DataWarning]:
    out: list[DataWarning] = []
    for row in project.funds:
        adjusted = row.budget + row.increase - row.decrease
        if row.stated_adjusted_budget is not None and row.stated_adjusted_budget != adjusted:
            out.append(
                DataWarning(
                    "附表1",
                    row.name,
                    "调整后预算数",
                    (
                        f"填写 {_m(row.stated_adjusted_budget)}，应为 预算安排数 {fmt_plain(row.budget)} + 调增 "
                        f"{fmt_plain(row.increase)} − 调减 {fmt_plain(row.decrease)} = {_m(adjusted)}"
                    ),
                    row.id,
                )
            )
        if row.actual_spend > adjusted:
            out.append(
                DataWarning(
                    "附表1",
                    row.name,
                    "实际支出数",
                    (
                        f"实际支出数 {_m(row.actual_spend)} 大于调整后预算数 {_m(adjusted)}，"
                        "实际支出一般不应超过调整后预算"
                    ),
                    row.id,
                )
            )
        if row.funds_arrived > adjusted:
            out.append(
                DataWarning(
                    "附表1",
                    row.name,
                    "实际到位资金",
                    (f"实际到位资金 {_m(row.funds_arrived)} 大于调整后预算数 {_m(adjusted)}"),
                    row.id,
                )
            )
    return out


def _check_districts(project: Project) -> list[DataWarning]:
    out: list[DataWarning] = []
    for row in project.districts:
        if row.actual_spend > row.allocated:
            out.append(
                DataWarning(
                    "区县资金分配表",
                    row.name,
                    "实际支出数",
                    (
                        f"实际支出数 {_m(row.actual_spend)} 大于资金下达数 {_m(row.allocated)}，"
                        "实际支出应不超过下达数"
                    ),
                    row.id,
                )
            )
        expected = row.allocated - row.actual_spend
        if row.carryover != expected:
            out.append(
                DataWarning(
                    "区县资金分配表",
                    row.name,
                    "结余结转数",
                    (
                        f"结余结转数 {_m(row.carryover)}，应为 资金下达数 {fmt_plain(row.allocated)} − 实际支出数 "
                        f"{fmt_plain(row.actual_spend)} = {_m(expected)}"
                    ),
                    row.id,
                )
            )
        if row.funds_arrived > row.allocated:
            out.append(
                DataWarning(
                    "区县资金分配表",
                    row.name,
                    "项目资金到位数",
                    (f"项目资金到位数 {_m(row.funds_arrived)} 大于资金下达数 {_m(row.allocated)}"),
                    row.id,
                )
            )
    if project.districts and project.funds:
        district_spend = sum((d.actual_spend for d in project.districts), ZERO)
        fund_spend = sum((f.actual_spend for f in project.funds), ZERO)
        if district_spend != fund_spend:
            out.append(
                DataWarning(
                    "区县资金分配表",
                    "合计",
                    "实际支出数",
                    (
                        f"各区县实际支出数合计 {_m(district_spend)}，与附表1 实际支出数合计 {_m(fund_spend)} 不一致，"
                        "两者应相等"
                    ),
                )
            )
        allocated = sum((d.allocated for d in project.districts), ZERO)
        adjusted = sum((f.budget + f.increase - f.decrease for f in project.funds), ZERO)
        if allocated > adjusted:
            out.append(
                DataWarning(
                    "区县资金分配表",
                    "合计",
                    "资金下达数",
                    (
                        f"各区县资金下达数合计 {_m(allocated)} 大于附表1 调整后预算数合计 {_m(adjusted)}，"
                        "下达数不应超过预算"
                    ),
                )
            )
    return out


@dataclass(slots=True)
class WeightSums:
    """The weight sums the weight checks read: all indicators, each level prefix, satisfaction."""

    total: Decimal
    prefixes: dict[tuple[str, ...], Decimal]
    satisfaction: Decimal

    @classmethod
    def of(cls, project: Project, ruleset: RuleSet) -> WeightSums:
        sums = cls(ZERO, {}, ZERO)
        for item in project.indicators:
            sums.add(item, item.weight, ruleset)
        return sums

    def add(self, indicator: Indicator, weight: Decimal, ruleset: RuleSet) -> None:
        """Count ``weight`` (negative to take it away) for ``indicator`` as it is now."""
        self.total += weight
        levels = indicator.levels
        for depth in range(1, len(levels)):
            prefix = tuple(levels[:depth])
            self.prefixes[prefix] = self.prefixes.get(prefix, ZERO) + weight
        if ruleset.satisfaction_rule and indicator.rule == ruleset.satisfaction_rule:
            self.satisfaction += weight


def weight_warnings(project: Project, ruleset: RuleSet, sums: WeightSums) -> list[DataWarning]:
    out: list[DataWarning] = []
    if not project.indicators:
        return out
    # Section weights in force that cannot add up to the form's 100: said of them, where they are
    # corrected, rather than of the indicators that follow them.
    sections = [prefix[0] for prefix in sums.prefixes if len(prefix) == 1]
    problem = declared_total_problem(project, ruleset, sections, sums.total)
    if problem is not None:
        out.append(DataWarning("附表2", "分项权重", "权重", problem.message))
    # A filled form with its 总分 row says this itself, in the form's words (form_checks); and
    # indicators that add up to the section weights are not the ones to correct.
    follows = problem is not None and problem.indicators_follow
    if sums.total != ruleset.total_weight and project.stated_weight_total is None and not follows:
        out.append(
            DataWarning(
                "附表2",
                "总分",
                "权重",
                (
                    f"全部指标权重合计 {fmt_plain(sums.total)} 分，应为 {fmt_plain(ruleset.total_weight)} 分"
                ),
            )
        )
    # The weights written on the project's own form hold for it; the rule set's are the default.
    for path, weight in declared_weights(project, ruleset):
        got = sums.prefixes.get(tuple(path), ZERO)
        if got != weight:
            name = "/".join(path)
            out.append(
                DataWarning(
                    "附表2",
                    name,
                    "权重",
                    (
                        f"「{name}」下各指标权重合计 {fmt_plain(got)} 分，应为 {fmt_plain(weight)} 分"
                    ),
                )
            )
    expected = satisfaction_weight(project, ruleset)
    if ruleset.satisfaction_rule and expected is not None:
        got = sums.satisfaction
        if got != expected:
            out.append(
                DataWarning(
                    "附表2",
                    "社会满意度",
                    "权重",
                    (
                        f"满意度指标权重合计 {fmt_plain(got)} 分，应为 {fmt_plain(expected)} 分"
                        f"（多个满意度目标合并填列，权重总和为 {fmt_plain(expected)} 分）"
                    ),
                )
            )
    return out


def form_warnings(project: Project, ruleset: RuleSet) -> list[DataWarning]:
    """Disagreements of a filled form and rows still to fill (see :mod:`.form_checks`)."""
    from .form_checks import completeness

    return [*form_disagreements(project, ruleset), *completeness(project, ruleset)]


def form_disagreements(project: Project, ruleset: RuleSet) -> list[DataWarning]:
    """A filled form's stated figures that the rules do not give; none without form data."""
    from .engine import score_project
    from .form_checks import disagreements, has_form_data

    if not has_form_data(project):
        return []  # nothing stated to disagree with: no second scoring per keystroke
    return disagreements(project, score_project(project, ruleset))


def first_by_id(indicators: list[Indicator]) -> dict[str, Indicator]:
    """Indicators by id; where an id repeats, the last one (as a dict built in order keeps it)."""
    return {i.id: i for i in indicators}


def parts_by_parent(indicators: list[Indicator]) -> dict[str, list[Indicator]]:
    """The detail goals of each total goal they are ``part_of``, parents in first-appearance order."""
    parts: dict[str, list[Indicator]] = {}
    for item in indicators:
        if item.part_of:
            parts.setdefault(item.part_of, []).append(item)
    return parts


def linked_goal_warnings(
    parent_id: str, parts: list[Indicator], by_id: dict[str, Indicator]
) -> list[DataWarning]:
    parent = by_id.get(parent_id)
    if parent is None:
        names = "、".join(p.name for p in parts)
        return [
            DataWarning(
                "附表2", names, "所属总目标", f"关联的总目标「{parent_id}」不存在", parts[0].id
            )
        ]
    out: list[DataWarning] = []
    for field, label in (("target", "目标值"), ("actual", "完成值")):
        values = [getattr(p, field) for p in parts]
        whole = getattr(parent, field)
        if whole is None or any(v is None for v in values):
            continue
        got = sum(values, ZERO)
        if got != whole:
            sums = " + ".join(fmt_plain(v) for v in values)
            out.append(
                DataWarning(
                    "附表2",
                    parent.name,
                    label,
                    (
                        f"明细目标{label} {sums} = {fmt_plain(got)}，与总目标{label} {fmt_plain(whole)} 不一致"
                    ),
                    parent.id,
                )
            )
    return out


def stated_goal_warning(goal: StatedGoal, by_id: dict[str, Indicator]) -> DataWarning | None:
    indicator = by_id.get(goal.indicator_id or "")
    if indicator is None or indicator.target is None or indicator.target == goal.target:
        return None
    return DataWarning(
        "绩效目标",
        goal.name,
        "目标值",
        (
            f"报告正文的绩效目标「{goal.name}」为 {fmt_plain(goal.target)}{goal.unit}，"
            f"附表2「{indicator.name}」目标值为 {fmt_plain(indicator.target)}{indicator.unit}，两者应一致"
        ),
        indicator.id,
    )
