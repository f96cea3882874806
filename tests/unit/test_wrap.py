"""Where Chinese text breaks: never inside a number, nor between a number and its unit."""

from __future__ import annotations

from perfeval_tui.term.textwidth import line_width
from perfeval_tui.term.wrap import break_offsets

WARNING = "实际支出数：实际支出数 450 万元 大于资金下达数 400 万元，实际支出应不超过下达数"
REASON = "扣 3.06 分：预算执行率 88.89% 低于 95%，相差 6.1111 个百分点，每 1% 扣 0.5 分"


def wrapped(text: str, width: int) -> list[str]:
    cuts = [0, *break_offsets(text, width), len(text)]
    return [text[a:b].rstrip() for a, b in zip(cuts, cuts[1:], strict=False)]


def test_a_number_stays_with_its_unit() -> None:
    lines = wrapped(WARNING, 48)
    assert lines == [
        "实际支出数：实际支出数 450 万元 大于资金下达数",
        "400 万元，实际支出应不超过下达数",
    ]
    for width in range(12, 80):
        joined = "\n".join(wrapped(WARNING, width))
        assert "450 万元" in joined and "400 万元" in joined, width


def test_decimals_and_percentages_are_never_cut() -> None:
    for width in range(10, 80):
        lines = wrapped(REASON, width)
        assert all(line_width(line) <= width for line in lines), (width, lines)
        joined = "\n".join(lines)
        for piece in ("3.06 分", "88.89%", "95%，", "6.1111 个百分点", "1%", "0.5 分"):
            if line_width(piece) <= width:  # what cannot fit on a line is cut, of course
                assert piece in joined, (width, piece, lines)


def test_chinese_breaks_between_characters_and_punctuation_never_starts_a_line() -> None:
    lines = wrapped("结余结转数 0 万元，应为 资金下达数 400 − 实际支出数 450 = -50 万元", 30)
    assert lines[0] == "结余结转数 0 万元，应为 资金下"
    assert all(not line.startswith(("，", "。", "）", "：")) for line in lines)
    assert "-50 万元" in "\n".join(lines)
    assert wrapped("与附表1 实际支出数合计", 6)[1].startswith("表1 ")


def test_a_piece_longer_than_the_line_is_cut_to_fit() -> None:
    lines = wrapped("1234567890123", 5)
    assert lines == ["12345", "67890", "123"]
