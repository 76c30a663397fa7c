"""Who may do what in the Django admin, for every registered ModelAdmin.

The table below says, for each model the admin shows, what an office admin (staff, not
superuser) may do with its own office's rows, and what a superuser may add or delete. The
test is generated from the admin registry: an admin registered without a row here fails,
so a new admin is thought about before it ships. Two district offices (A = 鼓楼区民政局,
B = 仓山区民政局) each own one row of every model; each is tried against its own row and
the other's.
"""

import pytest
from django.contrib import admin
from django.forms import ModelChoiceField
from django.urls import reverse

from xiezuo.tests.admin_world import build_world

NONE, VIEW, CHANGE = "none", "view", "change"

# label: (what an office admin may do with its own rows, superuser may add, superuser may delete,
#         office admin may delete its own row)
RULES = {
    # Units, accounts, schedules and evidence rules: read here, changed on the office's own pages
    # (单位与账号, registry.services), which ask a reason and check merges and roles.
    "accounts.user": (VIEW, True, True, False),
    "auth.group": (NONE, True, True, False),  # the role groups: superusers only
    "orgs.region": (VIEW, True, True, False),  # the country's regions: read, to pick them
    "orgs.unit": (VIEW, True, True, False),
    "orgs.pairing": (VIEW, True, True, False),  # binds two offices' regions: superusers change it
    "notifications.notification": (NONE, False, True, False),  # a person's own messages
    # Offices have no model permission on robots (notifications' own pages are theirs);
    # the scope rule still keeps another office's webhook out of reach.
    "notifications.grouprobot": (NONE, True, True, False),
    "notifications.robotdelivery": (NONE, False, True, False),
    # Plans, tasks and targets: read here, changed on the office's editing pages (planning.editing),
    # which check units, keep reported figures and ask reasons.
    "plans.plan": (VIEW, True, True, False),
    "plans.task": (VIEW, True, True, False),
    "plans.target": (VIEW, True, True, False),
    "plans.pendingimport": (VIEW, False, True, False),
    "reporting.reportingschedule": (VIEW, True, True, False),
    "reporting.evidencerule": (VIEW, True, True, False),
    "reporting.reportingcycle": (VIEW, True, True, False),  # opened from the plan's 填报安排
    "reporting.progressreport": (VIEW, True, True, False),  # figures change on the report pages only
    "oversight.bulletin": (VIEW, False, False, False),
    "oversight.warningsent": (VIEW, False, True, False),
    # django-axes' lockout records: superusers only (they unlock there).
    "axes.accessattempt": (NONE, False, True, False),
    "axes.accesslog": (NONE, False, True, False),
    "axes.accessfailurelog": (NONE, False, True, False),
}

REGISTERED = sorted(m._meta.label_lower for m in admin.site._registry)


def test_every_registered_admin_has_a_rule():
    missing = [label for label in REGISTERED if label not in RULES]
    assert not missing, f"这些后台模型没有权限规则，请在 RULES 中写明办公室管理员能做什么：{missing}"


def urls(label, obj=None):
    app_label, model_name = label.split(".")
    if obj is None:
        return {view: reverse(f"admin:{app_label}_{model_name}_{view}") for view in ("changelist", "add")}
    return {view: reverse(f"admin:{app_label}_{model_name}_{view}", args=[obj.pk]) for view in ("change", "delete")}


@pytest.fixture
def world(registry):
    return build_world(registry)


def refused(response) -> bool:
    """403, or the admin's "no such object" redirect to its index (the row is not in the person's queryset)."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == reverse("admin:index"))


@pytest.mark.parametrize("label", REGISTERED)
@pytest.mark.parametrize("who", ["anonymous", "reporter", "reviewer"])
def test_people_without_staff_are_sent_to_the_login(client, world, label, who):
    if who != "anonymous":
        client.force_login(world["a"]["people"][who])
    row = world["a"]["rows"].get(label)
    for url in [*urls(label).values(), *(urls(label, row).values() if row else [])]:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("admin:login")), (who, url)
    if row:
        response = client.post(urls(label, row)["delete"], {"post": "yes"})
        assert response.status_code == 302 and type(row).objects.filter(pk=row.pk).exists()


@pytest.mark.parametrize("label", REGISTERED)
def test_superuser_sees_and_changes_every_office(client, world, label):
    level, may_add, may_delete, _ = RULES[label]
    client.force_login(world["superuser"])
    pages = urls(label)
    assert client.get(pages["changelist"]).status_code == 200
    assert client.get(pages["add"]).status_code == (200 if may_add else 403)
    for office in ("a", "b"):
        row = world[office]["rows"].get(label)
        if row is None:
            continue
        assert client.get(urls(label, row)["change"]).status_code == 200
        assert client.get(urls(label, row)["delete"]).status_code == (200 if may_delete else 403)


@pytest.mark.parametrize("label", REGISTERED)
@pytest.mark.parametrize("me,them", [("a", "b"), ("b", "a")])
def test_office_admin_only_its_own_rows(client, world, label, me, them):
    level, _, _, may_delete_own = RULES[label]
    client.force_login(world[me]["people"]["admin"])
    own, other = world[me]["rows"].get(label), world[them]["rows"].get(label)
    pages = urls(label)

    changelist = client.get(pages["changelist"])
    add = client.get(pages["add"])
    if level == NONE:
        assert changelist.status_code == 403 and add.status_code == 403
    else:
        assert changelist.status_code == 200
        shown = list(changelist.context["cl"].queryset)
        assert own in shown and other not in shown
        assert add.status_code == (200 if level == CHANGE else 403)

    if own is not None:
        change = client.get(urls(label, own)["change"])
        if level == NONE:
            assert refused(change)
        else:
            assert change.status_code == 200
            assert change.context["has_change_permission"] is (level == CHANGE)
        delete = client.get(urls(label, own)["delete"])
        assert delete.status_code == 200 if may_delete_own else refused(delete)
    if other is not None and other != own:
        for view, page in urls(label, other).items():
            assert refused(client.get(page)), (view, page)
            assert refused(client.post(page, {"post": "yes"})), (view, page)
        assert type(other).objects.filter(pk=other.pk).exists()


@pytest.mark.parametrize("label", [label for label in REGISTERED if RULES.get(label, (NONE,))[0] != NONE])
def test_office_admin_picks_only_its_own_rows(client, world, label):
    """Every choice on an add form an office admin opens leaves the other office's rows out; where
    it only reads (plans included: changed on the office's pages), it opens no add form at all."""
    client.force_login(world["a"]["people"]["admin"])
    page = client.get(urls(label)["add"])
    if RULES[label][0] != CHANGE:
        assert page.status_code == 403
        return
    form = page.context["adminform"].form
    others = world["b"]["rows"]
    checked = 0
    for name, field in form.fields.items():
        if not isinstance(field, ModelChoiceField):
            continue
        related = field.queryset.model._meta.label_lower
        other = others.get(related)
        if other is None or other == world["a"]["rows"].get(related):
            continue
        assert not field.queryset.filter(pk=other.pk).exists(), f"{label}.{name} offers {other}"
        checked += 1
    assert checked, f"{label}: no choice of another office's row was checked"
