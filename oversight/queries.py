"""What the oversight pages list besides the snapshot: filters, months, regions,
and the reports and evidence behind one target's figure."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from orgs.models import Region
from plans.models import Target
from reporting.models import ReportedFigure, ReportingCycle
from oversight import access
from oversight import status as st
from oversight.snapshot import COUNTED, Snapshot


def targets_visible_to(user) -> QuerySet[Target]:
    return Target.objects.select_related("task", "task__plan", "assignee", "parent").filter(
        task__plan__in=access.plans_visible_to(user, include_inactive=True))  # an archived plan's figures stay readable


def months_of(plans) -> list[datetime.date]:
    """The months with a reporting cycle, newest first, for the month picker."""
    return list(ReportingCycle.objects.filter(plan__in=plans).order_by("-period_start")
                .values_list("period_start", flat=True).distinct())


def regions_of(plans) -> list[Region]:
    """The counties and cities whose offices keep these plans: each has a dashboard.
    One query per level of the region tree, however many plans."""
    found: dict[int, Region] = {}
    frontier = {p.office.region_id for p in plans if p.office_id}
    while frontier:
        level = list(Region.objects.filter(pk__in=frontier))
        found.update((r.pk, r) for r in level)
        frontier = {r.parent_id for r in level if r.parent_id and r.parent_id not in found}
    wanted = (Region.Level.CITY, Region.Level.COUNTY)
    return sorted((r for r in found.values() if r.level in wanted), key=lambda r: (r.level, r.name))


FILTERS = ("unit", "metric", "light", "warning", "level", "mismatch")


def filter_statuses(snapshot: Snapshot, *, unit="", metric="", light="", warning="", level="",
                    mismatch="") -> list[st.TargetStatus]:
    rows = list(snapshot.statuses.values())
    if mismatch:
        rows = [s for s in rows if s.difference is not None]
    if level == "root":
        rows = [s for s in rows if s.target.parent_id is None]
    if unit:
        members = next((u.targets for u in snapshot.by_unit if str(u.unit_id) == unit), [])
        ids = {s.target.id for s in members}
        rows = [s for s in rows if s.target.id in ids]
    if metric:
        rows = [s for s in rows if s.target.metric == metric]
    if light:
        rows = [s for s in rows if s.light == light and s.completion is not None]
    if warning:
        rows = [s for s in rows if s.warning == warning]
    tasks = snapshot.tasks
    return sorted(rows, key=lambda s: (tasks[s.target.task_id].plan_id, s.target.task_id, s.target.id))


def describe_filters(snapshot: Snapshot, *, unit="", metric="", light="", warning="", level="", mismatch="") -> str:
    parts = []
    if unit:
        parts += [u.name for u in snapshot.by_unit if str(u.unit_id) == unit] or ["（未知单位）"]
    if metric:
        parts.append(metric)
    if light:
        parts.append(st.light_text(light) if light in st.LIGHT_NAMES else light)
    if warning:
        parts.append(st.warning_text(warning) if warning in st.WARNING_NAMES else warning)
    if level == "root":
        parts.append("总指标")
    if mismatch:
        parts.append("填报数与分解合计不一致")
    return "、".join(parts) or "全部指标"


@dataclass
class FigureRow:
    figure: ReportedFigure
    counted: bool  # the figure the month's value is made of (latest counted one of its unit)
    evidence: int


def figure_history(target: Target, month: datetime.date) -> list[FigureRow]:
    """Every figure reported for this target up to the month, newest first, marking those counted."""
    figures = list(ReportedFigure.objects.filter(target=target, report__cycle__period_start__lte=month)
                   .select_related("report", "report__unit", "report__cycle")
                   .annotate(evidence_count=Count("report__evidence"))
                   .order_by("-report__cycle__period_start", "report__unit__name"))
    seen_units, rows = set(), []
    for figure in figures:
        report = figure.report
        counted = report.status in COUNTED and report.unit_id not in seen_units
        if counted:
            seen_units.add(report.unit_id)
        rows.append(FigureRow(figure, counted, figure.evidence_count))
    return rows


def ledger_evidence(plan, month: datetime.date) -> dict[int, list[tuple[str, str]]]:
    """Each task's evidence up to the month, as (caption, URL): a file through the download view
    that checks who may see it, a link as it was given."""
    from django.urls import reverse

    from reporting.models import Evidence

    rows = (Evidence.objects.filter(report__cycle__plan=plan, report__cycle__period_start__lte=month)
            .select_related("report__unit", "report__cycle")
            .order_by("report__task_id", "report__cycle__period_start", "report__unit__name", "uploaded_at", "pk"))
    evidence: dict[int, list[tuple[str, str]]] = {}
    for item in rows:
        report = item.report
        what = item.caption or item.original_name or item.url
        caption = f"{report.unit.name} {report.cycle.label}：{what}"
        url = item.url or reverse("reporting:evidence_download", args=[item.pk])
        evidence.setdefault(report.task_id, []).append((caption, url))
    return evidence
