"""The national budget block: 年度资金总额 and its 其中 rows (财政拨款, 上年结转, 其他资金).

执行率 = 全年执行数 / 全年预算数, read from the 总额 row; where that row is blank or 0/0, from the
sum of its 其中 rows. The figures feed the same :class:`~.budget.FundFigures` the rate rules read.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from .budget import BudgetTable, FundFigures, percent
from .model import BudgetLine

ZERO = Decimal(0)

# The rows of the national form's 项目资金 block, as printed on a blank form.
STANDARD_LINES: tuple[tuple[str, Literal["总额", "其中"]], ...] = (
    ("年度资金总额", "总额"),
    ("当年财政拨款", "其中"),
    ("上年结转资金", "其中"),
    ("其他资金", "其中"),
)
AMOUNTS = (("initial", "年初预算数"), ("budget", "全年预算数"), ("spend", "全年执行数"))


def standard_block() -> list[BudgetLine]:
    """A blank block: 年度资金总额 and its 其中 rows 当年财政拨款, 上年结转资金, 其他资金."""
    return [BudgetLine(name=name, role=role) for name, role in STANDARD_LINES]


def _figures(name: str, lines: list[BudgetLine]) -> FundFigures:
    budget = sum((line.budget or ZERO for line in lines), ZERO)
    initial = sum((line.initial or ZERO for line in lines), ZERO)
    spend = sum((line.spend or ZERO for line in lines), ZERO)
    return FundFigures(
        name=name,
        budget=initial,
        increase=max(budget - initial, ZERO),
        decrease=max(initial - budget, ZERO),
        adjusted_budget=budget,
        actual_spend=spend,
        funds_arrived=spend,
        adjustment_rate=percent(abs(budget - initial), initial),
        execution_rate=percent(spend, budget),
        arrival_rate=percent(spend, budget),
    )


def line_figures(line: BudgetLine) -> FundFigures:
    """One row's own figures (its 执行率 beside it on the form)."""
    return _figures(line.name, [line])


def total_line(lines: list[BudgetLine]) -> BudgetLine | None:
    return next((line for line in lines if line.role == "总额"), None)


def part_lines(lines: list[BudgetLine]) -> list[BudgetLine]:
    return [line for line in lines if line.role == "其中"]


def uses_parts(lines: list[BudgetLine]) -> bool:
    """True when the 总额 row is missing or 0/0, so the rate comes from the 其中 rows."""
    total = total_line(lines)
    return total is None or not (total.budget or total.spend)


def block_table(lines: list[BudgetLine]) -> BudgetTable:
    parts = part_lines(lines)
    total = total_line(lines)
    source = parts if uses_parts(lines) or total is None else [total]
    return BudgetTable(
        rows=tuple(_figures(line.name, [line]) for line in parts),
        total=_figures("年度资金总额", source),
    )


def parts_sum(lines: list[BudgetLine], field: str) -> Decimal | None:
    """The sum of the 其中 rows' ``field``, or None when none of them has it."""
    values = [getattr(line, field) for line in part_lines(lines)]
    if all(v is None for v in values):
        return None
    return sum((v or ZERO for v in values), ZERO)
