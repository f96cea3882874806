"""What every hostile case asserts: no traceback, exit 2 with a Chinese message naming the place,
the input file byte-for-byte unchanged and nothing half-written beside it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from plain_driver import ROOT

from perfeval_tui.cli import main

WUXI = ROOT / "demo_data" / "wuxi-2020.json"
COUNTY = ROOT / "demo_data" / "county-demo.json"


def demo_data(source: Path = WUXI) -> dict[str, Any]:
    return json.loads(source.read_text("utf-8"))


def write_json(folder: Path, data: Any, name: str = "p.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def assert_refused(capsys, path: Path, *places: str, command: str = "score") -> str:
    """``perfeval COMMAND path`` refuses the file with a message naming each of ``places``."""
    before = path.read_bytes()
    siblings = sorted(p.name for p in path.parent.iterdir())
    code, out, err = run(capsys, command, str(path))
    assert "Traceback" not in out + err and "程序内部出错" not in err, err
    assert code == 2, (code, out, err)
    message = err.strip()
    assert message.startswith("错误：") and any("\u4e00" <= ch <= "\u9fff" for ch in message[3:])
    for place in places:
        assert place in message, (place, message)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == siblings  # nothing half-written
    return message


def copy_demo(folder: Path, source: Path = WUXI) -> Path:
    target = folder / source.name
    shutil.copy(source, target)
    return target
