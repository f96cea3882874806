"""逐项计分: each checklist item met earns its points (ticked in the form)."""

from __future__ import annotations

import itertools
import random
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..explanation import Deduction, Explanation, InputValue
from ..model import Indicator, RuleInputs
from ..numbers import fmt2, fmt_plain
from .base import (
    ExampleCase,
    InputChange,
    QuizCase,
    RuleBase,
    RuleFamily,
    SeekOption,
    SeekQuery,
    SeekResult,
)
from .explain import ZERO, ExplanationBuilder, ScoringContext
from .inputs import InputField
from .registry import register
from .seeking import Candidate, none_note, pick, score_with

READINGS: dict[str, str] = {"sum": "逐项计分：得分为已满足事项分值之和"}


class ChecklistItem(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    text: str
    points: Decimal


class ChecklistRule(RuleBase):
    family: Literal["checklist"] = "checklist"
    items: list[ChecklistItem]
    reading: Literal["sum"] = "sum"


def score_checklist(
    rule: ChecklistRule, indicator: Indicator, context: ScoringContext, reading: str
) -> Explanation:
    b = ExplanationBuilder(rule, indicator, reading)
    ticked = set(indicator.inputs.ticked)
    earned = ZERO
    for number, item in enumerate(rule.items, start=1):
        met = item.id in ticked
        b.inputs.append(InputValue(f"{number}.{item.text}", "满足" if met else "不满足"))
        if met:
            earned += item.points
            b.steps.append(f"第 {number} 项满足 → +{fmt_plain(item.points)}")
        else:
            b.steps.append(f"第 {number} 项不满足 → +0")
            b.deductions.append(Deduction(f"未满足第 {number} 项：{item.text}", item.points))
    score = min(earned, indicator.weight)
    b.steps.append(
        f"得分 = {fmt2(earned)}"
        + (f"，以权重 {fmt2(indicator.weight)} 为限" if earned > score else "")
    )
    # When the items' points do not add up to the weight, say so once, so the listed
    # deductions still add up to exactly the points lost.
    listed = sum((d.points for d in b.deductions), ZERO)
    gap = indicator.weight - score - listed
    if gap:
        total_points = sum((item.points for item in rule.items), ZERO)
        b.deductions.append(
            Deduction(
                f"事项分值合计 {fmt_plain(total_points)} 分与权重 {fmt_plain(indicator.weight)} 分不一致，"
                f"差额 {fmt2(gap)} 分",
                gap,
            )
        )
    return b.finish(score)


def item_label(item: ChecklistItem) -> str:
    return f"{item.text}（{fmt_plain(item.points)} 分）"


def checklist_inputs(rule: ChecklistRule) -> tuple[InputField, ...]:
    return tuple(
        InputField(
            "tick",
            item.id,
            item_label(item),
            unit="分",
            subject=item.text,
            section="逐项计分（勾选表示满足、得分）" if n == 0 else "",
        )
        for n, item in enumerate(rule.items)
    )


def no_missing(rule: ChecklistRule, indicator: Indicator) -> list[str]:
    return []


def describe(rule: ChecklistRule) -> list[str]:
    return [f"{i}. {item_label(item)}" for i, item in enumerate(rule.items, start=1)]


def worked_example(rule: ChecklistRule, case: ExampleCase) -> str:
    case.indicator.inputs = RuleInputs(ticked=[item.id for item in rule.items[:-1]])
    return "除最后一项外其余事项均满足"


def quiz_scenario(rng: random.Random, rule: ChecklistRule, case: QuizCase) -> str:
    ticked = [item.id for item in rule.items if rng.random() < 0.6]
    case.indicator.inputs = RuleInputs(ticked=ticked)
    return "全部满足" if len(ticked) == len(rule.items) else f"满足 {len(ticked)} 项"


def seek(rule: ChecklistRule, query: SeekQuery) -> SeekResult:
    """Every set of ticked items, fewest changes first; the ones that reach the score."""
    specs = {spec.key: spec for spec in checklist_inputs(rule)}
    ids = [item.id for item in rule.items]
    texts = {item.id: item.text for item in rule.items}
    before = set(query.indicator.inputs.ticked)
    candidates: list[Candidate[list[str]]] = []
    for mask in itertools.product((False, True), repeat=len(ids)):
        ticked = [i for i, on in zip(ids, mask, strict=True) if on]
        changed = len(before.symmetric_difference(ticked) & set(ids))
        inputs = query.indicator.inputs.model_copy(update={"ticked": ticked})
        candidates.append((changed, ticked, score_with(rule, query, inputs)))
    candidates.sort(key=lambda c: c[0])
    options = []
    for changed, ticked, _got in pick(candidates, query.score, query.at_least):
        flips = [i for i in ids if (i in ticked) != (i in before)]
        changes = tuple(InputChange(specs[i], i in ticked, i in before) for i in flips)
        parts = [f"{'勾选' if i in ticked else '取消'}「{texts[i]}」" for i in flips]
        summary = "；".join(parts) or "保持现有勾选"
        options.append(SeekOption(summary, changes, Decimal(changed) / max(len(ids), 1)))
    return SeekResult(tuple(options), none_note(options, candidates, query.score))


CHECKLIST: RuleFamily[ChecklistRule] = register(
    RuleFamily(
        id="checklist",
        label="逐项计分",
        rule_model=ChecklistRule,
        readings=READINGS,
        score=score_checklist,
        inputs=checklist_inputs,
        missing=no_missing,
        describe=describe,
        worked_example=worked_example,
        quiz_scenario=quiz_scenario,
        seek=seek,
        curve=None,
    )
)
