"""Case 20: at a rounding edge the explanation's printed numbers agree with one another."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hostile_helpers import WUXI

from perfeval_tui.project.storage import load_project
from perfeval_tui.scoring.engine import score_project

NUM = r"(\d+(?:\.\d+)?)"
PRODUCT = re.compile(rf"扣分 = {NUM} × {NUM} ([=≈]) {NUM}")
SCORE = re.compile(
    rf"得分 = {NUM} − {NUM} ([=≈]) {NUM}(?:，保留两位小数为 {NUM}（实扣 {NUM} − {NUM} = {NUM}）)?"
)


def _execution(budget: str, spend: str, arrived: str | None = None):
    project = load_project(WUXI)
    fund = project.funds[0]
    fund.budget, fund.stated_adjusted_budget = Decimal(budget), None
    fund.actual_spend = Decimal(spend)
    fund.funds_arrived = Decimal(arrived or budget)
    result = score_project(project)
    return result.by_id("budget_execution_rate"), result.by_id("funds_arrival_rate")


def _agree(item) -> None:
    steps = item.explanation.steps
    for step in steps:
        if m := PRODUCT.search(step):
            per, gap, rel, raw = m.groups()
            if rel == "=":
                assert Decimal(per) * Decimal(gap) == Decimal(raw), step
        if m := SCORE.search(step):
            weight, taken, rel, score, rounded, w2, r2, lost = m.groups()
            if rel == "=":
                assert Decimal(weight) - Decimal(taken) == Decimal(score), step
            shown = rounded or score
            assert Decimal(score).quantize(Decimal("0.01"), ROUND_HALF_UP) == Decimal(shown), step
            assert Decimal(shown) == item.score.quantize(Decimal("0.01"), ROUND_HALF_UP)
            if lost:
                assert Decimal(w2) - Decimal(r2) == Decimal(lost), step
    lost_listed = sum((d.points for d in item.deductions), Decimal(0))
    assert lost_listed == item.weight - item.score.quantize(Decimal("0.01"), ROUND_HALF_UP)


def test_the_reported_edge_budget_1000_spend_891_10():
    execution, _ = _execution("1000", "891.10")
    text = "\n".join(execution.explanation.steps)
    assert "扣分 = 0.5 × 5.89 = 2.945" in text
    assert "得分 = 4.00 − 2.945 = 1.055，保留两位小数为 1.06（实扣 4.00 − 1.06 = 2.94）" in text
    assert "2.95" not in text
    assert [d.points for d in execution.deductions] == [Decimal("2.94")]
    _agree(execution)


@pytest.mark.parametrize(
    ("budget", "spend", "arrived"),
    [
        ("1000", "891.10", None),
        ("1000", "891.30", None),
        ("1000", "930.50", "900.10"),
        ("300", "281.11", None),
        ("333", "300", "290"),
        ("7", "6.01", "5.99"),
        ("1000", "949.99", None),
        ("450", "400.05", "399.95"),
    ],
)
def test_every_printed_step_agrees_at_rounding_edges(budget, spend, arrived):
    for item in _execution(budget, spend, arrived):
        _agree(item)
