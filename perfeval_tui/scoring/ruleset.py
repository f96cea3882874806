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
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler, ValidationError
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
    target: Decimal | None = Field(
        None, description="新项目自带的目标值（如预算执行率 100、预算调整率 0；单位同 unit）"
    )
    target_label: str = ""
    actual_label: str = ""
    unit: str = ""
    fixed: bool = Field(
        True,
        description=(
            "固定指标（如共性指标）：其规则只用于其所在类别；"
            "false 表示新项目自带、由用户填写的指标（如社会满意度）"
        ),
    )


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
    satisfaction_section: list[str] | None = Field(
        None,
        description=(
            "满意度指标自成一类时该类的分组（如 满意度指标）：项目自定分组权重时，"
            "满意度指标权重合计按项目为该分组写的权重检查"
        ),
    )
    templates: list[IndicatorTemplate] = Field(default_factory=list)
    skeleton: list[list[str]] = Field(
        default_factory=list,
        description=(
            "新项目的指标分组骨架：表样上由用户填写指标的分组（各级名称），按表样顺序；"
            "没有指标时也列出，新增指标可直接放入"
        ),
    )
    default_rule: str = Field(description="新增个性指标默认使用的规则")

    def rules_for(self, levels: list[str]) -> list[str]:
        """The rule ids an indicator under ``levels`` may be scored by: a fixed indicator's rule
        (预算调整率 …) only within its own category (共性指标), every other rule anywhere."""
        owners: dict[str, set[str]] = {}
        for template in self.templates:
            if template.fixed and template.levels:
                owners.setdefault(template.rule, set()).add(template.levels[0])
        category = levels[0] if levels else ""
        return [rule for rule in self.rules if category in owners.get(rule, {category})]

    def grade(self, total: Decimal) -> str:
        for band in sorted(self.grade_bands, key=lambda b: b.min_score, reverse=True):
            if total >= band.min_score:
                return band.grade
        return self.grade_bands[-1].grade


class UnknownRuleSetError(LookupError):
    def __init__(self, ruleset_id: str, message: str | None = None) -> None:
        self.ruleset_id = ruleset_id
        known = "、".join(available_rulesets())
        super().__init__(
            message
            or f"未知的评分规则集「{ruleset_id}」，可用的有：{known}，或一个规则集文件的路径"
        )


class RuleSetFileError(UnknownRuleSetError):
    """A rule set file that cannot be read or does not match the schema; the message is Chinese."""


def available_rulesets() -> list[str]:
    folder = resources.files("perfeval_tui") / "rulesets"
    return sorted(
        p.name.removesuffix(".json") for p in folder.iterdir() if p.name.endswith(".json")
    )


def is_ruleset_path(ruleset: str) -> bool:
    """A rule set named by a file path rather than a packaged id."""
    return ruleset.endswith(".json") or "/" in ruleset or "\\" in ruleset


@cache
def load_ruleset(ruleset_id: str) -> RuleSet:
    """A packaged rule set by id, or a rule set file by path (validated against the schema).

    Results are cached since rule sets never change at run time.
    """
    if ruleset_id in available_rulesets():
        package = resources.files("perfeval_tui") / "rulesets"
        text = (package / f"{ruleset_id}.json").read_text("utf-8")
        return RuleSet.model_validate(json.loads(text))
    if is_ruleset_path(ruleset_id):
        return _load_file(Path(ruleset_id))
    raise UnknownRuleSetError(ruleset_id)


def _load_file(path: Path) -> RuleSet:
    where = f"规则集文件 {path}"
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise RuleSetFileError(str(path), f"{where} 不存在，请检查路径") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleSetFileError(str(path), f"{where} 无法读取：{exc}") from None
    except json.JSONDecodeError as exc:
        message = f"{where} 不是有效的 JSON：第 {exc.lineno} 行第 {exc.colno} 列附近有误"
        raise RuleSetFileError(str(path), message) from None
    try:
        return RuleSet.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = [str(part) for part in first["loc"]]
        if loc[:1] == ["rules"] and len(loc) > 2 and loc[2] in _family_ids():
            del loc[2]  # the union's tag, not a key of the file
        key = ".".join(loc) or "（整个文件）"
        problem = _PROBLEMS.get(first["type"], first["msg"])
        more = f"（另有 {exc.error_count() - 1} 处问题）" if exc.error_count() > 1 else ""
        message = f"{where} 不符合规则集格式：键「{key}」{problem}{more}"
        raise RuleSetFileError(str(path), message) from None


def _family_ids() -> set[str]:
    return {family.id for family in registry.all_families()}


_PROBLEMS = {
    "missing": "缺少，必须填写",
    "extra_forbidden": "不是规则集的字段，请删去或改正拼写",
    "union_tag_invalid": "不是已知的评分规则类型（family）",
    "union_tag_not_found": "缺少 family（评分规则类型）",
    "decimal_parsing": "应为数字",
    "string_type": "应为文字",
    "list_type": "应为列表",
    "dict_type": "应为对象",
    "literal_error": "不是可选的值之一",
}


def reading_options(rule: RuleBase) -> dict[str, str]:
    """The readings that apply to ``rule`` (not always all of its family's)."""
    return dict(registry.readings_of(rule))


def _rebuild() -> None:
    RuleSet.model_rebuild(force=True)
    load_ruleset.cache_clear()


registry.on_change(_rebuild)
