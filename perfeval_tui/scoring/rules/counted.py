"""Rules fed by the user's judgement: checklist items ticked, incidents counted."""

from __future__ import annotations

from ..explanation import Deduction, Explanation, InputValue
from ..model import Indicator
from ..numbers import fmt2, fmt_plain, round_score
from ..ruleset import ChecklistRule, IncidentRule
from .common import ZERO, ExplanationBuilder, ScoringContext


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
