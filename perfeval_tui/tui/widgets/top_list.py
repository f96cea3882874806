"""A list inside a scrolling step: Home and PgUp at its first entry bring the step's top back.

A list under a long heading (step 5's deductions under the total) keeps the focus while the
reader scrolls; Home and PgUp would otherwise move only inside the list and never reveal what
is above it.
"""

from __future__ import annotations

from textual.containers import ScrollableContainer
from textual.widgets import OptionList


class TopList(OptionList):
    """An OptionList whose Home and PgUp (from its first entry) scroll its step to the top."""

    def _step_scroll(self) -> ScrollableContainer | None:
        for ancestor in self.ancestors:
            if isinstance(ancestor, ScrollableContainer):
                return ancestor
        return None

    def action_first(self) -> None:
        super().action_first()
        scroll = self._step_scroll()
        if scroll is not None:
            scroll.scroll_home(animate=False)

    def action_page_up(self) -> None:
        at_first = not self.highlighted
        super().action_page_up()  # type: ignore[no-untyped-call]
        scroll = self._step_scroll()
        if scroll is not None and (at_first or not self.highlighted):
            scroll.scroll_page_up(animate=False)


__all__ = ["TopList"]
