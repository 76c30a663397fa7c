"""The holes found by trying the admin as an office admin would (issue 12), each one
tried again here and now refused."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from accounts.models import User
from accounts.roles import Role, group_name
from orgs.models import Unit
from plans.models import Plan, Task
from reporting.models import ProgressReport, ReportedFigure
from xiezuo.tests.admin_world import build_world, office_world, person


@pytest.fixture
def world(registry):
    world = build_world(registry)
    city = world["city"]
    street = Unit.objects.create(name="市民政局", kind=Unit.Kind.DEPARTMENT, region=registry["regions"]["city"])
    helped = Unit.objects.get(name="隆德县")
    world["city"].update(office_world("福州", city["office"], street, helped))
    return world


def refused(response) -> bool:
    """403, 404 (the password page of a person out of reach), or the admin's "no such object" redirect."""
    return response.status_code in (403, 404) or (response.status_code == 302 and response.url == reverse("admin:index"))


def role_group(role):
    return Group.objects.get(name=group_name(role))


def test_office_admin_cannot_make_itself_superuser(client, world):
    # Accounts are read in the admin by an office; they change on 单位与账号 (registry.services).
    admin = world["a"]["people"]["admin"]
    client.force_login(admin)
    url = reverse("admin:accounts_user_change", args=[admin.pk])
    assert client.get(url).status_code == 200  # its own account, read only
    response = client.post(url, {
        "username": admin.username, "name": "林晓燕", "phone": "", "email": "",
        "is_superuser": "on", "is_staff": "on", "groups": [g.pk for g in Group.objects.all()],
        "unit": world["city"]["office"].pk,
    })
    assert response.status_code == 403
    admin.refresh_from_db()
    assert admin.name != "林晓燕"
    assert admin.is_superuser is False and admin.is_staff is True
    assert list(admin.groups.all()) == [role_group(Role.OFFICE_ADMIN)]
    assert admin.unit == world["a"]["office"]
    assert not admin.user_permissions.exists()


def user_data(user, **changes):
    data = {"username": user.username, "name": user.name, "phone": "", "email": "", "unit": user.unit_id,
            "is_active": "on", "groups": [g.pk for g in user.groups.all()]}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_office_admin_cannot_raise_another_user(client, world):
    client.force_login(world["a"]["people"]["admin"])
    reporter = world["a"]["people"]["reporter"]
    url = reverse("admin:accounts_user_change", args=[reporter.pk])
    for changes in ({"is_superuser": "on", "is_staff": "on"}, {"groups": [role_group(Role.LEADER).pk]},
                    {"unit": world["city"]["office"].pk}):
        assert client.post(url, user_data(reporter, **changes)).status_code == 403
    reporter.refresh_from_db()
    assert not reporter.is_superuser and not reporter.is_staff
    assert list(reporter.groups.all()) == [role_group(Role.REPORTER)] and reporter.unit == world["a"]["rows"]["orgs.unit"]


def test_office_admin_never_edits_a_superuser_or_another_admin(client, world):
    client.force_login(world["a"]["people"]["admin"])
    root = world["superuser"]
    root.unit = world["a"]["office"]
    root.save()
    assert refused(client.get(reverse("admin:accounts_user_change", args=[root.pk])))
    assert refused(client.get(reverse("admin:auth_user_password_change", args=[root.pk])))

    colleague = person("gulou_admin2", world["a"]["office"], Role.OFFICE_ADMIN, staff=True)
    leader = person("gulou_leader", world["a"]["office"], Role.LEADER)
    for other in (colleague, leader):
        page = client.get(reverse("admin:accounts_user_change", args=[other.pk]))
        assert page.status_code == 200 and page.context["has_change_permission"] is False
        response = client.post(reverse("admin:auth_user_password_change", args=[other.pk]),
                               {"password1": "Taken-over-2026", "password2": "Taken-over-2026"})
        assert response.status_code == 403
        other.refresh_from_db()
        assert other.check_password("Xiezuo-2026-pass")


def test_office_admin_creates_no_user_in_the_admin(client, world):
    # New accounts are made on 单位与账号, within the office's region and rights (registry tests).
    client.force_login(world["a"]["people"]["admin"])
    url = reverse("admin:accounts_user_add")
    base = {"username": "newcomer", "name": "新人", "password1": "Xiezuo-new-2026", "password2": "Xiezuo-new-2026",
            "usable_password": "true"}
    for unit, role in ((world["b"]["rows"]["orgs.unit"], Role.REPORTER), (world["a"]["rows"]["orgs.unit"], Role.LEADER),
                       (world["a"]["rows"]["orgs.unit"], Role.REPORTER)):
        response = client.post(url, {**base, "unit": unit.pk, "groups": [role_group(role).pk]})
        assert response.status_code == 403
    assert not User.objects.filter(username="newcomer").exists()


def test_groups_and_permissions_are_the_superusers(client, world):
    client.force_login(world["a"]["people"]["admin"])
    group = role_group(Role.OFFICE_ADMIN)
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 403
    assert client.post(reverse("admin:auth_group_add"), {"name": "全权", "permissions": []}).status_code == 403
    assert refused(client.post(reverse("admin:auth_group_change", args=[group.pk]), {"name": group.name}))
    assert not Group.objects.filter(name="全权").exists()
    index = client.get(reverse("admin:index"))
    assert reverse("admin:auth_group_changelist") not in index.content.decode()


def test_district_admin_cannot_open_the_city_plan_or_report(client, world):
    client.force_login(world["a"]["people"]["admin"])
    plan, report = world["city"]["rows"]["plans.plan"], world["city"]["rows"]["reporting.progressreport"]
    for url in (reverse("admin:plans_plan_change", args=[plan.pk]), reverse("admin:plans_plan_history", args=[plan.pk]),
                reverse("admin:plans_plan_simple_history", args=[plan.pk, plan.history.latest().history_id]),
                reverse("admin:reporting_progressreport_change", args=[report.pk])):
        assert refused(client.get(url)), url
    changelist = client.get(reverse("admin:plans_plan_changelist"))
    assert plan not in changelist.context["cl"].queryset
    # Nor is the city's plan offered where a plan is picked (the autocomplete included).
    found = client.get(reverse("admin:autocomplete"), {"app_label": "plans", "model_name": "task", "field_name": "plan",
                                                       "term": ""}).json()
    assert [int(r["id"]) for r in found["results"]] == [world["a"]["rows"]["plans.plan"].pk]


def figure_post(report, value):
    figure = report.figures.get()
    return {
        "status": report.status, "progress": report.progress, "problems": "", "next_steps": "",
        "figures-TOTAL_FORMS": "1", "figures-INITIAL_FORMS": "1", "figures-MIN_NUM_FORMS": "0",
        "figures-MAX_NUM_FORMS": "1000", "figures-0-id": figure.pk, "figures-0-report": report.pk,
        "figures-0-target": figure.target_id, "figures-0-cumulative_value": value,
    }


@pytest.mark.parametrize("whose", ["city", "a"])
def test_approved_figure_stays_100(client, world, whose):
    """The district admin changed the city's approved 100 to 999999; its own approved report
    is no more open to it: figures change on the report page, which keeps an approved report locked."""
    client.force_login(world["a"]["people"]["admin"])
    report = world[whose]["rows"]["reporting.progressreport"]
    assert report.status == ProgressReport.Status.APPROVED
    response = client.post(reverse("admin:reporting_progressreport_change", args=[report.pk]), figure_post(report, "999999"))
    assert refused(response)
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.APPROVED
    assert ReportedFigure.objects.get(report=report).cumulative_value == 100


def test_office_admin_writes_no_plan_in_the_admin(client, world):
    """Plans, tasks and targets are changed on the office's editing pages (planning), which keep
    reported figures and ask reasons; the admin only shows them, another office's not at all."""
    client.force_login(world["a"]["people"]["admin"])
    city_plan = world["city"]["rows"]["plans.plan"]
    response = client.post(reverse("admin:plans_plan_add"), {
        "title": "冒名方案", "doc_number": "榕〔2026〕9号", "year": 2026, "kind": city_plan.kind,
        "office": world["city"]["office"].pk, "issuer": "", "issued_on": "",
    })
    assert refused(response)
    assert not Plan.objects.filter(title="冒名方案").exists()
    response = client.post(reverse("admin:plans_task_add"), {
        "plan": city_plan.pk, "list_name": "", "ref": "9", "position": 9, "category": "", "text": "塞进市方案",
        "measures": "", "deadline_text": "", "score": "", "evidence_required": "", "source_location": "",
        "source_text": "", "assignments-TOTAL_FORMS": "0", "assignments-INITIAL_FORMS": "0",
        "targets-TOTAL_FORMS": "0", "targets-INITIAL_FORMS": "0",
    })
    assert refused(response)
    assert not Task.objects.filter(text="塞进市方案").exists()
    own = world["a"]["rows"]["plans.plan"]
    assert refused(client.post(reverse("admin:plans_plan_change", args=[own.pk]), {"title": "改名"}))
    own.refresh_from_db()
    assert own.title != "改名"


def test_deleting_a_plan_would_take_its_reports_so_the_office_may_not(client, world):
    client.force_login(world["a"]["people"]["admin"])
    plan = world["a"]["rows"]["plans.plan"]
    # Only the reports stand in the way: a bulletin protects its plan anyway, and warnings
    # sent are not the office's to delete.
    world["a"]["rows"]["oversight.bulletin"].delete()
    world["a"]["rows"]["oversight.warningsent"].delete()
    response = client.post(reverse("admin:plans_plan_delete", args=[plan.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert Plan.objects.filter(pk=plan.pk).exists() and ProgressReport.objects.filter(cycle__plan=plan).exists()


def test_city_admin_cannot_take_over_the_district_admin(client, world):
    """The city's region holds the district's people, yet its admin changes neither the district
    office's admin (staff) nor the district's plans (another office's)."""
    client.force_login(world["city"]["admin"])
    district_admin = world["a"]["people"]["admin"]
    page = client.get(reverse("admin:accounts_user_change", args=[district_admin.pk]))
    assert page.status_code == 200 and page.context["has_change_permission"] is False
    assert refused(client.get(reverse("admin:plans_plan_change", args=[world["a"]["rows"]["plans.plan"].pk])))


def test_a_sample_office_admin_keeps_its_admin(client, world):
    """What `make run` gives gulou_office (staff, 管理员) still works: it reads its plans and
    people (and changes them on its own pages: 编辑方案, 单位与账号)."""
    client.force_login(world["a"]["people"]["admin"])
    for name in ("plans_plan", "plans_task", "accounts_user", "orgs_unit", "reporting_progressreport"):
        assert client.get(reverse(f"admin:{name}_changelist")).status_code == 200, name
    plan = world["a"]["rows"]["plans.plan"]
    page = client.get(reverse("admin:plans_plan_change", args=[plan.pk]))
    assert page.status_code == 200 and page.context["has_change_permission"] is False


def test_an_office_admins_change_of_a_target_is_on_its_page_and_in_the_history(client, world):
    """The admin refuses the office's write; the editing page's leaves the history row: who,
    from where, old → new."""
    office_admin, target = world["a"]["people"]["admin"], world["a"]["rows"]["plans.target"]
    client.force_login(office_admin)
    before_quantity = target.quantity
    assert refused(client.post(reverse("admin:plans_target_change", args=[target.pk]), {"quantity": "77"}))
    assert not target.history.filter(history_user=office_admin).exists()
    rows = [{"id": t.pk, "metric": t.metric, "quantity": Decimal("77") if t.pk == target.pk else t.quantity,
             "unit": t.unit, "comparator": t.comparator, "assignee": t.assignee, "parent": t.parent_id}
            for t in target.task.targets.order_by("position", "id")]
    data = {"t-TOTAL_FORMS": str(len(rows)), "t-INITIAL_FORMS": str(len(rows))}
    for i, row in enumerate(rows):
        data.update({f"t-{i}-id": row["id"], f"t-{i}-metric": row["metric"], f"t-{i}-quantity": str(row["quantity"]),
                     f"t-{i}-unit": row["unit"], f"t-{i}-comparator": row["comparator"],
                     f"t-{i}-assignee": row["assignee"].name if row["assignee"] else "", f"t-{i}-parent": row["parent"] or ""})
    response = client.post(reverse("planning:task_targets", args=[target.task_id]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    row = target.history.filter(history_user=office_admin).get()
    assert row.ip_address == "127.0.0.1"
    changes = {change.field: (change.old, change.new) for change in row.diff_against(row.prev_record).changes}
    assert changes["quantity"] == (before_quantity, Decimal("77"))


def test_another_offices_robot_stays_out_of_reach_even_with_rights_on_robots(client, world):
    """Offices hold no rights on robots today; were they given some, the office rule still
    keeps another office's webhook and secret away, and a new robot is its own office's."""
    office_admin = world["a"]["people"]["admin"]
    office_admin.user_permissions.add(*Permission.objects.filter(content_type__app_label="notifications"))
    client.force_login(office_admin)
    own, other = world["a"]["rows"]["notifications.grouprobot"], world["b"]["rows"]["notifications.grouprobot"]
    shown = list(client.get(reverse("admin:notifications_grouprobot_changelist")).context["cl"].queryset)
    assert shown == [own]
    assert refused(client.get(reverse("admin:notifications_grouprobot_change", args=[other.pk])))
    office_field = client.get(reverse("admin:notifications_grouprobot_add")).context["adminform"].form.fields["office"]
    assert list(office_field.queryset) == [world["a"]["office"]]
    assert client.get(reverse("admin:notifications_notification_changelist")).status_code == 403
