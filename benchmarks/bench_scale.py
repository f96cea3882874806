"""How load, score, keystroke, export and import grow with the number of indicators.

For 100, 1,000, 2,000, 5,000 and 20,000 generated indicators (``generate.realistic``):

- load: read, validate and score the project file (what opening a project costs);
- score: the engine's full re-score;
- keystroke: one typed 完成值 through the wizard's session (parse, model, re-score, checks,
  the score bar's changes), the work a key costs before Textual paints;
- export: the workbook and the report;
- import: the exported workbook read back into a project.

Every timing is taken interleaved with a fixed reference workload (pure Python and Decimal, the
same work at every size), and both are measured in this process's CPU time as well as wall time,
so a busy machine moves neither much: the figure to read is the ratio to the reference, and the
growth factor per 10× indicators is a ratio of ratios. Fewer repetitions are
taken at the large sizes.

Run: .venv/bin/python benchmarks/bench_scale.py [--sizes 100,1000,2000,5000,20000] [--only load,score]
"""

from __future__ import annotations

import argparse
import gc
import math
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import realistic  # noqa: E402

FIGURES = ("load", "score", "keystroke", "export", "import")


def reference() -> object:
    """The fixed workload every figure is divided by: about 10 ms of Python and Decimal."""
    total = Decimal(0)
    step = Decimal("1.01")
    for n in range(12_000):
        total += step * n
    return sorted(str(n) for n in range(6_000)), total


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def cpu(action: Callable[[], object]) -> float:
    """The CPU time ``action`` took in this process, ms: other processes' load barely moves it."""
    start = time.process_time()
    action()
    return (time.process_time() - start) * 1000


def interleaved(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(median wall ms of ``action``, median ratio of its CPU time to the reference's CPU time,
    the reference taken just before each run)."""
    times, ratios = [], []
    for _ in range(repeat):
        base = min(cpu(reference) for _ in range(5))
        start_wall, start_cpu = time.perf_counter(), time.process_time()
        action()
        times.append((time.perf_counter() - start_wall) * 1000)
        ratios.append((time.process_time() - start_cpu) * 1000 / base)
    return statistics.median(times), statistics.median(ratios)


def repeats(size: int, figure: str) -> int:
    heavy = figure in ("export", "import", "load")
    if size >= 20_000:
        return 1 if heavy else 3
    if size >= 5_000:
        return 2 if heavy else 5
    return 5 if heavy else 15


def keystroke_action(path: Path) -> Callable[[], object]:
    """Typing digits into one indicator's 完成值, one set_field per key, as the wizard does."""
    from perfeval_tui.project.workspace import open_workspace

    workspace = open_workspace(path)
    project = workspace.project
    indicator = project.indicators[len(project.indicators) // 2]
    workspace.begin_field()
    values = iter(["5", "50", "500", "5000", "500", "50", "5", ""] * 1000)

    def key() -> object:
        return workspace.edit(indicator, "actual", next(values))

    return key


def measure_size(size: int, only: tuple[str, ...]) -> dict[str, tuple[float, float]]:
    from perfeval_tui.exports import export_project
    from perfeval_tui.exports.xlsx_import import import_workbook
    from perfeval_tui.project.storage import load_project, save_project
    from perfeval_tui.scoring.engine import score_project
    from perfeval_tui.scoring.ruleset import load_ruleset

    project = realistic(size)
    ruleset = load_ruleset(project.ruleset)
    out: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "project.json"
        save_project(project, path)
        exports = Path(folder) / "out"
        exports.mkdir()
        actions: dict[str, Callable[[], object]] = {
            "load": lambda: load_project(path),
            "score": lambda: score_project(project, ruleset),
            "export": lambda: export_project(project, exports, force=True),
        }
        for figure in FIGURES:
            if figure not in only:
                continue
            if figure == "keystroke":
                action = keystroke_action(path)
                for _ in range(3):
                    action()  # warm: the first keys build what later keys reuse
            elif figure == "import":
                if not any(exports.glob("*.xlsx")):
                    export_project(project, exports, xlsx=True, md=False, force=True)
                workbook = next(exports.glob("*.xlsx"))
                action = partial(import_workbook, workbook)
            else:
                action = actions[figure]
            gc.collect()
            out[figure] = interleaved(action, repeats(size, figure))
            print(
                f"  {size:>6} {figure:<9} {out[figure][0]:>10.2f} ms wall  "
                f"{out[figure][1]:>9.3f} × reference (CPU time)",
                flush=True,
            )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,2000,5000,20000")
    parser.add_argument("--only", default=",".join(FIGURES))
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    only = tuple(f for f in args.only.split(",") if f)
    base = statistics.median(timed(reference) for _ in range(9))
    print(f"reference workload: {base:.2f} ms wall (median of 9, at start)")
    print("each figure: median wall ms, and median CPU-time ratio to the reference run before it")
    results = {size: measure_size(size, only) for size in sizes}
    print()
    print("ratio to the reference (growth per 10× indicators in brackets):")
    header = "figure".ljust(10) + "".join(f"{size:>18,}" for size in sizes)
    print(header)
    for figure in FIGURES:
        if figure not in only:
            continue
        row = figure.ljust(10)
        previous: tuple[int, float] | None = None
        for size in sizes:
            ratio = results[size][figure][1]
            cell = f"{ratio:.3f}"
            if previous is not None:
                per_10x = (ratio / previous[1]) ** (1 / math.log10(size / previous[0]))
                cell += f" (×{per_10x:.1f})"
            row += f"{cell:>18}"
            previous = (size, ratio)
        print(row)
    print("keystroke figures are the session's work per key; bench_tui.py times it to the screen")


if __name__ == "__main__":
    main()
