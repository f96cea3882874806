"""Plain mode: the wizard's job, line by line, for terminals a full-screen app cannot serve.

Dumb terminals, web consoles, screen readers, non-UTF-8 locales and answers piped from a file.
It writes the same project file and shows the same scores and explanations as the full wizard.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from ..term.lost import EXIT_LOST, TerminalLost, flush_quietly
from ..term.output import configure_streams


def launch(path: Path | None, *, new: bool, ruleset: str | None = None) -> int:
    """Run plain mode on ``path`` (``new``: create it, asking the basics first); the exit status."""
    # prompt_toolkit asks the terminal for its cursor position and warns when there is no answer;
    # web consoles and serial lines never answer. Set before prompt_toolkit is first imported.
    os.environ.setdefault("PROMPT_TOOLKIT_NO_CPR", "1")
    use_locale_encoding()
    from .prompts import QuitRequested, make_prompter
    from .start import start

    ask = make_prompter()
    try:
        try:
            with ended_by_signals():
                return start(path, new=new, ruleset_id=ruleset, ask=ask)
        except Ended as ended:  # every answer given is saved; the lock is released on the way
            flush_quietly()
            return ended.code
        except EOFError:  # before any project was open: nothing to keep
            ask.say("")
            ask.say("输入已结束，未打开项目文件。")
            return 3
        except QuitRequested:
            ask.say("")
            return 3
        except KeyboardInterrupt:
            ask.say("\n已中断。")
            return 130
    except TerminalLost:  # every answer is saved and the lock released; nobody left to tell
        flush_quietly()
        return EXIT_LOST


class Ended(BaseException):
    """SIGHUP or SIGTERM arrived. A BaseException, like KeyboardInterrupt, so that no prompt
    swallows it on its way up to the ``finally`` that releases the lock."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


@contextmanager
def ended_by_signals() -> Iterator[None]:
    """Turn SIGHUP and SIGTERM into :class:`Ended` (exit 128 + the signal's number) while the
    block runs. Every answer is saved when it is given, so unwinding loses nothing."""

    def end(signum: int, _frame: FrameType | None) -> None:
        raise Ended(128 + signum)

    old = {s: signal.signal(s, end) for s in (signal.SIGHUP, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in old.items():
            signal.signal(signum, handler)


def use_locale_encoding() -> None:
    """Read and write the terminal in the encoding its locale names (e.g. GB18030).

    Python coerces an uninstalled or C locale to UTF-8; a GB18030 terminal would then send bytes
    Python misreads. The project file itself is always UTF-8 (storage writes it so).
    """
    configure_streams()
