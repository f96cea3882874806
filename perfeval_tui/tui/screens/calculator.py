"""The rule-book calculator: type a rule's inputs and watch the engine's explanation and the score
curve follow.

It works on the rule's worked example (:func:`~perfeval_tui.analysis.examples.example_for`, a one-indicator
project) inside a :class:`~perfeval_tui.analysis.whatif.Sandbox`: each typed value goes through the model's
validators and the number parser, the engine re-scores, and the panes render the engine's
explanation record and :class:`~perfeval_tui.analysis.curve.ScoreCurve`. No project file is involved.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Checkbox, ContentSwitcher, Footer, Input, Select, Static

from ...analysis.curve import CurveError, score_curve
from ...analysis.examples import example_for
from ...analysis.whatif import Sandbox
from ...scoring.numbers import fmt2
from ...scoring.reading_names import family_name
from ...scoring.ruleset import RuleSet
from ..keymap import CALCULATOR_KEYS, bindings
from ..widgets.curve_view import curve_text
from ..widgets.explanation import explanation_text
from ..widgets.field import FieldInput
from ..widgets.line_stack import LineStack
from ..widgets.live import LiveStatic
from ..widgets.rule_inputs import INPUTS_CSS, apply_change, compose_inputs
from ..widgets.score_bar import StepBar

INPUTS_WIDTH = 36


class CalculatorScreen(Screen[None]):
    BINDINGS = bindings(CALCULATOR_KEYS)
    DEFAULT_CSS = (
        f"""
    CalculatorScreen #calc-split {{ height: 1fr; }}
    CalculatorScreen #calc-inputs {{
        width: {INPUTS_WIDTH}; height: 1fr; padding: 0 1 0 0; border-right: solid $primary 50%;
        scrollbar-size-vertical: 1;
    }}
    CalculatorScreen #calc-right {{ width: 1fr; height: 1fr; }}
    CalculatorScreen #calc-explain {{ padding: 0 1; scrollbar-size-vertical: 1; }}
    CalculatorScreen #calc-curve-pane {{ padding: 0 0 0 1; }}
    CalculatorScreen #calc-curve {{ width: 100%; }}
    CalculatorScreen #calc-score {{
        height: 1; background: $panel; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis;
    }}
    CalculatorScreen Checkbox {{ width: 100%; height: auto; }}
    """
        + INPUTS_CSS
    )

    def __init__(self, ruleset: RuleSet, rule_id: str) -> None:
        super().__init__()
        self.ruleset = ruleset
        self.rule = ruleset.rules[rule_id]
        self.example = example_for(ruleset, rule_id)
        self.sandbox = Sandbox(self.example.project, ruleset)

    @property
    def indicator_id(self) -> str:
        return self.example.indicator_id

    def compose(self) -> ComposeResult:
        yield StepBar(id="calc-title")
        with Horizontal(id="calc-split"):
            with VerticalScroll(id="calc-inputs"):
                yield from self.compose_inputs()
            with ContentSwitcher(initial="calc-explain", id="calc-right"):
                with VerticalScroll(id="calc-explain"):
                    yield LineStack(id="calc-explanation")
                with VerticalScroll(id="calc-curve-pane"):
                    yield LineStack(id="calc-curve")
        yield LiveStatic(id="calc-score")
        yield Footer(compact=True)

    def compose_inputs(self) -> ComposeResult:
        indicator = self.sandbox.project.indicator(self.indicator_id)
        yield Static(f"算例：{self.example.description}。改动下列数值试算：", classes="inputs-note")
        yield from compose_inputs(
            self.sandbox.project, self.ruleset, indicator, "calc", weight=True
        )

    def on_mount(self) -> None:
        self.query_one(StepBar).update(
            Text.assemble(
                ("计算器", "bold"),
                f" · {self.rule.name}（{family_name(self.rule.family)}）· Esc 返回",
            )
        )
        first = self.query("#calc-inputs Input, #calc-inputs Checkbox, #calc-inputs Select")
        if first:
            first.first().focus()
        self.show_result()

    @property
    def curve_shown(self) -> bool:
        return self.query_one(ContentSwitcher).current == "calc-curve-pane"

    def show_result(self) -> None:
        """The engine's explanation (or curve) of the example as it now stands."""
        item = self.sandbox.result.by_id(self.indicator_id)
        self.query_one("#calc-explanation", LineStack).set(explanation_text(item))
        self.query_one("#calc-score", LiveStatic).set(
            Text(
                f"得分 {fmt2(item.score)} / {fmt2(item.weight)}（引擎计算）   F4 "
                + ("看演算" if self.curve_shown else "看得分曲线"),
                style="bold",
            )
        )
        if self.curve_shown:
            self.show_curve()

    def show_curve(self) -> None:
        pane = self.query_one("#calc-curve-pane")
        label = self.query_one("#calc-curve", LineStack)
        try:
            curve = score_curve(self.sandbox.project, self.indicator_id, ruleset=self.ruleset)
        except CurveError as exc:
            label.set(str(exc))
            return
        # Title and axis label may take two lines each in the pane; the legend one per mark.
        height = max(5, pane.size.height - 7 - len(curve.marks))
        label.set(curve_text(curve, max(30, pane.size.width - 2), height))

    # ----- edits --------------------------------------------------------------------------

    def _apply(self, widget: object, value: object) -> None:
        error = apply_change(self.sandbox, widget, value)  # type: ignore[arg-type]
        if isinstance(widget, FieldInput):
            widget.show_error(error)
        elif error:
            self.notify(error, severity="warning", timeout=5)
        if error is None:
            self.show_result()

    def on_input_changed(self, event: Input.Changed) -> None:
        if isinstance(event.input, FieldInput):
            event.stop()
            self._apply(event.input, event.value)

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self._apply(event.checkbox, event.value)

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._apply(event.select, event.value)

    # ----- keys ---------------------------------------------------------------------------

    def action_close(self) -> None:
        self.dismiss(None)

    def action_toggle_curve(self) -> None:
        switcher = self.query_one(ContentSwitcher)
        switcher.current = "calc-explain" if self.curve_shown else "calc-curve-pane"
        self.call_after_refresh(self.show_result)

    async def action_reset(self) -> None:
        self.sandbox.reset()
        inputs = self.query_one("#calc-inputs", VerticalScroll)
        await inputs.remove_children()
        await inputs.mount_all(list(self.compose_inputs()))
        self.show_result()
