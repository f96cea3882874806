"""Plain mode over a slow link: bytes written to the terminal per typed character.

Runs ``perfeval FILE --plain`` on a copy of the seed case under a pseudo-terminal of 80x24, walks to
附表1 → 修改一行 → 预算安排数, then types digits one at a time. After each key it reads everything the
program sends until the line has been quiet for a moment, and counts the bytes. Two terminals:

- ``TERM=xterm-256color``: questionary (prompt_toolkit) redraws the input line itself;
- ``TERM=dumb``: the line backend; the terminal driver echoes the key, the program writes nothing.

Also reported: the bytes for one committed answer (Enter: the score line and the next question).

Run: .venv/bin/python benchmarks/bench_plain.py
"""

from __future__ import annotations

import fcntl
import os
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.measure import drain  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "demo_data" / "wuxi-2020.json"
QUIET = 0.25  # seconds without output that end a key's reply
KEYS = "1234567890" * 3


def wait_for(fd: int, text: str, limit: float = 15.0) -> bytes:
    data = b""
    deadline = time.monotonic() + limit
    needle = text.encode()
    while needle not in data and time.monotonic() < deadline:
        data += drain(fd, quiet=0.05, limit=0.5)
    if needle not in data:
        raise RuntimeError(f"did not see {text!r}; last output: {data[-300:]!r}")
    return data


def measure(term: str) -> tuple[list[int], int]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "wuxi.json"
        shutil.copyfile(SEED, path)
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {**os.environ, "TERM": term, "LANG": "C.UTF-8", "LC_ALL": "", "COLUMNS": "80"}
        env.pop("LINES", None)
        proc = subprocess.Popen(
            [sys.executable, "-m", "perfeval_tui.cli", str(path), "--plain"],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        try:
            wait_for(master, "下一步做什么")
            for answer, expect in (("2", "本表操作"), ("2", "修改哪一行"), ("", "资金名称")):
                os.write(master, answer.encode() + b"\r")
                wait_for(master, expect)
            os.write(master, b"\r")  # keep the name
            wait_for(master, "预算安排数")
            drain(master, QUIET)
            sizes = []
            for key in KEYS:
                os.write(master, key.encode())
                sizes.append(len(drain(master, QUIET)))
            os.write(master, b"\x15")  # Ctrl-U clears the typed line (both backends)
            drain(master, QUIET)
            os.write(master, b"\r")  # Enter on an empty answer keeps 450 and asks the next
            enter = len(drain(master, QUIET))
        finally:
            proc.kill()
            proc.wait()
            os.close(master)
    return sizes, enter


def main() -> None:
    for term, label in (("xterm-256color", "questionary"), ("dumb", "line backend")):
        sizes, enter = measure(term)
        print(
            f"plain mode ({label}, TERM={term}): bytes per typed character median "
            f"{statistics.median(sizes):.0f} B, max {max(sizes)} B over {len(sizes)} keys "
            f"(goal <= 100 B); Enter to the next question {enter} B"
        )


if __name__ == "__main__":
    main()
