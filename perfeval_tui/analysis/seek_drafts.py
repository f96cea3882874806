"""Drafting goal-seek answers: which change of an indicator's own inputs gives a score.

A draft is what to set (as ``perfeval simulate --set`` takes it), a Chinese summary and the
relative size of the change. Drafts are not shown until :func:`perfeval_tui.analysis.seek.verify` has
applied them in a sandbox and the engine has scored them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..scoring.budget_block import part_lines, total_line, uses_parts
from ..scoring.engine import ProjectScore, reading_for, rule_for, score_project
from ..scoring.families import RuleBase as AnyRule
from ..scoring.families import ScoringContext, SeekQuery, SeekResult, family_of
from ..scoring.model import BudgetLine, FundRow, Indicator, Project
from ..scoring.numbers import CENT, fmt_plain
from ..scoring.ruleset import RuleSet
from .paths import name_path

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
        block = baseline.block  # a national project's rates come from its 项目资金 block
        scoring = ScoringContext(budget=block or baseline.budget, national_block=block is not None)
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
    return [], [f"「{rule.name}」的评分规则没有反求：请直接试填输入项"], None


# -- a family's own inverse -------------------------------------------------------------------

_NAMED = {"target": "目标值", "actual": "完成值", "direction": "指标方向", "level": "评价等级"}


def _from_family(ctx: SeekContext, answer: SeekResult) -> tuple[list[Draft], list[str], str | None]:
    drafts = []
    for option in answer.options:
        settings: list[Setting] = []
        for change in option.changes:
            spec = change.field
            if spec.kind == "amount" and ctx.project.budget_block:
                settings += _block_settings(ctx.project, spec.key, change.value)
                continue
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


# 附表1 fields the rate inverse names -> the national block's field (全年执行数 is both the spend
# and the funds in place there; 全年预算数 - 年初预算数 is the adjustment).
_BLOCK_FIELDS = {"actual_spend": "spend", "funds_arrived": "spend"}


def _block_settings(project: Project, field_name: str, amount: Decimal) -> list[Setting]:
    """Set a 合计 amount on the national 项目资金 block: on the 年度资金总额 row when the rate is
    read from it, else on the first 其中 row (the others stay as they are)."""
    field = _BLOCK_FIELDS.get(field_name)
    if field is None:
        return []
    lines = project.budget_block
    total = total_line(lines)
    if total is not None and not uses_parts(lines):
        index, change = lines.index(total), amount
    else:
        parts = part_lines(lines)
        if not parts:
            return []
        index = lines.index(parts[0])
        others = sum((getattr(line, field) or ZERO for line in parts[1:]), ZERO)
        change = max(amount - others, ZERO)
    line = lines[index]
    title = BudgetLine.model_fields[field].title or field
    now: Decimal | None = getattr(line, field)
    return [
        Setting(
            f"/budget_block/{index}/{field}",
            fmt_plain(change),
            f"项目资金「{line.name}」{title}",
            fmt_plain(now) if now is not None else "",
        )
    ]
