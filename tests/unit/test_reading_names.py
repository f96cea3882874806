"""Readings and rule families are shown by their Chinese names on every text surface: the CLI's
rule book, the plain explanation lines and the exported report; never the codes, never nested
label brackets."""

from __future__ import annotations

import re

from perfeval_tui.analysis.examples import example_under_every_reading
from perfeval_tui.scoring.families import all_families
from perfeval_tui.scoring.reading_names import family_name, reading_name
from perfeval_tui.scoring.ruleset import load_ruleset
from perfeval_tui.term.render_text import explanation_lines

RULES = load_ruleset("wuxi-2021")
READINGS_BY_FAMILY = {f.id: f.readings for f in all_families()}
CODES = sorted({code for readings in READINGS_BY_FAMILY.values() for code in readings})
CODE = re.compile(r"(?<![A-Za-z-])(" + "|".join(CODES) + r")(?![A-Za-z])")
NESTED = re.compile(r"（[^（）]*（")


def test_every_reading_has_a_short_chinese_name() -> None:
    for family, readings in READINGS_BY_FAMILY.items():
        for code in readings:
            name = reading_name(family, code)
            assert name and not re.search(r"[A-Za-z]", name), (family, code, name)
            assert len(name) <= 10, name
    assert reading_name("completion_ratio", "capped") == "封顶"
    assert reading_name("floor_rate", "floor") == "按整百分点"


def test_explanation_lines_name_readings_without_codes() -> None:
    for rule_id in RULES.rules:
        for _, scored in example_under_every_reading(RULES, rule_id):
            text = "\n".join(explanation_lines(scored.explanation))
            assert not CODE.search(text), (rule_id, CODE.search(text))
            assert not NESTED.search(text), text


def test_family_names_go_inside_brackets_without_nesting() -> None:
    for rule in RULES.rules.values():
        title = f"{rule.name}（{family_name(rule.family)}）"
        assert not NESTED.search(title), title
    assert family_name("reference_rate") == "参照比率，如资金到位率"
