"""A cross-year evaluation (seed 附表2 note 5): a yearly indicator's weight is split evenly across
the years and each year is scored on its own 目标值 and 完成值; the indicator scores their sum.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from .explanation import Deduction, Explanation, InputValue
from .model import Indicator
from .numbers import fmt2, round_score

ZERO = Decimal(0)
Scorer = Callable[[Indicator], Explanation]


def year_indicator(indicator: Indicator, index: int) -> Indicator:
    """The indicator as one year sees it: its share of the weight, that year's values."""
    year = indicator.yearly[index]
    share = indicator.weight / len(indicator.yearly)
    return indicator.model_copy(
        update={
            "weight": share,
            "target": year.target,
            "actual": year.actual,
            "target_label": year.target_label,
            "actual_label": year.actual_label,
            "yearly": [],
        }
    )


def score_cross_year(indicator: Indicator, score_one: Scorer) -> Explanation:
    """Score every year with the indicator's own rule; the explanation lists each year's steps."""
    years = indicator.yearly
    parts = [score_one(year_indicator(indicator, n)) for n in range(len(years))]
    inputs: list[InputValue] = [InputValue("评价年度", "、".join(f"{y.year}年" for y in years))]
    steps: list[str] = [
        f"跨年度评价：权重 {fmt2(indicator.weight)} 按 {len(years)} 个年度平均分配，每年 "
        f"{fmt2(indicator.weight / len(years))}"
    ]
    deductions: list[Deduction] = []
    for year, part in zip(years, parts, strict=True):
        steps += [f"{year.year}年：{step}" for step in part.steps]
        steps.append(f"{year.year}年得分 {fmt2(part.result)}")
        deductions += [Deduction(f"{year.year}年：{d.reason}", d.points) for d in part.deductions]
    total = sum((round_score(p.result) for p in parts), ZERO)
    steps.append("得分 = " + " + ".join(fmt2(p.result) for p in parts) + f" = {fmt2(total)}")
    first = parts[0]
    return Explanation(
        first.rule,
        first.clause,
        first.reading,
        tuple(inputs),
        tuple(steps),
        tuple(deductions),
        indicator.weight,
        total,
    )
