"""The 附表2 indicator tree: groups by level (一级/二级/三级…), leaves are indicators with their score.

Group labels carry no numbers on purpose: a subtotal in a group label would repaint every line
under it on each keystroke. Leaves are relabelled only when their own text changes.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from ...project.structure import skeleton_rank
from ...scoring.engine import IndicatorScore, ProjectScore
from ...scoring.numbers import fmt2


def leaf_label(item: IndicatorScore) -> Text:
    text = Text()
    style = "bold red" if item.lost > 0 else "green"
    text.append(f"{fmt2(item.score):>6}", style=style)
    if item.overridden:
        text.append("*", style="bold")
    text.append(" " + item.name)
    return text


class IndicatorTree(Tree[str | None]):
    """Leaves hold the indicator id as data; groups hold None."""

    DEFAULT_CSS = """
    IndicatorTree { padding: 0; scrollbar-size-vertical: 1; overflow-x: hidden; }
    """

    def __init__(self, *, linux: bool = False, id: str | None = None) -> None:
        super().__init__("附表2", id=id)
        self.show_root = False
        self.guide_depth = 2
        self.leaves: dict[str, TreeNode[str | None]] = {}
        self.groups: dict[tuple[str, ...], TreeNode[str | None]] = {}
        self._labels: dict[str, str] = {}
        if linux:  # the console font has no ▶/▼
            self.ICON_NODE = "+ "
            self.ICON_NODE_EXPANDED = "- "

    def build(self, result: ProjectScore, skeleton: Sequence[tuple[str, ...]] = ()) -> None:
        """The tree of ``result``'s indicators, with the form's skeleton groups in their places
        even while they hold no indicator (a new project's 专项总目标 / 产出 …); ``skeleton`` as
        :func:`resolved_skeleton` gives it."""
        self.clear()
        self.leaves.clear()
        self._labels.clear()
        self.groups = {}
        paths = [tuple(path) for path in skeleton if path]
        shown = 0
        for item in result.indicators:
            rank = skeleton_rank(paths, item.levels[:-1])
            if rank is not None:
                for path in paths[shown:rank]:
                    self._group(path)
                shown = max(shown, rank)
            parent = self._group(item.levels[:-1])
            label = leaf_label(item)
            self.leaves[item.id] = parent.add_leaf(label, data=item.id)
            self._labels[item.id] = label.plain
        for path in paths[shown:]:
            self._group(path)

    def _group(self, path: tuple[str, ...]) -> TreeNode[str | None]:
        """The node of group ``path``, made (with its parents) if new."""
        if not path:
            return self.root
        node = self.groups.get(path)
        if node is None:
            parent = self._group(path[:-1])
            node = parent.add(path[-1], data=None, expand=True)
            self.groups[path] = node
        return node

    def group_of(self, node: TreeNode[str | None] | None) -> tuple[str, ...] | None:
        """The group path of a group node, or of a leaf's group; None for nothing."""
        if node is None:
            return None
        if node.data is not None:
            node = node.parent
        for path, group in self.groups.items():
            if group is node:
                return path
        return None

    def relabel(self, result: ProjectScore, ids: set[str]) -> None:
        for indicator_id in ids:
            node = self.leaves.get(indicator_id)
            if node is None:
                continue
            try:
                item = result.by_id(indicator_id)
            except KeyError:
                continue
            label = leaf_label(item)
            if self._labels.get(indicator_id) != label.plain:
                self._labels[indicator_id] = label.plain
                node.set_label(label)

    def select_indicator(self, indicator_id: str) -> bool:
        node = self.leaves.get(indicator_id)
        if node is None:
            return False
        if node.line < 0:  # lines are laid out on the next refresh
            self.call_after_refresh(self.select_indicator, indicator_id)
            return True
        self.move_cursor(node)
        self.scroll_to_node(node, animate=False)
        return True

    @property
    def selected_id(self) -> str | None:
        node = self.cursor_node
        return node.data if node is not None else None
