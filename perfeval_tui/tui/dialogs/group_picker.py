"""Choose an indicator's 层级: one of the project's groups, or a new one typed with ``/``."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ..widgets.in_order import InOrderKeys

PATH_SPLIT = re.compile(r"\s*[/／]\s*")
SEPARATOR = " / "


def split_path(text: str) -> list[str]:
    return [part for part in PATH_SPLIT.split(text.strip()) if part]


class GroupInput(InOrderKeys, Input):
    """The picker's entry; also takes the keys typed before the picker was shown, in order
    (``in_order.py``).

    Enter decides at once, on the text as typed so far; keys that come after it go back to the
    table (``give_back``), not into a picker that is closing.
    """

    async def take_key(self, event: events.Key) -> bool:
        picker = self.screen
        if not isinstance(picker, GroupPicker):
            return False
        if picker.done:
            picker.give_back(event)
            return True
        if event.key == "enter":
            picker.submit(self.value)
            return True
        return False

    def binding_nodes(self, key: str) -> Sequence[Widget]:
        return (self, self.screen)  # the picker's Up, Down and Esc, in the order typed


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
    GroupPicker Input { margin: 0 0 1 0; background: $boost; }
    GroupPicker OptionList { height: auto; max-height: 10; }
    GroupPicker #group-note { color: $text-muted; }
    GroupPicker #group-error { color: $error; }
    """

    def __init__(
        self,
        groups: list[list[str]],
        current: list[str],
        typed: str = "",
        give_back: Callable[[events.Key], None] | None = None,
        on_close: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.on_close = on_close
        self.give_back: Callable[[events.Key], None] = give_back or (lambda event: None)
        self.done = False
        self.arrow_choice: tuple[str, str] | None = None  # (the text then, the group chosen)
        self.groups = [SEPARATOR.join(g) for g in groups]
        self.current = SEPARATOR.join(current)
        self.typed = typed
        # An example from this form's own groups (产出指标 / 数量指标 on the national one).
        example = next((g for g in groups if len(g) > 1), ["个性指标", "专项总目标", "产出"])
        self.entry = GroupInput(
            typed,
            placeholder=f"例如 {SEPARATOR.join(example)}",
            select_on_focus=False,
            compact=True,
            id="group-new",
        )

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("「层级」：↑↓ 或输入文字找分组，含 / 的路径为新分组；回车确认")
            yield self.entry
            yield OptionList(*self._options(self.typed), compact=True, id="group-list")
            yield Static("", id="group-error")

    def _options(self, typed: str) -> list[Option]:
        key = typed.strip()
        return [Option(g, id=g) for g in self.groups if not key or key in g]

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if not self.typed and self.current in self.groups:
            options.highlighted = self.groups.index(self.current)
            self.arrow_choice = ("", self.current)
        self.entry.focus()

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
        if options.highlighted is not None:
            chosen = options.get_option_at_index(options.highlighted).id or ""
            self.arrow_choice = (self.entry.value.strip(), chosen)

    def decide(self, text: str) -> list[str] | str:
        """The group for the text typed (and any arrow choice), or the Chinese message."""
        text = text.strip()
        if self.arrow_choice is not None and self.arrow_choice[0] == text:
            return split_path(self.arrow_choice[1])
        new = "/" in text or "／" in text
        found = [g for g in self.groups if text and text in g]
        parts = split_path(found[0] if found and not new else text)
        if not parts:
            return "请用 ↑↓ 选一个分组，或输入新分组，例如 个性指标 / 专项总目标 / 产出"
        if len(parts) > 4:
            return "「层级」最多四级。请删去多余的层级"
        return parts

    def submit(self, text: str) -> None:
        if self.done:
            return
        decided = self.decide(text)
        if isinstance(decided, str):
            self.query_one("#group-error", Static).update(decided)
            return
        self.close(decided)

    def close(self, path: list[str] | None) -> None:
        self.done = True
        if self.on_close is not None:
            self.on_close()
        self.dismiss(path)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.close(split_path(event.option.id or ""))

    def action_cancel(self) -> None:
        self.close(None)
