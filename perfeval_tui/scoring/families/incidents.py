"""发现扣分: each incident found under a clause costs points, capped per clause, 扣完为止."""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Iterable
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..budget import FundFigures
from ..explanation import Deduction, Explanation, InputValue
from ..model import FundRow, Indicator, RuleInputs
from ..numbers import fmt2, fmt_plain, round_score
from .base import (
    CurveAxis,
    CurveMark,
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

READINGS: dict[str, str] = {
    "clause_caps": "先按各条款上限封顶，再合计扣分，扣完为止（不设上限条款除外）",
    "no_clause_caps": "不考虑条款上限，逐起累计扣分，扣完为止（不设上限条款除外）",
}


class IncidentClause(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    text: str
    points: Decimal = Field(description="每起扣分")
    cap: Decimal | None = Field(None, description="本条款扣分上限（扣完 N 分为止）")
    uncapped: bool = Field(False, description="不设上限：超出指标权重的部分继续扣减总分")


class IncidentRule(RuleBase):
    family: Literal["incidents"] = "incidents"
    clauses: list[IncidentClause]
    reading: Literal["clause_caps", "no_clause_caps"] = "clause_caps"


def score_incidents(
    rule: IncidentRule, indicator: Indicator, context: ScoringContext, reading: str
) -> Explanation:
    b = ExplanationBuilder(rule, indicator, reading)
    weight = indicator.weight
    capped_total = ZERO
    uncapped_total = ZERO
    room = weight  # what the ordinary clauses may still take before 扣完为止
    for number, clause in enumerate(rule.clauses, start=1):
        count = indicator.inputs.counts.get(clause.id, 0)
        b.inputs.append(InputValue(f"{number}.{clause.text}", str(count), "起"))
        if not count:
            continue
        raw = clause.points * count
        applied = raw
        arithmetic = f"{count} 起 × {fmt_plain(clause.points)} 分 = {fmt2(raw)}"
        if clause.cap is not None and reading == "clause_caps" and raw > clause.cap:
            applied = clause.cap
            arithmetic += f"，本条扣完 {fmt_plain(clause.cap)} 分为止 → {fmt2(applied)}"
        reason = f"{clause.text}：{count} 起，扣 {fmt2(applied)} 分"
        if clause.uncapped:
            uncapped_total += applied
            arithmetic += "（不设上限）"
            taken = applied
        else:
            capped_total += applied
            # Listed deductions stay positive and add up to the points lost: a clause that
            # runs past the weight is listed with what it could still take.
            taken = min(applied, room)
            room -= taken
            if taken < applied:
                reason += f"（扣完为止，实扣 {fmt2(taken)} 分）"
        b.steps.append(f"第 {number} 条：{arithmetic}")
        if taken:
            b.deductions.append(Deduction(reason, taken))
    if capped_total > weight:
        b.steps.append(
            f"扣完为止：一般条款合计 {fmt2(capped_total)} 分，以权重 {fmt2(weight)} 为限"
        )
    score = max(ZERO, weight - capped_total) - uncapped_total
    excess = max(ZERO, -score)
    if excess:
        b.steps.append(f"不设上限条款超出权重 {fmt2(excess)} 分，继续扣减总分")
    b.steps.append(
        f"得分 = {fmt2(weight)} − {fmt2(min(capped_total, weight))}"
        + (f" − {fmt2(uncapped_total)}" if uncapped_total else "")
        + f" = {fmt2(round_score(score))}"
    )
    return b.finish(score, excess=round_score(excess))


def cap_text(clause: IncidentClause, *, none: str = "") -> str:
    """不设上限, 扣完 N 分为止, or ``none`` for a clause without its own cap."""
    if clause.uncapped:
        return "不设上限"
    return f"扣完 {fmt_plain(clause.cap)} 分为止" if clause.cap is not None else none


def clause_line(number: int, clause: IncidentClause) -> str:
    cap = cap_text(clause)
    return f"{number}. {clause.text}：每起扣 {fmt_plain(clause.points)} 分" + (
        f"，{cap}" if cap else ""
    )


def incident_inputs(rule: IncidentRule) -> tuple[InputField, ...]:
    return tuple(
        InputField(
            "count",
            clause.id,
            f"发现次数（第 {n} 条）",
            unit="起",
            note=clause_line(n, clause),
            number_kind="count",
            subject=clause.text,
            section="发现次数（每条填写发现的起数，没有则留空）" if n == 1 else "",
        )
        for n, clause in enumerate(rule.clauses, start=1)
    )


def no_missing(rule: IncidentRule, indicator: Indicator) -> list[str]:
    return []


def describe(rule: IncidentRule) -> list[str]:
    return [
        f"· {clause.text}：每起扣 {fmt_plain(clause.points)} 分，{cap_text(clause, none='扣完为止')}"
        for clause in rule.clauses
    ]


def worked_example(rule: IncidentRule, case: ExampleCase) -> str:
    case.indicator.inputs = RuleInputs(counts={c.id: 2 for c in rule.clauses[:2]})
    return "前两条各发现 2 起"


def quiz_scenario(rng: random.Random, rule: IncidentRule, case: QuizCase) -> str:
    ind = case.indicator
    counts: dict[str, int] = {}
    capped = [c for c in rule.clauses if c.cap is not None and c.cap > c.points]
    for clause in rng.sample(rule.clauses, k=min(len(rule.clauses), rng.choice([1, 1, 2]))):
        # A clause capped at its own points (未制定管理办法) happens once, not three times.
        once = clause.cap is not None and clause.cap <= clause.points
        counts[clause.id] = 1 if once else rng.randint(1, 3)
    if capped and rng.random() < 0.5:
        clause = rng.choice(capped)
        counts[clause.id] = int((clause.cap or clause.points) / clause.points) + rng.randint(1, 2)
    ind.inputs = RuleInputs(counts=counts)
    raw = {c.id: c.points * counts.get(c.id, 0) for c in rule.clauses}
    if any(c.uncapped and counts.get(c.id) for c in rule.clauses):
        return "不设上限条款"
    if any(c.cap is not None and raw[c.id] > c.cap for c in rule.clauses):
        return "条款封顶"
    return "扣完为止" if sum(raw.values()) > ind.weight else "逐起扣分"


def seek(rule: IncidentRule, query: SeekQuery) -> SeekResult:
    """Count vectors near the current one, fewest incidents changed first."""
    indicator = query.indicator
    specs = {spec.key: spec for spec in incident_inputs(rule)}
    now = indicator.inputs.counts
    ranges: list[Iterable[int]] = []
    for clause in rule.clauses:
        current = now.get(clause.id, 0)
        reach = math.ceil(indicator.weight / clause.points) + 1 if clause.points > 0 else 0
        ranges.append(range(0, min(max(current, reach), current + 12) + 1))
    candidates: list[Candidate[dict[str, int]]] = []
    for vector in itertools.islice(itertools.product(*ranges), 50_000):
        pairs = list(zip(rule.clauses, vector, strict=True))
        chosen = {c.id: n for c, n in pairs if n or c.id in now}
        changed = sum(abs(n - now.get(c.id, 0)) for c, n in pairs)
        inputs = indicator.inputs.model_copy(update={"counts": chosen})
        candidates.append((changed, chosen, score_with(rule, query, inputs)))
    candidates.sort(key=lambda c: c[0])
    all_now = max(sum(now.values()), 1)
    options = []
    for changed, counts, _got in pick(candidates, query.score, query.at_least):
        moved = [c for c in rule.clauses if counts.get(c.id, 0) != now.get(c.id, 0)]
        changes = tuple(
            InputChange(specs[c.id], counts.get(c.id, 0), now.get(c.id, 0)) for c in moved
        )
        text = "；".join(
            f"「{c.text}」{now.get(c.id, 0)} → {counts.get(c.id, 0)} 起" for c in moved
        )
        options.append(SeekOption(text or "保持现有发现次数", changes, Decimal(changed) / all_now))
    return SeekResult(tuple(options), none_note(options, candidates, query.score))


def curve(
    rule: IncidentRule, indicator: Indicator, reading: str, figures: FundFigures
) -> CurveAxis:
    """The score against the count of the first clause found (else the first clause)."""
    counts = indicator.inputs.counts
    clause = next((c for c in rule.clauses if counts.get(c.id)), rule.clauses[0])
    top = int(indicator.weight / clause.points) + 3 if clause.points > 0 else 5
    now = counts.get(clause.id, 0)

    def apply(x: Decimal, ind: Indicator, fund: FundRow) -> tuple[Indicator, FundRow]:
        ind.inputs = ind.inputs.model_copy(update={"counts": {**counts, clause.id: int(x)}})
        return ind, fund

    marks = []
    if clause.cap is not None and clause.points > 0:
        marks.append(
            CurveMark(clause.cap / clause.points, f"本条扣完 {fmt_plain(clause.cap)} 分为止")
        )
    high = Decimal(max(top, now + 1))
    label = f"「{clause.text}」发现次数"
    return CurveAxis(label, False, ZERO, high, tuple(marks), Decimal(now), apply, integer=True)


INCIDENTS: RuleFamily[IncidentRule] = register(
    RuleFamily(
        id="incidents",
        label="发现扣分",
        rule_model=IncidentRule,
        readings=READINGS,
        score=score_incidents,
        inputs=incident_inputs,
        missing=no_missing,
        describe=describe,
        worked_example=worked_example,
        quiz_scenario=quiz_scenario,
        seek=seek,
        curve=curve,
    )
)
