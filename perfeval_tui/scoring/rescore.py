"""Re-scoring after an edit to one indicator, without scoring the other 999 again.

An indicator's score depends only on itself, its rule, the readings in force and 附表1's 合计 row.
So when one indicator changed and nothing else did, the engine scores that indicator alone (the
same :func:`~perfeval_tui.scoring.engine.score_project`, on a one-indicator view of the project) and the
previous result is reused for the rest; subtotals, total and grade are then summed as the engine
sums them. A test checks the outcome equals a full re-score for every rule family.
"""

from __future__ import annotations

from .engine import ProjectScore, assemble_score, score_project
from .model import Indicator, Project


def rescore_indicator(
    previous: ProjectScore, project: Project, indicator: Indicator
) -> ProjectScore:
    """The project's result after ``indicator`` (and nothing else) changed since ``previous``.

    Falls back to a full re-score when the indicator list itself changed (added, removed, moved).
    """
    items = list(previous.indicators)
    same_list = len(items) == len(project.indicators) and all(
        item.indicator is current for item, current in zip(items, project.indicators, strict=True)
    )
    if not same_list:
        return score_project(project, previous.ruleset)
    index = next(i for i, item in enumerate(items) if item.indicator is indicator)
    alone = project.model_copy(update={"indicators": [indicator]})
    items[index] = score_project(alone, previous.ruleset).indicators[0]
    return assemble_score(
        previous.ruleset, items, previous.budget, previous.districts, previous.block
    )
