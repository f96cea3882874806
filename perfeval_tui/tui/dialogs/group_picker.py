"""Choose an indicator's 层级: one of the project's groups, or a new one typed with ``/``."""

from __future__ import annotations

import re

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

PATH_SPLIT = re.compile(r"\s*[/／]\s*")
SEPARATOR = " / "


def split_path(text: str) -> list[str]:
    return [part for part in PATH_SPLIT.split(text.strip()) if part]


class GroupPicker(ModalScreen[list[str] | None]):
    """Returns the chosen group path (without the indicator's name), or None on Esc."""

    BINDINGS = [
        Binding("escape", "cancel", "取消", key_display="Esc"),
        Binding("down", "move(1)", "下移", show=False),
        Binding("up", "move(-1)", "上移", show=False),
    ]
    DEFAULT_CSS = """
    GroupPicker { align: center middle; }
    GroupPicker > Vertical {
        width: 72; max-width: 100%; height: auto; max-height: 20; border: solid $primary;
        background: $surface; padding: 0 1;
    }
    GroupPicker Input { margin: 0 0 1 0; }
    GroupPicker OptionList { height: auto; max-height: 10; }
    GroupPicker #group-note { color: $text-muted; }
    GroupPicker #group-error { color: $error; }
    """

    def __init__(self, groups: list[list[str]], current: list[str], typed: str = "") -> None:
        super().__init__()
        self.groups = [SEPARATOR.join(g) for g in groups]
        self.current = SEPARATOR.join(current)
        self.typed = typed

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                "选择「层级」：↑↓ 或输入文字找已有分组，回车确认；输入含 / 的路径则新建分组"
            )
            yield Input(self.typed, placeholder="例如 个性指标 / 专项总目标 / 产出", id="group-new")
            yield OptionList(*self._options(self.typed), id="group-list")
            yield Static("", id="group-error")

    def _options(self, typed: str) -> list[Option]:
        key = typed.strip()
        return [Option(g, id=g) for g in self.groups if not key or key in g]

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if not self.typed and self.current in self.groups:
            options.highlighted = self.groups.index(self.current)
        self.query_one(Input).focus()

    @on(Input.Changed)
    def _filter(self, event: Input.Changed) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self._options(event.value))
        # Typed words find a group (Enter takes the first found); a path with / is a new group.
        found = options.option_count and "/" not in event.value and "／" not in event.value
        options.highlighted = 0 if found and event.value.strip() else None

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count == 0:
            return
        if options.highlighted is None:
            options.highlighted = 0 if step > 0 else options.option_count - 1
        elif step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.query_one(OptionList)
        text = event.value.strip()
        if options.highlighted is not None:
            chosen = options.get_option_at_index(options.highlighted).id or ""
            self.dismiss(split_path(chosen))
            return
        parts = split_path(text)
        if not parts:
            self.query_one("#group-error", Static).update(
                "请用 ↑↓ 选一个分组，或输入新分组，例如 个性指标 / 专项总目标 / 产出"
            )
            return
        if len(parts) > 4:
            self.query_one("#group-error", Static).update("「层级」最多四级。请删去多余的层级")
            return
        self.dismiss(parts)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(split_path(event.option.id or ""))

    def action_cancel(self) -> None:
        self.dismiss(None)
