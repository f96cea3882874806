"""Step 6 规则说明: the rule book of the project's rule set, one rule at a time, with worked
examples scored by the engine under every reading."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...project.session import EditOutcome
from ..keymap import RULEBOOK_KEYS, bindings
from ..widgets.live import LiveStatic
from ..widgets.rulebook import rule_text
from .base import StepScreen
from .training import open_calculator, open_quiz


class RuleBookScreen(StepScreen):
    STEP = "rules"
    HAS_EXPLANATION = False
    BINDINGS = bindings(RULEBOOK_KEYS)
    DEFAULT_CSS = """
    RuleBookScreen #rules-split { height: 1fr; }
    RuleBookScreen #rule-list {
        width: 24; height: 1fr; border: none; padding: 0; border-right: solid $primary 50%;
    }
    RuleBookScreen #rule-list:focus { border: none; border-right: solid $primary 50%; }
    RuleBookScreen.-wide #rule-list { width: 32; }
    RuleBookScreen #rule-detail { width: 1fr; height: 1fr; padding: 0 1; }
    RuleBookScreen #ruleset-name { color: $text-muted; }
    """

    def compose_body(self) -> ComposeResult:
        ruleset = self.ws.session.ruleset
        with Horizontal(id="rules-split"):
            yield OptionList(
                *(Option(rule.name, id=rule.id) for rule in ruleset.rules.values()),
                id="rule-list",
            )
            with VerticalScroll(id="rule-detail"):
                yield Static(
                    f"规则集：{ruleset.name}（Ctrl+T 计算器试算，Ctrl+L 评分练习）",
                    id="ruleset-name",
                )
                yield LiveStatic(id="rule-text")

    def mounted(self) -> None:
        listing = self.query_one("#rule-list", OptionList)
        listing.highlighted = 0
        listing.focus()

    def show_result(self, outcome: EditOutcome | None) -> None:
        super().show_result(outcome)
        listing = self.query_one("#rule-list", OptionList)
        if listing.highlighted is not None:
            self._show(listing.get_option_at_index(listing.highlighted).id or "")

    def select_rule(self, rule_id: str) -> None:
        listing = self.query_one("#rule-list", OptionList)
        listing.highlighted = listing.get_option_index(rule_id)

    @on(OptionList.OptionHighlighted, "#rule-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(event.option.id or "")
        self.query_one("#rule-detail", VerticalScroll).scroll_home(animate=False)

    @on(OptionList.OptionSelected, "#rule-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#rule-detail", VerticalScroll).focus()

    def _show(self, rule_id: str) -> None:
        session = self.ws.session
        if rule_id in session.ruleset.rules:
            self.query_one("#rule-text", LiveStatic).set(
                rule_text(session.ruleset, rule_id, session.project, session.result)
            )

    def rule_for_focus(self) -> str | None:
        listing = self.query_one("#rule-list", OptionList)
        if listing.highlighted is None:
            return None
        return listing.get_option_at_index(listing.highlighted).id

    def action_calculator(self) -> None:
        open_calculator(self.app, self.rule_for_focus())

    def action_quiz(self) -> None:
        open_quiz(self.app)
