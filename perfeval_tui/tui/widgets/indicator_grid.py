"""附表2 as a grid: one row per indicator, the columns of the form, the score live.

A Textual DataTable with a cell cursor; the screen (``screens/indicator_grid.py``) edits cells
through the edit session and tells the grid which rows to show again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from os.path import commonprefix

from rich.cells import cell_len
from rich.text import Text

from ...scoring.engine import ProjectScore
from ...scoring.model import Indicator
from ...scoring.numbers import fmt2, fmt_plain
from .data_grid import Cell, GridColumn, RowGrid, tail

COLUMNS: tuple[GridColumn, ...] = (
    GridColumn("levels", "层级", 12),
    GridColumn("name", "名称", 20),
    GridColumn("weight", "权重", 4, live=True),
    GridColumn("target", "目标值", 8, live=True),
    GridColumn("actual", "完成值", 8, live=True),
    GridColumn("unit", "单位", 4),
    GridColumn("score", "得分", 6, editable=False),
)
COLUMN_KEYS = tuple(column.key for column in COLUMNS)


Group = tuple[str, ...]


def siblings(groups: Sequence[Group], path: Group, depth: int) -> list[str]:
    """The names at ``depth`` under the same parent as ``path`` among ``groups``."""
    parent = path[:depth]
    return list(dict.fromkeys(g[depth] for g in groups if len(g) > depth and g[:depth] == parent))


def distinguishing(name: str, others: Sequence[str], least: int) -> str:
    """The part of ``name`` that tells it from its siblings: what they all begin with dropped
    (项目决策, 项目过程 -> 决策, 过程), then as few characters (at least ``least``) as no other
    sibling begins with."""
    common = commonprefix(list(others)) if len(others) > 1 else ""
    if any(len(o) <= len(common) for o in others):
        common = ""
    rest = name[len(common) :]
    rests = [o[len(common) :] for o in others if o != name]
    for size in range(least, len(rest) + 1):
        if not any(o.startswith(rest[:size]) for o in rests):
            return rest[:size]
    return rest


def level_forms(path: Group, groups: Sequence[Group]) -> list[str]:
    """``path`` written ever shorter: in full; the top category by its mark (共 / 个); each
    middle level by its distinguishing part; the last level by its distinguishing part too."""
    full = "/".join(path)
    if len(path) < 2:
        return [full]
    mark = distinguishing(path[0], siblings(groups, path, 0), 1)
    middle = [
        distinguishing(name, siblings(groups, path, depth), 2)
        for depth, name in enumerate(path[1:-1], start=1)
    ]
    last = distinguishing(path[-1], siblings(groups, path, len(path) - 1), 2)
    return [
        full,
        "/".join([mark, *path[1:]]),
        "/".join([mark, *middle, path[-1]]),
        "/".join([mark, *middle, last]),
    ]


def level_texts(groups: Sequence[Group], width: int) -> dict[Group, str]:
    """Each group path in ``width`` cells, in its longest form that fits: ``个/专项/产出``,
    ``个/其他/产出``, ``共/决策/使用`` at 80 columns, so that groups of the same name (产出) in
    共性 / 个性 or under different targets are told apart; wider, as much of each as fits.
    Where even the shortest does not fit, its end."""
    out = {}
    for path in groups:
        forms = level_forms(path, groups)
        fitting = [text for text in forms if cell_len(text) <= width]
        out[path] = fitting[0] if fitting else tail(forms[-1], width)
    return out


def value_text(indicator: Indicator, field: str) -> str:
    """目标值/完成值 as written (``≥95%``, ``1304路``), or the number with its ``%``."""
    label = getattr(indicator, f"{field}_label")
    value = getattr(indicator, field)
    if label and (value is None or field == "target" or label != fmt_plain(value)):
        return str(label)
    if value is None:
        return ""
    return fmt_plain(value) + ("%" if indicator.unit == "%" else "")


def edit_text(indicator: Indicator, key: str) -> str:
    """What the editor starts with for a cell: the full value, as the user would type it."""
    if key == "levels":
        return " / ".join(indicator.levels[:-1])
    if key == "name":
        return indicator.name
    if key == "weight":
        return fmt_plain(indicator.weight)
    if key in ("target", "actual"):
        return value_text(indicator, key)
    if key == "unit":
        return indicator.unit
    return ""


def indicator_widths(width: int) -> dict[str, int]:
    """Column widths for a table ``width`` cells wide: 层级 and 名称 take what the others leave
    (at 80 columns 12 and 20; narrower, 名称 gives way first; wider, both grow)."""
    widths = {column.key: column.width for column in COLUMNS}
    fixed = sum(w for key, w in widths.items() if key not in ("levels", "name"))
    spare = width - fixed - 2 * len(COLUMNS) - 2  # cell padding, scroll bar
    levels = max(6, min(spare * 3 // 8, 40))
    widths["levels"] = levels
    widths["name"] = max(8, spare - levels)
    return widths


def cells(
    indicator: Indicator,
    result: ProjectScore,
    widths: dict[str, int] | None = None,
    levels: dict[Group, str] | None = None,
) -> list[Cell]:
    """The row's cells; ``levels``: each group path as the column shows it (``level_texts``)."""
    levels = levels or {}
    widths = widths or {column.key: column.width for column in COLUMNS}
    path = tuple(indicator.levels[:-1])
    score = result.by_id(indicator.id)
    style = "red" if score.lost > 0 else ""
    out: list[Cell] = []
    for column in COLUMNS:
        if column.key == "levels":
            out.append(levels.get(path) or level_texts([path], widths["levels"])[path])
        elif column.key == "score":
            out.append(Text(fmt2(score.score), style=style, justify="right"))
        else:
            text = edit_text(indicator, column.key)
            if column.key == "actual" and not text and score.actual_display:
                # A rate read from 附表1: shown, edited on step 2.
                out.append(
                    Text(tail(score.actual_display, widths["actual"]), style="dim", justify="right")
                )
                continue
            if column.key == "name":
                out.append(text)
            else:
                out.append(Text(tail(text, widths[column.key]), justify="right"))
    return out


class IndicatorGrid(RowGrid):
    """附表2: one row per indicator, the score live."""

    def __init__(
        self,
        type_in: Callable[[str], None] | None = None,
        refill: Callable[[], None] | None = None,
        *,
        width: int = 80,
        moved: Callable[[], None] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(COLUMNS, type_in, refill, width=width, moved=moved, id=id)
        self.levels: dict[Group, str] = {}  # each group path as the 层级 column shows it

    def fitted_widths(self, width: int) -> dict[str, int]:
        return indicator_widths(width)

    def fill(self, indicators: list[Indicator], result: ProjectScore) -> None:
        """Show every indicator, keeping the cursor where it was (as far as it can)."""
        groups = list(dict.fromkeys(tuple(i.levels[:-1]) for i in indicators))
        self.levels = level_texts(groups, self.widths["levels"])
        self.fill_rows([(i.id, cells(i, result, self.widths, self.levels)) for i in indicators])

    def show_row(self, indicator: Indicator, result: ProjectScore) -> None:
        self.update_row(indicator.id, cells(indicator, result, self.widths, self.levels))

    def show_scores(self, result: ProjectScore, ids: set[str]) -> None:
        for item in result.indicators:
            if item.id in ids and item.id in self.rows:
                style = "red" if item.lost > 0 else ""
                self.update_cell(
                    item.id, "score", Text(fmt2(item.score), style=style, justify="right")
                )
