"""Plain mode: the wizard's job, line by line, for terminals a full-screen app cannot serve.

Dumb terminals, web consoles, screen readers, non-UTF-8 locales and answers piped from a file.
It writes the same project file and shows the same scores and explanations as the full wizard.
"""

from __future__ import annotations

import os
from pathlib import Path

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
            return start(path, new=new, ruleset_id=ruleset, ask=ask)
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


def use_locale_encoding() -> None:
    """Read and write the terminal in the encoding its locale names (e.g. GB18030).

    Python coerces an uninstalled or C locale to UTF-8; a GB18030 terminal would then send bytes
    Python misreads. The project file itself is always UTF-8 (storage writes it so).
    """
    configure_streams()
