"""The inverse of the completion ratio: which 完成值 gives at least (or exactly) a score.

Piecewise linear, so solved analytically; the answers are re-scored by the engine before they
are shown (see :mod:`perfeval_tui.analysis.seek`).
"""

from __future__ import annotations

from decimal import Decimal

from ..model import Indicator
from ..numbers import fmt2, fmt_plain
from .base import InputChange, SeekOption, SeekQuery, SeekResult
from .completion_ratio import ACTUAL, CompletionRatioRule, band_for
from .registry import score_indicator
from .seeking import Interval, inward, nice_exact, relative_change

ZERO, ONE = Decimal(0), Decimal(1)


def _band(
    rule: CompletionRatioRule, indicator: Indicator, reading: str
) -> tuple[Decimal, Decimal] | None:
    if reading != "banded" or indicator.target is None:
        return None
    band = band_for(rule, indicator, indicator.target)
    return None if band is None else (band.full_until, band.zero_above)


def completion_interval(
    rule: CompletionRatioRule, indicator: Indicator, reading: str, score: Decimal
) -> Interval | None:
    """完成值 values whose (unrounded) score is at least ``score``; None if none can reach it."""
    t, w = indicator.target, indicator.weight
    if t is None or score > w:
        return None
    if score <= 0:
        return Interval(ZERO, None)
    if t == 0:
        return Interval(ZERO, ZERO)
    band = _band(rule, indicator, reading)
    r_low = score / w
    r_high = None if band is None else band[1] - score * (band[1] - band[0]) / w
    if indicator.direction == "正向":
        return Interval(t * r_low, None if r_high is None else t * r_high)
    zero = (ZERO,) if rule.reverse_zero_full else ()
    low = ZERO if r_high is None else t / r_high
    return Interval(low, t / r_low, low_open=r_high is None, points=zero)


def completion_exact(
    rule: CompletionRatioRule, indicator: Indicator, reading: str, score: Decimal
) -> list[tuple[Decimal, str]]:
    """完成值 values that score exactly ``score`` (< weight), with which side of the target each is."""
    t, w = indicator.target, indicator.weight
    if t is None or t == 0 or score >= w or score < 0:
        return []
    band = _band(rule, indicator, reading)
    ratios: list[tuple[Decimal, str]] = []
    if score > 0:
        ratios.append((score / w, "低于目标"))
    if band is not None:
        ratios.append((band[1] - score * (band[1] - band[0]) / w, "超出目标"))
    if indicator.direction == "正向":
        return [(t * r, side) for r, side in ratios]
    return [(t / r, side) for r, side in ratios if r > 0]


def seek_completion(rule: CompletionRatioRule, query: SeekQuery) -> SeekResult:
    """The 完成值 that gives the score: a range for full marks, the values for an exact score."""
    drafts, notes, full_range = _completion(rule, query)
    return SeekResult(tuple(drafts), tuple(notes), full_range)


def _completion(
    rule: CompletionRatioRule, query: SeekQuery
) -> tuple[list[SeekOption], list[str], str | None]:
    ind, score, at_least, reading = query.indicator, query.score, query.at_least, query.reading
    unit = ind.unit
    if ind.target is None:
        return [], ["目标值未填写，无法反求完成值"], None
    full = completion_interval(rule, ind, reading, ind.weight)
    full_range = None if full is None else "完成值 " + _interval_text(full, unit)
    old = "（空）" if ind.actual is None else ind.actual

    def draft(value: Decimal, summary: str) -> SeekOption:
        change = InputChange(ACTUAL, value, old)
        return SeekOption(summary, (change,), relative_change(ind.actual, value))

    if ind.target == 0:
        if score == ind.weight:
            return [draft(ZERO, "完成值 0（目标值为 0）")], [], full_range
        if score == 0 and not at_least:
            return [draft(ONE, f"完成值大于 0 即不得分，例如 1{unit}")], [], full_range
        return [], ["目标值为 0 时只有满分（完成值为 0）和 0 分两种结果"], full_range
    if at_least or score == ind.weight:
        interval = completion_interval(rule, ind, reading, score)
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
    solutions = completion_exact(rule, ind, reading, score)

    def scores(value: Decimal) -> Decimal:
        probe = ind.model_copy(update={"actual": value, "override": None})
        return score_indicator(rule, probe, query.context, reading).result

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
