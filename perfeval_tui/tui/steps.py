"""The wizard's steps, in order, as data. Each step is a screen module, imported when first shown."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from textual.screen import Screen


@dataclass(frozen=True, slots=True)
class Step:
    key: str  # the Textual mode name
    title: str
    module: str  # perfeval_tui.tui.screens.<module>
    screen: str  # class name in that module

    def factory(self) -> Callable[[], Screen[None]]:
        def make() -> Screen[None]:
            module = importlib.import_module(f"perfeval_tui.tui.screens.{self.module}")
            screen: Screen[None] = getattr(module, self.screen)()
            return screen

        return make


STEPS: tuple[Step, ...] = (
    Step("basics", "基本情况", "basics", "BasicsScreen"),
    Step("budget", "预算执行", "budget", "BudgetScreen"),
    Step("districts", "区县分配", "districts", "DistrictsScreen"),
    Step("indicators", "绩效指标", "indicators", "IndicatorsScreen"),
    Step("results", "评分结果", "results", "ResultsScreen"),
    Step("rules", "规则说明", "rulebook", "RuleBookScreen"),
    Step("export", "导出", "export", "ExportScreen"),
)

STEP_KEYS = tuple(step.key for step in STEPS)


def step_index(key: str) -> int:
    return STEP_KEYS.index(key)


def position_label(key: str) -> str:
    """``第 2/7 步 · 预算执行``."""
    index = step_index(key)
    return f"第 {index + 1}/{len(STEPS)} 步 · {STEPS[index].title}"
