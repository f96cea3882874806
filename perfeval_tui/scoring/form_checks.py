"""Where a filled form disagrees with itself or with the rules, with both numbers.

The kinds: 自评得分 ≠ the rule score; 分值 not adding to 100; 年度资金总额 ≠ the sum of its 其中
rows; 执行率 written ≠ 执行率 computed; the stated 总分 ≠ the sum of 得分; a percent target with a
fraction actual (or the reverse). Completeness warnings name rows still to fill: blank 完成值, an
unrated 定性 indicator, a unit that differs between target and actual.
"""

from __future__ import annotations

from decimal import Decimal

from .budget_block import block_table, part_lines, parts_sum, total_line, uses_parts
from .checks import DataWarning
from .engine import IndicatorScore, ProjectScore
from .model import Indicator, Project
from .numbers import fmt2, fmt_plain
from .ruleset import RuleSet
from .sections import declared_total_problem, top_sections
from .targets import parse_target

ZERO = Decimal(0)
STATED_ONLY = "按自评得分（无法复算）"
FORM = "自评表"
TOLERANCE = Decimal("0.005")
BLOCK_FIELDS = (("initial", "年初预算数"), ("budget", "全年预算数"), ("spend", "全年执行数"))


def disagreements(project: Project, result: ProjectScore) -> list[DataWarning]:
    out: list[DataWarning] = []
    out += _budget_block(project)
    for item in result.indicators:
        ind = item.indicator
        if ind.stated_score is not None and ind.stated_score != item.score:
            out.append(
                DataWarning(
                    FORM,
                    ind.name,
                    "自评得分",
                    f"自评得分 {fmt2(ind.stated_score)}，按规则计算为 {fmt2(item.score)}",
                    ind.id,
                )
            )
        mix = _percent_mix(ind)
        if mix:
            out.append(DataWarning(FORM, ind.name, "完成值", mix, ind.id))
    weights = sum((i.weight for i in project.indicators), ZERO)
    if project.stated_weight_total is not None and weights != result.ruleset.total_weight:
        message = (
            f"各行分值合计 {fmt_plain(weights)}，应为 {fmt_plain(result.ruleset.total_weight)}"
        )
        problem = declared_total_problem(project, result.ruleset, top_sections(result), weights)
        if problem is not None and problem.indicators_follow:
            message += "（各行分值与表上分项权重一致，应改正的是分项权重，见「分项权重」）"
        out.append(DataWarning(FORM, "总分", "分值", message))
    if project.stated_total is not None:
        stated = sum((i.stated_score or ZERO for i in project.indicators), ZERO)
        if stated != project.stated_total:
            out.append(
                DataWarning(
                    FORM,
                    "总分",
                    "得分",
                    f"表上总分 {fmt_plain(project.stated_total)}，各行得分合计 {fmt_plain(stated)}",
                )
            )
    return out


def _budget_block(project: Project) -> list[DataWarning]:
    lines = project.budget_block
    total = total_line(lines)
    if total is None:
        return []
    out: list[DataWarning] = []
    if part_lines(lines):
        diffs = []
        for key, label in BLOCK_FIELDS:
            parts = parts_sum(lines, key)
            whole = getattr(total, key)
            if parts is None and whole is None:
                continue
            if (whole or ZERO) != (parts or ZERO):
                diffs.append(f"{label} {fmt_plain(whole or ZERO)} ≠ {fmt_plain(parts or ZERO)}")
        if diffs:
            out.append(
                DataWarning(
                    FORM,
                    total.name,
                    "其中",
                    f"年度资金总额与其中各行之和不一致：{'；'.join(diffs)}",
                )
            )
    rate = block_table(lines).total.execution_rate
    stated_rate = total.stated_rate
    if stated_rate is not None and rate is not None and abs(stated_rate - rate) > TOLERANCE:
        source = "其中各行" if uses_parts(lines) else "年度资金总额"
        out.append(
            DataWarning(
                FORM,
                total.name,
                "执行率",
                f"表上执行率 {fmt_plain(stated_rate)}%，按{source}计算为 {fmt2(rate)}%",
            )
        )
    return out


def _percent_mix(ind: Indicator) -> str | None:
    """A percent target with a fraction actual, or the reverse: never scored silently."""
    if ind.unit.strip() not in ("%", "％") or ind.target is None or ind.actual is None:
        return None
    target_pct = parse_target(ind.target_label).percent if ind.target_label else ind.target > 1
    actual_pct = parse_target(ind.actual_label).percent if ind.actual_label else ind.actual > 1
    small_t, small_a = ind.target <= 1, ind.actual <= 1
    if ind.target and ind.actual and small_t != small_a and target_pct != actual_pct:
        return (
            f"年度指标值 {ind.target_label or fmt_plain(ind.target)} 与实际完成值 "
            f"{ind.actual_label or fmt_plain(ind.actual)} 一个是百分数、一个是小数，请统一写法"
        )
    return None


def completeness(project: Project, ruleset: RuleSet) -> list[DataWarning]:
    """Rows still to fill (blank 完成值, 定性 not rated …) and a unit that differs in target and
    actual. Reads the inputs only, so it costs no scoring."""
    return [w for ind in project.indicators for w in indicator_completeness(ind, ruleset)]


def indicator_completeness(ind: Indicator, ruleset: RuleSet) -> list[DataWarning]:
    """:func:`completeness` of one indicator."""
    from .families import registry

    rule = ruleset.rules.get(ind.rule)
    if ind.override is not None or rule is None:
        return []
    out: list[DataWarning] = []
    for missing in registry.get(rule.family).missing(rule, ind):
        field = missing.split("未", 1)[0] or "输入"
        out.append(DataWarning("附表2", ind.name, field, f"{missing}，按 0 分计", ind.id))
    if ind.target_label and ind.actual_label:
        t, a = parse_target(ind.target_label), parse_target(ind.actual_label)
        if t.value is not None and a.value is not None and t.unit and a.unit and t.unit != a.unit:
            out.append(
                DataWarning(
                    "附表2",
                    ind.name,
                    "单位",
                    f"年度指标值单位「{t.unit}」与实际完成值单位「{a.unit}」不一致",
                    ind.id,
                )
            )
    return out


def has_form_data(project: Project) -> bool:
    """The project holds what a filled form states (自评得分, a budget block, a 总分 row)."""
    return bool(
        project.budget_block
        or project.stated_total is not None
        or project.stated_weight_total is not None
        or any(i.stated_score is not None for i in project.indicators)
    )


def unfilled_count(result: ProjectScore) -> int:
    """How many indicators still lack an input their rule reads (blank 完成值, no level …).

    Counted once per result; a one-indicator re-score carries the positions over, updating
    the one it scored (the edited indicator is changed in place: its old state is gone).
    """
    if result.cached_unfilled is None:
        found = frozenset(n for n, item in enumerate(result.indicators) if is_unfilled(item))
        object.__setattr__(result, "cached_unfilled", found)
    assert result.cached_unfilled is not None
    return len(result.cached_unfilled)


def is_unfilled(item: IndicatorScore) -> bool:
    """Whether this scored indicator lacks an input its rule reads (a manual score fills all)."""
    from .families import registry

    if item.indicator.override is not None:
        return False
    rule = item.explanation.rule
    return bool(registry.get(rule.family).missing(rule, item.indicator))


def stated_only(indicator: Indicator) -> bool:
    """The row keeps its 自评得分 because the form holds nothing the rules can recompute."""
    return indicator.override is not None and indicator.override.reason.startswith(STATED_ONLY)
