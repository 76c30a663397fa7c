"""The reporter's month: 我的填报 with past months and filters, evidence while submitted,
withdrawal, the evidence policy, and opening cycles outside any page."""

import copy
import datetime
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from plans.importing.saving import save_plan
from plans.models import Task
from reporting import evidence_actions, services
from reporting.models import (
    EvidenceRule, ProgressReport, ReportedFigure, ReportEvent, ReportingCycle, ReportingSchedule,
)
from reporting.queries import HISTORY_PAGE, my_work_rows, parse_filters

Status = ProgressReport.Status
Action = ReportEvent.Action
DECEMBER_3 = datetime.datetime(2026, 12, 3, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
TODAY = DECEMBER_3.date()


@pytest.fixture
def december(work):
    """3 December 2026: the daily run has opened December; the street's August report was
    returned, September approved, October submitted, the others never filled."""
    with time_machine.travel(DECEMBER_3, tick=False):
        services.open_cycles(TODAY, [work["plan"]])
        mine = {r.cycle.period_start.month: r for r in ProgressReport.objects.filter(unit__name="鼓东街道")
                .select_related("cycle")}
        gudong, reviewer = work["people"]["gudong"], work["people"]["reviewer"]
        for month, value in ((8, "8"), (9, "9.5"), (10, "11")):
            report = services.save_report(mine[month], user=gudong, version=0, figures={_target(mine[month]): value},
                                          progress=f"{month}月进展", problems="", next_steps="")
            services.submit_report(report, user=gudong, today=TODAY)
        services.return_report(mine[8], reviewer=reviewer, comment="请补充凭证")
        services.approve_reports([mine[9]], reviewer=reviewer)
        yield {**work, "mine": {m: ProgressReport.objects.get(pk=r.pk) for m, r in mine.items()}}


def _target(report):
    (target,) = services.targets_of(report)
    return target.pk


def png(colour="red"):
    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, "PNG")
    return out.getvalue()


# -- 我的填报 ----------------------------------------------------------------------------------

def test_my_work_shows_this_month_then_open_earlier_months_returned_first_then_history(december):
    work = my_work_rows(december["people"]["gudong"], TODAY)
    ((cycle, rows),) = work.current
    assert cycle.label == "2026年12月" and [r.status for r in rows] == ["待填报"]
    outstanding = [(row.report.cycle.label, row.status, row.returned) for row in work.outstanding]
    # Returned first, then the longest overdue; every earlier month still open is 已逾期.
    assert outstanding[0] == ("2026年8月", "已逾期", True)
    assert [label for label, _, _ in outstanding[1:]] == [f"2026年{m}月" for m in (1, 2, 3, 4, 5, 6, 7, 11)]
    assert {status for _, status, _ in outstanding} == {"已逾期"}
    assert [(r.cycle.label, r.status) for r in work.history] == [("2026年10月", Status.SUBMITTED), ("2026年9月", Status.APPROVED)]
    # Figures: August's own 8 and July's (none) as last month; December's last month is November's (none).
    (august,) = [row for row in work.outstanding if row.report.cycle.label == "2026年8月"]
    assert [(t.assignee.name, now, last) for t, now, last in august.targets] == [("鼓东街道", 8, None)]


def test_the_page_marks_returned_and_overdue_and_links_each_report(client, december):
    client.force_login(december["people"]["gudong"])
    with time_machine.travel(DECEMBER_3, tick=False):
        html = client.get(reverse("reporting:my_work")).content.decode()
    august = december["mine"][8]
    assert f'<tr data-report="{august.pk}" class="returned overdue">' in html
    assert '<span class="state returned">已退回</span>' in html and "往月未完成" in html and "往月已报" in html
    for month in (8, 11, 12):
        assert reverse("reporting:report", args=[december["mine"][month].pk]) in html


def test_a_get_of_my_work_writes_nothing(client, work):
    client.force_login(work["people"]["gudong"])
    counts = ReportingCycle.objects.count(), ProgressReport.objects.count()
    with time_machine.travel(DECEMBER_3, tick=False), CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("reporting:my_work"))
    assert response.status_code == 200
    assert (ReportingCycle.objects.count(), ProgressReport.objects.count()) == counts  # December is not opened
    writes = [q["sql"] for q in queries if q["sql"].split()[0].upper() in ("INSERT", "UPDATE", "DELETE")]
    assert writes == []  # not even the session


def test_no_view_of_my_work_writes_with_filters_pages_and_work_owed(client, december):
    """A month with nothing opened yet (January 2027), filters, a page of the history: reads only."""
    counts = ReportingCycle.objects.count(), ProgressReport.objects.count()
    for moment in (DECEMBER_3, datetime.datetime(2027, 1, 5, 9, tzinfo=ZoneInfo("Asia/Shanghai"))):
        with time_machine.travel(moment, tick=False):
            client.force_login(december["people"]["gudong"])  # a session of that day (signing in writes)
            for params in ({}, {"plan": december["plan"].pk}, {"month": "2026-08"}, {"page": "2"}, {"month": "x"}):
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(reverse("reporting:my_work"), params)
                assert response.status_code == 200
                assert [q["sql"] for q in queries if q["sql"].split()[0].upper() in ("INSERT", "UPDATE", "DELETE")] == []
    assert (ReportingCycle.objects.count(), ProgressReport.objects.count()) == counts


def test_my_work_takes_the_same_queries_for_two_months_or_eleven(client, work, django_assert_max_num_queries):
    user = work["people"]["gudong"]

    def count(today):
        with time_machine.travel(datetime.datetime.combine(today, datetime.time(9), ZoneInfo("Asia/Shanghai")), tick=False):
            with CaptureQueriesContext(connection) as queries:
                work_ = my_work_rows(user, today)
                list(work_.history)
        return len(queries), len(work_.outstanding)

    few = count(datetime.date(2026, 2, 3))
    many = count(datetime.date(2026, 12, 3))
    assert few[1] == 1 and many[1] == 11
    assert many[0] <= few[0] <= 12  # not a query per report or per month


def test_history_is_paged(december):
    # Every earlier report of the unit submitted: 11 months of history, one report each; other
    # units' reports must not appear.
    ProgressReport.objects.filter(unit__name="鼓东街道", cycle__period_start__lt=datetime.date(2026, 12, 1)).update(
        status=Status.SUBMITTED)
    page = my_work_rows(december["people"]["gudong"], TODAY).history
    assert page.paginator.count == 11 and len(page.object_list) == min(11, HISTORY_PAGE)
    assert {r.unit.name for r in page.object_list} == {"鼓东街道"}


def test_filters_by_plan_and_month_and_bad_values_are_said_in_chinese(client, december):
    client.force_login(december["people"]["gudong"])
    with time_machine.travel(DECEMBER_3, tick=False):
        only_august = client.get(reverse("reporting:my_work"), {"month": "2026-08", "plan": december["plan"].pk})
        work = only_august.context["work"]
        assert work.current == [] and [r.report.cycle.label for r in work.outstanding] == ["2026年8月"]
        assert list(work.history) == []
        other_plan = client.get(reverse("reporting:my_work"), {"plan": december["plan"].pk + 1000}).context["work"]
        assert other_plan.current == [] and other_plan.outstanding == []
        bad = client.get(reverse("reporting:my_work"), {"month": "八月", "plan": "x"})
    assert bad.status_code == 200
    html = bad.content.decode()
    assert "月份“八月”应写成 YYYY-MM" in html and "方案筛选“x”无效" in html
    assert len(bad.context["work"].outstanding) == 9  # the filters were ignored, not the page
    assert parse_filters({"month": "2026-13"})[2] and parse_filters({"month": " 2026-08 "})[1] == datetime.date(2026, 8, 1)


# -- withdrawal ----------------------------------------------------------------------------------

def test_a_submitted_report_is_withdrawn_before_review_and_the_history_says_so(december):
    october = december["mine"][10]
    gudong = december["people"]["gudong"]
    with pytest.raises(services.EditConflict, match="未撤回"):
        services.withdraw_report(october, user=gudong, version=october.version - 1)
    back = services.withdraw_report(october, user=gudong, version=october.version)
    assert (back.status, back.submitted_at, back.submitted_by, back.version) == (Status.PENDING, None, None, october.version + 1)
    event = back.events.last()
    assert event.action == Action.WITHDRAWN and event.changes == [
        {"field": "status", "label": "状态", "old": "已提交", "new": "待填报"}]
    # A draft again: it can be saved and submitted anew.
    services.save_report(back, user=gudong, version=back.version, figures={_target(back): "12"},
                         progress="10月进展（更正）", problems="", next_steps="")
    assert services.submit_report(back, user=gudong, today=TODAY).status == Status.SUBMITTED


@pytest.mark.parametrize("month, words", [(9, "已审核通过，不能撤回"), (8, "已被审核退回"), (11, "尚未提交")])
def test_withdrawal_is_refused_once_reviewed_or_before_submitting(december, month, words):
    report = december["mine"][month]
    with pytest.raises(services.WorkflowError, match=words):
        services.withdraw_report(report, user=december["people"]["gudong"], version=report.version)
    assert ProgressReport.objects.get(pk=report.pk).status == report.status


def test_the_withdraw_button_shows_only_on_a_submitted_report_of_ones_own_unit(client, december):
    client.force_login(december["people"]["gudong"])
    withdraw = reverse("reporting:withdraw", args=[december["mine"][10].pk])
    assert withdraw in client.get(reverse("reporting:report", args=[december["mine"][10].pk])).content.decode()
    for month in (8, 9, 11):
        page = client.get(reverse("reporting:report", args=[december["mine"][month].pk])).content.decode()
        assert 'name="withdraw"' not in page
    client.force_login(december["people"]["reviewer"])
    assert 'name="withdraw"' not in client.get(reverse("reporting:report", args=[december["mine"][10].pk])).content.decode()


# -- the reviewer's stamp after a resubmission ---------------------------------------------------

def test_a_resubmission_clears_the_earlier_returns_stamp_which_stays_in_the_history(client, december):
    august = december["mine"][8]
    assert august.reviewed_by and august.review_comment == "请补充凭证"
    again = services.submit_report(august, user=december["people"]["gudong"], today=TODAY)
    assert (again.reviewed_by, again.reviewed_at, again.review_comment) == (None, None, "")
    assert again.events.filter(action=Action.RETURNED, comment="请补充凭证").exists()
    client.force_login(december["people"]["gudong"])
    html = client.get(reverse("reporting:report", args=[august.pk])).content.decode()
    header = html.split('id="report-status"')[1].split("</p>")[0]
    assert "审核" not in header and "退回意见" not in html.split('class="history"')[0]
    assert "请补充凭证" in html.split('class="history"')[1]  # as history only


# -- evidence while submitted, and the page filled top to bottom ---------------------------------

def test_evidence_is_added_and_removed_while_submitted_and_the_history_records_it(client, december, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    october = december["mine"][10]
    client.force_login(december["people"]["gudong"])
    url = reverse("reporting:report", args=[october.pk])
    page = client.get(url).content.decode()
    assert 'id="id_evidence_file"' in page and 'id="id_progress" rows="4" disabled' in page
    response = client.post(url, {"version": october.version, "upload": "",
                                 "file": SimpleUploadedFile("现场.png", png(), "image/png"), "caption": "现场"})
    assert response.status_code == 302 and response["Location"].endswith("#evidence")
    (item,) = ProgressReport.objects.get(pk=october.pk).evidence.all()
    assert ProgressReport.objects.get(pk=october.pk).status == Status.SUBMITTED
    client.post(url, {"version": october.version, "remove_evidence": item.pk})
    assert not october.evidence.exists()
    assert list(october.events.values_list("action", flat=True))[-2:] == [Action.EVIDENCE_ADDED, Action.EVIDENCE_REMOVED]
    # Once approved, none.
    services.approve_reports([october], reviewer=december["people"]["reviewer"])
    assert 'id="id_evidence_file"' not in client.get(url).content.decode()
    with pytest.raises(services.WorkflowError, match="锁定"):
        evidence_actions.add_link(october, user=december["people"]["gudong"], url="https://example.gov.cn/")


def test_one_click_at_the_bottom_saves_uploads_and_submits(client, december, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    november = december["mine"][11]
    client.force_login(december["people"]["gudong"])
    url = reverse("reporting:report", args=[november.pk])
    page = client.get(url).content.decode()
    # The submit button comes after the evidence section.
    assert page.index('id="evidence"') < page.index('name="submit"')
    with time_machine.travel(DECEMBER_3, tick=True):
        response = client.post(url, {
            "version": november.version, f"target_{_target(november)}": "12.1", "progress": "11月已完成发放",
            "problems": "", "next_steps": "", "file": SimpleUploadedFile("发放.png", png(), "image/png"),
            "caption": "发放现场", "submit": "",
        })
    assert response.status_code == 302 and "confirm" not in response["Location"]
    report = ProgressReport.objects.get(pk=november.pk)
    assert report.status == Status.SUBMITTED and report.submitted_late and report.evidence.count() == 1
    assert str(ReportedFigure.objects.get(report=report).cumulative_value.normalize()) == "12.1"
    assert list(report.events.values_list("action", flat=True)) == [Action.SAVED, Action.EVIDENCE_ADDED, Action.SUBMITTED]


# -- the evidence policy -------------------------------------------------------------------------

def _policy(plan, policy):
    schedule = services.schedule_for(plan)
    schedule.evidence_policy = policy
    schedule.save()
    return schedule


def test_without_evidence_where_none_is_required_the_page_asks_before_submitting(client, december):
    november = december["mine"][11]
    client.force_login(december["people"]["gudong"])
    url = reverse("reporting:report", args=[november.pk])
    fields = {f"target_{_target(november)}": "12", "progress": "已完成", "problems": "", "next_steps": ""}
    response = client.post(url, {**fields, "version": november.version, "submit": ""})
    assert response.status_code == 302 and response["Location"].endswith("?confirm=submit#submit-box")
    assert ProgressReport.objects.get(pk=november.pk).status == Status.PENDING  # saved, not submitted
    page = client.get(response["Location"]).content.decode()
    assert "未上传佐证材料，确定提交？" in page and 'name="confirm_no_evidence"' in page
    version = ProgressReport.objects.get(pk=november.pk).version
    client.post(url, {**fields, "version": version, "submit": "", "confirm_no_evidence": "1"})
    assert ProgressReport.objects.get(pk=november.pk).status == Status.SUBMITTED


@pytest.mark.parametrize("policy, assessed, rule, required", [
    (ReportingSchedule.EvidencePolicy.NONE, "", None, False),
    (ReportingSchedule.EvidencePolicy.ASSESSED, "", None, False),
    (ReportingSchedule.EvidencePolicy.ASSESSED, "提供资金拨付凭证", None, True),
    (ReportingSchedule.EvidencePolicy.ALL, "", None, True),
    (ReportingSchedule.EvidencePolicy.ALL, "", False, False),  # the task's own rule wins
    (ReportingSchedule.EvidencePolicy.NONE, "", True, True),
])
def test_the_policy_and_a_tasks_own_rule_decide_whether_evidence_is_required(work, policy, assessed, rule, required):
    schedule = _policy(work["plan"], policy)
    Task.objects.filter(pk=work["task"].pk).update(evidence_required=assessed)
    if rule is not None:
        EvidenceRule.objects.create(task=work["task"], required=rule)
    assert services.evidence_required(Task.objects.get(pk=work["task"].pk), schedule) is required


def test_where_evidence_is_required_submitting_without_it_is_refused_naming_the_task(client, work):
    _policy(work["plan"], ReportingSchedule.EvidencePolicy.ALL)
    gudong = work["people"]["gudong"]
    report = services.save_report(work["report"], user=gudong, version=0, figures={}, progress="已开展",
                                  problems="", next_steps="")
    with pytest.raises(services.WorkflowError, match="第1项任务“落实社会帮扶资金100万元。”要求上传佐证材料"):
        services.submit_report(report, user=gudong, today=datetime.date(2026, 11, 20))
    client.force_login(gudong)
    url = reverse("reporting:report", args=[report.pk])
    assert "本项任务要求上传佐证材料" in client.get(url).content.decode()
    response = client.post(url, {"version": report.version, "progress": "已开展", "submit": "", "confirm_no_evidence": "1"})
    assert response.status_code == 200 and "要求上传佐证材料" in response.content.decode()
    assert ProgressReport.objects.get(pk=report.pk).status == Status.PENDING
    evidence_actions.add_link(report, user=gudong, url="https://example.gov.cn/news/1.html")
    assert services.submit_report(report, user=gudong, today=datetime.date(2026, 11, 20)).status == Status.SUBMITTED


# -- opening cycles: a daily command and an import, never a page ---------------------------------

def test_the_daily_command_opens_this_months_cycle(work, capsys):
    from django.core.management import call_command

    call_command("open_cycles", "--today", "2026-12-03")
    assert work["plan"].cycles.filter(label="2026年12月").exists()
    assert "本月1期" in capsys.readouterr().out
    december = work["plan"].cycles.get(label="2026年12月")
    assert december.reports.count() == 4


def test_an_imported_plan_has_its_reports_once_the_import_commits(registry, django_capture_on_commit_callbacks):
    from plans.tests.test_importing_diff import V1

    with django_capture_on_commit_callbacks(execute=True):
        plan = save_plan(copy.deepcopy(V1), {}, user=None, scope=registry["regions"]["gulou"])
    # The suite's day is 20 November 2026: January to November opened, with this month's reports.
    assert plan.cycles.count() == 11
    assert plan.cycles.get(label="2026年11月").reports.filter(unit__name="区民政局").exists()
