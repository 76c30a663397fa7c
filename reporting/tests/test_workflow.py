import datetime
from decimal import Decimal

import pytest

from reporting import services
from reporting.models import Notification, ProgressReport, ReportEvent

Status = ProgressReport.Status


def figure_pk(report):
    (target,) = services.targets_of(report)
    return target.pk


def save(report, user, value="12.345", progress="已募集12.345万元", version=None):
    return services.save_report(report, user=user, version=report.version if version is None else version,
                                figures={figure_pk(report): value}, progress=progress, problems="", next_steps="下月继续")


def test_cycles_open_monthly_due_on_the_25th_with_a_report_per_responsible_unit(work):
    cycles = list(work["plan"].cycles.order_by("period_start"))
    assert [c.label for c in cycles][:2] == ["2026年1月", "2026年2月"] and cycles[-1].label == "2026年11月"
    assert cycles[-1].due_on == datetime.date(2026, 11, 25)
    units = sorted(work["cycle"].reports.values_list("unit__name", flat=True))
    assert units == sorted(["区民政局", "鼓东街道", "鼓西街道", "洪山镇"])  # 三街镇 reports through its streets
    services.open_cycles(datetime.date(2026, 11, 30), [work["plan"]])  # again: nothing doubles
    assert work["cycle"].reports.count() == 4 and work["plan"].cycles.count() == 11


def test_a_street_reports_its_own_target_a_lead_the_task_total(work):
    street = work["report"]
    lead = work["cycle"].reports.get(unit__name="区民政局")
    assert [t.assignee.name for t in services.targets_of(street)] == ["鼓东街道"]
    assert [(t.assignee, t.quantity) for t in services.targets_of(lead)] == [(None, Decimal(100))]


def test_saved_figure_keeps_every_digit_and_the_history_says_old_and_new(work):
    report = save(work["report"], work["people"]["gudong"])
    assert report.figures.get().cumulative_value == Decimal("12.345")
    report = save(report, work["people"]["gudong"], value="20.5")
    changes = [c for e in report.events.all() for c in e.changes if c["field"].startswith("target_")]
    assert [(c["old"], c["new"]) for c in changes] == [(None, "12.345"), ("12.345", "20.5")]


@pytest.mark.parametrize("typed, words", [
    ("-1", "不能为负数"), ("十二", "应填写数字"), ("1.2.3", "应填写数字"), ("0.0000001", "最多保留6位小数"), ("NaN", "应填写数字"),
])
def test_bad_figures_are_refused_and_nothing_is_saved(work, typed, words):
    with pytest.raises(services.WorkflowError, match=words):
        save(work["report"], work["people"]["gudong"], value=typed, progress="不应保存")
    report = ProgressReport.objects.get(pk=work["report"].pk)
    assert report.progress == "" and not report.figures.exists() and report.version == 0


def test_two_saves_from_the_same_version_never_lose_an_edit(work):
    first = save(work["report"], work["people"]["gudong"], version=0, progress="甲的进展")
    with pytest.raises(services.EditConflict, match="刚被他人修改"):
        save(work["report"], work["people"]["gudong"], version=0, value="99", progress="乙的进展")
    report = ProgressReport.objects.get(pk=first.pk)
    assert report.progress == "甲的进展" and report.figures.get().cumulative_value == Decimal("12.345")


def test_submit_needs_progress_and_marks_lateness(work):
    report = work["report"]
    with pytest.raises(services.WorkflowError, match="进展情况"):
        services.submit_report(report, user=work["people"]["gudong"], today=datetime.date(2026, 11, 20))
    report = save(report, work["people"]["gudong"])
    on_time = services.submit_report(report, user=work["people"]["gudong"], today=datetime.date(2026, 11, 25))
    assert on_time.status == Status.SUBMITTED and not on_time.submitted_late
    other = save(work["cycle"].reports.get(unit__name="鼓西街道"), work["people"]["guxi"])
    late = services.submit_report(other, user=work["people"]["guxi"], today=datetime.date(2026, 11, 27))
    assert late.submitted_late and "逾期2天" in late.events.last().comment


def test_returned_with_a_reason_the_unit_is_told_and_may_resubmit(work, mailoutbox, django_capture_on_commit_callbacks):
    people = work["people"]
    report = services.submit_report(save(work["report"], people["gudong"]), user=people["gudong"], today=datetime.date(2026, 11, 20))
    with pytest.raises(services.WorkflowError, match="写明原因"):
        services.return_report(report, reviewer=people["reviewer"], comment=" ")
    with django_capture_on_commit_callbacks(execute=True):
        report = services.return_report(report, reviewer=people["reviewer"], comment="请补充收款凭证")
    assert report.status == Status.RETURNED and report.status_label(datetime.date(2026, 11, 20)) == "已退回"
    note = Notification.objects.get(user=people["gudong"])
    assert "被退回：请补充收款凭证" in note.message and not Notification.objects.filter(user=people["guxi"]).exists()
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["gudong@example.gov.cn"]
    report = save(report, people["gudong"], value="13")
    assert services.submit_report(report, user=people["gudong"], today=datetime.date(2026, 11, 21)).status == Status.SUBMITTED


def test_approving_many_locks_them_and_only_the_office_reopens_one_units_period(work):
    people = work["people"]
    reports = []
    for unit, user in (("鼓东街道", "gudong"), ("鼓西街道", "guxi")):
        report = save(work["cycle"].reports.get(unit__name=unit), people[user])
        reports.append(services.submit_report(report, user=people[user], today=datetime.date(2026, 11, 20)))
    assert services.approve_reports(reports, reviewer=people["reviewer"]) == 2
    approved = ProgressReport.objects.get(pk=reports[0].pk)
    assert approved.status == Status.APPROVED and approved.reviewed_by == people["reviewer"]
    with pytest.raises(services.WorkflowError, match="已审核通过并锁定"):
        save(approved, people["gudong"], value="50")
    assert services.reopen_period(approved.unit, approved.cycle, admin=people["office"], reason="数字有误") == 1
    assert ProgressReport.objects.get(pk=reports[0].pk).status == Status.RETURNED
    assert ProgressReport.objects.get(pk=reports[1].pk).status == Status.APPROVED  # the other unit stays locked
    assert list(ReportEvent.objects.filter(report=reports[0]).values_list("action", flat=True)) == [
        "saved", "submitted", "approved", "reopened"]


def test_approving_a_batch_with_one_unsubmitted_report_approves_none(work):
    people = work["people"]
    submitted = services.submit_report(save(work["report"], people["gudong"]), user=people["gudong"], today=datetime.date(2026, 11, 20))
    pending = work["cycle"].reports.get(unit__name="鼓西街道")
    with pytest.raises(services.WorkflowError, match="未做任何审核"):
        services.approve_reports([submitted, pending], reviewer=people["reviewer"])
    assert ProgressReport.objects.get(pk=submitted.pk).status == Status.SUBMITTED
