"""Scoring quiz: generated scenarios across every rule family, answers checked against the engine.

Each scenario is a one-indicator project with plausible numbers (a budget table for the rate
rules, targets in every ratio band, reverse indicators, incidents hitting a clause cap, checklist
ticks, graded levels). The expected answer is the engine's score of that project, and the worked
explanation shown afterwards is the engine's explanation. ``random.Random(seed)`` makes a quiz
reproducible. Pure: no terminal I/O here (see ``perfeval quiz``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from ..scoring.engine import score_project
from ..scoring.explanation import Explanation
from ..scoring.model import Basics, FundRow, Indicator, Project, RuleInputs
from ..scoring.numbers import CENT, NumberInputError, fmt2, fmt_plain, parse_number
from ..scoring.reading_names import family_name
from ..scoring.rules.completion import band_for
from ..scoring.ruleset import (
    FAMILY_LABELS,
    ChecklistRule,
    CompletionRatioRule,
    GradedRule,
    IncidentRule,
    RuleSet,
    load_ruleset,
    reading_options,
)

FAMILY_ORDER = tuple(FAMILY_LABELS)
TOLERANCE = Decimal("0.01")
RATE_FAMILIES = ("ceiling_rate", "floor_rate", "reference_rate")
D = Decimal


@dataclass(frozen=True, slots=True)
class Scenario:
    number: int
    family: str
    kind: str  # what the scenario exercises, e.g. 超出目标（分档扣分）
    rule_id: str
    project: Project
    indicator_id: str
    expected: Decimal  # the engine's score
    explanation: Explanation  # the engine's worked explanation

    @property
    def indicator(self) -> Indicator:
        return self.project.indicators[0]

    @property
    def family_label(self) -> str:
        return family_name(self.family)

    def question_lines(self) -> list[str]:
        ind, ex = self.indicator, self.explanation
        # 定性指标（等级评价） already names its family: no second bracket.
        family = "" if self.family_label in ex.rule_name else f"（{self.family_label}）"
        lines = [
            f"第 {self.number} 题  {ex.rule_name}{family}  权重 {fmt_plain(ind.weight)}",
            f"评分标准：{rule_text(self.project, ex)}",
            f"口径：{ex.reading_label}",
        ]
        if self.family in RATE_FAMILIES:
            row = self.project.funds[0]
            lines.append(
                f"附表1（万元）：预算安排数 {fmt_plain(row.budget)}，调增 {fmt_plain(row.increase)}，"
                f"调减 {fmt_plain(row.decrease)}"
            )
            lines.append(
                f"              实际支出 {fmt_plain(row.actual_spend)}，"
                f"实际到位 {fmt_plain(row.funds_arrived)}"
            )
        else:
            lines.append("已知：" + "；".join(str(i) for i in ex.inputs))
        return lines


def rule_text(project: Project, explanation: Explanation) -> str:
    """The clause, shortened for the completion-ratio rules to the bands that apply."""
    rule = load_ruleset(project.ruleset).rules[explanation.rule_id]
    if not isinstance(rule, CompletionRatioRule):
        return explanation.clause
    if explanation.reading != "banded" or not rule.bands:
        return "完成值/目标值＜1 按比例得分，≥1 得满分；反向指标用 目标值/完成值"
    bands = "；".join(
        f"{b.label}：≤{fmt_plain(b.full_until)} 满分，≤{fmt_plain(b.zero_above)} 按比例，以上 0 分"
        for b in rule.bands
    )
    return (
        f"完成值/目标值＜1 按比例得分；≥1 时按目标值分档（{bands}）；目标值为 0 时完成值 0 得满分、"
        "否则 0 分；反向指标用 目标值/完成值"
    )


@dataclass(frozen=True, slots=True)
class AnswerCheck:
    correct: bool
    given: Decimal | None
    expected: Decimal
    error: str | None = None  # Chinese, when the answer is not a number


def check_answer(scenario: Scenario, answer: str | Decimal) -> AnswerCheck:
    """Within ±0.01 of the engine's score counts as correct."""
    try:
        given = parse_number(answer, field="得分", kind="score")
    except NumberInputError as exc:
        return AnswerCheck(False, None, scenario.expected, str(exc))
    return AnswerCheck(abs(given - scenario.expected) <= TOLERANCE, given, scenario.expected)


@dataclass(frozen=True, slots=True)
class QuizResult:
    scenario: Scenario
    check: AnswerCheck


@dataclass(frozen=True, slots=True)
class FamilySummary:
    family: str
    label: str
    asked: int
    correct: int


def summarize(results: list[QuizResult]) -> list[FamilySummary]:
    """Per rule family, in rule-book order, only the families that were asked."""
    out = []
    for family in FAMILY_ORDER:
        mine = [r for r in results if r.scenario.family == family]
        if mine:
            right = sum(1 for r in mine if r.check.correct)
            out.append(FamilySummary(family, family_name(family), len(mine), right))
    return out


def summary_lines(results: list[QuizResult]) -> list[str]:
    right = sum(1 for r in results if r.check.correct)
    lines = [f"共答 {len(results)} 题，答对 {right} 题"]
    for item in summarize(results):
        mark = "✓" if item.correct == item.asked else "△"
        lines.append(f"  {mark} {item.label}：{item.correct}/{item.asked}")
    wrong = [r for r in results if not r.check.correct]
    if wrong:
        lines.append(
            "建议复习：" + "、".join(dict.fromkeys(r.scenario.explanation.rule_name for r in wrong))
        )
    return lines


# -- generation -------------------------------------------------------------------------------


def generate(
    seed: int | None = None, rounds: int = 8, ruleset_id: str = "wuxi-2021"
) -> list[Scenario]:
    """``rounds`` scenarios covering every family of the rule set before any repeats."""
    rng = random.Random(seed)
    ruleset = load_ruleset(ruleset_id)
    families = [f for f in FAMILY_ORDER if any(r.family == f for r in ruleset.rules.values())]
    order: list[str] = []
    while len(order) < rounds:
        batch = families[:]
        rng.shuffle(batch)
        order += batch
    return [
        _scenario(rng, ruleset, number, family) for number, family in enumerate(order[:rounds], 1)
    ]


def _money(rng: random.Random, low: int, high: int, step: int = 10) -> Decimal:
    return D(rng.randrange(low, high + 1, step))


def _pct(rng: random.Random, low: Decimal, high: Decimal) -> Decimal:
    """A percentage between ``low`` and ``high`` with two decimals."""
    lo, hi = int(low * 100), int(high * 100)
    return D(rng.randint(min(lo, hi), max(lo, hi))) / 100


def _scenario(rng: random.Random, ruleset: RuleSet, number: int, family: str) -> Scenario:
    rules = [r for r in ruleset.rules.values() if r.family == family]
    # Satisfaction is one rule among many output/effect indicators: ask it less often.
    weights = [1 if r.id == ruleset.satisfaction_rule else 3 for r in rules]
    rule = rng.choices(rules, weights=weights)[0]
    template = next((t for t in ruleset.templates if t.rule == rule.id), None)
    weight = template.weight if template else D(rng.choice([5, 10, 15]))
    levels = list(template.levels) if template else ["个性指标", "产出", rule.name]
    indicator = Indicator(id="quiz", levels=levels, weight=weight, rule=rule.id)
    fund = FundRow(id="quiz", name="练习专项", budget=_money(rng, 100, 2000))
    readings: dict[str, str] = {}
    if family in RATE_FAMILIES:
        kind = _rates(rng, rule, fund, weight)
    elif isinstance(rule, CompletionRatioRule):
        kind = _completion(rng, rule, indicator)
    elif isinstance(rule, ChecklistRule):
        ticked = [item.id for item in rule.items if rng.random() < 0.6]
        indicator.inputs = RuleInputs(ticked=ticked)
        kind = "全部满足" if len(ticked) == len(rule.items) else f"满足 {len(ticked)} 项"
    elif isinstance(rule, IncidentRule):
        kind = _incidents(rng, rule, indicator)
    else:
        assert isinstance(rule, GradedRule)
        indicator.inputs = RuleInputs(level=rng.choice(list(rule.levels)))
        kind = f"等级「{indicator.inputs.level}」"
    options = [code for code in reading_options(rule) if code != rule.reading]
    if options and rng.random() < 0.25:  # now and then a non-default reading, to train readings
        readings[rule.id] = rng.choice(options)
    project = Project(
        ruleset=ruleset.id,
        readings=readings,
        basics=Basics(name="评分练习", year=2020, unit="练习单位"),
        funds=[fund],
        indicators=[indicator],
    )
    scored = score_project(project, ruleset).by_id(indicator.id)
    if family in RATE_FAMILIES:  # name the case by the engine's result (a reading may move it)
        kind = "满分" if scored.score == weight else "扣完为止" if scored.score == 0 else "部分扣分"
    return Scenario(
        number, family, kind, rule.id, project, indicator.id, scored.score, scored.explanation
    )


def _rates(rng: random.Random, rule: object, fund: FundRow, weight: Decimal) -> str:
    family = getattr(rule, "family")  # noqa: B009
    per: Decimal = getattr(rule, "points_per_percent")  # noqa: B009
    span = weight / per  # percentage points from full marks to zero
    kind = rng.choices(["满分", "部分扣分", "扣完为止"], weights=[1, 2, 1])[0]
    if kind == "满分":
        gap = -_pct(rng, D(0), D(3))  # at or better than the line
    elif kind == "部分扣分":
        gap = _pct(rng, D("0.3"), span - D("0.3"))
    else:
        gap = span + _pct(rng, D("0.5"), D(5))
    if family == "ceiling_rate":
        rate = getattr(rule, "threshold") + gap  # noqa: B009
        amount = (fund.budget * max(rate, D(0)) / 100).quantize(CENT)
        if rng.random() < 0.5:
            fund.increase = amount
        else:
            fund.decrease = min(amount, fund.budget)
        fund.actual_spend = fund.funds_arrived = fund.budget + fund.increase - fund.decrease
        return kind
    if rng.random() < 0.4:
        fund.increase = (fund.budget * _pct(rng, D(1), D(8)) / 100).quantize(D(1))
    adjusted = fund.budget + fund.increase - fund.decrease
    if family == "floor_rate":
        rate = min(getattr(rule, "threshold") - gap, D(100))  # noqa: B009
        fund.actual_spend = (adjusted * max(rate, D(0)) / 100).quantize(CENT)
        fund.funds_arrived = fund.actual_spend
        return kind
    execution = _pct(rng, D(85), D(100))
    fund.actual_spend = (adjusted * execution / 100).quantize(CENT)
    arrival = min(execution - gap, D(100))
    fund.funds_arrived = (adjusted * max(arrival, D(0)) / 100).quantize(CENT)
    return kind


# (lowest target, highest target, unit, decimals of the numbers)
_MAGNITUDES = [
    (D("0.2"), D("0.95"), "", 2),
    (D(2), D(20), "公里", 1),
    (D(25), D(100), "个", 0),
    (D(120), D(9000), "路", 0),
    (D(12000), D(90000), "人次", 0),
]


def _completion(rng: random.Random, rule: CompletionRatioRule, ind: Indicator) -> str:
    percent = rule.id == "satisfaction" or rng.random() < 0.1
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


def _incidents(rng: random.Random, rule: IncidentRule, ind: Indicator) -> str:
    counts: dict[str, int] = {}
    capped = [c for c in rule.clauses if c.cap is not None and c.cap > c.points]
    for clause in rng.sample(rule.clauses, k=min(len(rule.clauses), rng.choice([1, 1, 2]))):
        # A clause capped at its own points (未制定管理办法) happens once, not three times.
        once = clause.cap is not None and clause.cap <= clause.points
        counts[clause.id] = 1 if once else rng.randint(1, 3)
    if capped and rng.random() < 0.5:
        clause = rng.choice(capped)
        counts[clause.id] = int((clause.cap or clause.points) / clause.points) + rng.randint(1, 2)
    ind.inputs = RuleInputs(counts=counts)
    raw = {c.id: c.points * counts.get(c.id, 0) for c in rule.clauses}
    if any(c.uncapped and counts.get(c.id) for c in rule.clauses):
        return "不设上限条款"
    if any(c.cap is not None and raw[c.id] > c.cap for c in rule.clauses):
        return "条款封顶"
    return "扣完为止" if sum(raw.values()) > ind.weight else "逐起扣分"


def expected_text(scenario: Scenario) -> str:
    return f"{fmt2(scenario.expected)} / {fmt2(scenario.indicator.weight)}"
