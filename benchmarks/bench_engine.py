"""Engine speed: median full recompute for the seed and a generated 1,000-indicator project,
and load+validate time of that project's file.

Run: .venv/bin/python benchmarks/bench_engine.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import large_project  # noqa: E402
from benchmarks.measure import median_ms  # noqa: E402
from perfeval_tui.project.storage import load_project, save_project  # noqa: E402
from perfeval_tui.scoring.engine import score_project  # noqa: E402
from perfeval_tui.scoring.ruleset import load_ruleset  # noqa: E402

SEED = Path(__file__).resolve().parent.parent / "demo_data" / "wuxi-2020.json"


def main() -> None:
    seed = load_project(SEED)
    ruleset = load_ruleset(seed.ruleset)
    big = large_project(1000)
    assert len(big.indicators) == 1000
    seed_ms = median_ms(lambda: score_project(seed, ruleset), 2000)
    big_ms = median_ms(lambda: score_project(big, ruleset), 200)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.json"
        save_project(big, path)
        size_kb = path.stat().st_size / 1024
        load_ms = median_ms(lambda: load_project(path), 30)
    print(
        f"engine full recompute, seed case ({len(seed.indicators)} indicators): median {seed_ms:.3f} ms (goal <= 0.2 ms)"
    )
    print(f"engine full recompute, 1,000 indicators: median {big_ms:.2f} ms (goal <= 5 ms)")
    print(
        f"load + validate + score, 1,000-indicator file ({size_kb:.0f} KB): median {load_ms:.1f} ms"
    )


if __name__ == "__main__":
    main()
