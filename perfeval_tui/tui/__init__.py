"""The full-screen wizard. ``launch`` is the entry; Textual is imported only when it runs."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from .deferred import PendingLoad


def launch(
    path: Path | None,
    *,
    blink: bool = False,
    mouse: bool = True,
    new: bool = False,
    ruleset: str | None = None,
) -> int:
    """Open ``path`` in the wizard (or the welcome screen); returns the exit code.

    A file that cannot be loaded is reported in one Chinese line before the screen is taken over,
    and is never written to. A path that does not exist yet (or ``new``) starts a new project there.
    """
    # No collections while the project loads and the first screen is built: nearly everything
    # made until then lives as long as the session. The app freezes it after the first paint.
    gc.disable()
    from ..project.rawfile import ProjectFileError, read_project_data

    # The file is read here (JSON only: a file that is not JSON is refused before the screen is
    # taken over); it is validated right after step 1 is drawn from it (see .deferred).
    pending: PendingLoad | None = None
    new_path: Path | None = None
    if path is not None:
        if new or not path.exists():
            new_path = path
        else:
            try:
                pending = PendingLoad(path, read_project_data(path))
            except ProjectFileError as exc:
                gc.enable()
                print(f"错误：{exc}", file=sys.stderr)
                return 2
    from .app import PerfevalApp

    app = PerfevalApp(None, blink=blink, new_path=new_path, new_ruleset=ruleset, pending=pending)
    try:
        code = app.run(mouse=mouse)
    finally:
        opened = app.workspace
        problem = opened.close() if opened is not None else None
    crash = app.crash
    if crash is not None:  # the screen is gone: say so in one line, never exit 0
        from ..term.crash import report_crash

        return report_crash(crash)
    if pending is not None and pending.error is not None:  # refused by validation: untouched
        gc.enable()
        print(f"错误：{pending.error}", file=sys.stderr)
        return 2
    if problem:
        print(f"错误：{problem}", file=sys.stderr)
        return 1
    return code if isinstance(code, int) else 0
