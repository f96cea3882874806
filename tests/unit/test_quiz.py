"""The scoring quiz: seeded scenarios, answers checked against the engine, the line-mode loop."""

from __future__ import annotations

import io
from collections import Counter

import pytest
from builders import D

from perfeval_tui.analysis.quiz import QuizResult, check_answer, generate, summarize
from perfeval_tui.cli import main
from perfeval_tui.scoring.engine import score_project
from perfeval_tui.scoring.families import all_families
from perfeval_tui.scoring.numbers import fmt2, fmt_plain
from perfeval_tui.scoring.reading_names import family_name

FAMILY_ORDER = tuple(f.id for f in all_families())


def fingerprint(scenarios):
    return [(s.family, s.kind, s.expected, s.project.model_dump_json()) for s in scenarios]


def test_same_seed_same_scenarios_and_other_seeds_differ():
    assert fingerprint(generate(seed=11, rounds=10)) == fingerprint(generate(seed=11, rounds=10))
    assert fingerprint(generate(seed=11, rounds=10)) != fingerprint(generate(seed=12, rounds=10))


@pytest.mark.parametrize("ruleset_id", ["wuxi-2021", "national-2020"])
def test_every_family_comes_before_any_repeats(ruleset_id):
    from perfeval_tui.scoring.ruleset import load_ruleset

    families = {r.family for r in load_ruleset(ruleset_id).rules.values()}
    for seed in range(20):
        first = generate(seed=seed, rounds=len(families), ruleset_id=ruleset_id)
        assert {s.family for s in first} == families


def test_expected_answer_is_the_engines_score():
    for seed in range(40):
        for scenario in generate(seed=seed, rounds=7):
            scored = score_project(scenario.project).by_id(scenario.indicator_id)
            assert scenario.expected == scored.score
            assert scenario.explanation.result == scored.computed_score
            assert scenario.explanation.weight == scenario.indicator.weight
            if scenario.family in ("ceiling_rate", "floor_rate", "reference_rate"):
                full, zero = scenario.expected == scenario.indicator.weight, scenario.expected == 0
                assert scenario.kind == ("满分" if full else "扣完为止" if zero else "部分扣分")


def test_scenarios_exercise_every_case_of_the_rules():
    kinds = Counter()
    readings = Counter()
    for seed in range(120):
        for scenario in generate(seed=seed, rounds=7):
            kinds[(scenario.family, scenario.kind.split("·")[0])] += 1
            readings[scenario.explanation.reading] += 1
    for family in ("ceiling_rate", "floor_rate", "reference_rate"):
        for kind in ("满分", "部分扣分", "扣完为止"):
            assert kinds[(family, kind)], (family, kind)
    for kind in (
        "未完成（按比例）",
        "完成（满分区间）",
        "超出目标（分档扣分）",
        "远超目标（不得分）",
        "反向指标",
        "目标值为 0",
        "百分比目标",
    ):
        assert kinds[("completion_ratio", kind)], kind
    for kind in ("条款封顶", "不设上限条款", "扣完为止", "逐起扣分"):
        assert kinds[("incidents", kind)], kind
    assert {"floor", "ceil", "capped", "no_clause_caps"} <= set(readings)


def test_rate_scenarios_have_plausible_budget_tables():
    for seed in range(30):
        for scenario in generate(seed=seed, rounds=7):
            row = scenario.project.funds[0]
            assert 100 <= row.budget <= 2000
            for value in (row.increase, row.decrease, row.actual_spend, row.funds_arrived):
                assert value >= 0 and value.as_tuple().exponent >= -2  # 万元, 2 decimals


def test_question_gives_the_inputs_but_not_the_score():
    for scenario in generate(seed=3, rounds=14):
        text = "\n".join(scenario.question_lines())
        assert f"权重 {fmt_plain(scenario.indicator.weight)}" in text
        assert not any(step in text for step in scenario.explanation.steps)  # no worked arithmetic
        if scenario.family in ("ceiling_rate", "floor_rate", "reference_rate"):
            assert "附表1（万元）：预算安排数" in text
        else:
            assert "已知：" + "；".join(str(i) for i in scenario.explanation.inputs) in text


def test_check_answer_within_one_cent():
    scenario = generate(seed=5, rounds=1)[0]
    expected = scenario.expected
    assert check_answer(scenario, fmt2(expected)).correct
    assert check_answer(scenario, fmt2(expected + D("0.01"))).correct
    assert check_answer(scenario, str(expected - D("0.01"))).correct
    assert not check_answer(scenario, fmt2(expected + D("0.02"))).correct
    wide = check_answer(
        scenario,
        " " + fmt2(expected).translate(str.maketrans("0123456789.", "０１２３４５６７８９．")),
    )
    assert wide.correct and wide.given == expected
    bad = check_answer(scenario, "四分")
    assert not bad.correct and bad.given is None and "「得分」" in (bad.error or "")


def test_summary_per_family():
    scenarios = generate(seed=9, rounds=9)
    results = [
        QuizResult(s, check_answer(s, s.expected if n % 2 == 0 else s.expected + 1))
        for n, s in enumerate(scenarios)
    ]
    summary = summarize(results)
    assert [item.family for item in summary] == [
        f for f in FAMILY_ORDER if any(s.family == f for s in scenarios)
    ]
    assert sum(item.asked for item in summary) == 9 and sum(item.correct for item in summary) == 5
    assert all(item.label == family_name(item.family) for item in summary)


# --------------------------------------------------------------------------- line mode


def quiz(monkeypatch, capsys, stdin, *args):
    monkeypatch.setattr("sys.stdin", stdin)
    code = main(["quiz", "--plain", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_quiz_command_checks_answers_and_ends_with_summary(monkeypatch, capsys):
    scenarios = generate(seed=21, rounds=3)
    answers = [
        fmt2(scenarios[0].expected),
        "不知道",
        fmt2(scenarios[1].expected),
        fmt2(scenarios[2].expected + 1),
    ]
    code, out, err = quiz(
        monkeypatch, capsys, io.StringIO("\n".join(answers) + "\n"), "--seed", "21", "--rounds", "3"
    )
    assert code == 0 and err == ""
    assert "评分练习：3 题（种子 21" in out
    assert out.count("✓ 正确") == 2 and out.count("✗ 不对") == 1
    assert f"正确得分为 {fmt2(scenarios[2].expected)}" in out
    assert "输入有误：「得分」「不知道」不是有效数字" in out
    assert (
        f"得分：{fmt2(scenarios[0].expected)} / {fmt2(scenarios[0].indicator.weight)}" in out
    )  # worked explanation
    assert "共答 3 题，答对 2 题" in out
    for family in {s.family for s in scenarios}:
        assert family_name(family) in out.split("共答 3 题")[1]


def test_quiz_command_stops_on_q_and_on_end_of_input(monkeypatch, capsys):
    first = generate(seed=4, rounds=5)[0]
    code, out, _ = quiz(
        monkeypatch,
        capsys,
        io.StringIO(f"{fmt2(first.expected)}\nq\n"),
        "--seed",
        "4",
        "--rounds",
        "5",
    )
    assert code == 0 and "共答 1 题，答对 1 题" in out
    code, out, err = quiz(monkeypatch, capsys, io.StringIO(""), "--seed", "4")
    assert code == 3 and "共答 0 题，答对 0 题" in out and "Traceback" not in err
    assert "输入已结束：共 8 题，只答了 0 题" in out


class Interrupting(io.StringIO):
    def readline(self, *args):
        raise KeyboardInterrupt


def test_quiz_command_ctrl_c_ends_cleanly(monkeypatch, capsys):
    code, out, err = quiz(monkeypatch, capsys, Interrupting(), "--seed", "1")
    assert code == 130 and "已中断" in out and "共答 0 题" in out and "Traceback" not in out + err


def test_quiz_command_bad_options(capsys):
    assert main(["quiz", "--rounds", "0"]) == 2
    assert "--rounds 应为 1 到 200" in capsys.readouterr().err
    assert main(["quiz", "--ruleset", "nope"]) == 2
    assert "未知的评分规则集「nope」" in capsys.readouterr().err
