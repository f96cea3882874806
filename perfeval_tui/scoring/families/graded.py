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
        (f"{k}（{fmt_plain(v * 100)}%）", k) for k, v in rule.levels.items()
    ]
    return (InputField("choice", "level", "评价等级", options=tuple(options)),)


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
