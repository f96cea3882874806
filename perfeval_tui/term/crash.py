"""An internal error: logged in full to the crash log, named to the user in one Chinese line.

Exit code 70 (EX_SOFTWARE) always: a crash never exits 0.
"""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from pathlib import Path

EXIT_CRASH = 70


def crash_log(exc: BaseException) -> Path | None:
    folder = Path(os.environ.get("XDG_STATE_HOME", Path.home() / ".local" / "state")) / "perfeval"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        log = folder / "crash.log"
        with log.open("a", encoding="utf-8") as handle:
            handle.write("".join(traceback.format_exception(exc)))
        return log
    except OSError:
        return None


def report_crash(exc: BaseException) -> int:
    """Log ``exc`` to the crash log, name the log in one Chinese line; the crash exit code (70)."""
    log = crash_log(exc)
    where = f"详细信息已记入 {log}" if log else "无法写入日志"
    message = f"错误：程序内部出错（{type(exc).__name__}）。{where}，请反馈给维护人员。"
    with contextlib.suppress(OSError, ValueError, AttributeError):  # no terminal left to tell
        print(message, file=sys.stderr)
    return EXIT_CRASH
