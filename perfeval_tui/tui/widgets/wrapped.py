"""Chinese text wrapped at the width it is drawn in, by :func:`~perfeval_tui.term.wrap.break_offsets`:
a number stays with its unit, punctuation never starts a line. Styles are kept (rich's
``Text.divide``); Textual measures the height as for any rich renderable."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from ...term.wrap import break_offsets


def wrap_text(text: Text, width: int) -> Text:
    """``text`` with a newline at each break for ``width`` cells."""
    lines: list[Text] = []
    for line in text.split("\n", allow_blank=True):
        for part in line.divide(break_offsets(line.plain, width, cell_len)):
            part.rstrip()
            lines.append(part)
    out = Text("\n").join(lines)
    out.no_wrap = True
    out.overflow = "fold"
    return out


class Wrapped:
    """A rich renderable of ``text`` wrapped for whatever width it is given."""

    def __init__(self, text: str | Text) -> None:
        self.text = Text(text) if isinstance(text, str) else text

    @property
    def plain(self) -> str:
        return self.text.plain

    def __str__(self) -> str:
        return self.text.plain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield wrap_text(self.text, options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)


__all__ = ["Wrapped", "wrap_text"]
