"""Rule sets as data: every rule family, its parameters and its named readings.

A rule set file (``perfeval_tui/rulesets/<id>.json``) says how each indicator is scored. Where
the source wording is ambiguous the choice is a *reading*: a named, switchable parameter that
every explanation shows together with its alternatives.
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

# Chinese labels of every reading, by family. The first reading listed is not the default:
# the default is whatever the rule set file says.
PERCENT_STEP_READINGS: dict[str, str] = {
    "continuous": "连续计算：按实际相差的百分点（含小数部分）折算扣分",
    "floor": "按整百分点：不足 1 个百分点的部分不扣分",
    "ceil": "按起算百分点：不足 1 个百分点按 1 个百分点扣分",
}
RATIO_READINGS: dict[str, str] = {
    "banded": "分档：完成值/目标值≥1 时按目标值大小分档，超过上限按比例扣分",
    "capped": "封顶：完成值/目标值≥1 一律得满分",
}
# Readings some rule sets add to 完成比例 (national forms): how a ``=`` target and 满意度 are read.
NATIONAL_RATIO_READINGS: dict[str, str] = {
    "deviation": "偏离计分：「=」目标按偏离扣分，得分 = 分值 × min(完成值, 目标值) / max(完成值, 目标值)；其余同封顶",
    "times_rate": "按满意率计分：得分 = 分值 × 实际满意率（达到目标也不计满分）；非百分比指标同封顶",
}
CHECKLIST_READINGS: dict[str, str] = {"sum": "逐项计分：得分为已满足事项分值之和"}
INCIDENT_READINGS: dict[str, str] = {
    "clause_caps": "先按各条款上限封顶，再合计扣分，扣完为止（不设上限条款除外）",
    "no_clause_caps": "不考虑条款上限，逐起累计扣分，扣完为止（不设上限条款除外）",
}
GRADED_READINGS: dict[str, str] = {"levels": "按评价等级折算：得分 = 权重 × 等级系数"}


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    name: str = Field(description="规则名称，例如 预算执行率")
    clause: str = Field(description="评分标准原文")
    explanation: str = Field("", description="指标解释原文")


class CeilingRateRule(_Rule):
    """预算调整率: at or below the ceiling is full marks, each percent above costs points."""

    family: Literal["ceiling_rate"] = "ceiling_rate"
    measure: Literal["adjustment"] = "adjustment"
    threshold: Decimal = Decimal(10)
    points_per_percent: Decimal = Decimal(1)
    reading: Literal["continuous", "floor", "ceil"] = "continuous"


class FloorRateRule(_Rule):
    """预算执行率: at or above the floor is full marks, each percent below costs points."""

    family: Literal["floor_rate"] = "floor_rate"
    measure: Literal["execution", "arrival"] = "execution"
    threshold: Decimal = Decimal(95)
    points_per_percent: Decimal = Decimal("0.5")
    proportional: bool = Field(
        False, description="按比例计分：得分 = 分值 × min(执行率, 100%)，与分值大小无关"
    )
    reading: Literal["continuous", "floor", "ceil"] = "continuous"


class ReferenceRateRule(_Rule):
    """资金到位率: at or above another rate is full marks, each percent below it costs points."""

    family: Literal["reference_rate"] = "reference_rate"
    measure: Literal["arrival", "execution"] = "arrival"
    reference: Literal["execution", "arrival"] = "execution"
    points_per_percent: Decimal = Decimal("0.5")
    reading: Literal["continuous", "floor", "ceil"] = "continuous"


class ChecklistItem(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    text: str
    points: Decimal


class ChecklistRule(_Rule):
    family: Literal["checklist"] = "checklist"
    items: list[ChecklistItem]
    reading: Literal["sum"] = "sum"


class IncidentClause(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    text: str
    points: Decimal = Field(description="每起扣分")
    cap: Decimal | None = Field(None, description="本条款扣分上限（扣完 N 分为止）")
    uncapped: bool = Field(False, description="不设上限：超出指标权重的部分继续扣减总分")


class IncidentRule(_Rule):
    family: Literal["incidents"] = "incidents"
    clauses: list[IncidentClause]
    reading: Literal["clause_caps", "no_clause_caps"] = "clause_caps"


class RatioBand(BaseModel):
    """For targets up to ``max_target``: full up to ratio ``full_until``, zero above ``zero_above``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_target: Decimal | None = Field(None, description="目标值上限（含）；空表示无上限")
    full_until: Decimal
    zero_above: Decimal
    label: str


RatioReading = Literal["banded", "capped", "deviation", "times_rate"]


def _ratio_readings() -> list[RatioReading]:
    return ["banded", "capped"]


class CompletionRatioRule(_Rule):
    family: Literal["completion_ratio"] = "completion_ratio"
    percent_band: RatioBand | None = Field(None, description="百分比目标和 0<目标值≤1 的档次")
    bands: list[RatioBand] = Field(default_factory=list, description="按目标值大小的档次，升序")
    reverse_zero_full: bool = Field(True, description="反向指标完成值为 0 且目标值>0 时得满分")
    readings: list[RatioReading] = Field(
        default_factory=_ratio_readings, description="本规则可选的口径"
    )
    reading: RatioReading = "banded"


class GradedRule(_Rule):
    family: Literal["graded"] = "graded"
    levels: dict[str, Decimal] = Field(description="等级 → 权重系数")
    bands: dict[str, tuple[Decimal, Decimal]] = Field(
        default_factory=dict,
        description="等级 → 可评定得分区间（占分值的比例，下限、上限）；评价人可在区间内确定得分",
    )
    reading: Literal["levels"] = "levels"


Rule = Annotated[
    CeilingRateRule
    | FloorRateRule
    | ReferenceRateRule
    | ChecklistRule
    | IncidentRule
    | CompletionRatioRule
    | GradedRule,
    Field(discriminator="family"),
]

READINGS_BY_FAMILY: dict[str, dict[str, str]] = {
    "ceiling_rate": PERCENT_STEP_READINGS,
    "floor_rate": PERCENT_STEP_READINGS,
    "reference_rate": PERCENT_STEP_READINGS,
    "checklist": CHECKLIST_READINGS,
    "incidents": INCIDENT_READINGS,
    "completion_ratio": {**RATIO_READINGS, **NATIONAL_RATIO_READINGS},
    "graded": GRADED_READINGS,
}

FAMILY_LABELS: dict[str, str] = {
    "ceiling_rate": "上限比率（如预算调整率）",
    "floor_rate": "下限比率（如预算执行率）",
    "reference_rate": "参照比率（如资金到位率）",
    "checklist": "逐项计分",
    "incidents": "发现扣分",
    "completion_ratio": "完成比例（完成值/目标值）",
    "graded": "等级评价",
}


class GradeBand(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    min_score: Decimal
    grade: str


class GroupWeight(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    path: list[str]
    weight: Decimal


class IndicatorTemplate(BaseModel):
    """An indicator every project under this rule set carries (e.g. Wuxi's 共性指标)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    levels: list[str]
    weight: Decimal
    rule: str
    target_label: str = ""
    actual_label: str = ""
    unit: str = ""


class RuleSet(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    name: str
    description: str = ""
    rules: dict[str, Rule]
    grade_bands: list[GradeBand]
    total_weight: Decimal = Decimal(100)
    group_weights: list[GroupWeight] = Field(
        default_factory=list, description="结构检查：这些分组的权重应为给定值"
    )
    satisfaction_rule: str | None = Field(None, description="满意度规则 id")
    satisfaction_weight: Decimal | None = Field(None, description="满意度指标权重合计应为此值")
    templates: list[IndicatorTemplate] = Field(default_factory=list)
    default_rule: str = Field(description="新增个性指标默认使用的规则")

    def grade(self, total: Decimal) -> str:
        for band in sorted(self.grade_bands, key=lambda b: b.min_score, reverse=True):
            if total >= band.min_score:
                return band.grade
        return self.grade_bands[-1].grade


class UnknownRuleSetError(LookupError):
    def __init__(self, ruleset_id: str) -> None:
        self.ruleset_id = ruleset_id
        known = "、".join(available_rulesets())
        super().__init__(f"未知的评分规则集「{ruleset_id}」，可用的有：{known}")


def available_rulesets() -> list[str]:
    folder = resources.files("perfeval_tui") / "rulesets"
    return sorted(
        p.name.removesuffix(".json") for p in folder.iterdir() if p.name.endswith(".json")
    )


@cache
def load_ruleset(ruleset_id: str) -> RuleSet:
    """Load a packaged rule set by id; results are cached since rule sets never change at run time."""
    if ruleset_id not in available_rulesets():
        raise UnknownRuleSetError(ruleset_id)
    text = (resources.files("perfeval_tui") / "rulesets" / f"{ruleset_id}.json").read_text("utf-8")
    return RuleSet.model_validate(json.loads(text))


def reading_options(rule: _Rule) -> dict[str, str]:
    family: str = getattr(rule, "family")  # noqa: B009 - every concrete rule has one
    options = READINGS_BY_FAMILY[family]
    allowed = getattr(rule, "readings", None)
    if allowed is None:
        return options
    return {code: options[code] for code in allowed}
