"""What-if and goal-seek speed on the seed case and a generated 1,000-indicator project:
one sandbox edit with its comparison, one indicator's goal seek, the total's goal seek,
one score curve, and a 20-round quiz's generation (medians).

Run: .venv/bin/python benchmarks/bench_whatif.py
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import large_project  # noqa: E402
from benchmarks.measure import median_ms  # noqa: E402
from perfeval_tui.analysis.curve import score_curve  # noqa: E402
from perfeval_tui.analysis.quiz import generate  # noqa: E402
from perfeval_tui.analysis.seek import seek_indicator  # noqa: E402
from perfeval_tui.analysis.seek_total import seek_total  # noqa: E402
from perfeval_tui.analysis.whatif import Sandbox  # noqa: E402
from perfeval_tui.project.storage import load_project  # noqa: E402
from perfeval_tui.scoring.engine import score_project  # noqa: E402

SEED = Path(__file__).resolve().parent.parent / "demo_data" / "wuxi-2020.json"


def main() -> None:
    seed = load_project(SEED)
    big = large_project(1000)
    seed_box, big_box = Sandbox(seed), Sandbox(big)
    values = iter(range(10**9))
    goal = score_project(big).total + Decimal("0.05")

    def edit(box: Sandbox, path: str) -> None:
        box.set(path, str(1000 + next(values) % 500))
        box.comparison()

    rows = [
        (
            "sandbox edit + comparison, seed",
            median_ms(lambda: edit(seed_box, "监控建成数量.完成值"), 200),
        ),
        (
            "sandbox edit + comparison, 1,000 indicators",
            median_ms(lambda: edit(big_box, "指标5.完成值"), 50),
        ),
        ("sandbox start (copy + score), 1,000 indicators", median_ms(lambda: Sandbox(big), 20)),
        (
            "seek one indicator (full marks), seed",
            median_ms(lambda: seek_indicator(seed, "监控建成数量"), 50),
        ),
        (
            "seek one indicator (full marks), 1,000 indicators",
            median_ms(lambda: seek_indicator(big, "指标5"), 5),
        ),
        ("seek --total (+0.05), 1,000 indicators", median_ms(lambda: seek_total(big, goal), 3)),
        (
            "score curve (141 engine samples), seed",
            median_ms(lambda: score_curve(seed, "total-cameras"), 20),
        ),
        ("quiz: generate 20 scenarios", median_ms(lambda: generate(seed=1, rounds=20), 20)),
    ]
    for name, ms in rows:
        print(f"{name}: median {ms:.1f} ms")


if __name__ == "__main__":
    main()
