"""The names of the project's basics (基本情况), as the forms print them.

Plain data, no pydantic: the wizard draws its first step from the file with these names before
the models are built; :class:`perfeval_tui.scoring.model.Basics` takes its field titles from here.
"""

from __future__ import annotations

BASICS_TITLES: dict[str, str] = {
    "name": "专项名称",
    "year": "年度",
    "unit": "填报单位",
    "department": "主管部门",
    "preparer": "填表人",
    "phone": "联系电话",
    "fill_date": "填报日期",
    "team_leader": "评价组长",
    "background": "专项背景",
    "basis": "专项依据",
    "organization": "组织管理",
    "content": "实施内容",
    "approach": "评价思路",
    "achievements": "主要成效",
    "problems": "主要问题",
    "suggestions": "相关建议",
    "goals_text": "绩效目标",
    "goal_result": "实际完成情况",
    "conclusion": "评价结论",
    "improvements": "改进措施",
}
