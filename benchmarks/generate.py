"""Generated projects of any size for the benchmarks: the seed's common indicators plus N others."""

from __future__ import annotations

import random
from decimal import Decimal

from perfeval_tui.project.factory import new_project
from perfeval_tui.scoring.model import FundRow, Indicator, Project, RuleInputs


def large_project(indicators: int = 1000, seed: int = 1) -> Project:
    """A plausible project with ``indicators`` indicators in total, every rule family present."""
    rng = random.Random(seed)
    project = new_project("基准测试专项", 2024, "基准测试单位")
    project.funds = [
        FundRow(
            id=f"f{i}",
            name=f"资金{i}",
            budget=Decimal(rng.randint(50, 900)),
            actual_spend=Decimal(rng.randint(40, 900)),
            funds_arrived=Decimal(rng.randint(40, 900)),
        )
        for i in range(20)
    ]
    extra = max(0, indicators - len(project.indicators))
    weight = (Decimal(60) / Decimal(max(extra, 1))).quantize(Decimal("0.0001"))
    for n in range(extra):
        rule = "graded" if n % 10 == 9 else ("satisfaction" if n % 10 == 8 else "completion_ratio")
        target = Decimal(rng.choice([1, 12, 80, 1304, 25000]))
        project.indicators.append(
            Indicator(
                id=f"g{n}",
                levels=["个性指标", f"目标{n // 50}", "产出" if n % 2 else "效果", f"指标{n}"],
                weight=weight,
                rule=rule,
                target=target,
                actual=(target * Decimal(rng.randint(50, 260)) / 100).quantize(Decimal("0.01")),
                unit="%" if n % 7 == 0 else "个",
                direction="反向" if n % 13 == 0 else "正向",
                inputs=RuleInputs(level="良") if rule == "graded" else RuleInputs(),
            )
        )
    return project


def realistic(indicators: int) -> Project:
    """The generated project with the text a real one carries: explanations, remarks."""
    project = large_project(indicators)
    for n, item in enumerate(project.indicators[9:]):
        item.explanation_text = f"（第{n}项完成数/计划数）*100%，反映专项资金支出的产出情况。"
        item.remark = "数据来源：项目验收资料" if n % 5 == 0 else ""
    return project
