"""Addressing one value of a project: a JSON pointer, or an indicator name plus a field.

Two spellings reach the same field:

* a JSON pointer into the project file (RFC 6901, ``~0``/``~1`` escapes): ``/funds/0/actual_spend``;
* an indicator's lowest-level name (unique in the project; otherwise prefixed with its upper
  levels, ``专项总目标/产出/高清监控占比``) and a field: ``监控建成数量.完成值``.
  Besides 完成值/目标值 the fields 权重, 指标方向, 口径, 评价等级, a checklist item id
  (``绩效目标合理性.policy=否``) and an incident clause id (``明细支出合规性.misuse=1``) work.

An unknown path gets a Chinese message with the nearest valid spellings (difflib).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from ..project.storage import describe_location
from ..scoring.families import InputField, family_of
from ..scoring.model import Indicator, Project
from ..scoring.ruleset import RuleSet

RefKind = Literal["attr", "count", "tick", "reading", "ticked", "value"]

# Field suffixes of a name path -> (what it addresses, attribute).
NAME_FIELDS: dict[str, tuple[RefKind, str]] = {
    "完成值": ("attr", "actual"),
    "目标值": ("attr", "target"),
    "权重": ("attr", "weight"),
    "指标方向": ("attr", "direction"),
    "口径": ("attr", "reading"),
    "评价等级": ("attr", "level"),
}
# Things a simulation must not change: identities and the rule set (deltas are matched by id).
FROZEN_FIELDS = frozenset({"id", "schema_version", "ruleset", "levels", "indicator_id", "part_of"})


_UNIT_SUFFIX = re.compile(r"\([^()]*\)$")  # after NFKC, （%） is (%)


class SimulationError(ValueError):
    """A what-if input that cannot be used; ``str()`` is Chinese and lists the nearest valid ones."""

    def __init__(self, message: str, suggestions: Sequence[str] = ()) -> None:
        self.problem = message
        self.suggestions = tuple(suggestions)
        text = message
        if self.suggestions:
            text += "。最接近的有效写法：" + "、".join(self.suggestions)
        super().__init__(text)


class PathError(SimulationError):
    """A path that addresses nothing settable in the project."""


@dataclass(frozen=True, slots=True)
class FieldRef:
    """One addressable value: ``owner.field`` (or one key/item inside it)."""

    pointer: str  # canonical JSON pointer, e.g. /indicators/9/actual
    label: str  # Chinese, e.g. 「监控建成数量」完成值
    owner: BaseModel
    field: str
    kind: RefKind
    key: str | None = None  # clause id (count), item id (tick) or rule id (reading)
    indicator: Indicator | None = None


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "").replace("\u3000", "")


def _bare(text: str) -> str:
    return _UNIT_SUFFIX.sub("", _norm(text))


def nearest(word: str, candidates: Sequence[str], n: int = 5) -> list[str]:
    found = difflib.get_close_matches(word, candidates, n=n, cutoff=0.4)
    return found or list(candidates[:n])


def indicator_name(project: Project, indicator: Indicator) -> str:
    """The shortest level suffix that names only this indicator: 监控建成数量, or 产出/高清监控占比."""
    for depth in range(1, len(indicator.levels) + 1):
        tail = [_norm(x) for x in indicator.levels[-depth:]]
        same = [i for i in project.indicators if [_norm(x) for x in i.levels[-depth:]] == tail]
        if len(same) == 1:
            return "/".join(indicator.levels[-depth:])
    return "/".join(indicator.levels)


def name_path(project: Project, indicator: Indicator, field: str) -> str:
    return f"{indicator_name(project, indicator)}.{field}"


def pointer_of(project: Project, indicator: Indicator, *tail: str) -> str:
    index = next(i for i, item in enumerate(project.indicators) if item is indicator)
    return "/" + "/".join(escape(t) for t in ("indicators", str(index), *tail))


def _specs(ruleset: RuleSet, indicator: Indicator) -> tuple[InputField, ...]:
    rule = ruleset.rules.get(indicator.rule)
    return () if rule is None else family_of(rule).inputs(rule)


def _rule_keys(ruleset: RuleSet, indicator: Indicator) -> list[str]:
    """The rule's own inputs kept in ``inputs`` under a key: counts, ticks, other numbers."""
    return [
        s.key
        for s in _specs(ruleset, indicator)
        if s.owner == "inputs" and s.kind in ("count", "tick", "number")
    ]


def _indicator_fields(ruleset: RuleSet, indicator: Indicator) -> list[str]:
    graded = any(s.key == "level" for s in _specs(ruleset, indicator))
    fields = [k for k in NAME_FIELDS if k != "评价等级" or graded]
    return fields + _rule_keys(ruleset, indicator)


def name_paths(project: Project, ruleset: RuleSet) -> list[str]:
    """Every valid name path of the project, in table order."""
    return [
        f"{indicator_name(project, ind)}.{field}"
        for ind in project.indicators
        for field in _indicator_fields(ruleset, ind)
    ]


def resolve(project: Project, ruleset: RuleSet, path: str) -> FieldRef:
    """Find what ``path`` addresses in ``project``; raise :class:`PathError` if nothing."""
    text = path.strip()
    if not text:
        raise PathError("路径不能为空，请写 JSON 指针（如 /funds/0/actual_spend）或 指标名.完成值")
    if text.startswith("/"):
        return _resolve_pointer(project, ruleset, text)
    return _resolve_name(project, ruleset, text)


def _resolve_name(project: Project, ruleset: RuleSet, text: str) -> FieldRef:
    name, dot, field = text.rpartition(".")
    if not dot:
        examples = [p for p in name_paths(project, ruleset) if p.endswith(".完成值")]
        raise PathError(
            f"「{text}」缺少字段，请在指标名后写 .完成值 或 .目标值",
            nearest(text + ".完成值", examples),
        )
    indicator = find_indicator(project, name, f".{field}")
    label_name = f"「{indicator_name(project, indicator)}」"
    if field in NAME_FIELDS:
        kind, attr = NAME_FIELDS[field]
        if attr == "level":
            tail = ("inputs", "level")
            return FieldRef(
                pointer_of(project, indicator, *tail),
                f"{label_name}{field}",
                indicator.inputs,
                "level",
                kind,
                indicator=indicator,
            )
        return FieldRef(
            pointer_of(project, indicator, attr),
            f"{label_name}{field}",
            indicator,
            attr,
            kind,
            indicator=indicator,
        )
    spec = next((s for s in _specs(ruleset, indicator) if s.key == field), None)
    if spec is not None and field in _rule_keys(ruleset, indicator):
        return _input_ref(project, indicator, spec)
    own = indicator_name(project, indicator)
    raise PathError(
        f"指标{label_name}没有字段「{field}」",
        [f"{own}.{f}" for f in nearest(field, _indicator_fields(ruleset, indicator))],
    )


def find_indicator(project: Project, name: str, suffix: str = "") -> Indicator:
    """The indicator named ``name`` (its id, its lowest level, or a ``上级/名称`` level suffix)."""
    for indicator in project.indicators:
        if indicator.id == name.strip():
            return indicator
    parts = [_norm(p) for p in name.split("/") if p.strip()]
    matches = [
        ind
        for ind in project.indicators
        if parts and [_norm(x) for x in ind.levels[-len(parts) :]] == parts
    ]
    if (
        not matches and parts
    ):  # 预算执行率 for 预算执行率（%）: the unit in brackets may be left out
        bare = [_bare(p) for p in parts]
        matches = [
            ind
            for ind in project.indicators
            if [_bare(x) for x in ind.levels[-len(parts) :]] == bare
        ]
    if not matches:
        names = [indicator_name(project, i) for i in project.indicators]
        raise PathError(
            f"项目中没有名为「{name}」的指标",
            [f"{n}{suffix}" for n in nearest(name, names)],
        )
    if len(matches) > 1:
        raise PathError(
            f"有 {len(matches)} 个指标都叫「{name}」，请写出上级层级以区分",
            [f"{indicator_name(project, i)}{suffix}" for i in matches],
        )
    return matches[0]


def _input_ref(project: Project, indicator: Indicator, spec: InputField) -> FieldRef:
    """A count, a tick or another number the rule keeps in ``inputs`` under ``spec.key``."""
    name = f"「{indicator_name(project, indicator)}」"
    kind: RefKind = "tick" if spec.kind == "tick" else "count" if spec.kind == "count" else "value"
    if spec.kind == "tick":
        label = f"{name}事项「{spec.subject or spec.label}」"
        pointer = pointer_of(project, indicator, "inputs", "ticked")
    else:
        label = f"{name}{spec.label.split('（', 1)[0]}"
        label += f"「{spec.subject}」" if spec.subject else ""
        pointer = pointer_of(project, indicator, "inputs", spec.attribute, spec.key)
    return FieldRef(
        pointer, label, indicator.inputs, spec.attribute, kind, key=spec.key, indicator=indicator
    )


def _resolve_pointer(project: Project, ruleset: RuleSet, text: str) -> FieldRef:
    tokens = [_unescape(t) for t in text[1:].split("/")]
    node: Any = project
    owner: BaseModel = project
    field = ""
    indicator: Indicator | None = None
    loc: list[str | int] = []
    for position, token in enumerate(tokens):
        last = position == len(tokens) - 1
        where = "/" + "/".join(escape(str(t)) for t in loc)
        step: str | int = token
        if isinstance(node, BaseModel):
            if token not in type(node).model_fields:
                siblings = [
                    f"{where.rstrip('/')}/{f}"
                    for f in type(node).model_fields
                    if f not in FROZEN_FIELDS
                ]
                raise PathError(f"「{where}」下没有「{token}」", nearest(text, siblings))
            owner, field = node, token
            node = getattr(node, token)
        elif isinstance(node, list):
            if not (token.isdigit() and (token == "0" or not token.startswith("0"))):
                raise PathError(f"「{where}」是表格，应写行号（从 0 开始），例如 {where}/0")
            if int(token) >= len(node):
                raise PathError(
                    f"「{where}」只有 {len(node)} 行（行号从 0 开始），没有第 {token} 行",
                    [f"{where}/{i}" for i in range(min(len(node), 5))],
                )
            node, step = node[int(token)], int(token)
        elif isinstance(node, dict) and last:
            return _dict_ref(project, ruleset, owner, field, token, indicator, text)
        else:
            raise PathError(f"「{where}」已是一个值，后面不能再接「{token}」")
        loc.append(step)
        if isinstance(node, Indicator):
            indicator = node
    if field == "override" and node is None:
        raise PathError(f"「{text}」没有人工评分；人工评分请在向导中填写")
    if field in FROZEN_FIELDS:
        raise PathError(f"「{text}」（{_title(owner, field)}）在模拟中不能修改")
    if isinstance(node, BaseModel) or (isinstance(node, (list, dict)) and field not in ("ticked",)):
        children = [p for p in pointer_paths(project, ruleset) if p.startswith(text + "/")]
        raise PathError(f"「{text}」指向一组数据，请指到具体的一个值", children[:5])
    label = _pointer_label(project, owner, field, indicator, loc)
    kind: RefKind = "ticked" if field == "ticked" else "attr"
    return FieldRef(text, label, owner, field, kind, indicator=indicator)


def _dict_ref(
    project: Project,
    ruleset: RuleSet,
    owner: BaseModel,
    field: str,
    key: str,
    indicator: Indicator | None,
    text: str,
) -> FieldRef:
    if field == "readings":
        if key not in ruleset.rules:
            raise PathError(
                f"规则集「{ruleset.id}」中没有规则「{key}」",
                nearest(text, [f"/readings/{r}" for r in ruleset.rules]),
            )
        named = ruleset.rules[key]
        return FieldRef(text, f"规则「{named.name}」的口径", owner, field, "reading", key=key)
    rule = ruleset.rules.get(indicator.rule) if indicator is not None else None
    if field in ("counts", "values") and indicator is not None and rule is not None:
        if key not in _rule_keys(ruleset, indicator):
            base = text.rpartition("/")[0]
            raise PathError(
                f"规则「{rule.name}」没有输入项「{key}」",
                nearest(text, [f"{base}/{escape(k)}" for k in _rule_keys(ruleset, indicator)]),
            )
        spec = next(s for s in _specs(ruleset, indicator) if s.key == key)
        ref = _input_ref(project, indicator, spec)
        return FieldRef(text, ref.label, ref.owner, ref.field, ref.kind, ref.key, indicator)
    raise PathError(f"「{text}」不能在模拟中修改")


def _title(owner: BaseModel, field: str) -> str:
    info = type(owner).model_fields.get(field)
    return info.title if info is not None and info.title else field


def _pointer_label(
    project: Project,
    owner: BaseModel,
    field: str,
    indicator: Indicator | None,
    loc: list[str | int],
) -> str:
    if indicator is not None:
        return f"「{indicator_name(project, indicator)}」{_title(owner, field)}"
    if loc and loc[0] in ("funds", "districts", "goals", "basics"):
        return describe_location(tuple(loc))
    return _title(owner, field)


def _leaves(node: Any, prefix: str) -> Iterator[str]:
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            if name in FROZEN_FIELDS:
                continue
            value = getattr(node, name)
            if name == "override" and value is None:
                continue
            if name == "ticked" or not isinstance(value, (BaseModel, list, dict)):
                yield f"{prefix}/{name}"
            else:
                yield from _leaves(value, f"{prefix}/{name}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _leaves(item, f"{prefix}/{index}")


def pointer_paths(project: Project, ruleset: RuleSet) -> list[str]:
    """Every JSON pointer a simulation may set, in file order."""
    out = list(_leaves(project, ""))
    out += [f"/readings/{escape(r)}" for r in ruleset.rules]
    for index, indicator in enumerate(project.indicators):
        out += [
            f"/indicators/{index}/inputs/{s.attribute}/{escape(s.key)}"
            for s in _specs(ruleset, indicator)
            if s.owner == "inputs" and s.kind in ("count", "number")
        ]
    return out
