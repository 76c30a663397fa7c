"""Who may do what, through every URL: the full matrix of roles × views.

A unit's reporter sees and writes only its own reports; the office's
reviewers and admins see all of their plan; leaders read only; a reviewer
of another office sees nothing; anonymous people are sent to log in.
"""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from reporting import services
from reporting.models import ProgressReport
from reporting.tests.conftest import person

WHO = ["own_reporter", "other_reporter", "reviewer", "office", "leader", "foreign_reviewer", "anonymous"]


@pytest.fixture
def cast(work, registry):
    from accounts.roles import Role

    people = work["people"]
    return {
        "own_reporter": people["gudong"], "other_reporter": people["guxi"], "reviewer": people["reviewer"],
        "office": people["office"], "leader": people["leader"], "anonymous": None,
        "foreign_reviewer": person("cangshan", registry["units"]["仓山区民政局"], Role.REVIEWER, Role.OFFICE_ADMIN),
    }


def as_(client, user):
    if user is not None:
        client.force_login(user)
    return client


def submitted(work):
    report = services.save_report(work["report"], user=work["people"]["gudong"], version=0, figures={},
                                  progress="已开展", problems="", next_steps="")
    return services.submit_report(report, user=work["people"]["gudong"], today=datetime.date(2026, 11, 20))


def approved(work):
    report = submitted(work)
    services.approve_reports([report], reviewer=work["people"]["reviewer"])
    return ProgressReport.objects.get(pk=report.pk)


def outcome(response):
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return "login"
    return response.status_code


READ = {"own_reporter": 200, "other_reporter": 404, "reviewer": 200, "office": 200, "leader": 200,
        "foreign_reviewer": 404, "anonymous": "login"}


@pytest.mark.parametrize("who", WHO)
def test_read_a_report(client, work, cast, who):
    assert outcome(as_(client, cast[who]).get(reverse("reporting:report", args=[work["report"].pk]))) == READ[who]


WRITE = {"own_reporter": 302, "other_reporter": 404, "reviewer": 403, "office": 403, "leader": 403,
         "foreign_reviewer": 404, "anonymous": "login"}


@pytest.mark.parametrize("who", WHO)
def test_write_a_report(client, work, cast, who):
    response = as_(client, cast[who]).post(reverse("reporting:report", args=[work["report"].pk]),
                                           {"version": "0", "progress": f"{who}写的"})
    assert outcome(response) == WRITE[who]
    saved = ProgressReport.objects.get(pk=work["report"].pk).progress
    assert saved == ("own_reporter写的" if who == "own_reporter" else "")


RETURN = {"own_reporter": 403, "other_reporter": 404, "reviewer": 302, "office": 302, "leader": 403,
          "foreign_reviewer": 404, "anonymous": "login"}


@pytest.mark.parametrize("who", WHO)
def test_return_a_report(client, work, cast, who):
    report = submitted(work)
    response = as_(client, cast[who]).post(reverse("reporting:return", args=[report.pk]), {"comment": "请补充"})
    assert outcome(response) == RETURN[who]
    expected = ProgressReport.Status.RETURNED if RETURN[who] == 302 else ProgressReport.Status.SUBMITTED
    assert ProgressReport.objects.get(pk=report.pk).status == expected


@pytest.mark.parametrize("who", WHO)
def test_approve_reports(client, work, cast, who):
    report = submitted(work)
    response = as_(client, cast[who]).post(reverse("reporting:approve"), {"reports": [report.pk]})
    assert outcome(response) == RETURN[who]
    expected = ProgressReport.Status.APPROVED if RETURN[who] == 302 else ProgressReport.Status.SUBMITTED
    assert ProgressReport.objects.get(pk=report.pk).status == expected


REOPEN = {"own_reporter": 403, "other_reporter": 404, "reviewer": 403, "office": 302, "leader": 403,
          "foreign_reviewer": 404, "anonymous": "login"}


@pytest.mark.parametrize("who", WHO)
def test_reopen_a_period(client, work, cast, who):
    report = approved(work)
    response = as_(client, cast[who]).post(reverse("reporting:reopen", args=[report.pk]), {"reason": "数字有误"})
    assert outcome(response) == REOPEN[who]
    expected = ProgressReport.Status.RETURNED if REOPEN[who] == 302 else ProgressReport.Status.APPROVED
    assert ProgressReport.objects.get(pk=report.pk).status == expected


# 撤回 (reporting:withdraw, POST only): the unit's own reporter, before review; the office
# reviews, it does not withdraw for the unit.
WITHDRAW = {"own_reporter": 302, "other_reporter": 404, "reviewer": 403, "office": 403, "leader": 403,
            "foreign_reviewer": 404, "anonymous": "login"}


@pytest.mark.parametrize("who", WHO)
def test_withdraw_a_report(client, work, cast, who):
    report = submitted(work)
    response = as_(client, cast[who]).post(reverse("reporting:withdraw", args=[report.pk]), {"version": report.version})
    assert outcome(response) == WITHDRAW[who]
    expected = ProgressReport.Status.PENDING if WITHDRAW[who] == 302 else ProgressReport.Status.SUBMITTED
    assert ProgressReport.objects.get(pk=report.pk).status == expected


@pytest.mark.parametrize("who", WHO)
def test_my_work_past_months_and_history_show_only_the_users_unit(client, work, cast, who):
    import time_machine

    submitted(work)  # 鼓东街道's November report: history once December has begun
    with time_machine.travel(datetime.datetime(2026, 12, 3, 9, 0), tick=False):
        services.open_cycles(datetime.date(2026, 12, 3), [work["plan"]])
        response = as_(client, cast[who]).get(reverse("reporting:my_work"))
    if who == "anonymous":
        assert outcome(response) == "login"
        return
    page = response.context["work"]
    units = {row.report.unit.name for row in page.outstanding} | {r.unit.name for r in page.history}
    mine = {"own_reporter": {"鼓东街道"}, "other_reporter": {"鼓西街道"}}.get(who, set())
    assert units == mine
    if who == "own_reporter":
        assert [r.cycle.label for r in page.history][:1] == ["2026年11月"]


QUEUE = {"own_reporter": 403, "other_reporter": 403, "reviewer": 200, "office": 200, "leader": 200,
         "foreign_reviewer": 200, "anonymous": "login"}


@pytest.mark.parametrize("who", WHO)
def test_review_queue_lists_only_what_one_may_see(client, work, cast, who):
    submitted(work)
    response = as_(client, cast[who]).get(reverse("reporting:review"))
    assert outcome(response) == QUEUE[who]
    if QUEUE[who] == 200:
        listed = [r.report.unit.name for r in response.context["rows"]]
        assert listed == ([] if who == "foreign_reviewer" else ["鼓东街道"])


@pytest.mark.parametrize("who", WHO)
def test_review_queue_export_same_people_same_rows(client, work, cast, who):
    submitted(work)
    response = as_(client, cast[who]).get(reverse("reporting:review_export"))
    assert outcome(response) == QUEUE[who]
    if QUEUE[who] == 200:
        sheet = load_workbook(io.BytesIO(response.content)).active
        units = [row[2] for row in sheet.iter_rows(min_row=3, values_only=True)]
        assert units == ([] if who == "foreign_reviewer" else ["鼓东街道"])


@pytest.mark.parametrize("who", WHO)
def test_my_work_shows_only_the_users_unit(client, work, cast, who):
    response = as_(client, cast[who]).get(reverse("reporting:my_work"))
    if who == "anonymous":
        assert outcome(response) == "login"
        return
    units = {row.report.unit.name for _, rows in response.context["rows"] for row in rows}
    assert units == ({"鼓东街道"} if who == "own_reporter" else {"鼓西街道"} if who == "other_reporter" else set())


# A plan's state (plans:change_state, POST only): its office's admins alone; another
# office's admin (foreign_reviewer is one) may not even see the plan (plans.access): 404.
PLAN_STATE = {"own_reporter": 403, "other_reporter": 403, "reviewer": 403, "office": 302, "leader": 403,
              "foreign_reviewer": 404, "anonymous": "login"}


@pytest.mark.parametrize("who", WHO)
def test_change_a_plans_state(client, work, cast, who):
    from plans.models import Plan

    response = as_(client, cast[who]).post(reverse("plans:change_state", args=[work["plan"].pk]),
                                           {"state": Plan.State.ARCHIVED, "reason": "年度工作结束"})
    assert outcome(response) == PLAN_STATE[who]
    expected = Plan.State.ARCHIVED if PLAN_STATE[who] == 302 else Plan.State.ACTIVE
    assert Plan.objects.get(pk=work["plan"].pk).state == expected
