"""Every key of the wizard as data: bindings, the footer, F1 help and the command palette read it.

Keys are chosen to survive PuTTY/Xshell/SecureCRT: F-keys and Ctrl+letter. Alt+digit arrives as
ESC+digit, which Textual reads as ``alt+N``. Only ``footer=True`` keys show in the footer, which
holds about five at 80 columns; everything else is listed by F1 and the command palette.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType


@dataclass(frozen=True, slots=True)
class Key:
    keys: str  # Textual key names, comma separated
    action: str
    label: str  # short Chinese label (footer, palette)
    display: str  # how the key is written for people: "Ctrl+S"
    help: str = ""  # one Chinese sentence for F1
    footer: bool = False
    priority: bool = False  # wins over a focused Input (Input uses Ctrl+E and Ctrl+A itself)

    def binding(self) -> Binding:
        footer_key = self.display.replace("Ctrl+", "^")
        return Binding(
            self.keys,
            self.action,
            self.label,
            show=self.footer,
            key_display=footer_key,
            priority=self.priority,
            tooltip=self.help,
            id=self.action,
        )


def alt_digit_keys(digit: int) -> str:
    """Key names for Alt+digit. Terminals send ESC+digit, which Textual turns into the character
    a Mac's Option+digit types (ESC 4 -> ``¢``); bind both names."""
    names = [f"alt+{digit}"]
    try:
        from textual._ansi_sequences import ANSI_SEQUENCES_KEYS
        from textual.keys import _character_to_key

        mapped = ANSI_SEQUENCES_KEYS.get(f"\x1b{digit}")
        if isinstance(mapped, str) and len(mapped) == 1:
            names.append(_character_to_key(mapped))
    except (ImportError, AttributeError, KeyError):  # another Textual: alt+N alone
        pass
    return ",".join(names)


APP_KEYS: tuple[Key, ...] = (
    Key("f1", "help", "帮助", "F1", "列出全部按键", footer=True),
    Key("ctrl+q", "quit", "退出", "Ctrl+Q", "保存并退出", footer=True, priority=True),
    Key(
        "ctrl+p",
        "command_palette",
        "命令",
        "Ctrl+P",
        "命令面板：搜索并执行任何命令、跳到任一指标",
        priority=True,
    ),
)

STEP_KEYS: tuple[Key, ...] = (
    Key(
        "f4",
        "toggle_explain",
        "解释",
        "F4",
        "显示/隐藏当前指标或比率的评分解释（宽度≥120 时常显）",
        footer=True,
    ),
    Key("f7", "next_step", "下一步", "F7", "下一步", footer=True),
    Key("f6", "previous_step", "上一步", "F6", "上一步"),
    Key(
        "ctrl+s",
        "save",
        "保存",
        "Ctrl+S",
        "立即保存（每次提交字段也会自动保存）",
        footer=True,
        priority=True,
    ),
    Key("f2", "deductions", "扣分明细", "F2", "每一项扣分及其演算过程"),
    Key("f3", "rule_help", "规则说明", "F3", "当前字段所用评分规则的原文、口径和算例"),
    Key("f5", "simulate", "模拟", "F5", "模拟修改数值看得分变化（不改文件）"),
    Key("ctrl+e", "export", "导出", "Ctrl+E", "转到导出步骤；在导出步骤中立即导出", priority=True),
    Key(
        "ctrl+t",
        "app.take_over_lock",
        "接管",
        "Ctrl+T",
        "只读打开时：确认持有者后接管编辑锁",
        priority=True,
    ),
    Key("ctrl+pagedown", "next_step", "下一步", "Ctrl+PgDn", "下一步"),
    Key("ctrl+pageup", "previous_step", "上一步", "Ctrl+PgUp", "上一步"),
    *(
        Key(
            alt_digit_keys(n),
            f"goto_step({n})",
            f"第 {n} 步",
            f"Alt+{n}",
            f"转到第 {n} 步",
            priority=True,
        )
        for n in range(1, 8)
    ),
)

ROW_KEYS: tuple[Key, ...] = (
    Key("ctrl+n", "add_row", "新增", "Ctrl+N", "新增一行（资金、区县或指标）"),
    Key("f8", "remove_row", "删除", "F8", "删除当前行（会先确认）"),
)

INDICATOR_KEYS: tuple[Key, ...] = (
    *ROW_KEYS,
    Key("f9", "move_up", "上移", "F9", "当前指标上移一位"),
    Key("f10", "move_down", "下移", "F10", "当前指标下移一位"),
)

# Keys of the widgets themselves, for F1 only.
WIDGET_KEYS: tuple[tuple[str, str], ...] = (
    ("Tab / Shift+Tab", "下一个 / 上一个字段（离开字段即保存）"),
    ("Enter", "确认字段并保存；在指标树中：编辑该指标的完成值"),
    ("↑ ↓", "在指标树、列表中移动"),
    ("空格", "勾选 / 取消勾选；在指标树中展开或折叠"),
    ("Esc", "关闭对话框"),
)


def bindings(keys: tuple[Key, ...]) -> list[BindingType]:
    return [key.binding() for key in keys]


def help_rows() -> list[tuple[str, str]]:
    """(key, what it does) for every key, in the order F1 shows them."""
    rows = [(k.display, k.help or k.label) for k in (*APP_KEYS, *STEP_KEYS, *INDICATOR_KEYS)]
    rows = [r for r in rows if not r[0].startswith("Alt+")]
    rows.append(("Alt+1 … Alt+7", "直接转到第 1 至第 7 步"))
    from .keymap_training import help_rows as training_rows  # imports this module

    rows.extend(training_rows())
    rows.extend(WIDGET_KEYS)
    return list(dict.fromkeys(rows))
