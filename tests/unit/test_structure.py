"""Structural edits are domain operations: the file's order is the order every surface shows."""

from __future__ import annotations

import io
import shutil
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from perfeval_tui.exports.files import export_project
from perfeval_tui.plain.editing import Editor
from perfeval_tui.plain.indicators import IndicatorStep
from perfeval_tui.plain.prompts import LinePrompter
from perfeval_tui.project.factory import new_indicator, new_project
from perfeval_tui.project.session import EditSession
from perfeval_tui.project.storage import load_project, save_project
from perfeval_tui.project.structure import (
    add_indicator,
    categories,
    move_row,
    new_indicator_group,
    remove_row,
)
from perfeval_tui.scoring.engine import score_project
from perfeval_tui.scoring.model import Indicator
from perfeval_tui.scoring.ruleset import load_ruleset

ROOT = Path(__file__).resolve().parent.parent.parent
SEED = ROOT / "demo_data" / "wuxi-2020.json"
D = Decimal


def _groups(indicators: list[Indicator]) -> list[tuple[str, ...]]:
    """Each group as often as it starts a run of rows: a group listed twice is split."""
    runs: list[tuple[str, ...]] = []
    for indicator in indicators:
        group = tuple(indicator.levels[:-1])
        if not runs or runs[-1] != group:
            runs.append(group)
    return runs


def _copy(tmp_path: Path) -> Path:
    path = tmp_path / "wuxi.json"
    shutil.copyfile(SEED, path)
    return path


def test_a_level_change_moves_the_indicator_to_the_end_of_its_new_group(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    session = EditSession(load_project(path), path)
    project = session.project
    moved = project.indicator("cameras-2019")
    levels = ["个性指标", "其他绩效评价指标", "效果", moved.name]
    assert session.set_field(moved, "levels", levels).ok
    runs = _groups(project.indicators)
    assert len(runs) == len(set(runs)), runs  # no group split in two (产出, 效果, 产出)
    effect = [i.id for i in project.indicators if i.levels[:-1] == levels[:-1]]
    assert effect == ["satisfaction", "cameras-2019"]
    saved = load_project(path)
    assert [i.id for i in saved.indicators] == [i.id for i in project.indicators]
    scored = [item.id for item in score_project(saved).indicators]
    assert scored == [i.id for i in project.indicators]


def test_the_exported_table_keeps_each_group_in_one_block(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    session = EditSession(load_project(path), path)
    moved = session.project.indicator("cameras-2019")
    session.set_field(moved, "levels", ["个性指标", "其他绩效评价指标", "效果", moved.name])
    project = load_project(path)
    (written,) = export_project(project, tmp_path / "out", md=False)
    sheet = load_workbook(written)["附表2 绩效评价指标表"]
    # One 效果 block (merged over its rows), not one per run of rows. A block that a printed page
    # cuts is written again at the top of the new page, so a repeat may only start right after a
    # page break.
    page_starts = {brk.id + 1 for brk in sheet.row_breaks.brk}
    for label in ("效果", "其他绩效评价指标"):
        rows = [c.row for row in sheet.iter_rows() for c in row if c.value == label]
        assert rows, label
        assert all(r in page_starts for r in rows[1:]), (label, rows, sorted(page_starts))


def test_a_new_indicator_goes_to_the_end_of_its_group_in_both_interfaces(tmp_path: Path) -> None:
    project = load_project(SEED)
    ruleset = load_ruleset(project.ruleset)
    # A new 一级 group inside 共性指标: after the last 共性指标 row, not at the end of the file.
    indicator = new_indicator(ruleset, ["共性指标", "新一级", "新二级", "新指标"])
    index = add_indicator(project, indicator)
    assert project.indicators[index - 1].levels[0] == "共性指标"
    assert project.indicators[index + 1].levels[0] == "个性指标"
    # Beside a selected indicator of the same group: right after it.
    first = project.indicators[10]
    twin = new_indicator(ruleset, [*first.levels[:-1], "紧随其后"])
    assert add_indicator(project, twin, beside=first) == 11


def test_rows_are_moved_and_removed_by_id() -> None:
    project = load_project(SEED)
    items = project.indicators
    ids = [i.id for i in items]
    first = next(
        n for n in range(1, len(items)) if items[n].levels[:2] == ["个性指标", items[n].levels[1]]
    )
    assert not move_row(project, "indicators", ids[first], -1)  # first of its group
    pair = next(
        n for n in range(len(items) - 1) if items[n].levels[:-1] == items[n + 1].levels[:-1]
    )
    assert move_row(project, "indicators", ids[pair + 1], -1)
    assert [i.id for i in project.indicators][pair : pair + 2] == [ids[pair + 1], ids[pair]]
    assert remove_row(project, "indicators", ids[-1]) == ids[-2]
    assert move_row(project, "funds", project.funds[0].id, 1) is False  # one fund row only


def test_categories_come_from_the_rule_sets_group_weights() -> None:
    assert categories(load_ruleset("wuxi-2021")) == ["共性指标", "个性指标"]
    national = load_ruleset("national-2020")
    assert categories(national) == ["预算执行", "产出指标", "效益指标", "满意度指标"]
    project = new_project("测试", 2024, "测试单位", "national-2020")
    # A new project's first own indicator goes into the first group of the form's skeleton.
    assert new_indicator_group(project, national, None) == ["产出指标", "数量指标"]


def test_plain_mode_files_a_national_indicator_under_the_rule_sets_own_group(
    tmp_path: Path,
) -> None:
    path = tmp_path / "national.json"
    save_project(new_project("测试", 2024, "测试单位", "national-2020"), path)
    session = EditSession(load_project(path), path)
    # The national form's levels: 一级 (the default, 产出指标), 二级, then the 三级 name.
    answers = ["", "数量指标", "新增道路", "", "10", "公里"]
    out = io.StringIO()
    ask = LinePrompter(io.StringIO("\n".join(answers) + "\n" * 20), out)
    step = IndicatorStep(Editor(session, ask), ask)
    step.add()
    added = load_project(path).indicators[-1]
    assert added.levels == ["产出指标", "数量指标", "新增道路"], out.getvalue()
    assert "个性指标" not in out.getvalue()
