"""The national-scale benchmark's generator, run tiny: the data it writes with COPY
must be data the app itself could have made (constraints, validation, the
reporting rules), or the timings in docs/benchmarks.md measure nothing real."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import Count

from conftest import load_script
from orgs.models import GroupMembership, Pairing, Region, Unit
from oversight.snapshot import build_snapshot
from plans.models import Assignment, Plan, Target, Task
from reporting import services
from reporting.models import ProgressReport, ReportedFigure, ReportingCycle, ReportingSchedule

TODAY = datetime.date(2026, 11, 30)
NOV = datetime.date(2026, 11, 1)


def _bench():
    return load_script("bench_oversight")


@pytest.fixture
def generated(db):
    if connection.vendor != "postgresql":
        pytest.skip("基准数据生成器用 PostgreSQL 的 COPY 写入，SQLite 上不运行：用 DATABASE_URL=postgres://… 运行此测试")
    bench = _bench()
    shape = bench.Shape.smoke(TODAY)
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_constraint WHERE contype IN ('f', 'u')")
        keys = cursor.fetchone()[0]
    counts = bench.generate(connection.connection, shape, seed=7)
    return {"bench": bench, "shape": shape, "counts": counts, "keys": keys}


def test_every_row_is_written_and_every_key_put_back(generated):
    counts = generated["counts"]
    models = {"orgs_region": Region, "orgs_unit": Unit, "orgs_groupmembership": GroupMembership,
              "orgs_pairing": Pairing, "plans_plan": Plan, "plans_task": Task, "plans_assignment": Assignment,
              "plans_target": Target, "reporting_reportingschedule": ReportingSchedule,
              "reporting_reportingcycle": ReportingCycle, "reporting_progressreport": ProgressReport,
              "reporting_reportedfigure": ReportedFigure}
    assert {table: model.objects.count() for table, model in models.items()} == {t: counts[t] for t in models}
    assert counts["plans_plan"] == 2 * 3  # two years × (the city + two counties)
    assert counts["plans_task"] == 2 * (3 + 2 * 6)
    assert counts["reporting_reportingcycle"] == 3 * (12 + 11)  # 2025 whole, 2026 up to November
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_constraint WHERE contype IN ('f', 'u')")
        assert cursor.fetchone()[0] == generated["keys"]  # and PostgreSQL checked every row adding them back
    # The ids the app hands out next do not collide with the generated ones.
    region = Region.objects.create(name="新建省", level=Region.Level.PROVINCE)
    assert region.pk > max(Region.objects.exclude(pk=region.pk).values_list("pk", flat=True))


def test_rows_pass_model_validation(generated):
    for model in (Region, Unit, GroupMembership, Pairing, Plan, Task, Assignment, Target, ReportingSchedule,
                  ReportingCycle, ProgressReport, ReportedFigure):
        for obj in model.objects.order_by("?")[:40]:
            obj.full_clean()  # field validators, Region/Target/Unit.clean, unique and check constraints


def test_reports_and_figures_follow_the_reporting_rules(generated):
    """Who reports is reporting_units(task); what they report is targets_of(report)."""
    cycle = ReportingCycle.objects.filter(period_start=datetime.date(2026, 10, 1)).order_by("pk").first()
    cycles = ReportingCycle.objects.filter(period_start=cycle.period_start)
    for task in Task.objects.filter(plan__cycles__in=cycles).prefetch_related("assignments__unit", "targets__assignee"):
        reports = ProgressReport.objects.filter(task=task, cycle__period_start=cycle.period_start)
        assert {r.unit_id for r in reports} == {u.pk for u in services.reporting_units(task)}
        for report in reports.exclude(status=ProgressReport.Status.PENDING):
            assert set(report.figures.values_list("target_id", flat=True)) == {t.pk for t in services.targets_of(report)}
    with connection.cursor() as cursor:
        cursor.execute("""
            SELECT count(*) FROM (
                SELECT f.cumulative_value, lag(f.cumulative_value) OVER (
                    PARTITION BY f.target_id, r.unit_id ORDER BY c.period_start) AS before
                FROM reporting_reportedfigure f JOIN reporting_progressreport r ON r.id = f.report_id
                JOIN reporting_reportingcycle c ON c.id = r.cycle_id) x
            WHERE cumulative_value < before""")
        assert cursor.fetchone()[0] == 0  # cumulative: never lower than the month before
    statuses = dict(ProgressReport.objects.filter(cycle__period_start=NOV).values_list("status").annotate(n=Count("id")))
    assert statuses.get("approved") and statuses.get("pending")  # this month still being reported


def test_a_county_dashboard_snapshot_has_sensible_figures(generated):
    county = Region.objects.filter(level=Region.Level.COUNTY, units__plans_kept__isnull=False).distinct().first()
    plans = list(Plan.objects.filter(office__region=county))
    snap = build_snapshot(plans, None, TODAY)
    assert snap.month == NOV and len(snap.months) == 23
    assert len(snap.statuses) == Target.objects.filter(task__plan__in=plans).count()
    assert Decimal("0.3") < snap.overall.completion < Decimal("1.6")
    this_month = ProgressReport.objects.filter(cycle__plan__in=plans, cycle__period_start=NOV)
    assert snap.reporting.expected == this_month.count()
    assert snap.reporting.received == this_month.exclude(submitted_at=None).count()
    assert 0 < snap.reporting.received < snap.reporting.expected
    assert snap.by_unit and snap.by_unit[0].rank == 1
    # A unit's share this month is the figure of its latest counted report.
    figure = (ReportedFigure.objects.filter(report__cycle__plan__in=plans, report__cycle__period_start=NOV,
                                            report__status=ProgressReport.Status.APPROVED, target__parent__isnull=False)
              .order_by("pk").first())
    assert snap.statuses[figure.target_id].reported == figure.cumulative_value


def test_scale_changes_the_number_of_counties_not_their_density():
    bench = _bench()
    national, small = bench.Shape.for_scale(1.0, TODAY), bench.Shape.for_scale(0.01, TODAY)
    assert (national.counties, len(national.cities)) == (340, 40)
    assert small.counties == 9 and small.cities == [9]  # never less than one city
    assert small.tasks_per_year == national.tasks_per_year and small.enterprises == national.enterprises
    assert bench.money(12345) == "123.45" and bench.money(7) == "0.07"


def test_the_generator_writes_every_column_the_database_requires():
    # COPY leaves an unnamed column NULL: a NOT NULL column added to a model and not to COLUMNS
    # breaks the benchmark (and the tests above on PostgreSQL). Said here on every database.
    from django.apps import apps

    columns = _bench().COLUMNS
    models = {model._meta.db_table: model for model in apps.get_models(include_auto_created=True)}
    missing = []
    for table, names in columns.items():
        written = {name.strip('"') for name in names.split()}
        missing += [f"{table}.{field.column}" for field in models[table]._meta.concrete_fields
                    if not field.null and field.column not in written]
    assert not missing, "基准数据生成器（scripts/bench_oversight.py COLUMNS）没有写入这些非空列：" + "、".join(missing)
