"""Questions asked one line at a time, written once and answered through one of two backends.

- :class:`QuestionaryPrompter` for a real UTF-8 terminal (questionary on prompt_toolkit);
- :class:`LinePrompter` for everything else: piped answers files, dumb terminals, screen readers and
  non-UTF-8 locales (prompt_toolkit always decodes keyboard input as UTF-8, so GB18030 typing would
  be garbled there; reading lines through the locale-encoded ``sys.stdin`` is not).

Both accept the same answers: Enter keeps the current value, a menu takes its number, a yes/no
question takes 是/否 or y/n. So an answers file written for one drives the other.
KeyboardInterrupt and EOFError are the caller's to handle; ``on_interrupt`` lets a caller turn
Ctrl-C into a question ("save and quit?") and re-ask the interrupted question afterwards. A
terminal that is gone (EIO on a read or a write) raises :class:`TerminalLost`, never an OSError.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TextIO, TypeVar

from ..scoring.numbers import NumberInputError, NumberKind, fmt_plain, parse_number
from ..term.lost import TerminalLost, is_lost
from ..term.terminal import locale_is_utf8
from ..term.textwidth import clip

T = TypeVar("T")
R = TypeVar("R")

CLEAR = "-"  # typed alone, empties an optional answer (Enter alone keeps it)
SHORTCUT_LIMIT = 9
TITLE_WIDTH = 72  # a numbered menu line stays within 80 columns  # menus longer than this are answered by typing the number
YES_WORDS = frozenset({"y", "yes", "是", "好", "1", "对"})
NO_WORDS = frozenset({"n", "no", "否", "不", "0"})


class QuitRequested(Exception):
    """The user chose to leave (Ctrl-C, then confirmed)."""


@dataclass(frozen=True, slots=True)
class Option(Generic[T]):
    """One menu entry: what is shown, and what choosing it returns."""

    title: str
    value: T


def yes_no(text: str, default: bool) -> bool | None:
    """``是``/``y`` -> True, ``否``/``n`` -> False, empty -> default, anything else -> None."""
    word = text.strip().lower()
    if not word:
        return default
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    return None


def pick_number(text: str, count: int) -> int | None:
    """A typed menu number (1-based, full-width digits accepted) -> 0-based index, or None."""
    try:
        value = parse_number(text, field="序号", kind="count")
    except NumberInputError:
        return None
    index = int(value) - 1
    return index if 0 <= index < count else None


class Prompter:
    """The questions plain mode asks; subclasses supply :meth:`ask_line` and may improve menus."""

    def __init__(self, out: TextIO | None = None) -> None:
        self._out = out
        self.on_interrupt: Callable[[], None] | None = None
        self._interrupting = False

    @property
    def out(self) -> TextIO:
        # Resolved late: plain mode may re-wrap sys.stdout in the locale's encoding first.
        return self._out if self._out is not None else sys.stdout

    # -- output -------------------------------------------------------------------------------
    def say(self, text: str = "") -> None:
        try:
            self.out.write(text + "\n")
            self.out.flush()
        except OSError as exc:
            if is_lost(exc):
                raise TerminalLost from exc
            raise

    def error(self, message: str) -> None:
        self.say(f"  输入有误：{message}")

    # -- the one primitive --------------------------------------------------------------------
    def ask_line(self, message: str, current: str = "") -> str:
        """Ask for one line; return what was typed ("" when the user just pressed Enter)."""
        raise NotImplementedError

    # -- questions built on it ----------------------------------------------------------------
    def guarded(self, ask: Callable[[], R]) -> R:
        """Run one question; on Ctrl-C let ``on_interrupt`` decide (it raises to quit)."""
        while True:
            try:
                return ask()
            except OSError as exc:
                if is_lost(exc):
                    raise TerminalLost from exc
                raise
            except KeyboardInterrupt:
                if self.on_interrupt is None or self._interrupting:
                    raise
                self.say("")
                self._interrupting = True
                try:
                    self.on_interrupt()
                finally:
                    self._interrupting = False

    def ask_text(
        self,
        message: str,
        default: str = "",
        *,
        validate: Callable[[str], str | None] | None = None,
    ) -> str:
        """Free text; Enter keeps ``default``. ``validate`` returns a Chinese message or None."""
        while True:
            typed = self.guarded(lambda: self.ask_line(message, default))
            answer = typed if typed.strip() else default
            problem = validate(answer) if validate is not None else None
            if problem is None:
                return answer
            self.error(problem)

    def ask_number(
        self,
        message: str,
        default: Decimal | None = None,
        *,
        field: str | None = None,
        kind: NumberKind = "value",
        unit: str = "",
        optional: bool = False,
    ) -> Decimal | None:
        """A number through the one parser; a bad one is re-asked with the parser's message."""
        current = "" if default is None else fmt_plain(default)
        while True:
            typed = self.guarded(lambda: self.ask_line(message, current)).strip()
            if not typed and (default is not None or optional):
                return default
            if typed == CLEAR and optional:
                return None
            try:
                return parse_number(typed, field=field or message, kind=kind, unit=unit)
            except NumberInputError as exc:
                self.error(str(exc))

    def ask_confirm(self, message: str, default: bool = True) -> bool:
        hint = "是/否"
        while True:
            typed = self.guarded(
                lambda: self.ask_line(f"{message}（{hint}）", "是" if default else "否")
            )
            answer = yes_no(typed, default)
            if answer is not None:
                return answer
            self.error(
                f"「{message}」请回答 是 或 否（也可输入 y 或 n），直接回车表示「{'是' if default else '否'}」"
            )

    def ask_select(self, message: str, options: Sequence[Option[T]], default: T | None = None) -> T:
        """One of ``options``; Enter takes ``default`` (or the first)."""
        return options[self._select_index(message, options, default)].value

    def _select_index(self, message: str, options: Sequence[Option[Any]], default: Any) -> int:
        return self._select_by_number(message, options, default)

    def _select_by_number(self, message: str, options: Sequence[Option[Any]], default: Any) -> int:
        start = _default_index(options, default)
        self.say(message)
        for number, option in enumerate(options, 1):
            self.say(f"  {number}) {clip(option.title, TITLE_WIDTH)}")
        while True:
            typed = self.guarded(lambda: self.ask_line("请输入序号", str(start + 1))).strip()
            if not typed:
                return start
            index = pick_number(typed, len(options))
            if index is None:  # the title itself is accepted too
                titles = [o.title for o in options]
                index = titles.index(typed) if typed in titles else None
            if index is not None:
                return index
            self.error(f"「{message}」请输入 1 到 {len(options)} 之间的序号")


def _default_index(options: Sequence[Option[Any]], default: Any) -> int:
    for index, option in enumerate(options):
        if option.value == default:
            return index
    return 0


class LinePrompter(Prompter):
    """Reads whole lines from a text stream: answers files, dumb terminals, any locale."""

    def __init__(self, stdin: TextIO | None = None, out: TextIO | None = None) -> None:
        super().__init__(out)
        self._in = stdin

    @property
    def stdin(self) -> TextIO:
        return self._in if self._in is not None else sys.stdin

    def ask_line(self, message: str, current: str = "") -> str:
        prompt = f"{message} [{current}]：" if current else f"{message}："
        if _isatty(self.stdin):
            self.out.write(prompt)
            self.out.flush()
            line = self.stdin.readline()
            if not line:
                self.out.write("\n")
                raise EOFError
            return line.rstrip("\r\n")
        # Piped answers: skip comment lines, and echo each answer so the output reads as a dialogue.
        while True:
            line = self.stdin.readline()
            if not line:
                self.out.write(prompt + "\n")
                self.out.flush()
                raise EOFError
            line = line.rstrip("\r\n")
            if not line.lstrip().startswith("#"):
                self.out.write(prompt + line + "\n")
                self.out.flush()
                return line


class QuestionaryPrompter(Prompter):
    """questionary prompts on a real terminal (or on prompt_toolkit pipe input in tests)."""

    def __init__(self, out: TextIO | None = None, **io: Any) -> None:
        super().__init__(out)
        os.environ.setdefault("PROMPT_TOOLKIT_NO_CPR", "1")  # no CPR warning on dumb clients
        self._io = io  # input= / output= for prompt_toolkit; empty for the real terminal

    def ask_line(self, message: str, current: str = "") -> str:
        import questionary

        question = f"{message} [{current}]" if current else message
        self.out.flush()
        answer = questionary.text(question, **self._io).unsafe_ask()
        return str(answer or "")

    def _select_index(self, message: str, options: Sequence[Option[Any]], default: Any) -> int:
        if len(options) > SHORTCUT_LIMIT:
            return self._select_by_number(message, options, default)
        import questionary

        choices = [questionary.Choice(o.title, value=i) for i, o in enumerate(options)]
        start = _default_index(options, default)
        self.out.flush()
        return int(
            self.guarded(
                lambda: questionary.select(
                    message,
                    choices=choices,
                    default=choices[start],
                    use_shortcuts=True,
                    instruction="（方向键或序号选择，回车确认）",
                    **self._io,
                ).unsafe_ask()
            )
        )


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def make_prompter(stdin: TextIO | None = None, stdout: TextIO | None = None) -> Prompter:
    """questionary on a real UTF-8 terminal that can move the cursor; whole lines otherwise."""
    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    term = os.environ.get("TERM", "")
    fancy = (
        _isatty(stdin)
        and _isatty(stdout)
        and locale_is_utf8()
        and term not in ("", "dumb", "unknown")
    )
    return QuestionaryPrompter() if fancy else LinePrompter()
