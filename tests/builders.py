"""Small project builders for tests: one fund table and a handful of indicators, made explicit."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from perfeval_tui.scoring.model import Basics, FundRow, Indicator, Project, RuleInputs

ROOT = Path(__file__).resolve().parent.parent
WUXI = ROOT / "demo_data" / "wuxi-2020.json"
COUNTY = ROOT / "demo_data" / "county-demo.json"


def D(value: str | int) -> Decimal:  # noqa: N802 - reads like the Decimal it builds
    return Decimal(str(value))


def fund(budget="450", increase="0", decrease="0", spend="450", arrived="450") -> FundRow:
    return FundRow(
        id="f1",
        name="测试专项",
        budget=D(budget),
        increase=D(increase),
        decrease=D(decrease),
        actual_spend=D(spend),
        funds_arrived=D(arrived),
    )


def indicator(
    rule: str, weight="10", target=None, actual=None, unit="", direction="正向", **inputs
) -> Indicator:
    return Indicator(
        id="i1",
        levels=["个性指标", "产出", "测试指标"],
        weight=D(weight),
        rule=rule,
        target=None if target is None else D(target),
        actual=None if actual is None else D(actual),
        unit=unit,
        direction=direction,
        inputs=RuleInputs(**inputs),
    )


def project(
    *indicators: Indicator, funds: list[FundRow] | None = None, ruleset="wuxi-2021", readings=None
) -> Project:
    return Project(
        ruleset=ruleset,
        readings=readings or {},
        basics=Basics(name="测试", year=2020, unit="测试单位"),
        funds=[fund()] if funds is None else funds,
        indicators=list(indicators),
    )
