"""The one registry of rule families: id → :class:`RuleFamily`, in registration order.

The order is the rule book's and the quiz summary's. Listeners (the rule set model) are told
when the set of families changes, so a rule set file validates against every registered family.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..explanation import Explanation
from ..model import Indicator
from .base import RuleBase, RuleFamily
from .explain import ScoringContext

_FAMILIES: dict[str, RuleFamily[Any]] = {}
_LISTENERS: list[Callable[[], None]] = []


class UnknownFamilyError(LookupError):
    def __init__(self, family_id: str) -> None:
        self.family_id = family_id
        known = "、".join(_FAMILIES)
        super().__init__(f"未知的评分规则类型「{family_id}」，可用的有：{known}")


def register(family: RuleFamily[Any]) -> RuleFamily[Any]:
    """Add a family (or replace one with the same id); returns it, so a module can keep it."""
    tag = family.rule_model.model_fields.get("family")
    if tag is None or tag.default != family.id:
        raise ValueError(f"{family.rule_model.__name__}.family must default to {family.id!r}")
    reading = family.rule_model.model_fields.get("reading")
    if reading is None or reading.default not in family.readings:
        raise ValueError(
            f"{family.rule_model.__name__}.reading must default to one of its readings"
        )
    _FAMILIES[family.id] = family
    _changed()
    return family


def unregister(family_id: str) -> None:
    """Remove a family (tests register a toy family and take it out again)."""
    if _FAMILIES.pop(family_id, None) is not None:
        _changed()


def get(family_id: str) -> RuleFamily[Any]:
    try:
        return _FAMILIES[family_id]
    except KeyError:
        raise UnknownFamilyError(family_id) from None


def family_label(family_id: str) -> str:
    """The Chinese name of a family, e.g. 逐项计分."""
    return get(family_id).label


def family_of(rule: RuleBase) -> RuleFamily[Any]:
    return get(rule.family)


def readings_of(rule: RuleBase) -> Mapping[str, str]:
    """The readings that apply to ``rule``: reading id → Chinese label (``名称：说明``)."""
    family = get(rule.family)
    return family.rule_readings(rule) if family.rule_readings is not None else family.readings


def all_families() -> tuple[RuleFamily[Any], ...]:
    return tuple(_FAMILIES.values())


def score_indicator(
    rule: RuleBase, indicator: Indicator, context: ScoringContext, reading: str
) -> Explanation:
    """The engine's explanation of one indicator under its rule's family."""
    # Dispatch on the family tag: this runs once per indicator per keystroke.
    return _FAMILIES[rule.family].score(rule, indicator, context, reading)


def on_change(listener: Callable[[], None]) -> None:
    """Call ``listener`` whenever a family is registered or removed."""
    _LISTENERS.append(listener)


def _changed() -> None:
    for listener in _LISTENERS:
        listener()
