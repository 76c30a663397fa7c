"""Who sees a plan (plans.access), and importing that never reaches another office's plan.

Issue 12 found every signed-in user reading every plan page, and a district document
carrying the city plan's 文号 replacing the city plan's title and tasks, its review page
showing the district the city's plan and diff. These tests reproduce both holes.
"""

import json
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import User
from accounts.roles import Role, group_name
from orgs.models import GroupMembership, Programme, Unit
from plans import access
from plans.models import Assignment, PendingImport, Plan, Target, Task
from plans.tests.test_importing_views import review_post

CITY_DOC = "榕委振兴办〔2026〕3号"


def person(username, unit, *roles, **extra):
    user = User.objects.create_user(username=username, password="Pass-2026-x", unit=unit, **extra)
    for role in roles:
        user.groups.add(Group.objects.get_or_create(name=group_name(role))[0])
    return user


@pytest.fixture
def world(registry):
    """The city's office and plan, 鼓楼区's plan, 仓山区's plan, and people of each."""
    units, regions = registry["units"], registry["regions"]
    city_office = Unit.objects.create(name="市乡村振兴局", kind=Unit.Kind.DEPARTMENT, region=regions["city"])
    cangshan_street = Unit.objects.create(name="上渡街道", kind=Unit.Kind.TOWN, region=regions["cangshan"])

    def plan(title, office, doc):
        made = Plan.objects.create(title=title, doc_number=doc, year=2026, kind=Programme.EAST_WEST, office=office)
        task = Task.objects.create(plan=made, ref="1", position=1, text=f"{title}的任务")
        Assignment.objects.create(task=task, unit=office, role=Assignment.Role.LEAD)
        return made

    plans = {
        "city": plan("2026年福州市协作方案", city_office, CITY_DOC),
        "gulou": plan("2026年鼓楼区协作方案", units["区民政局"], "鼓委振兴办〔2026〕6号"),
        "cangshan": plan("2026年仓山区协作方案", units["仓山区民政局"], "仓委振兴办〔2026〕2号"),
    }
    people = {
        "gulou_admin": person("gulou_admin", units["区民政局"], Role.OFFICE_ADMIN),
        "gulou_street": person("gudong", units["鼓东街道"], Role.REPORTER),
        "cangshan_admin": person("cangshan_admin", units["仓山区民政局"], Role.OFFICE_ADMIN),
        "cangshan_street": person("shangdu", cangshan_street, Role.REPORTER),
        "city_reviewer": person("city_reviewer", city_office, Role.REVIEWER),
        "city_leader": person("city_leader", city_office, Role.LEADER),
        "root": User.objects.create_superuser(username="root", password="Pass-2026-x", email="root@example.cn"),
    }
    return {"plans": plans, "people": people, "units": units, "cangshan_street": cangshan_street}


# Each person's plans: their office's and those above (the city's), those their unit has
# work in, a leader's region below; never a neighbouring district's.
SEES = {
    "gulou_admin": {"city", "gulou"},
    "gulou_street": {"city", "gulou"},
    "cangshan_admin": {"city", "cangshan"},
    "cangshan_street": {"city", "cangshan"},
    "city_reviewer": {"city"},
    "city_leader": {"city", "gulou", "cangshan"},
    "root": {"city", "gulou", "cangshan"},
}


@pytest.mark.parametrize("who", sorted(SEES))
def test_a_person_sees_the_plans_of_their_office_and_above(client, world, who):
    names = {plan.pk: name for name, plan in world["plans"].items()}
    user = world["people"][who]
    assert {names[pk] for pk in access.plans_visible_to(user).values_list("pk", flat=True)} == SEES[who]

    client.force_login(user)
    listed = {names[p.pk] for p in client.get(reverse("plans:list"), {"state": "all"}).context["plans"]}
    assert listed == SEES[who]
    for name, plan in world["plans"].items():
        response = client.get(reverse("plans:detail", args=[plan.pk]))
        assert response.status_code == (200 if name in SEES[who] else 404), name
        if name not in SEES[who]:
            assert plan.title not in response.content.decode()


def test_an_unrelated_units_reporter_may_not_read_or_search_a_plan(client, world):
    """The issue's hole: a reporter of an unrelated unit read every plan page."""
    client.force_login(world["people"]["cangshan_street"])
    gulou = world["plans"]["gulou"]
    assert client.get(reverse("plans:detail", args=[gulou.pk])).status_code == 404
    html = client.get(reverse("plans:list"), {"q": "鼓楼区"}).content.decode()
    assert gulou.title not in html and gulou.doc_number not in html


def test_work_in_a_plan_makes_it_visible_directly_or_through_a_group(world, registry):
    gulou, outsider = world["plans"]["gulou"], world["people"]["cangshan_street"]
    assert not access.plans_visible_to(outsider).filter(pk=gulou.pk).exists()
    group = Unit.objects.create(name="结对街道", kind=Unit.Kind.TOWN, region=registry["regions"]["city"], is_group=True)
    GroupMembership.objects.create(group=group, member=world["cangshan_street"], position=0)
    Target.objects.create(task=gulou.tasks.get(), metric="帮扶资金", quantity=Decimal(5), unit="万元", assignee=group)
    assert access.plans_visible_to(outsider).filter(pk=gulou.pk).exists()


def test_the_plan_page_lists_only_visible_implementing_plans(client, world):
    city = world["plans"]["city"]
    for name in ("gulou", "cangshan"):
        world["plans"][name].parent = city
        world["plans"][name].save(update_fields=["parent"])
    client.force_login(world["people"]["gulou_admin"])
    response = client.get(reverse("plans:detail", args=[city.pk]))
    assert list(response.context["implementing"]) == [world["plans"]["gulou"]]
    assert world["plans"]["cangshan"].title not in response.content.decode()


# --- importing: 文号 match only within the office ------------------------------------------

def _district_copy():
    """The district's document carrying the city plan's 文号, with its own title and task."""
    return {"format": "plan/1",
            "plan": {"title": "鼓楼区贯彻落实市协作方案的分工", "doc_number": CITY_DOC, "year": 2026, "references": []},
            "tasks": [{"ref": "1", "text": "区里的任务", "lead_units": ["区民政局"], "targets": []}]}


def _upload(client, data):
    response = client.post(reverse("plans:import_upload"), {
        "file": SimpleUploadedFile("fangan.json", json.dumps(data, ensure_ascii=False).encode()), "kind": "east_west"})
    assert response.status_code == 302, response.content.decode()[:1000]
    return PendingImport.objects.latest("pk")


def test_a_district_document_with_the_city_plans_doc_number_never_touches_the_city_plan(client, world):
    city = world["plans"]["city"]
    client.force_login(world["people"]["gulou_admin"])
    pending = _upload(client, _district_copy())

    response = client.get(reverse("plans:import_review", args=[pending.pk]))
    html = response.content.decode()
    assert response.context["existing"] is None and response.context["diff"] is None
    assert city.title not in html and "福州市协作方案的任务" not in html

    response = client.post(reverse("plans:import_review", args=[pending.pk]),
                           review_post(pending, response, **{"plan-state": Plan.State.ACTIVE}))
    assert response.status_code == 302, response.content.decode()[:2000]
    city.refresh_from_db()
    assert city.title == "2026年福州市协作方案" and [t.text for t in city.tasks.all()] == ["2026年福州市协作方案的任务"]
    district = Plan.objects.get(office=world["units"]["区民政局"], doc_number=CITY_DOC)
    assert district.title == "鼓楼区贯彻落实市协作方案的分工" and response["Location"] == reverse("plans:detail", args=[district.pk])

    # A second version of the district's document updates the district's plan, still not the city's.
    second = _district_copy()
    second["plan"]["title"] = "鼓楼区贯彻落实市协作方案的分工（修订）"
    pending = _upload(client, second)
    response = client.get(reverse("plans:import_review", args=[pending.pk]))
    assert response.context["existing"] == district
    client.post(reverse("plans:import_review", args=[pending.pk]), review_post(pending, response))
    district.refresh_from_db()
    city.refresh_from_db()
    assert district.title.endswith("（修订）") and city.title == "2026年福州市协作方案"


def test_matching_by_title_and_year_stays_within_the_office(world):
    data = {"plan": {"title": "2026年仓山区协作方案", "year": 2026}, "tasks": []}
    assert access.office_plans(world["people"]["cangshan_admin"]).count() == 1
    from plans.importing import find_existing_plan

    assert find_existing_plan(data, access.office_plans(world["people"]["gulou_admin"])) is None
    assert find_existing_plan(data, access.office_plans(world["people"]["cangshan_admin"])) == world["plans"]["cangshan"]


def test_saving_over_another_offices_plan_is_refused_even_if_a_caller_passes_it(world, registry):
    from plans.importing.saving import ImportSaveError, save_plan

    with pytest.raises(ImportSaveError, match="不是本单位主办的方案"):
        save_plan(_district_copy(), {}, user=world["people"]["gulou_admin"], scope=registry["regions"]["gulou"],
                  existing=world["plans"]["city"])
    assert Plan.objects.get(pk=world["plans"]["city"].pk).title == "2026年福州市协作方案"


def test_the_import_checks_compare_only_with_cited_plans_the_importer_may_see(client, world):
    """A cited 文号 of a neighbouring district's plan brings none of its figures to the page."""
    cangshan = world["plans"]["cangshan"]
    Target.objects.create(task=cangshan.tasks.get(), metric="仓山独有指标", quantity=Decimal(7), unit="万元",
                          assignee=world["cangshan_street"])
    from checks.services import findings_for_import

    data = _district_copy()
    data["plan"]["references"] = [cangshan.doc_number]
    data["tasks"][0]["text"] = cangshan.tasks.get().text  # the same task, so the checks pair them
    data["tasks"][0]["targets"] = [{"metric": "仓山独有指标", "value": 9, "unit": "万元", "assignee": "上渡街道"}]
    everything = findings_for_import(data, None)
    assert any(cangshan.doc_number in f.message or "仓山" in f.message for f in everything)
    seen = findings_for_import(data, None, access.plans_visible_to(world["people"]["gulou_admin"]))
    assert not any(cangshan.doc_number in f.message or "仓山" in f.message for f in seen)
