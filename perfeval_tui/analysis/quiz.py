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
from ..scoring.families import QuizCase, all_families, family_of
from ..scoring.families import get as get_family
from ..scoring.model import Basics, FundRow, Indicator, Project
from ..scoring.numbers import NumberInputError, fmt_plain, parse_number
from ..scoring.reading_names import family_name
from ..scoring.ruleset import DEFAULT_RULESET, RuleSet, load_ruleset, reading_options

TOLERANCE = Decimal("0.01")
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
    ruleset: RuleSet | None = None  # None: the project's own rule set, by id

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
            f"评分标准：{rule_text(self.project, ex, self.ruleset)}",
            f"口径：{ex.reading_label}",
        ]
        if get_family(self.family).reads_budget:
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


def rule_text(project: Project, explanation: Explanation, ruleset: RuleSet | None = None) -> str:
    """The clause, shortened where the family says how (e.g. to the bands that apply)."""
    rule = (ruleset or load_ruleset(project.ruleset)).rules[explanation.rule_id]
    shorten = family_of(rule).quiz_clause
    return explanation.clause if shorten is None else shorten(rule, explanation.reading)


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
    for family in all_families():
        mine = [r for r in results if r.scenario.family == family.id]
        if mine:
            right = sum(1 for r in mine if r.check.correct)
            out.append(FamilySummary(family.id, family_name(family.id), len(mine), right))
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
    seed: int | None = None,
    rounds: int = 8,
    ruleset_id: str = DEFAULT_RULESET,
    ruleset: RuleSet | None = None,
) -> list[Scenario]:
    """``rounds`` scenarios covering every family of the rule set before any repeats."""
    rng = random.Random(seed)
    ruleset = ruleset or load_ruleset(ruleset_id)
    used = {r.family for r in ruleset.rules.values()}
    families = [f.id for f in all_families() if f.id in used]
    order: list[str] = []
    while len(order) < rounds:
        batch = families[:]
        rng.shuffle(batch)
        order += batch
    return [
        _scenario(rng, ruleset, number, family) for number, family in enumerate(order[:rounds], 1)
    ]


def _scenario(rng: random.Random, ruleset: RuleSet, number: int, family: str) -> Scenario:
    rules = [r for r in ruleset.rules.values() if r.family == family]
    # Satisfaction is one rule among many output/effect indicators: ask it less often.
    weights = [1 if r.id == ruleset.satisfaction_rule else 3 for r in rules]
    rule = rng.choices(rules, weights=weights)[0]
    template = next((t for t in ruleset.templates if t.rule == rule.id), None)
    weight = template.weight if template else D(rng.choice([5, 10, 15]))
    levels = list(template.levels) if template else ["个性指标", "产出", rule.name]
    indicator = Indicator(id="quiz", levels=levels, weight=weight, rule=rule.id)
    fund = FundRow(id="quiz", name="练习专项", budget=D(rng.randrange(100, 2001, 10)))
    readings: dict[str, str] = {}
    spec = family_of(rule)
    case = QuizCase(indicator, fund, weight, satisfaction=rule.id == ruleset.satisfaction_rule)
    kind = spec.quiz_scenario(rng, rule, case)
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
    if spec.quiz_kind_by_score:  # name the case by the engine's result (a reading may move it)
        kind = "满分" if scored.score == weight else "扣完为止" if scored.score == 0 else "部分扣分"
    return Scenario(
        number,
        family,
        kind,
        rule.id,
        project,
        indicator.id,
        scored.score,
        scored.explanation,
        ruleset,
    )
