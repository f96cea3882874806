"""``perfeval explain [RULE] [--ruleset ID]``: the rule's text, its readings and a worked example."""

from __future__ import annotations

import argparse

from ..analysis.examples import WorkedExample, example_for, example_under_every_reading
from ..scoring.numbers import fmt2
from ..scoring.reading_names import family_name, rule_reading_description, rule_reading_name
from ..scoring.ruleset import (
    DEFAULT_RULESET,
    UnknownRuleSetError,
    available_rulesets,
    load_ruleset,
    reading_options,
)
from ..term.render_text import explanation_lines
from .exits import fail


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rule", nargs="?", metavar="规则", help="规则 id（省略则列出全部规则）")
    parser.add_argument(
        "--ruleset",
        default=DEFAULT_RULESET,
        metavar="规则集",
        help=f"规则集（{'、'.join(available_rulesets())}）",
    )
    parser.add_argument("--curve", action="store_true", help="画出算例的得分曲线（标出分档边界）")


def run(args: argparse.Namespace) -> int:
    try:
        ruleset = load_ruleset(args.ruleset)
    except UnknownRuleSetError as exc:
        return fail(str(exc))
    if args.rule is None:
        print(f"规则集 {ruleset.id}：{ruleset.name}")
        if ruleset.description:
            print(ruleset.description)
        print()
        for rule in ruleset.rules.values():
            print(
                f"  {rule.id:<24}{rule.name}（{family_name(rule.family)}，"
                f"默认口径「{rule_reading_name(rule, rule.reading)}」）"
            )
        print(
            "\n查看某条规则：perfeval explain 规则id，例如 perfeval explain budget_execution_rate"
        )
        return 0
    matches = [r for r in ruleset.rules.values() if args.rule in (r.id, r.name)]
    matches = matches or [r for r in ruleset.rules.values() if args.rule in r.name]
    if len(matches) != 1:
        known = "、".join(ruleset.rules)
        return fail(f"规则集「{ruleset.id}」中没有规则「{args.rule}」，可用：{known}")
    rule = matches[0]
    print(f"{rule.name}（{rule.id}，{family_name(rule.family)}）")
    if rule.explanation:
        print(f"指标解释：{rule.explanation}")
    print(f"评分标准：{rule.clause}")
    print("口径：")
    options = reading_options(rule)
    for code in options:
        mark = "【默认】" if code == rule.reading else ""
        name = rule_reading_name(rule, code)
        # The code is what --reading takes; the name is what the rule says.
        switch = f"（--reading {code}）" if len(options) > 1 else ""  # nothing to switch to
        print(f"  {name}{mark}：{rule_reading_description(rule, code)}{switch}")
    example = example_for(ruleset, rule.id)
    print(f"\n算例：{example.description}")
    for code, scored in example_under_every_reading(ruleset, rule.id):
        print(
            f"\n口径「{rule_reading_name(rule, code)}」得分 {fmt2(scored.score)} / {fmt2(scored.weight)}"
        )
        for line in explanation_lines(scored.explanation, clause=False)[1:]:
            print(f"  {line}")
    if args.curve:
        print()
        print("\n".join(example_curve_lines(example)))
    return 0


def example_curve_lines(example: WorkedExample) -> list[str]:
    """The worked example's score curve, or why this rule has none."""
    from ..analysis.curve import CurveError, curve_lines, score_curve

    try:
        return curve_lines(score_curve(example.project, example.indicator_id))
    except CurveError as exc:
        return [f"得分曲线：{exc}"]
