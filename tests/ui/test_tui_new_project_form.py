"""A new project starts from its form: the rule set's fixed indicators and the group skeleton
are in the tree, Ctrl+N adds to the highlighted group, and the status line shows how much of
each section's weight is given out."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Footer
from tui_helpers import D, make_app, retype, score_bar, screen_lines, wait_for

from perfeval_tui.project.factory import new_project
from perfeval_tui.project.storage import save_project
from perfeval_tui.tui.widgets.indicator_form import IndicatorForm
from perfeval_tui.tui.widgets.indicator_tree import IndicatorTree

SIZE = (80, 24)


def tree_labels(app) -> list[str]:
    tree = app.screen.query_one(IndicatorTree)
    return [str(tree.get_node_at_line(n).label) for n in range(tree.last_line + 1)]


def opened_name(app) -> str | None:
    """The name of the indicator the form shows, None when none."""
    form = app.screen.query_one(IndicatorForm)
    return None if form.indicator is None else form.indicator.name


async def test_a_new_wuxi_project_shows_the_forms_groups_and_adds_to_the_highlighted_one(
    tmp_path: Path,
) -> None:
    path = tmp_path / "新项目.json"
    save_project(new_project("测试专项", 2024, "测试局"), path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "个性指标" in tree_labels(app), "the tree")
        await wait_for(pilot, lambda: "个性指标 权重 10/60" in score_bar(app), "the status line")
        labels = tree_labels(app)
        # 个性指标 as in the seed's 附表2: three goal groups, each with 产出 and 效果, and the
        # 社会满意度 worth 10 under 其他绩效评价指标 / 效果.
        personal = labels[labels.index("个性指标") :]
        assert personal[:4] == ["个性指标", "专项总目标", "产出", "效果"]
        assert personal[4:7] == ["明细项目绩效目标", "产出", "效果"]
        assert personal[7:10] == ["其他绩效评价指标", "产出", "效果"]
        assert personal[10].endswith("社会满意度（％）")
        assert app.workspace.project.indicator("satisfaction").weight == D(10)
        # The status line: the 个性指标 weights given out so far, against the form's 60.
        assert "个性指标 权重 10/60" in score_bar(app)
        footer = " ".join(screen_lines(app)[-1:])
        assert "^N 新增" in footer
        assert app.screen.query_one(Footer) is not None

        # Ctrl+N on the group 专项总目标 / 效果: the new indicator goes into that group, and the
        # file keeps the form's order (before 其他绩效评价指标's 社会满意度).
        tree = app.screen.query_one(IndicatorTree)
        tree.focus()
        tree.move_cursor(tree.groups[("个性指标", "专项总目标", "效果")])
        await pilot.pause()
        project = app.workspace.project
        count = len(project.indicators)
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: len(project.indicators) == count + 1, "the new indicator")
        await wait_for(pilot, lambda: opened_name(app) == "新指标", "its form")
        await retype(pilot, "ind-name", "居民安全感")
        await retype(pilot, "ind-weight", "15")
        await pilot.press("tab")
        await wait_for(pilot, lambda: "个性指标 权重 25/60" in score_bar(app), "25/60")
        added = next(i for i in project.indicators if i.name == "居民安全感")
        assert added.levels == ["个性指标", "专项总目标", "效果", "居民安全感"]
        assert project.indicators.index(added) == 9  # right after the 9 共性指标

        # The tree shows it in its group; 明细项目绩效目标 is still there, empty.
        labels = tree_labels(app)
        at = labels.index("专项总目标")
        assert labels[at + 1 : at + 3] == ["产出", "效果"]
        assert labels[at + 3].endswith("居民安全感")
        assert labels[at + 4] == "明细项目绩效目标"

        # An indicator highlighted: Ctrl+N adds beside it, in its group.
        tree.focus()
        tree.select_indicator(added.id)
        await pilot.pause()
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: len(project.indicators) == count + 2, "the second one")
        second = project.indicators[10]
        assert second.levels == ["个性指标", "专项总目标", "效果", "新指标"]
    app.workspace.close()


async def test_a_new_national_project_shows_the_national_sections(tmp_path: Path) -> None:
    path = tmp_path / "national.json"
    save_project(new_project("测试项目", 2024, "测试单位", "national-2020"), path)
    app = make_app(path, "indicators")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "产出指标" in tree_labels(app), "the tree")
        await wait_for(pilot, lambda: "产出指标 权重 0/50" in score_bar(app), "the status line")
        labels = tree_labels(app)
        assert labels[labels.index("产出指标") + 1 : labels.index("产出指标") + 5] == [
            "数量指标",
            "质量指标",
            "时效指标",
            "成本指标",
        ]
        assert "社会效益指标" in labels and "服务对象满意度指标" in labels
        # The form's section sums, from the engine: nothing given out yet.
        bar = score_bar(app)
        assert "产出指标 权重 0/50" in bar and "效益指标 权重 0/30" in bar
        tree = app.screen.query_one(IndicatorTree)
        tree.focus()
        tree.move_cursor(tree.groups[("满意度指标",)])
        await pilot.pause()
        count = len(app.workspace.project.indicators)
        await pilot.press("ctrl+n")
        await wait_for(
            pilot, lambda: len(app.workspace.project.indicators) == count + 1, "the new one"
        )
        await wait_for(pilot, lambda: opened_name(app) == "新指标", "its form")
        await retype(pilot, "ind-weight", "10")
        await pilot.press("tab")
        # 10 of 10: its subtotal instead of what is left to give out.
        await wait_for(pilot, lambda: "满意度指标 权重" not in score_bar(app), "its subtotal")
        # A group of groups: the new indicator goes into its first group.
        added = app.workspace.project.indicators[-1]
        assert added.levels == ["满意度指标", "服务对象满意度指标", "新指标"]
        assert "满意度指标 权重" not in score_bar(app)  # 10 of 10: its subtotal instead
    app.workspace.close()
