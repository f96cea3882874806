"""Rule sets as data: the rules of a form, each of a registered family, and their named readings.

A rule set file (``perfeval_tui/rulesets/<id>.json``) says how each indicator is scored. Where
the source wording is ambiguous the choice is a *reading*: a named, switchable parameter that
every explanation shows together with its alternatives.
"""

from __future__ import annotations

import json
from collections.abc import Hashable
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler
from pydantic_core import core_schema

from .families import RuleBase, registry
from .model import DEFAULT_RULESET

__all__ = ["DEFAULT_RULESET", "Rule", "RuleSet", "load_ruleset", "reading_options"]


class _RegisteredRule:
    """A rule of any registered family, chosen by its ``family`` tag (see families/registry.py)."""

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        choices: dict[Hashable, core_schema.CoreSchema] = {
            family.id: handler.generate_schema(family.rule_model)
            for family in registry.all_families()
        }
        return core_schema.tagged_union_schema(choices, discriminator="family")


Rule = Annotated[RuleBase, _RegisteredRule]


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


def reading_options(rule: RuleBase) -> dict[str, str]:
    return dict(registry.get(rule.family).readings)


def _rebuild() -> None:
    RuleSet.model_rebuild(force=True)
    load_ruleset.cache_clear()


registry.on_change(_rebuild)
