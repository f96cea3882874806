"""The project's own section weights (一级/二级 as written on its form): one field per section.

Every section a weight can be written for is listed (see
:func:`~perfeval_tui.project.section_weights.offered_weights`), one missing from the weights in
force with an empty field. Returns the (path, weight) pairs to keep, the empty fields left out, or
None when left with Esc. Each weight goes through the one number parser; the caller (``tui/commands.py``) hands the result to the edit session
(``project.groups``), the same call plain mode makes.
"""

from __future__ import annotations

from decimal import Decimal

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from ...scoring.numbers import NumberInputError, fmt_plain, parse_number
from ...scoring.sections import top_total
from ..widgets.in_order import EntryInput, after_typed_keys

Weights = list[tuple[list[str], Decimal]]
Offered = list[tuple[list[str], Decimal | None]]


class WeightInput(EntryInput):
    """A section's weight. Enter goes on to the next section at once, so that keys typed behind
    it (``50 Enter 30``, in one burst over a slow link) land in the next field, not this one."""

    async def take_key(self, event: events.Key) -> bool:
        if event.key == "enter":
            self.screen.focus_next()
            return True
        return False


class SectionWeightsDialog(ModalScreen[Weights | None]):
    BINDINGS = [
        Binding("escape", "cancel", "取消", key_display="Esc"),
        Binding("ctrl+s", "done", "确定", key_display="Ctrl+S", priority=True),
    ]
    DEFAULT_CSS = """
    SectionWeightsDialog { align: center middle; }
    SectionWeightsDialog > Vertical {
        width: 70; max-width: 100%; height: auto; max-height: 22;
        border: solid $primary; background: $surface; padding: 0 1;
    }
    SectionWeightsDialog .title { text-style: bold; }
    SectionWeightsDialog .note { color: $text-muted; }
    SectionWeightsDialog VerticalScroll { height: auto; max-height: 14; }
    SectionWeightsDialog .weight-row { height: 1; }
    SectionWeightsDialog .weight-row Label { width: 30; }
    SectionWeightsDialog .weight-row Input { width: 10; }
    SectionWeightsDialog .weight-error { color: $error; display: none; }
    SectionWeightsDialog .weight-error.-shown { display: block; }
    SectionWeightsDialog #weight-sum.-off { color: $warning; }
    SectionWeightsDialog .buttons { height: 1; margin-top: 1; align: center middle; }
    SectionWeightsDialog Button { margin: 0 2; }
    """

    def __init__(self, weights: Offered, own: bool, full: Decimal) -> None:
        super().__init__()
        self.weights = weights
        self.own = own
        self.full = full  # what every form's sections add up to (100)
        self.total = Decimal(0)  # the weights as typed, added up (show_sum)

    def compose(self) -> ComposeResult:
        source = "本项目表上所写" if self.own else "规则集默认，改后即为本项目所用"
        with Vertical():
            yield Static(f"分项权重（{source}）", classes="title")
            yield Static(
                "结构检查以此为准；表上未写的分项留空。\n回车到下一项，Ctrl+S 确定，Esc 取消。",
                classes="note",
            )
            with VerticalScroll():
                for n, (path, weight) in enumerate(self.weights):
                    with Horizontal(classes="weight-row"):
                        yield Label(" / ".join(path))
                        yield WeightInput(
                            "" if weight is None else fmt_plain(weight),
                            placeholder="未写",
                            compact=True,
                            id=f"weight-{n}",
                        )
                        yield Label("分")
                    yield Static(id=f"weight-error-{n}", classes="weight-error")
            yield Static(id="weight-sum")
            with Horizontal(classes="buttons"):
                yield Button("确定(Ctrl+S)", id="ok", compact=True, variant="primary")
                yield Button("取消(Esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.show_sum()
        if self.weights:
            self.query_one("#weight-0", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.show_sum()

    def read(self, n: int) -> Decimal | None | NumberInputError:
        """Section ``n``'s weight as typed: a number (``25`` or ``25分``), None when left empty
        (not written on the form), or the parser's refusal naming the section."""
        text = self.query_one(f"#weight-{n}", Input).value
        if not text.strip():
            return None
        name = "/".join(self.weights[n][0])
        try:
            return parse_number(text, field=f"{name}权重", kind="score", unit="分")
        except NumberInputError as exc:
            return exc

    def show_sum(self) -> None:
        """Each refused weight's message under its field, as typed; the weights added up over
        the top sections, against the form's total."""
        typed: Weights = []
        for n, (path, _) in enumerate(self.weights):
            value = self.read(n)
            error = self.query_one(f"#weight-error-{n}", Static)
            error.set_class(isinstance(value, NumberInputError), "-shown")
            if isinstance(value, NumberInputError):
                error.update(str(value))
            elif value is not None:
                typed.append((path, value))
        self.total = top_total(typed).total
        line = self.query_one("#weight-sum", Static)
        off = self.total != self.full
        hint = f"，表样总分为 {fmt_plain(self.full)} 分" if off else ""
        line.update(f"各分项合计 {fmt_plain(self.total)} 分{hint}")
        line.set_class(off, "-off")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.action_done()
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_done(self) -> None:
        after_typed_keys(self.app, self._keep)

    def _keep(self) -> None:
        self.show_sum()
        answers: Weights = []
        for n, (path, _) in enumerate(self.weights):
            value = self.read(n)
            if isinstance(value, NumberInputError):  # its message is under it
                self.query_one(f"#weight-{n}", Input).focus()
                return
            if value is not None:
                answers.append((path, value))
        if self.total != self.full:  # kept as the form has it; the check names it too
            self.notify(
                f"各分项合计 {fmt_plain(self.total)} 分，表样总分为 {fmt_plain(self.full)} 分："
                "已按所填保存，请核对表上所写。",
                severity="warning",
                timeout=8,
            )
        self.dismiss(answers)
