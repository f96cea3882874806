"""Drafting goal-seek answers: which change of an indicator's own inputs gives a score.

A draft is what to set (as ``perfeval simulate --set`` takes it), a Chinese summary and the
relative size of the change. Drafts are not shown until :func:`perfeval_tui.analysis.seek.verify` has
applied them in a sandbox and the engine has scored them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..scoring.engine import ProjectScore, reading_for, rule_for, score_project
from ..scoring.families import RuleBase as AnyRule
from ..scoring.families import ScoringContext, SeekQuery, SeekResult, family_of, score_indicator
from ..scoring.families.completion_ratio import CompletionRatioRule
from ..scoring.families.rates import (
    MEASURE_LABELS,
    CeilingRateRule,
    FloorRateRule,
    ReferenceRateRule,
)
from ..scoring.model import FundRow, Indicator, Project
from ..scoring.numbers import CENT, fmt2, fmt_percent, fmt_plain
from ..scoring.ruleset import RuleSet
from .paths import name_path
from .seek_solve import (
    Interval,
    MoneyBound,
    completion_exact,
    completion_interval,
    inward,
    nice_exact,
    rate_bound,
)

ZERO, ONE = Decimal(0), Decimal(1)


@dataclass(frozen=True, slots=True)
class Setting:
    """One value to set, spelled as ``perfeval simulate --set`` takes it."""

    path: str
    value: str
    label: str
    old: str

    @property
    def assignment(self) -> str:
        return f"{self.path}={self.value}"


@dataclass(frozen=True, slots=True)
class Draft:
    """An answer before the engine has re-scored it."""

    summary: str
    settings: tuple[Setting, ...]
    size: Decimal
    note: str = ""


@dataclass(frozen=True, slots=True)
class SeekContext:
    """One indicator of a project, with its rule, the reading in force and the 附表1 figures."""

    project: Project
    ruleset: RuleSet
    indicator: Indicator
    rule: AnyRule
    reading: str
    scoring: ScoringContext
    baseline: ProjectScore

    @classmethod
    def of(
        cls,
        project: Project,
        ruleset: RuleSet,
        indicator: Indicator,
        baseline: ProjectScore | None = None,
    ) -> SeekContext:
        baseline = baseline or score_project(project, ruleset)
        rule = rule_for(ruleset, indicator)
        reading = reading_for(project, rule, indicator)
        scoring = ScoringContext(budget=baseline.budget)
        return cls(project, ruleset, indicator, rule, reading, scoring, baseline)


def draft_changes(
    ctx: SeekContext, score: Decimal, *, at_least: bool
) -> tuple[list[Draft], list[str], str | None]:
    """Changes to this indicator's inputs that give ``score`` (or at least it, fewest first)."""
    rule = ctx.rule
    family = family_of(rule)
    if family.seek is not None:
        query = SeekQuery(ctx.indicator, ctx.reading, ctx.scoring, score, at_least)
        return _from_family(ctx, family.seek(rule, query))
    if isinstance(rule, CompletionRatioRule):
        return _completion(ctx, rule, score, at_least)
    return _rates(ctx, rule, score)


# -- a family's own inverse -------------------------------------------------------------------

_NAMED = {"target": "目标值", "actual": "完成值", "direction": "指标方向", "level": "评价等级"}


def _from_family(ctx: SeekContext, answer: SeekResult) -> tuple[list[Draft], list[str], str | None]:
    drafts = []
    for option in answer.options:
        settings: list[Setting] = []
        for change in option.changes:
            spec = change.field
            if spec.kind == "amount":
                settings += _money_settings(ctx.project, spec.key, change.value)
                continue
            name = _NAMED.get(spec.key, spec.key)
            settings.append(_setting(ctx, name, _text(change.value), _text(change.old)))
        drafts.append(Draft(option.summary, tuple(settings), option.size))
    return drafts, list(answer.notes), answer.full_range


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return fmt_plain(value)
    return "" if value is None else str(value)


def _setting(ctx: SeekContext, field_name: str, value: str, old: str) -> Setting:
    path = name_path(ctx.project, ctx.indicator, field_name)
    return Setting(path, value, path, old)


def _size(old: Decimal | None, new: Decimal) -> Decimal:
    if old is None or old == 0:
        return ONE if new != (old or ZERO) else ZERO
    return abs(new - old) / abs(old)


# -- completion ratio ---------------------------------------------------------------------------


def _completion(
    ctx: SeekContext, rule: CompletionRatioRule, score: Decimal, at_least: bool
) -> tuple[list[Draft], list[str], str | None]:
    ind = ctx.indicator
    unit = ind.unit
    if ind.target is None:
        return [], ["目标值未填写，无法反求完成值"], None
    full = completion_interval(rule, ind, ctx.reading, ind.weight)
    full_range = None if full is None else "完成值 " + _interval_text(full, unit)
    old = "（空）" if ind.actual is None else fmt_plain(ind.actual)

    def draft(value: Decimal, summary: str, note: str = "") -> Draft:
        setting = _setting(ctx, "完成值", fmt_plain(value), old)
        return Draft(summary, (setting,), _size(ind.actual, value), note)

    if ind.target == 0:
        if score == ind.weight:
            return [draft(ZERO, "完成值 0（目标值为 0）")], [], full_range
        if score == 0 and not at_least:
            return [draft(ONE, f"完成值大于 0 即不得分，例如 1{unit}")], [], full_range
        return [], ["目标值为 0 时只有满分（完成值为 0）和 0 分两种结果"], full_range
    if at_least or score == ind.weight:
        interval = completion_interval(rule, ind, ctx.reading, score)
        if interval is None:
            return [], [f"无法达到 {fmt2(score)} 分"], full_range
        if at_least:
            start = ind.actual if ind.actual is not None else ind.target
            value = inward(interval, interval.nearest(start), loose=True)
            return [draft(value, f"完成值 {fmt_plain(value)}{unit}")], [], full_range
        ends = [(interval.low, "满分区间下限"), (interval.high, "满分区间上限")]
        drafts = [
            draft(inward(interval, v), f"完成值 {fmt_plain(inward(interval, v))}{unit}（{label}）")
            for v, label in ends
            if v is not None and not (label == "满分区间下限" and interval.low_open)
        ]
        return drafts, [], full_range
    solutions = completion_exact(rule, ind, ctx.reading, score)

    def scores(value: Decimal) -> Decimal:
        probe = ind.model_copy(update={"actual": value, "override": None})
        return score_indicator(rule, probe, ctx.scoring, ctx.reading).result

    target = ind.target
    solutions.sort(key=lambda pair: abs(pair[0] - target))
    drafts = [
        draft(
            nice_exact(v, scores, score),
            f"完成值 {fmt_plain(nice_exact(v, scores, score))}{unit}（{side}）",
        )
        for v, side in solutions
    ]
    notes = []
    if len(drafts) == 2:
        notes.append(
            f"低于目标和超出目标两侧各有一个完成值得 {fmt2(score)} 分；第一个更接近目标值 {fmt_plain(target)}{unit}"
        )
    if score == 0:
        notes.append("得分为 0 时，超出目标一侧更大（反向指标：更小）的完成值同样得 0 分")
    if not drafts:
        notes.append(f"无法恰好得到 {fmt2(score)} 分")
    return drafts, notes, full_range


def _interval_text(interval: Interval, unit: str) -> str:
    low = fmt_plain(inward(interval, interval.low))
    if interval.high is None:
        text = f"＞ {low}{unit}" if interval.low_open else f"≥ {low}{unit}"
    elif interval.high == interval.low:
        text = f"= {low}{unit}"
    else:
        text = f"[{low}, {fmt_plain(inward(interval, interval.high))}]{unit and ' ' + unit}"
        if interval.low_open:
            text = "(" + text[1:]
    if interval.points:
        text += "，或完成值为 " + "、".join(fmt_plain(p) for p in interval.points)
    return text


# -- the rate rules -----------------------------------------------------------------------------


def _rates(
    ctx: SeekContext, rule: AnyRule, score: Decimal
) -> tuple[list[Draft], list[str], str | None]:
    if not isinstance(rule, (CeilingRateRule, FloorRateRule, ReferenceRateRule)):
        return [], [f"「{rule.name}」的评分规则没有反求：请直接试填输入项"], None
    figures = ctx.scoring.budget.total
    weight = ctx.indicator.weight
    full = rate_bound(rule, weight, weight, ctx.reading, figures)
    bounds = rate_bound(rule, weight, score, ctx.reading, figures)
    if not bounds:
        which = "预算安排数" if isinstance(rule, CeilingRateRule) else "调整后预算数"
        return [], [f"{which}为 0，无法计算{MEASURE_LABELS[rule.measure]}"], None
    full_range = "；".join(_bound_text(rule, b) for b in full) if full else None
    notes = []
    if ctx.reading != "continuous":
        notes.append(
            f"口径「{ctx.reading}」按整百分点计扣分，得分按 {fmt_plain(rule.points_per_percent)} 分一档变化"
        )
    if isinstance(rule, CeilingRateRule):
        # Set the side that drives 预算调整数 (the larger of 调增/调减) to the bound; cut the other if over.
        driving = "increase" if figures.increase >= figures.decrease else "decrease"
        settings: list[Setting] = []
        for bound in bounds:
            now = getattr(figures, bound.field)
            if bound.field == driving or now > bound.amount:
                settings += _money_settings(ctx.project, bound.field, bound.amount)
        old = max(figures.increase, figures.decrease)
        summary = "；".join(_bound_text(rule, b) for b in bounds)
        return [Draft(summary, tuple(settings), _size(old, bounds[0].amount))], notes, full_range
    bound = bounds[0]
    old_amount = getattr(figures, bound.field)
    draft = Draft(
        _bound_text(rule, bound),
        tuple(_money_settings(ctx.project, bound.field, bound.amount)),
        _size(old_amount, bound.amount),
    )
    return [draft], notes, full_range


def _bound_text(rule: AnyRule, bound: MoneyBound) -> str:
    measure = MEASURE_LABELS[getattr(rule, "measure")]  # noqa: B009
    sign = "≥" if bound.at_least else "≤"
    word = "至少" if bound.at_least else "至多"
    return f"{bound.label}合计{word} {fmt_plain(bound.amount)} 万元（{measure} {sign} {fmt_percent(bound.rate)}）"


def _money_settings(project: Project, field_name: str, amount: Decimal) -> list[Setting]:
    """Spread a change of a 合计 amount over the fund rows: add to the first row, cut from the largest."""
    title = FundRow.model_fields[field_name].title or field_name
    rows = project.funds
    total = sum((getattr(r, field_name) for r in rows), ZERO)
    change = amount - total
    out: list[Setting] = []
    if change >= 0:
        order = [0]
    else:
        order = sorted(range(len(rows)), key=lambda i: getattr(rows[i], field_name), reverse=True)
    for index in order:
        now: Decimal = getattr(rows[index], field_name)
        new = max(now + change, ZERO).quantize(CENT)
        change -= new - now
        label = f"附表1「{rows[index].name}」{title}"
        out.append(Setting(f"/funds/{index}/{field_name}", fmt_plain(new), label, fmt_plain(now)))
        if change == 0:
            break
    return out
