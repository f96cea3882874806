"""What a rule family is: everything one family declares, in one value.

A rule family (下限比率, 逐项计分, 发现扣分, 等级评价 …) is one module under
:mod:`perfeval_tui.scoring.families` that builds a :class:`RuleFamily` and registers it
(:func:`perfeval_tui.scoring.families.registry.register`). Every surface (the engine, the rule
set file and its JSON Schema, the wizard's indicator form, plain mode, the rule book, the quiz,
goal seek, score curves, completeness) iterates the registry and never names a family.

The parts that belong to the analysis layer (quiz, seek, curve) are given here as pure data and
functions over the scoring models; the generic analysis code scores and renders them.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from ..budget import FundFigures
from ..explanation import Explanation
from ..model import FundRow, Indicator
from .explain import ScoringContext
from .inputs import InputField


class RuleBase(BaseModel):
    """The fields every rule has; a family's parameter model adds ``family: Literal[id]`` and
    ``reading: Literal[...]`` (the rule set's default reading) and its own parameters."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    name: str = Field(description="规则名称，例如 预算执行率")
    clause: str = Field(description="评分标准原文")
    explanation: str = Field("", description="指标解释原文")
    family: str
    reading: str


R = TypeVar("R", bound=RuleBase)


@dataclass(slots=True)
class ExampleCase:
    """A one-indicator project being set up: a family fills in its inputs and the 附表1 row.

    ``fund`` starts as 预算安排 450 万元, all spent and arrived; ``indicator`` has no inputs.
    """

    indicator: Indicator
    fund: FundRow


@dataclass(slots=True)
class QuizCase:
    """A quiz scenario being set up (like :class:`ExampleCase`), with what the quiz knows."""

    indicator: Indicator
    fund: FundRow
    weight: Decimal
    satisfaction: bool  # the rule is the rule set's satisfaction rule (a percentage target)


@dataclass(frozen=True, slots=True)
class InputChange:
    """One input set to a new value by a seek answer; ``key`` as in :class:`InputField`."""

    field: InputField
    value: Any  # Decimal for number/count/amount, bool for tick, str for choice
    old: Any


@dataclass(frozen=True, slots=True)
class SeekOption:
    """One way to reach a score: the inputs to change, in words and as values."""

    summary: str  # Chinese, e.g. 勾选「制度健全」
    changes: tuple[InputChange, ...]
    size: Decimal  # how big a change it is, relative (0 = none); smaller is shown first


@dataclass(frozen=True, slots=True)
class SeekQuery:
    indicator: Indicator
    reading: str
    context: ScoringContext
    score: Decimal
    at_least: bool  # True: at least ``score``; False: exactly ``score``


@dataclass(frozen=True, slots=True)
class SeekResult:
    options: tuple[SeekOption, ...]  # fewest changes first
    notes: tuple[str, ...] = ()  # Chinese remarks (why there is no answer, the reading's steps)
    full_range: str | None = None  # the inputs that give full marks, in words


@dataclass(frozen=True, slots=True)
class CurveMark:
    x: Decimal
    label: str  # e.g. 满分上限 L=1.2


@dataclass(frozen=True, slots=True)
class CurveAxis:
    """The one number a score follows, and how to set it on a copy of the inputs."""

    x_label: str  # 完成值/目标值, 预算执行率（%）, 「…」发现次数
    percent: bool  # x is a percentage (shown with %)
    low: Decimal
    high: Decimal
    marks: tuple[CurveMark, ...]
    current: Decimal | None  # the project's own x
    # Set x on copies of the indicator and the 合计 fund row; None skips this x.
    apply: Callable[[Decimal, Indicator, FundRow], tuple[Indicator, FundRow] | None]
    integer: bool = False  # x takes whole values only (counts)
    # The x the engine actually read after ``apply`` (e.g. a rate after rounding to the cent);
    # None skips the point. Without it, x as set.
    x_of: Callable[[Indicator, FundFigures], Decimal | None] | None = None


class CurveUnavailable(ValueError):
    """This indicator has no score curve (yet); the message is Chinese."""


Scorer = Callable[[R, Indicator, ScoringContext, str], Explanation]


@dataclass(frozen=True)
class RuleFamily(Generic[R]):
    """Everything about one rule family.

    - ``id`` is the ``family`` tag in rule set files; ``label`` its Chinese name.
    - ``rule_model``: the pydantic parameters, with ``family: Literal[id]``.
    - ``readings``: reading id → Chinese description (``名称：说明``).
    - ``score(rule, indicator, context, reading)`` → the engine's :class:`Explanation`.
    - ``inputs(rule)``: what an indicator under this rule reads, for forms and prompts.
    - ``missing(rule, indicator)``: what is not entered yet (``目标值未填写``); empty when complete.
    - ``describe(rule)``: the rule book's lines on the parameters.
    - ``worked_example(rule, case)`` sets up a worked example, returns its one-line description.
    - ``quiz_scenario(rng, rule, case)`` sets up a quiz scenario, returns what it exercises.
    - ``quiz_kind_by_score``: name quiz cases by the engine's result (满分/部分扣分/扣完为止).
    - ``quiz_clause(rule, reading)``: the clause shortened for a quiz question (default: as is).
    - ``seek(rule, query)`` → :class:`SeekResult`, or ``None``: this family has no inverse.
    - ``curve(rule, indicator, reading, figures)`` → :class:`CurveAxis`, or ``None``: the score
      does not follow one number (raise :class:`CurveUnavailable` for a missing input).
    - ``measured(rule, figures)``: for a rule whose 完成值 is read from 附表1, that value.
    - ``rule_readings(rule)``: the readings that apply to this rule (default: ``readings``).
    """

    id: str
    label: str
    rule_model: type[R]
    readings: Mapping[str, str]
    score: Scorer[R]
    inputs: Callable[[R], tuple[InputField, ...]]
    missing: Callable[[R, Indicator], list[str]]
    describe: Callable[[R], list[str]]
    worked_example: Callable[[R, ExampleCase], str]
    quiz_scenario: Callable[[random.Random, R, QuizCase], str]
    seek: Callable[[R, SeekQuery], SeekResult] | None
    curve: Callable[[R, Indicator, str, FundFigures], CurveAxis] | None
    measured: Callable[[R, FundFigures], Decimal | None] | None = None
    quiz_kind_by_score: bool = False
    quiz_clause: Callable[[R, str], str] | None = None
    # The readings that apply to one rule of the family, when not all of them do (a rate scored
    # 分值 × 执行率 has no per-percent steps to count); None: every reading of the family.
    rule_readings: Callable[[R], Mapping[str, str]] | None = None

    @property
    def reads_budget(self) -> bool:
        """The 完成值 is a rate read from 附表1, not typed in."""
        return self.measured is not None
