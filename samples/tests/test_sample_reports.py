"""The sample reports `make run` loads: true to the workflow, never decreasing, varied
enough for the dashboards, and never writing over anyone's work."""

import datetime
import io
from collections import defaultdict
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from PIL import Image

from accounts.models import User
from plans.models import Plan, Target
from reporting import services
from reporting.models import (
    Evidence,
    Notification,
    ProgressReport,
    ReportedFigure,
    ReportEvent,
    ReportingCycle,
)
from samples.plans import DISTRICT_DOC, UPPER_DOC
from samples.reports import SampleReportsError, load_sample_reports
from samples.steps import BASE

TODAY = datetime.date(2026, 11, 30)
Status = ProgressReport.Status
Action = ReportEvent.Action
WORKFLOW = (Action.SAVED, Action.SUBMITTED, Action.RETURNED, Action.APPROVED)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def sample_data(db, media):
    call_command("load_sample_data", "--only", *BASE, stdout=StringIO())


@pytest.fixture
def counts(sample_data):
    return load_sample_reports(TODAY)


def snapshot() -> dict:
    """Every row the loader writes, with the values that matter."""
    return {
        "cycles": sorted(ReportingCycle.objects.values_list("pk", "plan_id", "period_start", "due_on")),
        "reports": sorted(ProgressReport.objects.values_list(
            "pk", "status", "version", "progress", "problems", "next_steps", "submitted_at", "submitted_by",
            "submitted_late", "reviewed_at", "reviewed_by", "review_comment")),
        "figures": sorted(ReportedFigure.objects.values_list("pk", "report_id", "target_id", "cumulative_value")),
        "events": sorted(ReportEvent.objects.values_list("pk", "report_id", "action", "at", "actor_id", "comment")),
        "evidence": sorted(Evidence.objects.values_list("pk", "report_id", "file", "url", "sha256", "uploaded_at")),
        "notifications": sorted(Notification.objects.values_list("pk", "user_id", "message", "created_at")),
    }


def latest_figures(as_of: datetime.date) -> dict[tuple[int, int], Decimal]:
    """Each (unit, target)'s most recent cumulative figure in a cycle begun by `as_of`."""
    latest = {}
    for unit_id, target_id, value in (ReportedFigure.objects.filter(report__cycle__period_start__lte=as_of)
                                      .order_by("report__cycle__period_start")
                                      .values_list("report__unit_id", "target_id", "cumulative_value")):
        latest[unit_id, target_id] = value
    return latest


def task_completion(as_of: datetime.date) -> dict:
    """Per task with reported targets: complete when every reported target's figures, summed over the
    units reporting it (members of a group each report their share), reach Target.total."""
    reached = defaultdict(Decimal)
    for (_, target_id), value in latest_figures(as_of).items():
        reached[target_id] += value
    complete = {}
    for target in Target.objects.filter(pk__in=reached).select_related("task__plan"):
        task = target.task
        complete[task] = complete.get(task, True) and reached[target.pk] >= target.total
    return complete


# -- what is written -----------------------------------------------------------------------------

def test_counts_are_what_is_stored(counts):
    assert counts["cycles"] == ReportingCycle.objects.count() == 22  # 2 plans × January to November
    assert counts["reports"] == ProgressReport.objects.count()
    assert counts["filled"] == ProgressReport.objects.exclude(version=0).count() > 1000
    for status, key in ((Status.APPROVED, "approved"), (Status.SUBMITTED, "submitted"), (Status.RETURNED, "returned")):
        assert counts[key] == ProgressReport.objects.filter(status=status).count()
    assert counts["drafts"] == ProgressReport.objects.filter(status=Status.PENDING, version__gt=0).count()
    assert counts["untouched"] == ProgressReport.objects.filter(status=Status.PENDING, version=0).count()
    assert counts["late"] == ProgressReport.objects.filter(submitted_late=True).count()
    assert counts["figures"] == ReportedFigure.objects.count()
    assert counts["events"] == ReportEvent.objects.count()
    assert counts["evidence"] == Evidence.objects.count()
    assert counts["kept"] == 0


def test_a_second_run_changes_nothing(counts, media):
    before, files = snapshot(), sorted(p.read_bytes() for p in media.rglob("*") if p.is_file())
    again = load_sample_reports(TODAY)
    assert again["filled"] == again["figures"] == again["events"] == again["evidence"] == 0
    assert again["kept"] == counts["filled"] and again["untouched"] == counts["untouched"]
    assert snapshot() == before
    assert sorted(p.read_bytes() for p in media.rglob("*") if p.is_file()) == files


def test_cumulative_figures_never_decrease(counts):
    series = defaultdict(list)
    for unit_id, target_id, value in (ReportedFigure.objects.order_by("report__cycle__period_start")
                                      .values_list("report__unit_id", "target_id", "cumulative_value")):
        series[unit_id, target_id].append(value)
    assert len(series) > 60
    for values in series.values():
        assert values == sorted(values)
    assert sum(values[-1] > values[0] for values in series.values()) > 50


def test_past_months_are_approved_and_this_month_is_a_mix(counts):
    november = ProgressReport.objects.filter(cycle__period_start=datetime.date(2026, 11, 1))
    past = ProgressReport.objects.filter(cycle__period_start__lt=datetime.date(2026, 11, 1))
    assert past.filter(status=Status.APPROVED).count() > 0.95 * past.count()
    assert past.filter(submitted_late=True).exists()
    assert not november.filter(status=Status.APPROVED).exists()
    assert november.filter(status=Status.SUBMITTED).count() > 50
    assert november.filter(submitted_late=True).exists()
    silent = november.filter(status=Status.PENDING, version=0)
    assert {"安泰街道", "水部街道"} <= set(silent.values_list("unit__name", flat=True))
    (returned,) = ProgressReport.objects.filter(status=Status.RETURNED)
    assert returned.cycle.period_start.month == 11 and "票据" in returned.review_comment
    # The unit's reporter was told, as the workflow would have told them.
    notice = Notification.objects.get(user__username="gudong_reporter", read_at__isnull=True)
    assert returned.review_comment in notice.message and str(returned.pk) in notice.url


def test_the_history_tells_when_and_who(counts):
    reviewer = User.objects.get(username="gulou_reviewer")
    reports = ProgressReport.objects.exclude(version=0).select_related("cycle")
    events = defaultdict(list)
    for event in ReportEvent.objects.filter(action__in=WORKFLOW).order_by("at", "pk"):
        events[event.report_id].append(event)
    for report in reports:
        history = events[report.pk]
        assert report.version == len(history)
        assert [e.at for e in history] == sorted(e.at for e in history)
        assert history[0].action == Action.SAVED and history[-1].at.date() < TODAY
        if report.status == Status.PENDING:
            continue
        submitted = [e for e in history if e.action == Action.SUBMITTED][-1]
        assert submitted.at == report.submitted_at and submitted.actor_id == report.submitted_by_id
        assert report.submitted_late == (report.submitted_at.date() > report.cycle.due_on)
        assert ("逾期" in submitted.comment) == report.submitted_late
        if report.status in (Status.APPROVED, Status.RETURNED):
            assert history[-1].action == report.status and history[-1].at == report.reviewed_at
            assert history[-1].actor == reviewer == report.reviewed_by
    # One past report was first filled in 元, returned, corrected to 万元 and approved.
    corrected = ProgressReport.objects.get(cycle__plan__doc_number=DISTRICT_DOC, cycle__period_start__month=3,
                                           task__ref="3", unit__name="鼓东街道")
    history = events[corrected.pk]
    assert [e.action for e in history] == [Action.SAVED, Action.SUBMITTED, Action.RETURNED, Action.SAVED,
                                           Action.SUBMITTED, Action.APPROVED]
    (first,), (fix,) = ([c for c in e.changes if c["field"].startswith("target_")] for e in (history[0], history[3]))
    value = corrected.figures.get().cumulative_value
    assert Decimal(first["new"]) == value * 10000 and (fix["old"], Decimal(fix["new"])) == (first["new"], value)
    assert "万元" in history[2].comment


def test_figures_are_those_the_unit_reports(counts):
    for report in ProgressReport.objects.exclude(version=0).filter(cycle__period_start__month__in=[2, 11]):
        assert set(report.figures.values_list("target_id", flat=True)) == {t.pk for t in services.targets_of(report)}
        assert report.progress.strip()


def test_totals_add_up_their_parts_and_the_district_reports_the_same_upwards(counts):
    by_month = defaultdict(dict)
    for month, unit, doc, assignee, value in ReportedFigure.objects.filter(
            report__cycle__period_start__month__lte=10, target__metric="选派专技人才").values_list(
            "report__cycle__period_start__month", "report__unit__name", "target__task__plan__doc_number",
            "target__assignee__name", "cumulative_value"):
        by_month[month][doc, unit, assignee] = value
    for month, figures in by_month.items():
        district = {key: value for key, value in figures.items() if key[0] == DISTRICT_DOC}
        total = district.pop((DISTRICT_DOC, "鼓楼区", "鼓楼区"))
        assert total == sum(district.values())  # 区教育局, 区卫健局 and the members of 区直有关部门
        assert figures[UPPER_DOC, "鼓楼区", "鼓楼区"] == total
    assert by_month[10][UPPER_DOC, "鼓楼区", "鼓楼区"] == 11


# -- the picture the dashboards show -------------------------------------------------------------

def test_some_tasks_are_complete_and_one_is_overdue(counts):
    completion = task_completion(TODAY)
    complete = {(t.plan.doc_number, t.ref) for t, done in completion.items() if done}
    overdue = {(t.plan.doc_number, t.ref) for t, done in completion.items()
               if not done and t.deadline and t.deadline < TODAY}
    assert (UPPER_DOC, "18") in complete and (DISTRICT_DOC, "2") in complete  # 选派专技人才, in time
    assert (UPPER_DOC, "23") in overdue  # 社会帮扶资金 was due 10月底; 台江区 and 连江县 are short
    assert not all(completion.values())


def test_units_are_ahead_of_and_behind_time(counts):
    elapsed = Decimal((TODAY - datetime.date(2026, 1, 1)).days + 1) / 365  # 时序进度
    shares = {}
    for (unit_id, target_id), value in latest_figures(TODAY).items():
        target = Target.objects.get(pk=target_id)
        if target.assignee_id == unit_id:
            shares[target.assignee.name, target.metric] = value / target.total
    assert sum(share > elapsed for share in shares.values()) >= 5
    assert sum(share < elapsed - Decimal("0.1") for share in shares.values()) >= 5
    far_behind = {name for (name, _), share in shares.items() if share < elapsed / 2}
    assert {"安泰街道", "台江区"} <= far_behind


def test_evidence_links_and_a_real_photo(counts, media):
    links = Evidence.objects.exclude(url="")
    assert links.count() >= 3 and all(e.url.startswith("https://") and e.caption for e in links)
    photos = Evidence.objects.exclude(file="")
    assert photos.count() == 2
    for photo in photos:
        assert photo.content_type == "image/png" and photo.original_name.endswith(".png")
        with photo.file.open("rb") as stored:
            data = stored.read()
        assert len(data) == photo.size
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == "PNG"
    for item in Evidence.objects.select_related("report"):
        assert item.uploaded_at.date() < TODAY and item.report.status == Status.APPROVED
        assert item.report.events.filter(action=Action.EVIDENCE_ADDED, at=item.uploaded_at).exists()


# -- other people's work and other days ----------------------------------------------------------

def test_reports_someone_touched_are_left_alone_and_later_figures_stay_above_them(sample_data):
    plans = list(Plan.objects.filter(doc_number__in=[UPPER_DOC, DISTRICT_DOC]))
    services.open_cycles(TODAY, plans)
    gudong = User.objects.get(username="gudong_reporter")
    march = ProgressReport.objects.get(cycle__plan__doc_number=DISTRICT_DOC, cycle__period_start__month=3,
                                       task__ref="3", unit__name="鼓东街道")
    (target,) = services.targets_of(march)
    march = services.save_report(march, user=gudong, version=0, figures={target.pk: "40"},
                                 progress="3月收到一笔大额捐赠", problems="", next_steps="")
    services.submit_report(march, user=gudong, today=datetime.date(2026, 3, 20))
    april = ProgressReport.objects.get(cycle=march.cycle.plan.cycles.get(period_start__month=4), task=march.task,
                                       unit=march.unit)
    ProgressReport.objects.filter(pk=april.pk).update(next_steps="只写了下步计划")
    mine = {r.pk: r for r in ProgressReport.objects.filter(pk__in=[march.pk, april.pk])}

    counts = load_sample_reports(TODAY)

    assert counts["kept"] == 2
    for pk, before in mine.items():
        after = ProgressReport.objects.get(pk=pk)
        assert (after.status, after.version, after.progress, after.next_steps) == (
            before.status, before.version, before.progress, before.next_steps)
    assert march.figures.get().cumulative_value == 40
    assert [e.action for e in march.events.all()] == [Action.SAVED, Action.SUBMITTED]
    series = dict(ReportedFigure.objects.filter(target=target, report__unit=march.unit)
                  .order_by("report__cycle__period_start")
                  .values_list("report__cycle__period_start__month", "cumulative_value"))
    assert list(series.values()) == sorted(series.values()) and 4 not in series
    assert all(value <= 40 for month, value in series.items() if month < 3)
    assert all(value >= 40 for month, value in series.items() if month > 3) and len(series) > 8


def test_sample_data_loads_again_once_reports_exist(counts):
    before = snapshot()
    out = StringIO()
    call_command("load_sample_data", "--only", *BASE, stdout=out)
    assert "已有进度报告，保留原样" in out.getvalue()
    assert snapshot() == before


def test_before_the_plan_year_there_is_nothing_to_report(sample_data):
    counts = load_sample_reports(datetime.date(2025, 12, 31))
    assert counts["cycles"] == counts["filled"] == 0 and not ProgressReport.objects.exists()


def test_a_missing_sample_user_is_said_in_chinese_and_nothing_is_written(sample_data):
    User.objects.filter(username="gulou_reviewer").delete()
    with pytest.raises(SampleReportsError, match="找不到样例用户“gulou_reviewer”.*load_sample_data"):
        load_sample_reports(TODAY)
    assert not ReportingCycle.objects.exists() and not ProgressReport.objects.exists()


def test_without_the_sample_plans_it_says_what_to_run(db):
    with pytest.raises(SampleReportsError, match="找不到样例方案.*load_sample_data"):
        load_sample_reports(TODAY)


def test_the_command_prints_counts_in_chinese(sample_data):
    out = StringIO()
    call_command("load_sample_data", "--only", "reports", "--today", "2026-11-30", stdout=out)
    first = out.getvalue()
    approved = ProgressReport.objects.filter(status=Status.APPROVED).count()
    assert "填报（截至2026-11-30）" in first and f"已通过 {approved} 份" in first
    out = StringIO()
    call_command("load_sample_data", "--only", "reports", "--today", "2026-11-30", stdout=out)
    assert "本次没有需要填写的报告" in out.getvalue()
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("load_sample_data", "--only", "reports", "--today", "30/11/2026", stdout=StringIO())
