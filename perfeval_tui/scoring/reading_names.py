"""Readings and rule families by their Chinese names: the one place every surface (wizard, plain
mode, CLI, exports) turns a reading code or a family into words.

The codes (``floor``, ``banded``…) stay in files and on the command line; people see names.
"""

from __future__ import annotations

from .families import registry
from .families.base import RuleBase


def reading_text(family: str, code: str) -> str:
    """The reading's full Chinese label, ``按整百分点：不足 1 个百分点的部分不扣分``."""
    return registry.get(family).readings[code]


def reading_name(family: str, code: str) -> str:
    """The reading's short Chinese name, ``按整百分点`` for ``floor``, ``分档`` for ``banded``."""
    return short_name(reading_text(family, code))


def rule_reading_name(rule: RuleBase, code: str) -> str:
    """The short name of a reading as it applies to ``rule`` (``按比例计分`` for a rate scored
    分值 × 执行率, where the family's per-percent readings do not apply)."""
    return short_name(registry.readings_of(rule)[code])


def rule_reading_description(rule: RuleBase, code: str) -> str:
    label = registry.readings_of(rule)[code]
    return label.split("：", 1)[1] if "：" in label else label


def short_name(label: str) -> str:
    """The name part of a reading label: before ``：``, and before the first ``，``."""
    return label.split("：", 1)[0].split("，", 1)[0]


def name_of_code(code: str) -> str:
    """A reading's Chinese name from its code alone (codes are unique across families)."""
    for family in registry.all_families():
        if code in family.readings:
            return reading_name(family.id, code)
    return code


def family_name(family: str) -> str:
    """The family's Chinese name, flat enough to go inside brackets: ``参照比率，如资金到位率``."""
    return registry.family_label(family).replace("（", "，").replace("）", "")
