"""The registry pages: an office works on its own registry only; another office gets 404, a
reporter 403; a GET writes nothing; errors are said in Chinese beside the field."""

import pytest
from django.urls import reverse

from accounts.models import User
from orgs.models import Pairing, Programme, Unit
from registry.merge import MERGED_NOTE


@pytest.fixture
def pairing(work):
    units = work["units"]
    return Pairing.objects.create(helper=units["鼓楼区"], helped=units["区教育局"], level=Pairing.Level.COUNTY,
                                  programme=Programme.EAST_WEST, start_year=2021)


def _urls(work, pairing):
    units, people, plan = work["units"], work["people"], work["plan"]
    return [reverse("registry:units"), reverse("registry:unit_create"), reverse("registry:unit", args=[units["区教育局"].pk]),
            reverse("registry:users"), reverse("registry:user_create"), reverse("registry:user", args=[people["gudong"].pk]),
            reverse("registry:pairings"), reverse("registry:pairing_create"), reverse("registry:pairing", args=[pairing.pk]),
            reverse("registry:schedules"), reverse("registry:schedule", args=[plan.pk])]


def test_office_opens_every_page_and_a_get_writes_nothing(client, offices, work, pairing):
    client.force_login(offices["gulou"])
    counts = (Unit.history.count(), User.history.count(), Pairing.history.count())
    for url in _urls(work, pairing):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "单位与账号" in response.content.decode()
    assert (Unit.history.count(), User.history.count(), Pairing.history.count()) == counts


def test_reporter_and_reviewer_get_403(client, work, pairing):
    for who in ("gudong", "reviewer", "leader"):
        client.force_login(work["people"][who])
        for url in _urls(work, pairing):
            assert client.get(url).status_code == 403, (who, url)
    assert client.post(reverse("registry:unit_create"), {"name": "x"}).status_code == 403


def test_another_office_gets_404_on_our_objects(client, offices, work, pairing):
    client.force_login(offices["cangshan"])
    units, people = work["units"], work["people"]
    for url in (reverse("registry:unit", args=[units["区教育局"].pk]), reverse("registry:user", args=[people["gudong"].pk]),
                reverse("registry:pairing", args=[pairing.pk]), reverse("registry:schedule", args=[work["plan"].pk])):
        assert client.get(url).status_code == 404, url
    response = client.post(reverse("registry:user_active", args=[people["gudong"].pk]), {"reason": "试试"})
    assert response.status_code == 404
    assert User.objects.get(pk=people["gudong"].pk).is_active
    listed = client.get(reverse("registry:units")).content.decode()
    assert "区教育局" not in listed and "仓山区" in listed


def test_unit_list_searches_aliases_and_filters_kind(client, offices, work):
    client.force_login(offices["gulou"])
    page = client.get(reverse("registry:units"), {"q": "乡村振兴"}).content.decode()
    assert 'data-unit="区民政局"' in page and 'data-unit="区教育局"' not in page
    page = client.get(reverse("registry:units"), {"kind": Unit.Kind.TOWN}).content.decode()
    assert 'data-unit="鼓东街道"' in page and 'data-unit="区民政局"' not in page


def test_create_unit_through_the_page_with_chinese_error(client, offices, work):
    client.force_login(offices["gulou"])
    gulou = work["units"]["鼓楼区"].region
    data = {"name": "区教育局", "kind": Unit.Kind.DEPARTMENT, "region": gulou.pk, "is_active": "on"}
    response = client.post(reverse("registry:unit_create"), data)
    assert response.status_code == 400 and "已有名为“区教育局”的单位" in response.content.decode()
    data.update(name="区文旅局", aliases="文旅局、区文化和旅游局", contact_person="王丽", contact_phone="0591-8")
    response = client.post(reverse("registry:unit_create"), data)
    unit = Unit.objects.get(name="区文旅局", region=gulou)
    assert response.status_code == 302 and response.url == reverse("registry:unit", args=[unit.pk])
    assert set(unit.aliases.values_list("name", flat=True)) == {"文旅局", "区文化和旅游局"}
    page = client.get(response.url).content.decode()
    assert "修改记录" in page and "新增单位" in page


def test_role_escalation_refused_on_the_page(client, offices, work):
    client.force_login(offices["gulou"])
    gudong = work["people"]["gudong"]
    response = client.post(reverse("registry:user_roles", args=[gudong.pk]), {"roles": ["leader"], "reason": "提拔"})
    assert response.status_code == 400 and "领导" not in [r.label for r in User.objects.get(pk=gudong.pk).role_set]
    leader = work["people"]["leader"]
    response = client.post(reverse("registry:user_roles", args=[leader.pk]), {"roles": ["reporter"], "reason": "降级"})
    assert response.status_code == 403
    page = client.get(reverse("registry:user", args=[leader.pk])).content.decode()
    assert "此账号只读" in page
    page = client.get(reverse("registry:user_create")).content.decode()
    assert 'value="leader"' not in page and "is_staff" not in page and "is_superuser" not in page


def test_deactivate_needs_reason_and_user_page_shows_history(client, offices, work):
    client.force_login(offices["gulou"])
    gudong = work["people"]["gudong"]
    url = reverse("registry:user_active", args=[gudong.pk])
    response = client.post(url, {"active": "0", "reason": ""})
    assert response.status_code == 400 and "这个字段是必填项" in response.content.decode()
    assert client.post(url, {"active": "0", "reason": "调离岗位"}).status_code == 302
    assert not User.objects.get(pk=gudong.pk).is_active
    page = client.get(reverse("registry:user", args=[gudong.pk])).content.decode()
    assert "原因：调离岗位" in page and "是 → 否" in page
    client.post(reverse("registry:user_roles", args=[gudong.pk]), {"roles": ["reporter", "reviewer"], "reason": "兼任"})
    page = client.get(reverse("registry:user", args=[gudong.pk])).content.decode()
    assert "角色：填报员 → 填报员、审核员" in page


def test_reset_password_shown_once(client, offices, work):
    client.force_login(offices["gulou"])
    gudong = work["people"]["gudong"]
    response = client.post(reverse("registry:user_password", args=[gudong.pk]), {"reason": "忘记"})
    password = response.context["password"]
    assert password in response.content.decode()
    assert User.objects.get(pk=gudong.pk).check_password(password)
    assert password not in client.get(reverse("registry:user", args=[gudong.pk])).content.decode()


def test_merge_through_the_page(client, offices, work):
    client.force_login(offices["gulou"])
    keep = work["units"]["洪山镇"]
    dup = Unit.objects.create(name="洪山街道", kind=Unit.Kind.TOWN, region=keep.region)
    response = client.post(reverse("registry:unit_merge", args=[keep.pk]), {"other": dup.pk, "reason": ""})
    assert response.status_code == 400 and Unit.objects.filter(pk=dup.pk).exists()
    response = client.post(reverse("registry:unit_merge", args=[keep.pk]), {"other": dup.pk, "reason": "重复录入"})
    assert response.status_code == 302
    assert keep.aliases.filter(name="洪山街道", note=MERGED_NOTE).exists()
    assert client.get(reverse("registry:unit_merge", args=[keep.pk])).status_code == 405


def test_schedule_page_saves_months_without_reports_and_rules(client, offices, work):
    client.force_login(offices["gulou"])
    plan, task = work["plan"], work["task"]
    url = reverse("registry:schedule", args=[plan.pk])
    response = client.post(url, {"form": "schedule", "due_day": "31", "starts_on": "2026-01-01",
                                 "evidence_policy": "none", "active": "on"})
    assert response.status_code == 400 and "28" in response.content.decode()
    response = client.post(url, {"form": "schedule", "due_day": "20", "starts_on": "2026-01-01",
                                 "skipped_months": ["1", "2"], "evidence_policy": "all", "active": "on", "reason": "春节"})
    assert response.status_code == 302
    plan.reporting_schedule.refresh_from_db()
    assert plan.reporting_schedule.skipped_months == [1, 2] and plan.reporting_schedule.due_day == 20
    assert client.post(url, {"form": "evidence", f"rule_{task.pk}": "0", "reason": "无需照片"}).status_code == 302
    assert task.evidence_rule.required is False
    page = client.get(reverse("registry:schedules")).content.decode()
    assert "1月、2月" in page


def test_pairing_overview_shows_the_other_side_read_only(client, offices, work, registry):
    units = work["units"]
    ningxia = Unit.objects.create(name="隆德县", kind=Unit.Kind.PARTY_GOVERNMENT, region=registry["regions"]["city"])
    Pairing.objects.create(helper=units["鼓楼区"], helped=ningxia, level=Pairing.Level.COUNTY,
                           programme=Programme.EAST_WEST, start_year=2021)
    client.force_login(offices["gulou"])
    page = client.get(reverse("registry:pairings")).content.decode()
    assert "隆德县" in page and "（对方）" in page
    assert client.get(reverse("registry:unit", args=[ningxia.pk])).status_code == 404


def test_each_page_links_to_its_full_history_and_back(client, offices, work, pairing):
    client.force_login(offices["gulou"])
    unit = work["units"]["区教育局"]
    from registry import services
    services.do_update_unit(offices["gulou"], unit, name="区教育局", kind=Unit.Kind.DEPARTMENT, region=unit.region,
                            contact_person="李明", reason="补登联系人")
    page = client.get(reverse("registry:unit", args=[unit.pk])).content.decode()
    history_url = reverse("audit:object", args=["unit", unit.pk])
    assert history_url in page
    history = client.get(history_url).content.decode()
    assert "补登联系人" in history and reverse("registry:unit", args=[unit.pk]) in history
    user_url = reverse("audit:object", args=["user", work["people"]["gudong"].pk])
    assert user_url in client.get(reverse("registry:user", args=[work["people"]["gudong"].pk])).content.decode()


def test_user_list_reads_a_fixed_number_of_queries(client, offices, work, django_assert_max_num_queries):
    from reporting.tests.conftest import person
    from accounts.roles import Role
    client.force_login(offices["gulou"])
    url = reverse("registry:users")
    client.get(url)
    for n in range(15):
        person(f"extra{n}", work["units"]["鼓西街道"], Role.REPORTER)
    with django_assert_max_num_queries(14):
        page = client.get(url).content.decode()
    assert 'data-username="extra14"' in page and "填报员" in page
