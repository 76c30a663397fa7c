"""Every domain change leaves a history row: who, when, from where (IP), the row as it
became (so old → new is the difference from the row before) and why."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.models import User
from accounts.roles import Role, group_name
from history.records import acting, bulk_update_audited
from plans.models import Target
from plans.services import do_change_plan_state
from reporting import services
from reporting.models import ProgressReport, ReportedFigure

IP = {"REMOTE_ADDR": "10.20.30.40"}


@pytest.fixture
def root(db):
    return User.objects.create_superuser("root", "root@example.gov.cn", "Xiezuo-2026-pass")


def _last_two(history):
    new, old = list(history.order_by("-history_date", "-history_id")[:2])
    return old, new


def test_a_target_quantity_changed_in_the_admin_records_who_ip_and_old_and_new(work, root, client, admin_change_form):
    target = Target.objects.get(task=work["task"], parent=None)
    client.force_login(root)
    answer = admin_change_form(client, f"/admin/plans/target/{target.pk}/change/", {"quantity": "120"}, **IP)
    assert answer.status_code == 302, answer.content.decode()[:2000]
    old, new = _last_two(target.history)
    assert (old.quantity, new.quantity) == (Decimal(100), Decimal(120))
    assert new.history_user == root and new.ip_address == "10.20.30.40" and new.history_type == "~"
    assert [c.field for c in new.diff_against(old).changes] == ["quantity"]


@pytest.mark.parametrize("proxies, recorded", [(0, "10.20.30.40"), (1, "203.0.113.7")])
def test_behind_a_declared_proxy_the_history_records_the_client_the_lockout_counts(
        work, root, client, admin_change_form, settings, proxies, recorded):
    # One rule for both (history.client): the forwarded address only from a proxy that is declared.
    settings.TRUSTED_PROXY_COUNT = proxies
    unit = work["units"]["区教育局"]
    client.force_login(root)
    answer = admin_change_form(client, f"/admin/orgs/unit/{unit.pk}/change/", {"name": "区教育体育局"},
                               HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.7", **IP)
    assert answer.status_code == 302, answer.content.decode()[:2000]
    assert unit.history.order_by("-history_date", "-history_id").first().ip_address == recorded


def test_a_unit_renamed_in_the_admin_records_who_ip_and_old_and_new(work, root, client, admin_change_form):
    unit = work["units"]["区教育局"]
    client.force_login(root)
    answer = admin_change_form(client, f"/admin/orgs/unit/{unit.pk}/change/", {"name": "区教育体育局"}, **IP)
    assert answer.status_code == 302, answer.content.decode()[:2000]
    old, new = _last_two(unit.history)
    assert (old.name, new.name) == ("区教育局", "区教育体育局")
    assert (new.history_user, new.ip_address) == (root, "10.20.30.40")


def test_a_role_given_in_the_admin_is_in_the_user_history(work, root, client, admin_change_form):
    gudong = work["people"]["gudong"]
    reviewer = Group.objects.get(name=group_name(Role.REVIEWER))
    reporter = Group.objects.get(name=group_name(Role.REPORTER))
    client.force_login(root)
    answer = admin_change_form(client, f"/admin/accounts/user/{gudong.pk}/change/",
                               {"groups": [str(reporter.pk), str(reviewer.pk)]}, **IP)
    assert answer.status_code == 302, answer.content.decode()[:2000]
    latest = gudong.history.order_by("-history_date", "-history_id").first()
    assert {g.group_id for g in latest.groups.all()} == {reporter.pk, reviewer.pk}
    assert (latest.history_user, latest.ip_address) == (root, "10.20.30.40")
    first = gudong.history.order_by("history_date", "history_id").first()
    changes = {c.field: c for c in latest.diff_against(first).changes}
    assert "groups" in changes


def test_the_password_is_never_copied_and_a_login_leaves_no_row(work, client):
    gudong = work["people"]["gudong"]
    assert "password" not in {f.name for f in User.history.model._meta.fields}
    assert "last_login" not in {f.name for f in User.history.model._meta.fields}
    before = gudong.history.count()
    answer = client.post(reverse("login"), {"username": "gudong", "password": "Xiezuo-2026-pass"})
    assert answer.status_code == 302
    gudong.refresh_from_db()
    assert gudong.last_login is not None and gudong.history.count() == before


def test_a_figure_changed_on_the_report_page_records_who_ip_and_old_and_new(work, client):
    report, gudong = work["report"], work["people"]["gudong"]
    mine = Target.objects.get(task=work["task"], assignee=work["units"]["鼓东街道"])
    client.force_login(gudong)
    for value in ("10", "12.5"):
        report.refresh_from_db()
        answer = client.post(f"/reporting/reports/{report.pk}/", {
            "version": report.version, f"target_{mine.pk}": value, "progress": "已落实", "save": "1"}, **IP)
        assert answer.status_code == 302, answer.content.decode()[:2000]
    figure = ReportedFigure.objects.get(report=report, target=mine)
    old, new = _last_two(figure.history)
    assert (old.cumulative_value, new.cumulative_value) == (Decimal(10), Decimal("12.5"))
    assert (new.history_user, new.ip_address) == (gudong, "10.20.30.40")


def test_a_service_without_a_request_names_the_person_and_the_reason(work):
    report, gudong, reviewer = work["report"], work["people"]["gudong"], work["people"]["reviewer"]
    mine = Target.objects.get(task=work["task"], assignee=work["units"]["鼓东街道"])
    services.save_report(report, user=gudong, version=report.version, figures={mine.pk: "5"},
                         progress="已落实", problems="", next_steps="")
    services.submit_report(report, user=gudong, today=work["cycle"].due_on)
    services.return_report(report, reviewer=reviewer, comment="数字与凭证不符")
    rows = list(ProgressReport.objects.get(pk=report.pk).history.order_by("history_date", "history_id"))
    assert [(r.status, r.history_user, r.history_change_reason) for r in rows[-2:]] == [
        (ProgressReport.Status.SUBMITTED, gudong, "提交审核"),
        (ProgressReport.Status.RETURNED, reviewer, "退回：数字与凭证不符")]
    assert rows[-1].ip_address is None  # no request, no address
    assert ReportedFigure.objects.get(report=report).history.get().history_user == gudong


def test_plan_state_reason_is_the_history_reason(work):
    plan, office = work["plan"], work["people"]["office"]
    do_change_plan_state(plan, "archived", user=office, reason="年度工作结束")
    latest = plan.history.order_by("-history_date", "-history_id").first()
    assert (latest.state, latest.history_user, latest.history_change_reason) == ("archived", office, "年度工作结束")


def test_bulk_updates_record_a_row_each_with_who_and_why(work):
    office = work["people"]["office"]
    parts = list(Target.objects.filter(task=work["task"], parent__isnull=False))
    for part in parts:
        part.quantity = Decimal("33.4")
    with acting(office):
        bulk_update_audited(parts, Target, ["quantity"], reason="按新文件调整")
    for part in parts:
        latest = part.history.order_by("-history_date", "-history_id").first()
        assert (latest.quantity, latest.history_user, latest.history_change_reason) == (Decimal("33.4"), office, "按新文件调整")
