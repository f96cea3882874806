"""定性指标: a level (优/良/中/差 or the rule set's own) worth a fraction of the weight."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Literal

from pydantic import Field

from ..explanation import Explanation, InputValue
from ..model import Indicator, RuleInputs
from ..numbers import fmt2, fmt_plain, round_score
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

READINGS: dict[str, str] = {"levels": "按评价等级折算：得分 = 权重 × 等级系数"}


class GradedRule(RuleBase):
    family: Literal["graded"] = "graded"
    levels: dict[str, Decimal] = Field(description="等级 → 权重系数")
    bands: dict[str, tuple[Decimal, Decimal]] = Field(
        default_factory=dict,
        description="等级 → 可评定得分区间（占分值的比例，下限、上限）；评价人可在区间内确定得分",
    )
    reading: Literal["levels"] = "levels"


def score_graded(
    rule: GradedRule, indicator: Indicator, context: ScoringContext, reading: str
) -> Explanation:
    b = ExplanationBuilder(rule, indicator, reading)
    level = indicator.inputs.level
    weight = indicator.weight
    b.inputs.append(InputValue("评价等级", level or "未评定"))
    if level is None or level not in rule.levels:
        b.step(f"未评定等级（可选：{'、'.join(rule.levels)}）→ 0.00")
        b.deduct("未评定等级", weight)
        return b.finish(ZERO)
    judged = indicator.inputs.values.get(JUDGED)
    band = rule.bands.get(level)
    if band is not None and judged is not None:
        return _judged(b, rule, weight, level, band, judged)
    fraction = rule.levels[level]
    score = weight * fraction
    b.step(
        lambda: (
            f"等级「{level}」系数 {fmt_plain(fraction)}：{fmt2(weight)} × {fmt_plain(fraction)} = {fmt2(score)}"
        )
    )
    if round_score(score) < weight:
        b.deduct(
            lambda: f"评价等级为「{level}」，按系数 {fmt_plain(fraction)} 计分",
            weight - round_score(score),
        )
    return b.finish(score)


def graded_inputs(rule: GradedRule) -> tuple[InputField, ...]:
    options = [("（未评）", "")] + [
        (f"{k}（{_band_text(rule, k, v)}）", k) for k, v in rule.levels.items()
    ]
    level = InputField("choice", "level", "评价等级", options=tuple(options))
    if not rule.bands:
        return (level,)
    note = "在所选等级的得分区间内评定；不填则按等级系数计"
    return (level, InputField("number", JUDGED, "评定得分", "分", note, number_kind="score"))


def _band_text(rule: GradedRule, level: str, fraction: Decimal) -> str:
    band = rule.bands.get(level)
    if band is None:
        return f"{fmt_plain(fraction * 100)}%"
    return f"{fmt_plain(band[0] * 100)}%～{fmt_plain(band[1] * 100)}%"


JUDGED = "judged"


def band_range(weight: Decimal, band: tuple[Decimal, Decimal]) -> tuple[Decimal, Decimal]:
    return round_score(weight * band[0]), round_score(weight * band[1])


def judged_error(
    rule: GradedRule, level: str | None, weight: Decimal, judged: Decimal
) -> str | None:
    """A Chinese message when a judged score lies outside its band's range; None when it fits.

    The top band includes both ends; the others include their lower end only (80% is 达成).
    """
    if level is None or level not in rule.bands:
        return "请先选择评价等级，再填写评定得分"
    low, high = band_range(weight, rule.bands[level])
    top = rule.bands[level][1] == max(b[1] for b in rule.bands.values())
    if (low <= judged <= high) if top else (low <= judged < high):
        return None
    closing = "]" if top else ")"
    return (
        f"「{level}」的评定得分区间为 [{fmt2(low)}, {fmt2(high)}{closing}，"
        f"{fmt2(judged)} 不在区间内"
    )


def _judged(
    b: ExplanationBuilder,
    rule: GradedRule,
    weight: Decimal,
    level: str,
    band: tuple[Decimal, Decimal],
    judged: Decimal,
) -> Explanation:
    low, high = band_range(weight, band)
    b.inputs.append(InputValue("评定得分", judged))
    b.step(
        f"等级「{level}」得分区间 {fmt_plain(band[0] * 100)}%～{fmt_plain(band[1] * 100)}%"
        f" × {fmt2(weight)} = {fmt2(low)}～{fmt2(high)}"
    )
    error = judged_error(rule, level, weight, judged)
    score = judged
    if error is not None:
        score = min(max(judged, low), high)
        b.step(f"{error}，按区间边界 {fmt2(score)} 计")
    else:
        b.step(f"评定得分 {fmt2(judged)} 在区间内 → {fmt2(judged)}")
    if round_score(score) < weight:
        b.deduct(
            f"评价等级为「{level}」，区间 {fmt2(low)}～{fmt2(high)} 内评定 {fmt2(score)}",
            weight - round_score(score),
        )
    return b.finish(score)


def missing(rule: GradedRule, indicator: Indicator) -> list[str]:
    return ["评价等级未选择"] if indicator.inputs.level is None else []


def describe(rule: GradedRule) -> list[str]:
    return ["· " + "，".join(f"{k} {fmt_plain(v * 100)}%" for k, v in rule.levels.items())]


def worked_example(rule: GradedRule, case: ExampleCase) -> str:
    level = list(rule.levels)[1]
    case.indicator.inputs = RuleInputs(level=level)
    return f"评价等级为「{level}」"


def quiz_scenario(rng: random.Random, rule: GradedRule, case: QuizCase) -> str:
    case.indicator.inputs = RuleInputs(level=rng.choice(list(rule.levels)))
    return f"等级「{case.indicator.inputs.level}」"


def seek(rule: GradedRule, query: SeekQuery) -> SeekResult:
    """The level that gives the score (at least: the lowest level that still reaches it)."""
    indicator = query.indicator
    levels = sorted(
        ((lv, round_score(indicator.weight * f)) for lv, f in rule.levels.items()),
        key=lambda pair: pair[1],
        reverse=True,
    )
    score = query.score
    hits = [(lv, got) for lv, got in levels if (got >= score if query.at_least else got == score)]
    if query.at_least:
        hits = hits[-1:]
    names = list(rule.levels)
    now = indicator.inputs.level
    old = now or "（未评定）"
    (spec,) = graded_inputs(rule)
    options = tuple(
        SeekOption(
            f"评价等级「{old}」→「{lv}」",
            (InputChange(spec, lv, old),),
            _level_step(names, now, lv),
        )
        for lv, _ in hits[:1]
    )
    if options:
        return SeekResult(options)
    return SeekResult((), ("可得的分值：" + "、".join(f"{lv} {fmt2(got)}" for lv, got in levels),))


def _level_step(names: list[str], old: str | None, new: str) -> Decimal:
    if old not in names or len(names) < 2:
        return Decimal(1)
    return Decimal(abs(names.index(new) - names.index(old))) / (len(names) - 1)


GRADED: RuleFamily[GradedRule] = register(
    RuleFamily(
        id="graded",
        label="等级评价",
        rule_model=GradedRule,
        readings=READINGS,
        score=score_graded,
        inputs=graded_inputs,
        missing=missing,
        describe=describe,
        worked_example=worked_example,
        quiz_scenario=quiz_scenario,
        seek=seek,
        curve=None,
    )
)
