"""Goal seek for one indicator: the 完成值 range for full marks, the value for a chosen score,
and for the rate rules the 实际支出 / 实际到位 / 调增调减 amounts that reach it.

Answers are drafted from the rule's inverse (:mod:`perfeval_tui.analysis.seek_drafts`) and then applied in
a :class:`~perfeval_tui.analysis.whatif.Sandbox` and re-scored with :func:`score_project`; what an answer
shows as its score is the engine's. Every answer carries the ``PATH=VALUE`` settings that
``perfeval simulate`` accepts, so it can be replayed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..scoring.model import Project
from ..scoring.numbers import fmt2
from ..scoring.ruleset import RuleSet, load_ruleset
from .paths import find_indicator
from .seek_drafts import Draft, SeekContext, Setting, draft_changes
from .whatif import Sandbox, ScoreDelta

__all__ = [
    "Draft",
    "IndicatorSeek",
    "SeekAnswer",
    "SeekContext",
    "Setting",
    "draft_changes",
    "seek_indicator",
    "verify",
]


@dataclass(frozen=True, slots=True)
class SeekAnswer:
    """A change and what the engine scored after applying it."""

    indicator_id: str
    name: str
    summary: str  # Chinese, e.g. 完成值 1564.8 路（满分区间上限）
    settings: tuple[Setting, ...]
    promised: Decimal  # the indicator score the change aims at
    score: Decimal  # the engine's (computed) indicator score after the change
    total: Decimal  # the engine's total after the change
    grade: str
    size: Decimal  # relative size of the change (0.05 = 5%), for ordering
    side_effects: tuple[ScoreDelta, ...] = ()  # other indicators whose score moved
    note: str = ""

    @property
    def exact(self) -> bool:
        return self.score == self.promised

    @property
    def reaches(self) -> bool:
        return self.score >= self.promised

    def line(self) -> str:
        text = f"{self.summary} → 引擎复核：{fmt2(self.score)} 分，总分 {fmt2(self.total)}（{self.grade}）"
        if self.side_effects:
            text += "；同时 " + "，".join(d.line() for d in self.side_effects)
        return text


@dataclass(frozen=True, slots=True)
class IndicatorSeek:
    indicator_id: str
    name: str
    family: str
    weight: Decimal
    current: Decimal  # the engine's score now
    goal: Decimal  # the indicator score asked for (the weight for full marks)
    full_range: str | None = None  # e.g. 完成值 [1304, 1564.8] 路
    answers: tuple[SeekAnswer, ...] = ()
    notes: tuple[str, ...] = ()

    def lines(self) -> list[str]:
        aim = "满分" if self.goal == self.weight else f"{fmt2(self.goal)} 分"
        out = [
            f"{self.name}（权重 {fmt2(self.weight)}，当前 {fmt2(self.current)} 分）→ 目标：{aim}"
        ]
        if self.full_range:
            out.append(f"满分条件：{self.full_range}")
        for answer in self.answers:
            out.append(f"  ■ {answer.line()}")
            if answer.note:
                out.append(f"    {answer.note}")
            out.append("    模拟：" + " ".join(f"--set {s.assignment}" for s in answer.settings))
        out.extend(f"说明：{note}" for note in self.notes)
        return out


def seek_indicator(
    project: Project, name: str, score: Decimal | None = None, ruleset: RuleSet | None = None
) -> IndicatorSeek:
    """Full marks (``score`` None) or a chosen score for the indicator called ``name`` (or its id)."""
    ruleset = ruleset or load_ruleset(project.ruleset)
    indicator = find_indicator(project, name)
    ctx = SeekContext.of(project, ruleset, indicator)
    rule = ctx.rule
    current = ctx.baseline.by_id(indicator.id).computed_score
    weight = indicator.weight
    goal = weight if score is None else score
    drafts: list[Draft] = []
    notes: list[str] = []
    full_range = None
    if goal > weight or goal < 0:
        notes.append(f"{fmt2(goal)} 分不在 0～权重 {fmt2(weight)} 之间，无法达到")
    else:
        drafts, notes, full_range = draft_changes(ctx, goal, at_least=False)
    if indicator.override is not None:
        notes.append(
            f"该指标已人工评分 {fmt2(indicator.override.score)}，总分按人工评分计；下列得分为计算得分"
        )
    answers = tuple(verify(ctx, d, goal) for d in drafts)
    return IndicatorSeek(
        indicator.id,
        indicator.name,
        rule.family,
        weight,
        current,
        goal,
        full_range,
        answers,
        tuple(notes),
    )


def verify(ctx: SeekContext, draft: Draft, promised: Decimal) -> SeekAnswer:
    """Apply the draft in a sandbox and let the engine score it."""
    sandbox = Sandbox(ctx.project, ctx.ruleset, baseline=ctx.baseline)
    for setting in draft.settings:
        sandbox.set(setting.path, setting.value)
    result = sandbox.result
    item = result.by_id(ctx.indicator.id)
    others = tuple(d for d in sandbox.comparison().changed_indicators if d.key != ctx.indicator.id)
    return SeekAnswer(
        ctx.indicator.id,
        ctx.indicator.name,
        draft.summary,
        draft.settings,
        promised,
        item.computed_score,
        result.total,
        result.grade,
        draft.size,
        others,
        draft.note,
    )
