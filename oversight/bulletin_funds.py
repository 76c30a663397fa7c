"""The bulletin's 协作资金 part: money planned, disbursed and spent by source, and the projects
behind a 拨付率 / 支出率 milestone (funds.queries.funds_summary, the dashboard's figures), as
plain sentences and rows like the rest of `bulletin_content`. Kept apart from bulletin.py so
the people and exchanges parts can join without touching these lines."""

import datetime
from decimal import Decimal

from funds.queries import FundsSummary
from intake.interpret.numbers import printed
from oversight import status as st

SOURCE_HEADER = ["资金来源", "计划投资（万元）", "已拨付（万元）", "拨付率", "已支出（万元）", "支出率"]
SOURCE_WIDTHS = [36, 26, 26, 20, 26, 22]  # 156 mm
BEHIND_HEADER = ["序号", "项目名称", "责任单位", "节点要求", "完成情况", "预警"]
BEHIND_WIDTHS = [10, 36, 24, 36, 22, 28]
MEASURES = {"disbursed": "拨付率", "spent": "支出率"}
BEHIND_WARNINGS = (st.WARN_RED, st.WARN_YELLOW)  # as 四、预警指标 lists overdue and lagging


def behind(summary: FundsSummary) -> list[tuple]:
    """(project row, measure, milestone status) for each milestone overdue or lagging, overdue first."""
    found = [(row, measure, status) for row in summary.rows for measure, status in row.lights.items()
             if status and status.warning in BEHIND_WARNINGS]
    order = {w: i for i, w in enumerate(BEHIND_WARNINGS)}
    return sorted(found, key=lambda f: (order[f[2].warning], f[2].milestone.due_on, f[0].project.pk))


def funds_blocks(summary: FundsSummary, as_of: datetime.date, day_text, table, subheading) -> list:
    """The section's blocks; `table` and `subheading` are bulletin.py's Table and Subheading."""
    totals = summary.totals
    blocks = [f"截至{day_text(as_of)}，{len(summary.rows)}个协作资金项目计划投资{printed(totals.planned)}万元，"
              f"已拨付{printed(totals.disbursed)}万元（拨付率{st.percent(totals.disbursed_rate)}），"
              f"已支出{printed(totals.spent)}万元（支出率{st.percent(totals.spent_rate)}）。"]
    rows = [[s.label, printed(s.planned), printed(s.disbursed), st.percent(s.disbursed_rate), printed(s.spent),
             st.percent(s.spent_rate)] for s in summary.sources]
    rows.append(["合计", printed(totals.planned), printed(totals.disbursed), st.percent(totals.disbursed_rate),
                 printed(totals.spent), st.percent(totals.spent_rate)])
    blocks.append(table(SOURCE_HEADER, rows, SOURCE_WIDTHS, (1, 2, 3, 4, 5), 10.5))
    late = behind(summary)
    if not late:
        blocks.append("各项目资金拨付和支出均达到节点要求。")
        return blocks
    blocks.append(subheading("（一）未达节点要求的项目"))
    blocks.append(f"{len({r.project.pk for r, _, _ in late})}个项目未达资金节点要求：")
    blocks.append(table(BEHIND_HEADER, [
        [str(number), row.project.name, row.project.responsible_unit.name, status.milestone.label,
         f"{MEASURES[measure]}{st.percent(status.rate)}", st.warning_text(status.warning)]
        for number, (row, measure, status) in enumerate(late, start=1)], BEHIND_WIDTHS, (0,), 10.5))
    return blocks


def funds_figures(summary: FundsSummary | None) -> dict | None:
    """What the section states, for the archive row (Decimals as strings)."""
    if summary is None:
        return None

    def text(value: Decimal | None):
        return None if value is None else str(value)

    return {
        "sources": [{"source": s.source, "planned": text(s.planned), "disbursed": text(s.disbursed),
                     "spent": text(s.spent)} for s in summary.sources],
        "planned": text(summary.totals.planned), "disbursed": text(summary.totals.disbursed),
        "spent": text(summary.totals.spent),
        "behind": [{"project": row.project.pk, "measure": measure, "warning": status.warning}
                   for row, measure, status in behind(summary)],
    }
