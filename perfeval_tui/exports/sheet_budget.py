"""附表1 预算安排及执行情况表: the fund rows, the 合计 row and the eight notes of the seed form."""

from __future__ import annotations

from ..scoring.budget import FundFigures
from ..scoring.engine import ProjectScore
from ..scoring.model import FundRow, Project
from .table import CellValue, Closing, Column, Row, Table, unit_line

SHEET = "附表1 预算安排及执行情况表"
LABEL = "附件2附表1"
TITLE_SUFFIX = "资金预算安排及执行情况表"

# The seed's header of the name column carries the note on transfers to lower governments.
NAME_HEADER = "专项（项目）资金名称\n（含对下转移支付资金的专项（项目）填列）"
COLUMNS = (
    Column("index", "序号", "index", 6),
    Column("name", NAME_HEADER, "text", 30, wrap=True),
    Column("budget", "预算安排数\n（万元）", "money", 12, wrap=True),
    Column("increase", "预算调增数\n（万元）", "money", 12, wrap=True),
    Column("decrease", "预算调减数\n（万元）", "money", 12, wrap=True),
    Column("adjusted", "调整后预算数\n（万元）", "money", 12, wrap=True),
    Column("spend", "实际支出数\n（万元）", "money", 12, wrap=True),
    Column("adjustment_rate", "预算调整率\n（%）", "rate", 11, wrap=True),
    Column("execution_rate", "预算执行率\n（%）", "rate", 11, wrap=True),
    Column("arrived", "实际到位资金\n（万元）", "money", 12, wrap=True),
    Column("arrival_rate", "资金到位率\n（%）", "rate", 11, wrap=True),
    Column("remark", "备注", "text", 18, wrap=True),
)
# Columns the user types; the rest are derived by the engine and are not read back.
INPUT_KEYS = ("name", "budget", "increase", "decrease", "spend", "arrived", "remark")

# The notes under the seed's 附表1, word for word.
NOTES = (
    "1.“专项（项目）资金名称”填写至末级项目名称。",
    "2.“预算调增数（万元）”和“预算调减数（万元）”以项目实施内容和资金量的调整数计算，可剔除因"
    "市委、市政府相关会议审议通过的重大事项或因疫情影响导致预算项目无法正常实施而导致的预算调整。",
    "3.预算调增数、预算调减数均为正数，若无预算调整，则调整后预算数=预算安排数。",
    "4.“实际支出数（万元）”指一定时期（本年度或项目期）内的预算执行数。",
    "5.预算调整率（%）=预算调整数/预算安排数*100%；“预算调整数”取合计栏“预算调增数（万元）”和"
    "“预算调减数（万元）孰大的数。",
    "6.预算执行率（%）=实际支出数/预算安排数*100%。若有预算调整，则分母“预算安排数”使用“调整后预算数”。",
    "7.资金到位率（%）=（实际到位资金/预算安排数）*100%。“实际到位资金（万元）”指一定时期（本年度或"
    "项目期）拨付到具体项目的专项资金（不含滞留在区（县）、镇（街道、园区）的资金）。若有预算调整，"
    "则分母“预算安排数”使用“调整后预算数”。",
    "8.开展跨年度绩效评价的专项（项目）分年度填写此表。",
)

TOTAL_KEY = "total"
FUND_PREFIX = "fund:"


def title_for(name: str) -> str:
    return f"{name}{TITLE_SUFFIX}"


def _figures(figures: FundFigures) -> dict[str, CellValue]:
    return {
        "budget": figures.budget,
        "increase": figures.increase,
        "decrease": figures.decrease,
        "adjusted": figures.adjusted_budget,
        "spend": figures.actual_spend,
        "adjustment_rate": figures.adjustment_rate,
        "execution_rate": figures.execution_rate,
        "arrived": figures.funds_arrived,
        "arrival_rate": figures.arrival_rate,
    }


def fund_row(number: int, fund: FundRow, figures: FundFigures) -> Row:
    cells: dict[str, CellValue] = {"index": number, "name": fund.name, **_figures(figures)}
    cells["remark"] = fund.remark
    return Row("data", f"{FUND_PREFIX}{fund.id}", cells)


def total_row(figures: FundFigures) -> Row:
    cells: dict[str, CellValue] = {"index": "合     计", **_figures(figures)}
    return Row("total", TOTAL_KEY, cells, spans={"index": "name"})


def budget_sheet(project: Project, result: ProjectScore) -> Table:
    basics = project.basics
    rows = [total_row(result.budget.total)]
    rows += [
        fund_row(n, fund, figures)
        for n, (fund, figures) in enumerate(
            zip(project.funds, result.budget.rows, strict=True), start=1
        )
    ]
    return Table(
        sheet=SHEET,
        label=LABEL,
        title=title_for(basics.name),
        unit_line=unit_line(basics.unit),
        columns=COLUMNS,
        rows=tuple(rows),
        closing=Closing(basics.preparer, basics.fill_date, basics.phone),
        notes=NOTES,
    )
