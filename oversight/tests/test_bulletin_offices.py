"""A bulletin belongs to the office that publishes it. A region's bulletin is published
only by the region's own office or one above; one office never finds, numbers against or
overwrites another's. Regenerating keeps every revision, each listed and downloadable.

The hole this closes: a district office published the city's region bulletin for a month
the city had already published; it became 第2版 covering only the district's plan, and
the city could no longer see it."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from accounts.roles import Role
from oversight.access import scope_for
from oversight.bulletin import publish_bulletin
from oversight.models import Bulletin
from oversight.tests.conftest import NOV30
from orgs.models import Programme, Unit
from plans.models import Assignment, Plan, Target, Task
from reporting import services
from reporting.tests.conftest import person

NOV = datetime.date(2026, 11, 1)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr("oversight.bulletin_views._today", lambda: NOV30)


def office_with_plan(unit, title, number, username):
    plan = Plan.objects.create(title=title, doc_number=number, year=2026, kind=Programme.EAST_WEST, office=unit)
    task = Task.objects.create(plan=plan, ref="1", position=1, text="落实帮扶资金。")
    Assignment.objects.create(task=task, unit=unit, role=Assignment.Role.LEAD)
    Target.objects.create(task=task, metric="社会帮扶资金", quantity=Decimal(50), unit="万元")
    services.open_cycles(datetime.date(2026, 11, 10), [plan])
    return plan, person(username, unit, Role.OFFICE_ADMIN)


@pytest.fixture
def city(reported):
    """福州市's own office with a plan it keeps, beside 鼓楼区's 区民政局 (reported)."""
    region = reported["units"]["鼓楼区"].region.parent
    office = Unit.objects.create(name="市乡村振兴局", kind=Unit.Kind.DEPARTMENT, region=region)
    plan, admin = office_with_plan(office, "福州市2026年协作方案", "榕〔2026〕1号", "city_admin")
    return {"region": region, "plan": plan, "admin": admin}


def generate(client, user, region, month="2026-11"):
    client.force_login(user)
    return client.post(reverse("oversight:bulletin_generate", args=["region", region.pk]), {"month": month, "confirm": "1"})


def test_a_district_office_cannot_publish_over_the_city_bulletin(client, reported, city):
    city_bulletin = publish_bulletin(scope_for(city["admin"], "region", city["region"].pk, year=2026), NOV,
                                     city["admin"], NOV30)
    assert city_bulletin.figures["plans"] == [city["plan"].pk]
    district = reported["people"]["office"]
    # Through the page: refused, and the city's bulletin is as the city left it.
    assert generate(client, district, city["region"]).status_code == 403
    # Through the service, as any other caller would.
    with pytest.raises(PermissionDenied):
        publish_bulletin(scope_for(district, "region", city["region"].pk, year=2026), NOV, district, NOV30)
    city_bulletin.refresh_from_db()
    assert (city_bulletin.revision, city_bulletin.figures["plans"]) == (1, [city["plan"].pk])
    assert Bulletin.objects.count() == 1
    page = client.get(reverse("oversight:bulletins", args=["region", city["region"].pk]))
    assert "生成通报" not in page.content.decode()  # not offered to the district either
    client.force_login(city["admin"])
    assert client.get(reverse("oversight:bulletin_download", args=[city_bulletin.pk])).status_code == 200


def test_the_city_office_publishes_its_region_and_the_district_its_own(client, reported, city):
    assert generate(client, city["admin"], city["region"]).status_code == 302
    gulou = reported["units"]["区民政局"].region
    assert generate(client, reported["people"]["office"], gulou).status_code == 302
    city_b, district_b = Bulletin.objects.get(region=city["region"]), Bulletin.objects.get(region=gulou)
    assert (city_b.office, city_b.number, city_b.figures["plans"]) == (city["plan"].office, 1, [city["plan"].pk])
    assert (district_b.office, district_b.number) == (reported["units"]["区民政局"], 1)


def test_two_offices_of_one_region_never_find_each_others_bulletin(client, reported):
    """区教育局 keeps a plan in 鼓楼区 too: its region bulletin is its own, not 区民政局's 第2版."""
    gulou = reported["units"]["区民政局"].region
    _, other_admin = office_with_plan(reported["units"]["区教育局"], "教育帮扶方案", "鼓教〔2026〕1号", "edu_admin")
    first = publish_bulletin(scope_for(reported["people"]["office"], "region", gulou.pk, year=2026), NOV,
                             reported["people"]["office"], NOV30)
    second = publish_bulletin(scope_for(other_admin, "region", gulou.pk, year=2026), NOV, other_admin, NOV30)
    assert second.pk != first.pk
    assert [(b.revision, b.number) for b in (first, second)] == [(1, 1), (1, 1)]
    first.refresh_from_db()
    assert first.figures["plans"] == [reported["plan"].pk] and first.revisions.count() == 1


def test_the_archive_lists_each_revision_with_who_and_when_and_each_downloads(client, reported):
    office = reported["people"]["office"]
    scope = scope_for(office, "plan", reported["plan"].pk)
    publish_bulletin(scope, NOV, office, NOV30)
    bulletin = publish_bulletin(scope, NOV, reported["people"]["office"], NOV30)
    client.force_login(reported["people"]["leader"])
    html = client.get(reverse("oversight:bulletins", args=["plan", reported["plan"].pk])).content.decode()
    revisions = list(bulletin.revisions.order_by("revision"))
    for revision in revisions:
        url = reverse("oversight:bulletin_revision_download", args=[revision.pk])
        assert f'href="{url}">{revision.label}</a>' in html
        answer = client.get(url)
        assert answer.status_code == 200 and answer.getvalue()[:2] == b"PK"
        assert revision.label in answer["Content-Disposition"] or "%E7%AC%AC" in answer["Content-Disposition"]
    assert "第1版" in html and "第2版" in html and "office" in html  # the generator's name
    # Someone who may not see the plan gets nothing, for any revision.
    client.force_login(person("outsider", reported["units"]["仓山区民政局"], Role.OFFICE_ADMIN))
    assert client.get(reverse("oversight:bulletin_revision_download", args=[revisions[0].pk])).status_code == 404
