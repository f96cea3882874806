"""Drive plain mode in tests: through real questionary prompts on prompt_toolkit pipe input, or
through the line backend, or as the ``perfeval`` command with answers piped on stdin."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.vt100 import Vt100_Output

from perfeval_tui.plain.prompts import LinePrompter, QuestionaryPrompter
from perfeval_tui.plain.start import start

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = ROOT / "demo_data" / "wuxi-2020-answers.txt"
PERFEVAL = [sys.executable, "-m", "perfeval_tui.cli"]


def seed_answers() -> list[str]:
    """The README's answers file, without its comment lines: one answer per line."""
    lines = ANSWERS.read_text("utf-8").splitlines()
    return [line for line in lines if not line.lstrip().startswith("#")]


@dataclass
class Run:
    code: int
    out: str  # what plain mode printed between questions
    screen: str  # what questionary drew (escape sequences included)


def run_questionary(
    path: Path | None, keys: str, *, new: bool = False, ruleset: str | None = None
) -> Run:
    """Type ``keys`` into real questionary prompts; the input is closed after them (EOF)."""
    out, screen = io.StringIO(), io.StringIO()
    output = Vt100_Output(screen, lambda: Size(rows=24, columns=80), term="xterm", enable_cpr=False)
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        pipe.close()  # what was sent stays readable; after it, the prompts see EOF
        ask = QuestionaryPrompter(out=out, input=pipe, output=output)
        code = start(path, new=new, ruleset_id=ruleset, ask=ask)
    return Run(code, out.getvalue(), screen.getvalue())


def typed(lines: list[str]) -> str:
    """Answers as keystrokes: each line, then Enter."""
    return "".join(line + "\r" for line in lines)


def run_lines(path: Path | None, lines: list[str], *, new: bool = False) -> Run:
    """The line backend, reading ``lines`` as a piped answers file."""
    out = io.StringIO()
    stdin = io.StringIO("".join(line + "\n" for line in lines))
    code = start(path, new=new, ruleset_id=None, ask=LinePrompter(stdin, out))
    return Run(code, out.getvalue(), "")


def perfeval(
    *args: str, stdin: bytes, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """The real command in a child process, no terminal, answers on stdin."""
    full_env = {**os.environ, "TERM": "dumb", **(env or {})}
    return subprocess.run(
        [*PERFEVAL, *args], input=stdin, capture_output=True, env=full_env, timeout=120
    )


def run_in_pty(args: list[str], keys: list[bytes], env: dict[str, str]) -> tuple[int, bytes]:
    """Run ``perfeval ARGS`` on an 80x24 pseudo-terminal that never answers cursor queries,
    sending each of ``keys`` once the program has gone quiet; return (exit code, all output)."""
    import fcntl
    import pty
    import select
    import struct
    import termios
    import time

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    proc = subprocess.Popen(
        [*PERFEVAL, *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env={**os.environ, **env},
        start_new_session=True,
    )
    os.close(slave)
    output = b""

    def read_until_quiet(quiet: float = 0.5, limit: float = 20.0) -> None:
        nonlocal output
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], quiet)
            if not ready:
                return
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the program ended and closed the terminal
                return
            if not chunk:
                return
            output += chunk

    try:
        read_until_quiet(quiet=1.5)
        for key in keys:
            os.write(master, key)
            read_until_quiet()
        code = proc.wait(timeout=30)
        read_until_quiet(quiet=0.2)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    return code, output
