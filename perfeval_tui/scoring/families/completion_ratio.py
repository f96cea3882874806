"""完成比例: 完成值/目标值 (反向: 目标值/完成值), proportional below 1, banded above it.

Split in two: :func:`completion_outcome` is the arithmetic (which case applies, the ratio, the
band, the score); :func:`describe_steps` turns an outcome into sentences, only when they are read.
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from ..budget import FundFigures
from ..explanation import Deduction, Explanation, InputValue
from ..model import FundRow, Indicator
from ..numbers import PERCENT_UNITS, fmt2, fmt_plain, round_score
from .base import (
    CurveAxis,
    CurveMark,
    CurveUnavailable,
    ExampleCase,
    QuizCase,
    RuleBase,
    RuleFamily,
    SeekQuery,
    SeekResult,
)
from .explain import ZERO, ScoringContext, make_explanation
from .inputs import InputField
from .registry import register

READINGS: dict[str, str] = {
    "banded": "分档：完成值/目标值≥1 时按目标值大小分档，超过上限按比例扣分",
    "capped": "封顶：完成值/目标值≥1 一律得满分",
}


class RatioBand(BaseModel):
    """For targets up to ``max_target``: full up to ratio ``full_until``, zero above ``zero_above``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_target: Decimal | None = Field(None, description="目标值上限（含）；空表示无上限")
    full_until: Decimal
    zero_above: Decimal
    label: str


class CompletionRatioRule(RuleBase):
    family: Literal["completion_ratio"] = "completion_ratio"
    percent_band: RatioBand | None = Field(None, description="百分比目标和 0<目标值≤1 的档次")
    bands: list[RatioBand] = Field(default_factory=list, description="按目标值大小的档次，升序")
    reverse_zero_full: bool = Field(True, description="反向指标完成值为 0 且目标值>0 时得满分")
    reading: Literal["banded", "capped"] = "banded"


RATIO_PLACES = Decimal("0.0001")
ONE = Decimal(1)  # Decimal-to-Decimal comparisons are cheaper than Decimal-to-int

Case = Literal[
    "missing",  # 目标值 or 完成值 not entered
    "zero_target_met",
    "zero_target_missed",
    "reverse_zero_full",
    "reverse_zero_none",
    "below",  # ratio < 1: proportional
    "full",  # 1 <= ratio <= L, or no band applies
    "over",  # L < ratio <= U: linear from full to 0
    "too_high",  # ratio > U
    "deviation",  # a ``=`` target missed either way, read strictly: min/max
    "times_rate",  # 满意度 read as 分值 × 实际满意率
]
HUNDRED = Decimal(100)


class RatioOutcome(NamedTuple):
    """The arithmetic's result, with the figures it used captured (the model may change later)."""

    case: Case
    ratio: Decimal | None
    band: RatioBand | None
    raw_score: Decimal
    weight: Decimal
    target: Decimal | None
    actual: Decimal | None
    unit: str
    reverse: bool

    # The Describer protocol: words for this outcome, rendered only when a surface reads them.
    def inputs(self) -> tuple[InputValue, ...]:
        return describe_inputs(self)

    def steps(self) -> tuple[str, ...]:
        return describe_steps(self)

    def reason(self) -> str:
        return describe_deduction(self)


def is_percent(indicator: Indicator) -> bool:
    return indicator.unit.strip() in PERCENT_UNITS


def band_for(rule: CompletionRatioRule, indicator: Indicator, target: Decimal) -> RatioBand | None:
    """The over-target band by the target's size; percentage targets use the percent band."""
    if rule.percent_band is not None and is_percent(indicator):
        return rule.percent_band
    for band in rule.bands:
        if band.max_target is None or target <= band.max_target:
            return band
    return None


def completion_outcome(
    rule: CompletionRatioRule, indicator: Indicator, reading: str
) -> RatioOutcome:
    weight, target, actual, unit = (
        indicator.weight,
        indicator.target,
        indicator.actual,
        indicator.unit,
    )
    reverse = indicator.direction == "反向"
    if target is None or actual is None:
        return RatioOutcome("missing", None, None, ZERO, weight, target, actual, unit, reverse)
    if reading == "times_rate" and unit.strip() in PERCENT_UNITS:
        rate = min(actual, HUNDRED) / HUNDRED
        return RatioOutcome(
            "times_rate", rate, None, weight * rate, weight, target, actual, unit, reverse
        )
    if reading == "deviation" and indicator.operator == "=" and target and actual != target:
        ratio = min(actual, target) / max(actual, target)
        return RatioOutcome(
            "deviation", ratio, None, weight * ratio, weight, target, actual, unit, False
        )
    if not target:
        if not actual:
            return RatioOutcome(
                "zero_target_met", None, None, weight, weight, target, actual, unit, reverse
            )
        return RatioOutcome(
            "zero_target_missed", None, None, ZERO, weight, target, actual, unit, reverse
        )
    if reverse:
        if not actual:
            if rule.reverse_zero_full:
                return RatioOutcome(
                    "reverse_zero_full", None, None, weight, weight, target, actual, unit, reverse
                )
            return RatioOutcome(
                "reverse_zero_none", None, None, ZERO, weight, target, actual, unit, reverse
            )
        ratio = target / actual
    else:
        ratio = actual / target
    if ratio < ONE:
        return RatioOutcome(
            "below", ratio, None, weight * ratio, weight, target, actual, unit, reverse
        )
    band = band_for(rule, indicator, target) if reading == "banded" else None
    if band is None or ratio <= band.full_until:
        return RatioOutcome("full", ratio, band, weight, weight, target, actual, unit, reverse)
    if ratio > band.zero_above:
        return RatioOutcome("too_high", ratio, band, ZERO, weight, target, actual, unit, reverse)
    lower, upper = band.full_until, band.zero_above
    score = weight * (upper - ratio) / (upper - lower)
    return RatioOutcome("over", ratio, band, score, weight, target, actual, unit, reverse)


def ratio_text(value: Decimal) -> str:
    return format(value.quantize(RATIO_PLACES), "f")


def describe_steps(outcome: RatioOutcome) -> tuple[str, ...]:
    weight, target, actual, unit = outcome.weight, outcome.target, outcome.actual, outcome.unit
    case, ratio, band = outcome.case, outcome.ratio, outcome.band
    full = f"满分 {fmt2(weight)}"
    if case == "missing":
        return (f"{'目标值' if target is None else '完成值'}未填写 → 0.00",)
    if case == "zero_target_met":
        return (f"目标值设定为 0，完成值为 0 → {full}",)
    if case == "zero_target_missed":
        return (f"目标值设定为 0，完成值 {fmt_plain(actual or ZERO)} 大于 0 → 不得分",)
    if case == "reverse_zero_full":
        return (f"反向指标完成值为 0（优于目标）→ {full}",)
    if case == "reverse_zero_none":
        return ("反向指标完成值为 0，按规则参数不得分",)
    assert ratio is not None and target is not None and actual is not None
    r = ratio_text(ratio)
    if case == "times_rate":
        return (
            f"按满意率计分：{fmt2(weight)} × 实际满意率 {fmt_plain(actual)}% = {fmt2(outcome.raw_score)}",
        )
    if case == "deviation":
        low, high = sorted((actual, target))
        return (
            f"「=」目标按偏离计分：min/max = {fmt_plain(low)} / {fmt_plain(high)} = {r}",
            f"得分 = {fmt2(weight)} × {r} = {fmt2(outcome.raw_score)}",
        )
    if outcome.reverse:
        steps = [f"反向指标：目标值/完成值 = {fmt_plain(target)} / {fmt_plain(actual)} = {r}"]
    else:
        steps = [f"完成值/目标值 = {fmt_plain(actual)} / {fmt_plain(target)} = {r}"]
    if case == "below":
        steps.append(f"{r} ＜ 1，按比例得分 = {fmt2(weight)} × {r} = {fmt2(outcome.raw_score)}")
        return tuple(steps)
    if band is None:
        steps.append(f"{r} ≥ 1 → {full}")
        return tuple(steps)
    lower, upper = fmt_plain(band.full_until), fmt_plain(band.zero_above)
    steps.append(
        f"目标值 {fmt_plain(target)}{unit} 属于「{band.label}」档：比值 ≤ {lower} 满分，"
        f"{lower}～{upper} 按比例扣分，＞ {upper} 不得分"
    )
    if case == "full":
        steps.append(f"{r} ≤ {lower} → {full}")
    elif case == "too_high":
        steps.append(f"{r} ＞ {upper} → 不得分")
    else:
        steps.append(
            f"得分 = {fmt2(weight)} × ({upper} − {r}) / ({upper} − {lower}) = {fmt2(outcome.raw_score)}"
        )
    return tuple(steps)


def describe_deduction(outcome: RatioOutcome) -> str:
    case, ratio, band = outcome.case, outcome.ratio, outcome.band
    if case == "missing":
        return f"{'目标值' if outcome.target is None else '完成值'}未填写"
    if case == "zero_target_missed":
        return "目标值设定为 0，完成值大于 0，不得分"
    if case == "reverse_zero_none":
        return "反向指标完成值为 0，按规则参数不得分"
    assert ratio is not None
    if case == "times_rate":
        return f"按满意率计分：实际满意率 {fmt_plain(outcome.actual or ZERO)}%"
    if case == "deviation":
        return f"完成值偏离「=」目标，比例 {ratio_text(ratio)}，按偏离扣分"
    if case == "below":
        return f"完成比例 {ratio_text(ratio)} ＜ 1，按比例扣分"
    assert band is not None
    if case == "too_high":
        return f"完成比例 {ratio_text(ratio)} 超过 {fmt_plain(band.zero_above)}，目标设定明显偏低，不得分"
    return f"完成比例 {ratio_text(ratio)} 超过 {fmt_plain(band.full_until)}（目标设定偏低），按比例扣分"


def describe_inputs(outcome: RatioOutcome) -> tuple[InputValue, ...]:
    target, actual, unit = outcome.target, outcome.actual, outcome.unit
    return (
        InputValue(
            "目标值", "未填写" if target is None else target, "" if target is None else unit
        ),
        InputValue(
            "完成值", "未填写" if actual is None else actual, "" if actual is None else unit
        ),
        InputValue("指标方向", "反向" if outcome.reverse else "正向"),
    )


def operator_input(indicator: Indicator) -> InputValue | None:
    return None if indicator.operator is None else InputValue("指标性质", indicator.operator)


def score_completion_ratio(
    rule: CompletionRatioRule, indicator: Indicator, context: ScoringContext, reading: str
) -> Explanation:
    outcome = completion_outcome(rule, indicator, reading)
    result = round_score(outcome.raw_score)
    lost = indicator.weight - result
    deductions = (Deduction(outcome, lost),) if lost else ()
    return make_explanation(rule, indicator, reading, outcome, outcome, deductions, result)


# -- inputs, examples, quiz ---------------------------------------------------------------------

DIRECTIONS = (("正向（越大越好）", "正向"), ("反向（越小越好）", "反向"))
ACTUAL = InputField("number", "actual", "完成值")


def completion_inputs(rule: CompletionRatioRule) -> tuple[InputField, ...]:
    return (
        InputField("number", "target", "目标值"),
        ACTUAL,
        InputField("choice", "direction", "方向", options=DIRECTIONS),
    )


def seek(rule: CompletionRatioRule, query: SeekQuery) -> SeekResult:
    from .completion_seek import seek_completion  # the inverse has its own module

    return seek_completion(rule, query)


def missing(rule: CompletionRatioRule, indicator: Indicator) -> list[str]:
    out = []
    if indicator.target is None:
        out.append("目标值未填写")
    if indicator.actual is None:
        out.append("完成值未填写")
    return out


def describe(rule: CompletionRatioRule) -> list[str]:
    bands = ([rule.percent_band] if rule.percent_band else []) + list(rule.bands)
    return [f"· {band.label}" for band in bands]


def worked_example(rule: CompletionRatioRule, case: ExampleCase) -> str:
    ind = case.indicator
    ind.target, ind.actual, ind.unit = Decimal(1304), Decimal(1600), "路"
    return "目标值 1304 路，完成值 1600 路"


def quiz_clause(rule: CompletionRatioRule, reading: str) -> str:
    """The clause shortened to the bands that apply."""
    if reading != "banded" or not rule.bands:
        return "完成值/目标值＜1 按比例得分，≥1 得满分；反向指标用 目标值/完成值"
    bands = "；".join(
        f"{b.label}：≤{fmt_plain(b.full_until)} 满分，≤{fmt_plain(b.zero_above)} 按比例，以上 0 分"
        for b in rule.bands
    )
    return (
        f"完成值/目标值＜1 按比例得分；≥1 时按目标值分档（{bands}）；目标值为 0 时完成值 0 得满分、"
        "否则 0 分；反向指标用 目标值/完成值"
    )


D = Decimal
# (lowest target, highest target, unit, decimals of the numbers)
_MAGNITUDES = [
    (D("0.2"), D("0.95"), "", 2),
    (D(2), D(20), "公里", 1),
    (D(25), D(100), "个", 0),
    (D(120), D(9000), "路", 0),
    (D(12000), D(90000), "人次", 0),
]


def _pct(rng: random.Random, low: Decimal, high: Decimal) -> Decimal:
    """A percentage between ``low`` and ``high`` with two decimals."""
    lo, hi = int(low * 100), int(high * 100)
    return D(rng.randint(min(lo, hi), max(lo, hi))) / 100


def quiz_scenario(rng: random.Random, rule: CompletionRatioRule, case: QuizCase) -> str:
    ind = case.indicator
    percent = case.satisfaction or rng.random() < 0.1
    if rng.random() < 0.08:
        ind.target, ind.unit = D(0), "起"
        ind.actual = D(0) if rng.random() < 0.5 else D(rng.randint(1, 3))
        return "目标值为 0"
    reverse = not percent and rng.random() < 0.3
    if percent:
        ind.unit, ind.target = "%", D(rng.choice([85, 90, 95, 98, 100]))
        ind.actual = min(ind.target * _pct(rng, D(85), D(110)) / 100, D(100)).quantize(D("0.1"))
        return "百分比目标"
    low, high, unit, places = rng.choice(_MAGNITUDES)
    step = D(1).scaleb(-places)
    ind.unit = unit if not reverse else "小时"
    target = (low + (high - low) * D(rng.randint(0, 1000)) / 1000).quantize(step)
    ind.target = target
    band = band_for(rule, ind, target)
    full, zero = (band.full_until, band.zero_above) if band else (D("1.2"), D(2))
    kind, ratio = rng.choice(
        [
            ("未完成（按比例）", _pct(rng, D(60), D(99)) / 100),
            ("完成（满分区间）", _pct(rng, D(100), full * 100) / 100),
            ("超出目标（分档扣分）", _pct(rng, full * 100 + 1, zero * 100 - 1) / 100),
            ("远超目标（不得分）", _pct(rng, zero * 100 + 1, zero * 100 + 40) / 100),
        ]
    )
    if reverse:
        ind.direction = "反向"
        ind.actual = (target / ratio).quantize(step)
        return "反向指标·" + kind
    ind.actual = (target * ratio).quantize(step)
    return kind


X_PLACES = Decimal("0.0001")


def curve(
    rule: CompletionRatioRule, indicator: Indicator, reading: str, figures: FundFigures
) -> CurveAxis:
    """The score against 完成值/目标值 (反向: 目标值/完成值), band edges marked."""
    t, a = indicator.target, indicator.actual
    if t is None:
        raise CurveUnavailable(f"「{indicator.name}」目标值未填写，无法画得分曲线")
    if t == 0:
        raise CurveUnavailable(
            "目标值为 0：完成值为 0 得满分，大于 0 不得分，只有两种结果，没有曲线"
        )
    band = band_for(rule, indicator, t) if reading == "banded" else None
    marks = [CurveMark(ONE, "目标值（比值 1）")]
    high = Decimal(2)
    if band is not None:
        marks += [
            CurveMark(band.full_until, f"满分上限 L={fmt_plain(band.full_until)}"),
            CurveMark(band.zero_above, f"不得分起点 U={fmt_plain(band.zero_above)}"),
        ]
        high = band.zero_above + Decimal("0.5")
    reverse = indicator.direction == "反向"

    def apply(x: Decimal, ind: Indicator, fund: FundRow) -> tuple[Indicator, FundRow] | None:
        if reverse and x == 0:
            return None  # 目标值/完成值 = 0 would need an infinite 完成值
        ind.actual = t * x if not reverse else (t / x).quantize(Decimal("0.000001"))
        return ind, fund

    def x_of(ind: Indicator, moved: FundFigures) -> Decimal | None:
        if not reverse or ind.actual is None:
            return None if ind.actual is None else (ind.actual / t).quantize(X_PLACES)
        return (t / ind.actual).quantize(X_PLACES)

    current = None
    if a is not None and (a != 0 or not reverse):
        current = ((a / t) if not reverse else (t / a)).quantize(X_PLACES)
    label = "目标值/完成值（反向）" if reverse else "完成值/目标值"
    return CurveAxis(label, False, ZERO, high, tuple(marks), current, apply, x_of=x_of)


COMPLETION_RATIO: RuleFamily[CompletionRatioRule] = register(
    RuleFamily(
        id="completion_ratio",
        label="完成比例（完成值/目标值）",
        rule_model=CompletionRatioRule,
        readings=READINGS,
        score=score_completion_ratio,
        inputs=completion_inputs,
        missing=missing,
        describe=describe,
        worked_example=worked_example,
        quiz_scenario=quiz_scenario,
        seek=seek,
        curve=curve,
        quiz_clause=quiz_clause,
    )
)
