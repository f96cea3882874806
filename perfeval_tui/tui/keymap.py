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


# Every key name that jumps to a step: a text field must not take them as typed characters.
STEP_JUMP_KEYS = frozenset(name for n in range(1, 8) for name in alt_digit_keys(n).split(","))

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
        "显示/隐藏当前指标或比率的评分解释（宽度≥120 时常显）；解释较长时再按 F4 往下翻",
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
        priority=True,  # not in the footer: every committed field is saved, the status says so
    ),
    Key("f2", "deductions", "扣分明细", "F2", "每一项扣分及其演算过程"),
    Key("ctrl+g", "warnings", "警告", "Ctrl+G", "列出全部数据警告（状态行显示条数）"),
    Key("f3", "rule_help", "规则说明", "F3", "当前字段所用评分规则的原文、口径和算例"),
    Key("f5", "simulate", "模拟", "F5", "模拟修改数值看得分变化（不改文件）"),
    Key("ctrl+e", "export", "导出", "Ctrl+E", "转到导出步骤；在导出步骤中立即导出", priority=True),
    Key(
        "ctrl+o",
        "app.take_over_lock",
        "接管",
        "Ctrl+O",
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
    Key(
        "ctrl+n",
        "add_row",
        "新增",
        "Ctrl+N",
        "在指标树当前所在的分组中新增指标",
        footer=True,
    ),
    *ROW_KEYS[1:],
    Key("f9", "move_up", "上移", "F9", "当前指标上移一位"),
    Key("f10", "move_down", "下移", "F10", "当前指标下移一位"),
    Key("escape", "back_to_tree", "指标树", "Esc", "在指标表单中：回到指标树"),
    Key("pageup", "previous_indicator", "上一指标", "PgUp", "转到上一个指标，停在同一字段"),
    Key("pagedown", "next_indicator", "下一指标", "PgDn", "转到下一个指标，停在同一字段"),
    Key(
        "f12",
        "open_grid",
        "表格",
        "F12",
        "绩效指标：切换到表格（一行一个指标，像电子表格一样录入）",
        footer=True,
    ),
)

# Step 4 as a table. F12 switches between the table and the form (one meaning on the step).
GRID_KEYS: tuple[Key, ...] = (
    Key(
        "ctrl+n",
        "add_row",
        "新增",
        "Ctrl+N",
        "表格中：紧接刚录入（回车确认）的行、在它的分组中新增，回车下移到别的分组也一样；"
        "用方向键移动光标后，在光标所在行的分组中新增",
    ),
    *ROW_KEYS[1:],
    Key(
        "f12",
        "open_form",
        "表单",
        "F12",
        "表格中：打开当前指标的完整表单（规则输入、文字），在表单中按 Esc 回到表格",
        footer=True,
    ),
    Key("escape", "back_to_tree", "指标树", "Esc", "表格中：回到指标树"),
)

# Keys of the widgets themselves, for F1 only.
WIDGET_KEYS: tuple[tuple[str, str], ...] = (
    ("Tab / Shift+Tab", "下一个 / 上一个字段（离开字段即保存）"),
    ("Enter", "确认字段并保存；在指标树中：编辑该指标的完成值"),
    ("↑ ↓", "在指标树、列表中移动"),
    ("空格", "勾选 / 取消勾选；在指标树中展开或折叠"),
    ("Esc", "关闭对话框；在指标表单中：回到指标树"),
    (
        "回车 / 输入文字",
        "表格中（附表1、区县、绩效指标）：编辑当前格；回车确认并下移，Tab 确认并右移到下一个"
        "可填的格（跳过计算得出的列），Esc 放弃；方向键逐格移动",
    ),
    ("粘贴（WPS/Excel 的行）", "在附表1、区县、绩效指标步骤中：预览后新增为行"),
)


def bindings(keys: tuple[Key, ...]) -> list[BindingType]:
    return [key.binding() for key in keys]


def help_rows() -> list[tuple[str, str]]:
    """(key, what it does) for every key, in the order F1 shows them."""
    keys = (*APP_KEYS, *STEP_KEYS, *INDICATOR_KEYS, *GRID_KEYS)
    rows = [(k.display, k.help or k.label) for k in keys]
    rows = [r for r in rows if not r[0].startswith("Alt+")]
    rows.append(("Alt+1 … Alt+7", "直接转到第 1 至第 7 步"))
    rows.extend(_training_help_rows())
    rows.extend(WIDGET_KEYS)
    return list(dict.fromkeys(rows))


# ----- the sandbox, goal seek, the rule-book calculator and the quiz -------------------------

SANDBOX_KEYS: tuple[Key, ...] = (
    Key(
        "escape",
        "close",
        "返回",
        "Esc",
        "模拟：关闭，回到向导（有未采用的修改时先确认）",
        footer=True,
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
    Key("ctrl+g", "warnings", "警告", "Ctrl+G", "模拟：列出模拟值的全部数据警告"),
    Key("f3", "rule_help", "规则说明", "F3", "模拟：当前指标所用规则的原文、口径和算例"),
    Key("f9", "curve", "得分曲线", "F9", "模拟/计算器：得分随完成值或比率变化的曲线"),
)

RULEBOOK_KEYS: tuple[Key, ...] = (
    # Not F9/F10: on step 4 those move an indicator, and a key means one thing on every step.
    Key(
        "ctrl+t",
        "calculator",
        "计算器",
        "Ctrl+T",
        "规则说明：用当前规则试算（输入数值看演算和曲线）",
        footer=True,
    ),
    Key("ctrl+l", "quiz", "练习", "Ctrl+L", "规则说明：评分练习（随机出题，引擎核对得分）"),
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


def _training_help_rows() -> list[tuple[str, str]]:
    """(key, what it does) for F1, after the wizard's own keys."""
    keys = (*SANDBOX_KEYS, *RULEBOOK_KEYS, *CALCULATOR_KEYS, *QUIZ_KEYS)
    rows = [(k.display, k.help or k.label) for k in keys]
    rows.append(("回车（反求结果中）", "把选中的修改放入模拟，再由引擎复核"))
    return list(dict.fromkeys(rows))
