"""The rows of the oversight list pages as Excel tables (xiezuo.xlsx.list_workbook).

Each function gives (headers, rows) for exactly what its page lists — the same
statuses, in the same order, the same words — with values typed for Excel:
quantities as Decimals, dates as dates; percentages as the page prints them
("91.5%", the one rounding of oversight.status.percent), since a number of percent
would show as 30 where the page says 30.0%.
"""

from oversight import status as st
from oversight.snapshot import ReportingRate, Snapshot

TARGET_HEADERS = ["方案", "任务", "指标", "承担单位", "目标", "计量单位", "已报累计", "数值来源", "各单位合计",
                  "核对说明", "完成率", "时序进度", "完成时限", "亮灯", "预警"]


def _source(status: st.TargetStatus) -> str:
    if status.reported is None:
        return "未报"
    return "直接填报" if status.direct else "各部分合计"


def target_rows(snapshot: Snapshot, statuses: list[st.TargetStatus]) -> tuple[list[str], list[list]]:
    plans = {p.pk: p.title for p in snapshot.plans}
    rows = []
    for s in statuses:
        target, task = s.target, snapshot.tasks[s.target.task_id]
        rows.append([
            plans.get(task.plan_id, ""), task.label, target.metric, target.assignee_name, target.total,
            target.measure, s.reported, _source(s), s.parts_sum, st.difference_text(s),
            st.percent(s.completion), st.percent(s.time_progress), target.deadline,
            "已完成" if s.met else st.light_text(s.light), st.warning_text(s.warning),
        ])
    return TARGET_HEADERS, rows


RATE_HEADERS = ["应报", "已报", "未报", "按时", "已审核", "报送率", "按时率"]


def _rate(rate: ReportingRate) -> list:
    return [rate.expected, rate.received, rate.missing, rate.on_time, rate.approved,
            st.percent(rate.rate), st.percent(rate.on_time_rate)]


def unreported_rows(snapshot: Snapshot) -> tuple[list[str], list[list]]:
    """Every unit with reports of the month still missing, those missing most first (the page shows 50)."""
    return ["单位", *RATE_HEADERS], [[r.label, *_rate(r)] for r in snapshot.unreported]


def reporting_by_month_rows(snapshot: Snapshot) -> tuple[list[str], list[list]]:
    """The reporting rates month by month, the latest first, as the dashboard's table."""
    return ["月份", *RATE_HEADERS], [[r.label, *_rate(r)] for r in reversed(snapshot.reporting_by_month)]

