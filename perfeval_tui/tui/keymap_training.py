"""Keys of the simulation sandbox, goal seek, the rule-book calculator and the quiz, as data.

Same conventions as :mod:`perfeval_tui.tui.keymap`: F-keys and Ctrl+letter (they survive
PuTTY/Xshell/SecureCRT), at most four ``footer=True`` keys per screen (the app adds F1 and
Ctrl+Q), and every key listed by F1 through :func:`help_rows`.
"""

from __future__ import annotations

from .keymap import Key

SANDBOX_KEYS: tuple[Key, ...] = (
    Key(
        "escape", "close", "返回", "Esc", "模拟：关闭，回到向导（未采用的修改不保存）", footer=True
    ),
    Key("f6", "seek", "反求", "F6", "模拟：当前指标得满分（或指定得分）所需的数值", footer=True),
    Key("ctrl+r", "reset", "重置", "Ctrl+R", "模拟：全部恢复为文件中的数值", footer=True),
    Key(
        "ctrl+s",
        "adopt",
        "采用",
        "Ctrl+S",
        "模拟：采用这些修改，写入项目并保存（会先确认）",
        footer=True,
        priority=True,
    ),
    Key("f8", "seek_total", "总分反求", "F8", "模拟：单改一项即可达到目标总分或等级的修改"),
    Key("f2", "changes", "修改清单", "F2", "模拟：全部修改的数值和得分变化"),
    Key("f3", "rule_help", "规则说明", "F3", "模拟：当前指标所用规则的原文、口径和算例"),
    Key("f9", "curve", "得分曲线", "F9", "模拟/计算器：得分随完成值或比率变化的曲线"),
)

RULEBOOK_KEYS: tuple[Key, ...] = (
    Key(
        "f9",
        "calculator",
        "计算器",
        "F9",
        "规则说明：用当前规则试算（输入数值看演算和曲线）",
        footer=True,
    ),
    Key("f10", "quiz", "练习", "F10", "规则说明：评分练习（随机出题，引擎核对得分）"),
)

CALCULATOR_KEYS: tuple[Key, ...] = (
    Key("escape", "close", "返回", "Esc", "计算器/练习：返回", footer=True),
    Key("f4", "toggle_curve", "曲线", "F4", "计算器：在演算和得分曲线之间切换", footer=True),
    Key("ctrl+r", "reset", "重置", "Ctrl+R", "计算器：恢复算例的数值"),
)

QUIZ_KEYS: tuple[Key, ...] = (
    Key("escape", "close", "结束", "Esc", "练习：结束并查看各类规则的答题小结", footer=True),
    Key("f7", "next", "下一题", "F7", "练习：下一题（答完后回车也可）", footer=True),
)

SEEK_KEYS: tuple[Key, ...] = (Key("escape", "close", "关闭", "Esc", "反求：关闭", footer=True),)


def help_rows() -> list[tuple[str, str]]:
    """(key, what it does) for F1, after the wizard's own keys."""
    keys = (*SANDBOX_KEYS, *RULEBOOK_KEYS, *CALCULATOR_KEYS, *QUIZ_KEYS)
    rows = [(k.display, k.help or k.label) for k in keys]
    rows.append(("回车（反求结果中）", "把选中的修改放入模拟，再由引擎复核"))
    return list(dict.fromkeys(rows))
