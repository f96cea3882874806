"""One rule-book entry as rich text: wording, parameters, readings, a worked example under each
reading (scored by the engine), and where this project uses the rule."""

from __future__ import annotations

from rich.text import Text

from ...analysis.examples import example_for, example_under_every_reading
from ...scoring.engine import ProjectScore
from ...scoring.families import family_of
from ...scoring.model import Project
from ...scoring.numbers import fmt2
from ...scoring.reading_names import family_name, rule_reading_description, rule_reading_name
from ...scoring.ruleset import RuleSet, reading_options


def rule_text(
    ruleset: RuleSet,
    rule_id: str,
    project: Project | None = None,
    result: ProjectScore | None = None,
) -> Text:
    rule = ruleset.rules[rule_id]
    text = Text()
    text.append(f"{rule.name}", style="bold")
    text.append(f"（{family_name(rule.family)}）\n", style="dim")
    if rule.explanation:
        text.append("指标解释：", style="bold")
        text.append(rule.explanation + "\n")
    text.append("评分标准：", style="bold")
    text.append(rule.clause + "\n")
    params = family_of(rule).describe(rule)
    if params:
        text.append("\n".join(params) + "\n")
    chosen = project.readings.get(rule.id) if project else None
    text.append("口径：\n", style="bold")
    for code in reading_options(rule):
        marks = []
        if code == rule.reading:
            marks.append("规则集默认")
        if code == chosen:
            marks.append("本项目采用")
        mark = f"【{'，'.join(marks)}】" if marks else ""
        name = rule_reading_name(rule, code)
        text.append(f"  {name}{mark}：{rule_reading_description(rule, code)}\n")
    example = example_for(ruleset, rule.id)
    text.append("\n算例：", style="bold")
    text.append(example.description + "\n")
    for code, scored in example_under_every_reading(ruleset, rule.id):
        text.append(
            f"口径「{rule_reading_name(rule, code)}」得分 {fmt2(scored.score)} / "
            f"{fmt2(scored.weight)}\n",
            style="bold",
        )
        for step in scored.explanation.steps:
            text.append(f"  {step}\n")
    if project is not None and result is not None:
        using = [item for item in result.indicators if item.indicator.rule == rule.id]
        if using:
            text.append("\n本项目中使用此规则的指标：\n", style="bold")
            for item in using:
                text.append(f"  {item.name}  {fmt2(item.score)} / {fmt2(item.weight)}\n")
    return text
