"""Where each project stands in a month: planned, disbursed and spent by source, rates and the
milestone lights. One computation for the list, the project page and the 资金使用进度 table, in
a fixed number of queries whatever the number of projects.

What counts is a project's latest submitted report for a month up to the one asked (reports are
cumulative to date): a draft does not count, and a month not reported keeps the last one's.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from funds import progress as pg
from funds.models import FundsFigure, FundsReport, Milestone, Project, ProjectFund, Source

ZERO = Decimal(0)


@dataclass
class SourceFigures:
    source: str
    planned: Decimal = ZERO
    disbursed: Decimal = ZERO
    spent: Decimal = ZERO

    @property
    def label(self) -> str:
        return Source(self.source).label

    @property
    def disbursed_rate(self) -> Decimal | None:
        return pg.rate(self.disbursed, self.planned)

    @property
    def spent_rate(self) -> Decimal | None:
        return pg.rate(self.spent, self.planned)


@dataclass
class ProjectRow:
    project: Project
    sources: list[SourceFigures]
    report: FundsReport | None  # the counted report (latest submitted up to the month)
    lights: dict[str, pg.MilestoneStatus | None] = field(default_factory=dict)  # measure → status shown

    @property
    def planned(self) -> Decimal:
        return sum((s.planned for s in self.sources), ZERO)

    @property
    def disbursed(self) -> Decimal:
        return sum((s.disbursed for s in self.sources), ZERO)

    @property
    def spent(self) -> Decimal:
        return sum((s.spent for s in self.sources), ZERO)

    @property
    def disbursed_rate(self) -> Decimal | None:
        return pg.rate(self.disbursed, self.planned)

    @property
    def spent_rate(self) -> Decimal | None:
        return pg.rate(self.spent, self.planned)

    @property
    def progress_label(self) -> str:
        return self.report.get_progress_display() if self.report else "未报送"

    @property
    def source_text(self) -> str:
        """资金来源 as the table prints it: 财政援助资金、地方配套."""
        return "、".join(s.label for s in self.sources if s.planned)


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def project_rows(projects, as_of: datetime.date) -> list[ProjectRow]:
    """Each project's figures counted for the month of `as_of`, judged on `as_of`. Four queries."""
    projects = list(projects)
    ids = [p.pk for p in projects]
    planned: dict[int, dict[str, SourceFigures]] = {pk: {} for pk in ids}
    for fund in ProjectFund.objects.filter(project_id__in=ids):
        planned[fund.project_id][fund.source] = SourceFigures(fund.source, fund.planned)
    counted: dict[int, FundsReport] = {}
    reports = (FundsReport.objects.filter(project_id__in=ids, status=FundsReport.Status.SUBMITTED,
                                          cycle__period_start__lte=month_start(as_of))
               .select_related("cycle").order_by("project_id", "-cycle__period_start"))
    for report in reports:
        counted.setdefault(report.project_id, report)
    project_of = {report.pk: pk for pk, report in counted.items()}
    for figure in FundsFigure.objects.filter(report_id__in=list(project_of)):
        row = planned[project_of[figure.report_id]].setdefault(figure.source, SourceFigures(figure.source))
        row.disbursed, row.spent = figure.disbursed, figure.spent
    milestones: dict[int, list[Milestone]] = {}
    for milestone in Milestone.objects.filter(project_id__in=ids):
        milestones.setdefault(milestone.project_id, []).append(milestone)
    rows = []
    for project in projects:
        sources = [planned[project.pk][s] for s in Source.values if s in planned[project.pk]]
        row = ProjectRow(project, sources, counted.get(project.pk))
        for measure, to_date in (("disbursed", row.disbursed_rate), ("spent", row.spent_rate)):
            infos = [pg.MilestoneInfo(m.measure, m.due_on, m.percent, str(m))
                     for m in milestones.get(project.pk, []) if m.measure == measure]
            row.lights[measure] = pg.shown(infos, to_date, as_of)
        rows.append(row)
    return rows


@dataclass
class Totals:
    planned: Decimal
    disbursed: Decimal
    spent: Decimal
    poor_people: int
    farmers_linked: int

    @property
    def disbursed_rate(self):
        return pg.rate(self.disbursed, self.planned)

    @property
    def spent_rate(self):
        return pg.rate(self.spent, self.planned)


def totals(rows: list[ProjectRow]) -> Totals:
    """The 合计 row."""
    return Totals(sum((r.planned for r in rows), ZERO), sum((r.disbursed for r in rows), ZERO),
                  sum((r.spent for r in rows), ZERO),
                  sum(r.report.poor_people for r in rows if r.report), sum(r.report.farmers_linked for r in rows if r.report))


@dataclass
class FundsSummary:
    """What a dashboard shows of the projects of its plans in a month: money by source, and each
    project (its row leading to the project's page, its months and their vouchers)."""

    month: datetime.date
    sources: list[SourceFigures]
    rows: list[ProjectRow]
    totals: Totals


def funds_summary(plans, month: datetime.date, today: datetime.date) -> FundsSummary | None:
    """The plans' projects of the month's year, counted for that month (today within it); None
    when they have none, so a dashboard shows no empty panel."""
    end = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(days=1)
    projects = (Project.objects.filter(plan__in=list(plans), year=month.year)
                .select_related("plan", "responsible_unit").order_by("plan_id", "pk"))
    rows = project_rows(projects, min(today, end))
    if not rows:
        return None
    by_source = {s: SourceFigures(s) for s in Source.values}
    for row in rows:
        for figures in row.sources:
            total = by_source[figures.source]
            total.planned += figures.planned
            total.disbursed += figures.disbursed
            total.spent += figures.spent
    return FundsSummary(month, [s for s in by_source.values() if s.planned], rows, totals(rows))
