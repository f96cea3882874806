"""Export speed and peak memory: the seed case and a generated 2,000-indicator project.

For each project: the first export in a fresh process (includes importing openpyxl), then the
median of 5 further exports of both files, of the workbook alone and of the report alone, and
the peak memory traced (tracemalloc) during one export of both files. Also one import of the
2,000-indicator workbook.

Run: .venv/bin/python benchmarks/bench_export.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import realistic  # noqa: E402
from perfeval_tui.exports import export_project  # noqa: E402
from perfeval_tui.project.storage import load_project  # noqa: E402
from perfeval_tui.scoring.model import Project  # noqa: E402

SEED = Path(__file__).resolve().parent.parent / "demo_data" / "wuxi-2020.json"
GOAL_S = 1.5


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def measure(label: str, project: Project) -> None:
    with tempfile.TemporaryDirectory() as folder:

        def both() -> None:
            export_project(project, folder, force=True)

        first = timed(both)
        runs = {
            "xlsx + md": [timed(both) for _ in range(5)],
            "xlsx": [
                timed(lambda: export_project(project, folder, md=False, force=True))
                for _ in range(5)
            ],
            "md": [
                timed(lambda: export_project(project, folder, xlsx=False, force=True))
                for _ in range(5)
            ],
        }
        tracemalloc.start()
        both()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        size = sum(p.stat().st_size for p in Path(folder).iterdir())
        workbook = next(Path(folder).glob("*.xlsx"))
        from perfeval_tui.exports.xlsx_import import import_workbook

        read = timed(lambda: import_workbook(workbook))
    print(f"{label}（{len(project.indicators)} 项指标）")
    print(f"  首次导出（含加载 openpyxl）: {first:.3f} s")
    for name, samples in runs.items():
        print(f"  导出 {name:<9} 中位数: {statistics.median(samples):.3f} s")
    print(
        f"  峰值内存（tracemalloc，导出两个文件）: {peak / 2**20:.1f} MiB；文件合计 {size / 1024:.0f} KiB"
    )
    print(f"  读回 xlsx（import）: {read:.3f} s")


def main() -> None:
    measure("示例项目（无锡 2020）", load_project(SEED))
    big = realistic(2000)
    measure("生成项目", big)
    with tempfile.TemporaryDirectory() as folder:
        median = statistics.median(
            timed(lambda: export_project(big, folder, force=True)) for _ in range(3)
        )
    verdict = "达标" if median <= GOAL_S else "未达标"
    print(f"目标：2,000 项指标导出 ≤ {GOAL_S} s —— {verdict}（{median:.3f} s）")


if __name__ == "__main__":
    main()
