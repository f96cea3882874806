"""附表2, line by line: walk every indicator's values, edit one in full, add or remove one."""

from __future__ import annotations

from ..project.factory import new_indicator
from ..project.structure import (
    add_indicator,
    categories,
    group_paths,
    new_indicator_group,
    remove_row,
)
from ..scoring.engine import reads_budget
from ..scoring.families import family_of, tick_order
from ..scoring.model import Indicator
from ..scoring.numbers import fmt2
from .display import indicator_line
from .editing import Editor
from .prompts import Option, Prompter
from .section_weights import edit_section_weights, weights_line

ACTIONS = [
    Option("逐项录入（目标值、完成值、评分依据）", "walk"),
    Option("修改某项指标（名称、权重、单位、方向等）", "edit"),
    Option("新增指标", "add"),
    Option("删除指标", "remove"),
    Option("本步完成", "done"),
]
TEXT_FIELDS = ("explanation_text", "criteria_text", "remark")


def pick_label(indicator: Indicator) -> str:
    """``养护里程（产出指标/数量指标）`` in a list to pick from; no empty brackets for an
    indicator right under its 一级 (``预算执行率（%）``)."""
    between = "/".join(indicator.levels[1:-1])
    return f"{indicator.name}（{between}）" if between else indicator.name


class IndicatorStep:
    def __init__(self, editor: Editor, ask: Prompter) -> None:
        self.editor = editor
        self.ask = ask
        self.session = editor.session
        self.last_levels: list[str] = []

    @property
    def indicators(self) -> list[Indicator]:
        return self.session.project.indicators

    def run(self) -> None:
        if self.session.project.ruleset.startswith("national"):
            self.ask.say(weights_line(self.editor))
            if self.ask.ask_confirm("按表上所写修改分项权重", False):
                edit_section_weights(self.editor, self.ask)
        while True:
            self.show_list()
            missing = any(self._missing(i) for i in self.indicators)
            action = self.ask.ask_select("本步操作", ACTIONS, "walk" if missing else "done")
            if action == "done":
                return
            if action == "walk":
                self.walk()
            elif action == "add":
                self.add()
            elif not self.indicators:
                self.ask.say("  还没有指标，请先新增。")
            else:
                index = self._pick("修改第几项指标" if action == "edit" else "删除第几项指标")
                if action == "edit":
                    self.edit_details(self.indicators[index])
                else:
                    self.remove(index)

    def _missing(self, indicator: Indicator) -> bool:
        rule = self.session.ruleset.rules[indicator.rule]
        return bool(family_of(rule).missing(rule, indicator))

    def show_list(self) -> None:
        result = self.session.result
        self.ask.say(f"附表2 绩效评价指标表（共 {len(result.indicators)} 项）")
        heading: tuple[str, ...] = ()
        for number, item in enumerate(result.indicators, 1):
            path = item.levels[:2] if len(item.levels) > 2 else item.levels[:1]
            if path != heading:
                heading = path
                group = result.group(*path)
                self.ask.say(f" {' / '.join(path)}  {fmt2(group.score)}/{fmt2(group.weight)}")
            self.ask.say(f"  {indicator_line(number, item)}")

    def _pick(self, message: str) -> int:
        options = [Option(pick_label(i), n) for n, i in enumerate(self.indicators)]
        return self.ask.ask_select(message, options, 0)

    # -- values --------------------------------------------------------------------------------
    def walk(self) -> None:
        total = len(self.indicators)
        for number, indicator in enumerate(list(self.indicators), 1):
            self.ask.say(
                f"[{number}/{total}] {' / '.join(indicator.levels)}（权重 {fmt2(indicator.weight)}）"
            )
            self.edit_values(indicator)

    def edit_values(self, indicator: Indicator) -> None:
        rule = self.session.ruleset.rules[indicator.rule]
        family = family_of(rule)
        if family.reads_budget:  # the 完成值 comes from 附表1; only the 目标值 is asked here
            self.editor.field(indicator, "target")
        specs = [s for s in family.inputs(rule) if s.kind != "amount" and s.key != "direction"]
        if indicator.yearly:  # a cross-year indicator: each year's 目标值 and 完成值 instead
            for year in indicator.yearly:
                for field, title in (("target", "目标值"), ("actual", "完成值")):
                    self.editor.field(year, field, label=f"{year.year}年{title}")
            specs = [s for s in specs if not (s.owner == "indicator" and s.kind == "number")]
        order = tick_order(specs)
        asked: set[str] = set()
        while pending := [s for s in specs if s.key not in asked]:
            spec = pending[0]
            if spec.section:
                self.ask.say(f"  {spec.section}")
            rule_id = indicator.rule
            self.editor.rule_input(indicator, spec, order)
            asked.add(spec.key)
            if indicator.rule != rule_id:  # 按时完成 typed: 定性, so its 评价等级 is asked next
                rule = self.session.ruleset.rules[indicator.rule]
                # The 完成值 is still asked: it may say the target was reached (按时完成).
                values = [s for s in pending[1:] if s.owner == "indicator" and s.kind == "number"]
                new = [s for s in family_of(rule).inputs(rule) if s.kind != "amount"]
                specs = values + [s for s in new if s.key != "direction" and s not in values]
                order = tick_order(specs)
        self.show_score(indicator)

    def show_score(self, indicator: Indicator) -> None:
        item = self.session.result.by_id(indicator.id)
        actual = f"完成值 {item.actual_display}  " if rule_is_rate(item.explanation.family) else ""
        self.ask.say(f"  {actual}得分 {fmt2(item.score)}/{fmt2(item.weight)}")
        for deduction in item.deductions:
            if deduction.points:
                self.ask.say(f"  扣 {fmt2(deduction.points)}：{deduction.reason}")

    # -- the whole indicator -------------------------------------------------------------------
    def edit_details(self, indicator: Indicator, *, ask_name: bool = True) -> None:
        if ask_name:
            name = self.ask.ask_text("指标名称", indicator.name)
            if name.strip() and name.strip() != indicator.name:
                self.editor.apply(indicator, "levels", [*indicator.levels[:-1], name.strip()])
        self.editor.field(indicator, "weight", label="权重（分）")
        self.editor.field(indicator, "unit", label="单位（如 %、路、个，可留空）")
        rule = self.session.ruleset.rules[indicator.rule]
        for spec in family_of(rule).inputs(rule):
            if spec.key == "direction":
                options = [Option(label, code) for label, code in spec.options]
                direction = self.ask.ask_select("指标方向", options, indicator.direction)
                if direction != indicator.direction:
                    self.editor.apply(indicator, "direction", direction)
        self.edit_values(indicator)
        if self.ask.ask_confirm("修改文字说明（指标解释、评分标准、备注）", False):
            national = self.session.project.ruleset.startswith("national")
            for field in (*TEXT_FIELDS, *(("deviation",) if national else ())):
                self.editor.field(indicator, field)

    def add(self) -> None:
        ruleset = self.session.ruleset
        project = self.session.project
        choices = categories(ruleset)
        default_category = new_indicator_group(project, ruleset, None)[0]
        if self.last_levels and self.last_levels[0] in choices:
            default_category = self.last_levels[0]
        if default_category not in choices:
            choices.append(default_category)
        # The levels above the name as the form has them: Wuxi's 指标类别 / 一级 / 二级, the
        # national form's 一级 / 二级 (its skeleton's depth).
        depth = len(ruleset.skeleton[0]) if ruleset.skeleton else 3
        titles = ("指标类别", "一级指标", "二级指标")[-depth:]
        path = [self.ask.ask_select(titles[0], [Option(c, c) for c in choices], default_category)]
        for title in titles[1:]:
            path.append(self._ask_level(title, path))
        name = self.ask.ask_text(
            "三级指标名称",
            validate=lambda t: None if t.strip() else "「三级指标名称」不能为空，请输入名称",
        ).strip()
        usable = ruleset.rules_for([*path, name])
        options = [
            Option(rule.name, rule.id)  # the rule's name, never its id
            for rule in ruleset.rules.values()
            if rule.id in usable
        ]
        rule_id = self.ask.ask_select("评分规则", options, ruleset.default_rule)
        indicator = new_indicator(ruleset, [*path, name])
        indicator.rule = rule_id
        indicator.criteria_text = ruleset.rules[rule_id].clause
        add_indicator(project, indicator)
        self.last_levels = list(indicator.levels)
        self.editor.structural()  # saved before its values are asked
        self.edit_details(indicator, ask_name=False)

    def _ask_level(self, message: str, parent: list[str]) -> str:
        depth = len(parent)
        existing = list(
            dict.fromkeys(
                path[depth]
                for path in group_paths(self.session.project)  # the form's skeleton included
                if list(path[:depth]) == parent and len(path) > depth
            )
        )
        default = ""
        if self.last_levels[:depth] == parent and len(self.last_levels) > depth + 1:
            default = self.last_levels[depth]
        elif existing:
            default = existing[-1]
        if existing:
            self.ask.say(
                "  已有：" + "  ".join(f"{n}) {name}" for n, name in enumerate(existing, 1))
            )

        def check(text: str) -> str | None:
            return None if text.strip() else f"「{message}」不能为空，请输入名称或已有的序号"

        typed = self.ask.ask_text(f"{message}（序号或新名称）", default, validate=check).strip()
        if typed.isdigit() and 1 <= int(typed) <= len(existing):
            return existing[int(typed) - 1]
        return typed

    def remove(self, index: int) -> None:
        indicator = self.indicators[index]
        if self.ask.ask_confirm(f"删除指标「{indicator.name}」", False):
            remove_row(self.session.project, "indicators", indicator.id)
            self.editor.structural()


def rule_is_rate(family: str) -> bool:
    """The rule's 完成值 is a rate from 附表1 (asked in the 附表1 step)."""
    return reads_budget(family)
