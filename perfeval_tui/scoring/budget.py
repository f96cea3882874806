"""Derived figures of 附表1 and the district table: 调整后预算数, the three rates and the 合计 rows.

Rates are percentage numbers (100 means 100%) kept exact; they are rounded only for display.
Formulas follow the notes under the seed's 附表1.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from .model import DistrictRow, FundRow

HUNDRED = Decimal(100)
ZERO = Decimal(0)


def percent(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    """``numerator / denominator * 100``, or None when the denominator is 0."""
    if denominator == 0:
        return None
    return numerator / denominator * HUNDRED


@dataclass(frozen=True, slots=True)
class FundFigures:
    """One 附表1 row (or the 合计 row) with its derived columns."""

    name: str
    budget: Decimal
    increase: Decimal
    decrease: Decimal
    adjusted_budget: Decimal
    actual_spend: Decimal
    funds_arrived: Decimal
    adjustment_rate: Decimal | None
    execution_rate: Decimal | None
    arrival_rate: Decimal | None

    @property
    def adjustment(self) -> Decimal:
        # Note 5: 预算调整数 is the larger of 调增 and 调减.
        return max(self.increase, self.decrease)


def fund_figures(name: str, rows: Iterable[FundRow]) -> FundFigures:
    rows = list(rows)
    budget = sum((r.budget for r in rows), ZERO)
    increase = sum((r.increase for r in rows), ZERO)
    decrease = sum((r.decrease for r in rows), ZERO)
    spend = sum((r.actual_spend for r in rows), ZERO)
    arrived = sum((r.funds_arrived for r in rows), ZERO)
    adjusted = budget + increase - decrease
    return FundFigures(
        name=name,
        budget=budget,
        increase=increase,
        decrease=decrease,
        adjusted_budget=adjusted,
        actual_spend=spend,
        funds_arrived=arrived,
        adjustment_rate=percent(max(increase, decrease), budget),
        execution_rate=percent(spend, adjusted),
        arrival_rate=percent(arrived, adjusted),
    )


@dataclass(frozen=True, slots=True)
class BudgetTable:
    """附表1 as computed: each fund row and the 合计 row."""

    rows: tuple[FundFigures, ...]
    total: FundFigures


def budget_table(funds: list[FundRow]) -> BudgetTable:
    return BudgetTable(
        rows=tuple(fund_figures(f.name, [f]) for f in funds),
        total=fund_figures("合计", funds),
    )


@dataclass(frozen=True, slots=True)
class DistrictFigures:
    name: str
    allocated: Decimal
    actual_spend: Decimal
    carryover: Decimal
    funds_arrived: Decimal
    arrival_rate: Decimal | None


def district_figures(name: str, rows: Iterable[DistrictRow]) -> DistrictFigures:
    rows = list(rows)
    allocated = sum((r.allocated for r in rows), ZERO)
    arrived = sum((r.funds_arrived for r in rows), ZERO)
    return DistrictFigures(
        name=name,
        allocated=allocated,
        actual_spend=sum((r.actual_spend for r in rows), ZERO),
        carryover=sum((r.carryover for r in rows), ZERO),
        funds_arrived=arrived,
        arrival_rate=percent(arrived, allocated),
    )


@dataclass(frozen=True, slots=True)
class DistrictTable:
    rows: tuple[DistrictFigures, ...]
    total: DistrictFigures


def district_table(districts: list[DistrictRow]) -> DistrictTable:
    return DistrictTable(
        rows=tuple(district_figures(d.name, [d]) for d in districts),
        total=district_figures("合计", districts),
    )
