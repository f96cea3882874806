"""A rule family that exists only in the tests: 评定计分, the judged score is the score.

It is registered by :func:`registered_toy` and then used through every surface with no other
module changed: the rule set file, the engine, completeness, plain mode, the wizard's form, the
quiz, goal seek and the score curve.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Literal

from perfeval_tui.scoring.budget import FundFigures
from perfeval_tui.scoring.explanation import Deduction, Explanation, InputValue
from perfeval_tui.scoring.families import (
    CurveAxis,
    CurveMark,
    ExampleCase,
    ExplanationBuilder,
    InputChange,
    InputField,
    QuizCase,
    RuleBase,
    RuleFamily,
    ScoringContext,
    SeekOption,
    SeekQuery,
    SeekResult,
    register,
    unregister,
)
from perfeval_tui.scoring.model import FundRow, Indicator, RuleInputs
from perfeval_tui.scoring.numbers import fmt2, fmt_plain

ROOT = Path(__file__).resolve().parent.parent
TOY = "toy_judged"
JUDGED = InputField("number", "judged", "评定分", unit="分", number_kind="score")
D = Decimal


class ToyRule(RuleBase):
    family: Literal["toy_judged"] = "toy_judged"
    reading: Literal["as_judged", "halved"] = "as_judged"


def _judged(indicator: Indicator) -> Decimal | None:
    return indicator.inputs.values.get("judged")


def score(
    rule: ToyRule, indicator: Indicator, context: ScoringContext, reading: str
) -> Explanation:
    b = ExplanationBuilder(rule, indicator, reading)
    judged = _judged(indicator)
    b.inputs.append(InputValue("评定分", "未填写" if judged is None else fmt_plain(judged), "分"))
    if judged is None:
        b.step("评定分未填写 → 0.00")
        b.deductions.append(Deduction("评定分未填写", indicator.weight))
        return b.finish(D(0))
    got = min(judged, indicator.weight) / (2 if reading == "halved" else 1)
    b.step(f"得分 = 评定分 {fmt_plain(judged)}{'÷ 2' if reading == 'halved' else ''} = {fmt2(got)}")
    if got < indicator.weight:
        b.deductions.append(Deduction(f"评定分为 {fmt_plain(judged)} 分", indicator.weight - got))
    return b.finish(got)


def seek(rule: ToyRule, query: SeekQuery) -> SeekResult:
    if query.reading == "halved":
        return SeekResult((), ("减半口径下请直接试填",))
    value = query.score
    old = _judged(query.indicator)
    change = InputChange(JUDGED, value, old)
    return SeekResult((SeekOption(f"评定分改为 {fmt_plain(value)} 分", (change,), D(1)),))


def curve(rule: ToyRule, indicator: Indicator, reading: str, figures: FundFigures) -> CurveAxis:
    def apply(x: Decimal, ind: Indicator, fund: FundRow) -> tuple[Indicator, FundRow]:
        ind.inputs = RuleInputs(values={"judged": x})
        return ind, fund

    top = indicator.weight
    return CurveAxis(
        "评定分", False, D(0), top, (CurveMark(top, "满分"),), _judged(indicator), apply
    )


def worked_example(rule: ToyRule, case: ExampleCase) -> str:
    case.indicator.inputs = RuleInputs(values={"judged": D(7)})
    return "评定分 7 分"


def quiz_scenario(rng: random.Random, rule: ToyRule, case: QuizCase) -> str:
    judged = D(rng.randint(0, int(case.weight)))
    case.indicator.inputs = RuleInputs(values={"judged": judged})
    return f"评定 {fmt_plain(judged)} 分"


TOY_FAMILY: RuleFamily[ToyRule] = RuleFamily(
    id=TOY,
    label="评定计分",
    rule_model=ToyRule,
    readings={"as_judged": "按评定分：得分即评定分", "halved": "减半：得分为评定分的一半"},
    score=score,
    inputs=lambda rule: (JUDGED,),
    missing=lambda rule, ind: ["评定分未填写"] if _judged(ind) is None else [],
    describe=lambda rule: ["· 评定分即得分，以权重为限"],
    worked_example=worked_example,
    quiz_scenario=quiz_scenario,
    seek=seek,
    curve=curve,
)


@contextmanager
def registered_toy() -> Iterator[RuleFamily[ToyRule]]:
    register(TOY_FAMILY)
    try:
        yield TOY_FAMILY
    finally:
        unregister(TOY)


def toy_ruleset_file(folder: Path) -> Path:
    """The Wuxi rule set with one more rule, ``judged``, of the toy family, as a file."""
    data = json.loads((ROOT / "perfeval_tui" / "rulesets" / "wuxi-2021.json").read_text("utf-8"))
    data["id"] = "wuxi-toy"
    data["rules"]["judged"] = {
        "id": "judged",
        "family": TOY,
        "name": "专家评定",
        "clause": "由评价组评定分数，评定分即得分。",
    }
    path = folder / "wuxi-toy.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def toy_project_file(folder: Path) -> Path:
    """The Wuxi seed under the toy rule set, with one 专家评定 indicator (weight 5, judged 3)."""
    ruleset = toy_ruleset_file(folder)
    data = json.loads((ROOT / "demo_data" / "wuxi-2020.json").read_text("utf-8"))
    data["ruleset"] = str(ruleset)
    data["indicators"].append(
        {
            "id": "expert",
            "levels": ["个性指标", "其他绩效评价指标", "效果", "专家评定"],
            "weight": "5",
            "rule": "judged",
            "inputs": {"values": {"judged": "3"}},
        }
    )
    path = folder / "toy-project.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path
