"""The real ``perfeval`` on an 80x24 pseudo-terminal: send bytes, send signals, hang up.

Shared by the signal tests and ``benchmarks/bench_faults.py``.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

PERFEVAL = [sys.executable, "-m", "perfeval_tui.cli"]
ALT = b"\x1b"
_ESCAPES = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]")


class Session:
    """One ``perfeval`` process on a pseudo-terminal; ``screen`` is all it printed, decoded."""

    def __init__(
        self,
        args: list[str],
        home: Path,
        *,
        trap_hup: bool = False,
        env: dict[str, str] | None = None,
    ) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        command = [*PERFEVAL, *args]
        if trap_hup:  # a login shell that ignores SIGHUP: the process outlives its terminal
            command = ["sh", "-c", "trap '' HUP; exec \"$@\"", "sh", *command]
        full_env = {
            **os.environ,
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "LC_ALL": "",
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_DATA_HOME": str(home / "data"),
            **(env or {}),
        }
        self.proc = subprocess.Popen(
            command,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=full_env,
            start_new_session=True,
            cwd=home,
        )
        os.close(slave)
        self.master: int | None = master
        self.raw = b""

    @property
    def screen(self) -> str:
        return _ESCAPES.sub(b"", self.raw).decode("utf-8", "replace")

    def read(self, quiet: float = 0.4, limit: float = 15.0) -> None:
        """Read until the program has been quiet for ``quiet`` seconds."""
        deadline = time.monotonic() + limit
        while self.master is not None and time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], quiet)
            if not ready:
                return
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.raw += chunk

    def wait_for(self, text: str, limit: float = 30.0) -> None:
        deadline = time.monotonic() + limit
        while text not in self.screen[-6000:] and time.monotonic() < deadline:
            self.read(quiet=0.2, limit=1.0)
            if self.proc.poll() is not None:
                break
        assert text in self.screen, f"{text!r} never appeared; screen ends {self.screen[-400:]!r}"

    def send(self, *keys: bytes, quiet: float = 0.3) -> None:
        for key in keys:
            assert self.master is not None
            os.write(self.master, key)
            self.read(quiet=quiet)

    def signal(self, signum: int) -> None:
        self.proc.send_signal(signum)

    def hang_up(self) -> None:
        """Close the terminal's master side: the line is gone."""
        if self.master is not None:
            os.close(self.master)
            self.master = None

    def wait(self, limit: float = 20.0) -> int | None:
        """The exit code, or None if the program did not end within ``limit`` (it is then killed)."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            self.read(quiet=0.1, limit=0.2)
            code = self.proc.poll()
            if code is not None:
                return code
            time.sleep(0.05)
        self.proc.kill()
        self.proc.wait()
        return None

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.hang_up()


def open_satisfaction(session: Session) -> None:
    """From a fresh wizard on the Wuxi demo: the 完成值 of 社会满意度, focused."""
    session.wait_for("总分 99.60（优）")
    session.send(ALT + b"4")
    session.wait_for("第 4/7 步")
    session.send(b"\x1b[F", b"\r")  # End, Enter
    session.wait_for("失分 0.40")


def cpu_seconds(pid: int) -> float:
    """User+system CPU time of a process (Linux), for telling a spin from an idle wait."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


__all__ = ["ALT", "Session", "cpu_seconds", "open_satisfaction", "signal"]
