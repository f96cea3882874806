"""Goal seek for the total: the single-indicator changes that lift the total to a score or grade.

For each indicator the smallest change of its own inputs that raises its score by the missing
points is drafted, applied in a sandbox and re-scored by the engine; only changes after which the
engine's total reaches the goal are offered, smallest relative change first. Side effects (e.g.
more 实际支出 also moves 资金到位率) are the engine's and are shown with each answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..scoring.engine import score_project
from ..scoring.model import Project
from ..scoring.numbers import fmt2, fmt_percent
from ..scoring.ruleset import RuleSet, load_ruleset
from .paths import PathError
from .seek import Draft, SeekAnswer, SeekContext, draft_changes, verify

HUNDRED = Decimal(100)
SHORT_LISTED = 8


@dataclass(frozen=True, slots=True)
class TotalSeek:
    goal: Decimal
    goal_grade: str
    current: Decimal
    current_grade: str
    answers: tuple[SeekAnswer, ...]  # each reaches the goal by the engine's total, smallest first
    notes: tuple[str, ...] = ()

    @property
    def needed(self) -> Decimal:
        return self.goal - self.current

    def lines(self) -> list[str]:
        out = [
            f"当前总分 {fmt2(self.current)}（{self.current_grade}），目标 {fmt2(self.goal)}"
            f"（{self.goal_grade}）"
        ]
        if self.needed <= 0:
            out.append("当前总分已达到目标，无需修改")
            return out
        out.append(f"还差 {fmt2(self.needed)} 分")
        if self.answers:
            out.append("能单独达到目标的修改（按变动幅度从小到大）：")
        for number, answer in enumerate(self.answers, start=1):
            out.append(
                f"  {number}. {answer.name}：{answer.line()}（变动幅度 {size_text(answer.size)}）"
            )
            out.append("     模拟：" + " ".join(f"--set {s.assignment}" for s in answer.settings))
        out.extend(f"说明：{note}" for note in self.notes)
        return out


def size_text(size: Decimal) -> str:
    return fmt_percent(size * HUNDRED)


def goal_for_grade(ruleset: RuleSet, grade: str) -> Decimal:
    """The lowest total that earns ``grade`` (优 → 90)."""
    for band in ruleset.grade_bands:
        if band.grade == grade.strip():
            return band.min_score
    known = [band.grade for band in ruleset.grade_bands]
    raise PathError(f"没有等级「{grade}」，可选：{'、'.join(known)}")


def seek_total(
    project: Project,
    goal: Decimal | None = None,
    *,
    grade: str | None = None,
    ruleset: RuleSet | None = None,
    limit: int = 10,
) -> TotalSeek:
    """Single-indicator changes that bring the total to ``goal`` (or the lowest total of ``grade``).

    At most ``limit`` answers, smallest relative change first, each verified by the engine.
    """
    ruleset = ruleset or load_ruleset(project.ruleset)
    if goal is None:
        goal = goal_for_grade(ruleset, grade or "优")
    result = score_project(project, ruleset)
    needed = goal - result.total
    goal_grade = ruleset.grade(goal)
    if needed <= 0:
        return TotalSeek(goal, goal_grade, result.total, result.grade, ())
    if goal > ruleset.total_weight:
        note = f"总分最高为 {fmt2(ruleset.total_weight)}"
        return TotalSeek(goal, goal_grade, result.total, result.grade, (), (note,))
    candidates: list[tuple[Decimal, str, SeekContext, Draft, Decimal]] = []
    short: list[str] = []
    notes: list[str] = []
    for item in result.indicators:
        indicator = item.indicator
        if indicator.override is not None:
            notes.append(f"{item.name} 为人工评分，未纳入反求")
            continue
        want = item.computed_score + needed
        if want > item.weight:
            if item.computed_score < item.weight:
                short.append(f"{item.name}（最多 +{fmt2(item.weight - item.computed_score)}）")
            continue
        ctx = SeekContext.of(project, ruleset, indicator, result)
        drafts, _, _ = draft_changes(ctx, want, at_least=True)
        if drafts:
            candidates.append((drafts[0].size, item.name, ctx, drafts[0], want))
    # Drafting is arithmetic; re-scoring copies the project. Verify the smallest changes first.
    candidates.sort(key=lambda c: (c[0], c[1]))
    answers: list[SeekAnswer] = []
    for checked, (_, name, ctx, draft, want) in enumerate(candidates):
        if len(answers) >= limit:
            notes.append(f"另有 {len(candidates) - checked} 项变动幅度更大的单项修改未列出")
            break
        answer = verify(ctx, draft, want)
        if answer.total >= goal:
            answers.append(answer)
        else:
            notes.append(
                f"{name}：{answer.summary}后该项得 {fmt2(answer.score)} 分，但引擎复核总分只有"
                f" {fmt2(answer.total)}（其他指标随之变化），未达到目标"
            )
    if short:
        listed = "、".join(short[:SHORT_LISTED]) + (
            f" 等 {len(short)} 项" if len(short) > SHORT_LISTED else ""
        )
        notes.insert(0, "以下指标即使得满分也补不足差额：" + listed)
    if not answers:
        notes.insert(0, f"没有单个指标的修改能把总分提高到 {fmt2(goal)}，需要同时修改多项")
    return TotalSeek(goal, goal_grade, result.total, result.grade, tuple(answers), tuple(notes))
