"""The project file: basics, 附表1 fund rows, district rows and the 附表2 indicator list.

Plain pydantic v2 models; they hold what the user typed and nothing derived. Derived figures
(调整后预算数, rates, scores) come from :mod:`perfeval_tui.scoring.engine`.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from .basics_fields import BASICS_TITLES as _TITLES
from .numbers import NumberKind, parse_number
from .text import Line, Text

SCHEMA_VERSION = 1
DEFAULT_RULESET = "wuxi-2021"  # the rule set of a new project unless another is chosen


def _number(kind: NumberKind) -> BeforeValidator:
    """Route every typed number through the one parser; the field's title names it in errors."""

    def parse(value: Any) -> Any:
        if isinstance(value, (str, int, Decimal)) and not isinstance(value, bool):
            return parse_number(value, kind=kind)
        return value  # None stays None; floats and other types fail the Decimal check below

    return BeforeValidator(parse)


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


Money = Annotated[Decimal, _number("money"), Field(ge=0)]
# The national budget block: amounts are written to 4 decimals of 万元 (89.974, 132.9120).
Money4 = Annotated[Decimal, _number("money4"), Field(ge=0)]
Value = Annotated[Decimal, _number("value")]
Points = Annotated[Decimal, _number("score"), Field(ge=0, le=100)]
Count = Annotated[int, Field(ge=0)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False)


class Basics(_Model):
    name: Line = Field(min_length=1, title=_TITLES["name"])
    year: int = Field(ge=1990, le=2100, title=_TITLES["year"])
    unit: Line = Field(min_length=1, title=_TITLES["unit"])
    department: Line = Field("", title=_TITLES["department"])
    preparer: Line = Field("", title=_TITLES["preparer"])
    phone: Line = Field("", title=_TITLES["phone"])
    fill_date: Line = Field("", title=_TITLES["fill_date"])
    team_leader: Line = Field("", title=_TITLES["team_leader"])
    background: Text = Field("", title=_TITLES["background"])
    basis: Text = Field("", title=_TITLES["basis"])
    organization: Text = Field("", title=_TITLES["organization"])
    content: Text = Field("", title=_TITLES["content"])
    approach: Text = Field("", title=_TITLES["approach"])
    achievements: Text = Field("", title=_TITLES["achievements"])
    problems: Text = Field("", title=_TITLES["problems"])
    suggestions: Text = Field("", title=_TITLES["suggestions"])
    goals_text: Text = Field("", title=_TITLES["goals_text"])
    goal_result: Text = Field("", title=_TITLES["goal_result"])
    conclusion: Text = Field("", title=_TITLES["conclusion"])
    improvements: Text = Field("", title=_TITLES["improvements"])

    @field_validator("name", "unit")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("不能为空")
        return value.strip()


class FundRow(_Model):
    """One row of 附表1 预算安排及执行情况表 (amounts in 万元)."""

    id: Line = Field(default_factory=lambda: new_id("fund"))
    name: Line = Field(title="专项（项目）资金名称")
    budget: Money = Field(Decimal(0), title="预算安排数")
    increase: Money = Field(Decimal(0), title="预算调增数")
    decrease: Money = Field(Decimal(0), title="预算调减数")
    actual_spend: Money = Field(Decimal(0), title="实际支出数")
    funds_arrived: Money = Field(Decimal(0), title="实际到位资金")
    stated_adjusted_budget: Money | None = Field(None, title="调整后预算数")
    remark: Text = Field("", title="备注")


class DistrictRow(_Model):
    """One row of the 区县资金分配表 (amounts in 万元)."""

    id: Line = Field(default_factory=lambda: new_id("district"))
    name: Line = Field(title="市（县）区名称")
    allocated: Money = Field(Decimal(0), title="资金下达数")
    actual_spend: Money = Field(Decimal(0), title="实际支出数")
    carryover: Money = Field(Decimal(0), title="结余结转数")
    funds_arrived: Money = Field(Decimal(0), title="项目资金到位数")
    remark: Text = Field("", title="备注")


class Override(_Model):
    """A manual score that replaces the computed one in the total; both are kept."""

    score: Points = Field(title="人工评分")
    reason: Text = Field(min_length=1, title="调整理由")


class RuleInputs(_Model):
    """What a rule needs beyond 目标值/完成值: ticked checklist items, incident counts, a level, and
    any other family's numbers and choices."""

    ticked: list[Line] = Field(default_factory=list, title="已勾选事项")
    counts: dict[Line, Count] = Field(default_factory=dict, title="发现次数")
    level: Line | None = Field(None, title="评价等级")
    # Inputs of other rule families (see scoring/families/inputs.py); left out of the file when empty.
    values: dict[Line, Value] = Field(
        default_factory=dict, title="录入数值", exclude_if=lambda v: not v
    )
    choices: dict[Line, Line] = Field(
        default_factory=dict, title="选项", exclude_if=lambda v: not v
    )


class IndicatorPart(_Model):
    """A ``其中`` sub-row of a ★ indicator: no 分值 of its own, kept as written."""

    name: Line = Field(title="其中")
    target_label: Line = Field("", title="年度指标值")
    actual_label: Line = Field("", title="实际完成值")


Operator = Literal["≥", ">", "≤", "<", "="]


class YearValues(_Model):
    """One year of a cross-year evaluation: that year's 目标值 and 完成值."""

    year: int = Field(ge=1990, le=2100, title="年度")
    target: Value | None = Field(None, title="目标值")
    actual: Value | None = Field(None, title="完成值")
    target_label: Line = Field("", title="目标值（文字）")
    actual_label: Line = Field("", title="完成值（文字）")


class Indicator(_Model):
    """One lowest-level row of 附表2 绩效评价指标表."""

    id: Line = Field(default_factory=lambda: new_id("ind"))
    levels: list[Line] = Field(min_length=1, max_length=5, title="指标层级")
    weight: Points = Field(title="权重")
    rule: Line = Field(title="评分规则")
    target: Value | None = Field(None, title="目标值")
    actual: Value | None = Field(None, title="完成值")
    target_label: Line = Field("", title="目标值（文字）")
    actual_label: Line = Field("", title="完成值（文字）")
    unit: Line = Field("", title="单位")
    direction: Literal["正向", "反向"] = Field("正向", title="指标方向")
    explanation_text: Text = Field("", title="指标解释")
    criteria_text: Text = Field("", title="评分标准")
    remark: Text = Field("", title="备注")
    inputs: RuleInputs = Field(default_factory=RuleInputs, title="评分输入")
    reading: Line | None = Field(None, title="口径")
    override: Override | None = Field(None, title="人工评分")
    part_of: Line | None = Field(None, title="所属总目标")
    operator: Operator | None = Field(None, title="指标性质", exclude_if=lambda v: v is None)
    stated_score: Decimal | None = Field(
        None, ge=0, title="自评得分", exclude_if=lambda v: v is None
    )
    deviation: Text = Field("", title="偏差原因分析及改进措施", exclude_if=lambda v: not v)
    yearly: list[YearValues] = Field(
        default_factory=list, title="分年度目标与完成值", exclude_if=lambda v: not v
    )
    parts: list[IndicatorPart] = Field(
        default_factory=list, title="其中", exclude_if=lambda v: not v
    )

    @model_validator(mode="after")
    def _override_within_weight(self) -> Indicator:
        if self.override is not None and self.override.score > self.weight:
            raise ValueError(
                f"人工评分 {self.override.score} 超过权重 {self.weight}，请填 0 到 {self.weight} 之间的分数"
            )
        return self

    @property
    def name(self) -> str:
        return self.levels[-1]


class IndicatorGroup(_Model):
    """A weighted group of indicators (e.g. 共性指标 40); its path is the levels above the leaves."""

    path: list[Line] = Field(min_length=1, title="指标分组")
    weight: Points = Field(title="权重")


class StatedGoal(_Model):
    """A goal as the report text states it (一、（六）绩效目标), linked to its 附表2 indicator."""

    id: Line = Field(default_factory=lambda: new_id("goal"))
    name: Line = Field(min_length=1, title="绩效目标名称")
    kind: Literal["总目标", "明细目标"] = Field("总目标", title="目标类别")
    target: Value = Field(title="目标值")
    unit: Line = Field("", title="单位")
    indicator_id: Line | None = Field(None, title="对应指标")


class BudgetLine(_Model):
    """One row of the national budget block (万元): 年度资金总额, or one of its 其中 rows."""

    name: Line = Field(title="项目资金")
    role: Literal["总额", "其中"] = Field("其中", title="行类别")
    initial: Money4 | None = Field(None, title="年初预算数")
    budget: Money4 | None = Field(None, title="全年预算数")
    spend: Money4 | None = Field(None, title="全年执行数")
    stated_rate: Decimal | None = Field(None, ge=0, title="执行率（表上）")


class Project(_Model):
    schema_version: int = Field(SCHEMA_VERSION, title="文件格式版本")
    ruleset: Line = Field(DEFAULT_RULESET, title="评分规则集")
    readings: dict[Line, Line] = Field(default_factory=dict, title="规则口径")
    basics: Basics
    funds: list[FundRow] = Field(default_factory=list)
    districts: list[DistrictRow] = Field(default_factory=list)
    groups: list[IndicatorGroup] = Field(default_factory=list, title="指标分组")
    skeleton: list[list[Line]] = Field(
        default_factory=list,
        title="表样分组",
        description="表样上由用户填写指标的分组（新项目取自规则集），没有指标时也列出",
        exclude_if=lambda v: not v,
    )
    indicators: list[Indicator] = Field(default_factory=list)
    goals: list[StatedGoal] = Field(default_factory=list)
    budget_block: list[BudgetLine] = Field(
        default_factory=list, title="项目资金", exclude_if=lambda v: not v
    )
    stated_total: Decimal | None = Field(
        None, ge=0, title="总分（表上得分）", exclude_if=lambda v: v is None
    )
    stated_weight_total: Decimal | None = Field(
        None, ge=0, title="总分（表上分值）", exclude_if=lambda v: v is None
    )

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value > SCHEMA_VERSION:
            raise ValueError(
                f"文件格式版本 {value} 比本程序支持的 {SCHEMA_VERSION} 新，请升级 perfeval-tui 后再打开"
            )
        if value < 1:
            raise ValueError("文件格式版本应为正整数")
        return value

    @model_validator(mode="after")
    def _unique_ids(self) -> Project:
        tables: list[tuple[str, list[Any]]] = [
            ("附表1", self.funds),
            ("区县资金分配表", self.districts),
            ("附表2", self.indicators),
            ("绩效目标", self.goals),
        ]
        for table, rows in tables:
            seen: dict[str, int] = {}
            for number, row in enumerate(rows, start=1):
                if row.id in seen:
                    raise ValueError(
                        f"{table} 第 {number} 行的编号（id）「{row.id}」与第 {seen[row.id]} 行重复，"
                        "每行的编号必须不同。请改掉其中一个或删去该行的 id（会自动生成）"
                    )
                seen[row.id] = number
        return self

    def indicator(self, indicator_id: str) -> Indicator:
        for item in self.indicators:
            if item.id == indicator_id:
                return item
        raise KeyError(indicator_id)
