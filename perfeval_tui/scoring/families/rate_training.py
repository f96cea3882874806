"""The rate families for training: the worked example, a quiz scenario and the score curve.

Kept apart from the scorer (:mod:`.rates`), which calls these when asked.
"""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

from ..budget import FundFigures
from ..model import FundRow, Indicator
from ..numbers import CENT, fmt2, fmt_plain
from .base import CurveAxis, CurveMark, CurveUnavailable, ExampleCase, QuizCase
from .explain import ZERO
from .rates import (
    HUNDRED,
    MEASURE_LABELS,
    CeilingRateRule,
    FloorRateRule,
    RateRule,
    ReferenceRateRule,
    measure_rate,
    per_percent,
)

D = Decimal


def rate_example(rule: RateRule, case: ExampleCase) -> str:
    fund = case.fund
    if isinstance(rule, CeilingRateRule):
        fund.increase = D("60.5")
        return "预算安排 450 万元，调增 60.5 万元"
    if isinstance(rule, FloorRateRule):
        fund.actual_spend = D(400)
        return "调整后预算 450 万元，实际支出 400 万元"
    fund.actual_spend, fund.funds_arrived = D(430), D(400)
    return "调整后预算 450 万元，实际支出 430 万元，实际到位 400 万元"


def _pct(rng: random.Random, low: Decimal, high: Decimal) -> Decimal:
    """A percentage between ``low`` and ``high`` with two decimals."""
    lo, hi = int(low * 100), int(high * 100)
    return D(rng.randint(min(lo, hi), max(lo, hi))) / 100


def rate_quiz(rng: random.Random, rule: RateRule, case: QuizCase) -> str:
    fund, weight = case.fund, case.weight
    span = weight / per_percent(rule, weight)  # percentage points from full marks to zero
    kind = rng.choices(["满分", "部分扣分", "扣完为止"], weights=[1, 2, 1])[0]
    if kind == "满分":
        gap = -_pct(rng, D(0), D(3))  # at or better than the line
    elif kind == "部分扣分":
        gap = _pct(rng, D("0.3"), span - D("0.3"))
    else:
        gap = span + _pct(rng, D("0.5"), D(5))
    if isinstance(rule, CeilingRateRule):
        rate = rule.threshold + gap
        amount = (fund.budget * max(rate, D(0)) / 100).quantize(CENT)
        if rng.random() < 0.5:
            fund.increase = amount
        else:
            fund.decrease = min(amount, fund.budget)
        fund.actual_spend = fund.funds_arrived = fund.budget + fund.increase - fund.decrease
        return kind
    if rng.random() < 0.4:
        fund.increase = (fund.budget * _pct(rng, D(1), D(8)) / 100).quantize(D(1))
    adjusted = fund.budget + fund.increase - fund.decrease
    if isinstance(rule, FloorRateRule):
        rate = min(rule.threshold - gap, D(100))
        fund.actual_spend = (adjusted * max(rate, D(0)) / 100).quantize(CENT)
        fund.funds_arrived = fund.actual_spend
        return kind
    execution = _pct(rng, D(85), D(100))
    fund.actual_spend = (adjusted * execution / 100).quantize(CENT)
    arrival = min(execution - gap, D(100))
    fund.funds_arrived = (adjusted * max(arrival, D(0)) / 100).quantize(CENT)
    return kind


X_PLACES = Decimal("0.0001")


def rate_curve(rule: RateRule, indicator: Indicator, reading: str, f: FundFigures) -> CurveAxis:
    """The score against the rate (%), moving the amount that drives it on the 合计 row."""
    span = indicator.weight / per_percent(rule, indicator.weight)
    if isinstance(rule, CeilingRateRule):
        if f.budget == 0:
            raise CurveUnavailable("预算安排数为 0，无法计算预算调整率")
        line = rule.threshold
        marks = [
            CurveMark(line, f"满分上限 {fmt_plain(line)}%"),
            CurveMark(line + span, f"扣完 {_num(line + span)}%"),
        ]
        low, high = ZERO, line + span + Decimal(5)
    else:
        if f.adjusted_budget <= 0:
            raise CurveUnavailable("调整后预算数为 0，无法计算比率")
        if isinstance(rule, ReferenceRateRule):
            line = measure_rate(f, rule.reference, None) or ZERO
            text = f"{MEASURE_LABELS[rule.reference]} {fmt2(line)}%"
        else:
            line, text = rule.threshold, f"满分起点 {fmt_plain(rule.threshold)}%"
        marks = [CurveMark(line, text), CurveMark(line - span, f"扣完 {_num(line - span)}%")]
        low, high = max(ZERO, line - span - Decimal(5)), max(HUNDRED, line + Decimal(2))

    def apply(x: Decimal, ind: Indicator, fund: FundRow) -> tuple[Indicator, FundRow]:
        if isinstance(rule, CeilingRateRule):
            fund.increase, fund.decrease = (fund.budget * x / HUNDRED).quantize(CENT), ZERO
        else:
            name = "actual_spend" if rule.measure == "execution" else "funds_arrived"
            setattr(fund, name, (f.adjusted_budget * x / HUNDRED).quantize(CENT))
        return ind, fund

    def x_of(ind: Indicator, moved: FundFigures) -> Decimal | None:
        rate = measure_rate(moved, rule.measure, None)  # the rate the engine read, after rounding
        return None if rate is None else rate.quantize(X_PLACES)

    now = measure_rate(f, rule.measure, None)
    current = None if now is None else now.quantize(X_PLACES)
    label = f"{MEASURE_LABELS[rule.measure]}（%）"
    return CurveAxis(label, True, low, high, tuple(marks), current, apply, x_of=x_of)


def _num(x: Decimal) -> str:
    return fmt_plain(x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
