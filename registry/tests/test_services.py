"""Each do_* of the registry: what it changes, what it refuses, the history row it leaves."""

import datetime

import pytest
from django.contrib.auth import authenticate
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from accounts.models import User
from accounts.roles import Role
from orgs.models import Pairing, Programme, Unit
from registry import services
from registry.services import RegistryError
from reporting.models import EvidenceRule, ProgressReport, ReportingSchedule
from reporting.services import open_cycles


def _last(obj):
    return obj.history.order_by("-history_id").first()


def test_create_unit_with_aliases_contact_and_history(offices, work):
    office, gulou = offices["gulou"], work["units"]["鼓楼区"].region
    unit = services.do_create_unit(office, name="区 乡村振兴服务中心", kind=Unit.Kind.DEPARTMENT, region=gulou,
                                   contact_person="林芳", contact_phone="0591-1234567",
                                   aliases=["振兴中心", "振兴中心", ""])
    assert unit.name == "区乡村振兴服务中心"  # whitespace removed as names are stored
    assert list(unit.aliases.values_list("name", flat=True)) == ["振兴中心"]
    record = _last(unit)
    assert (record.history_user, record.history_change_reason, record.contact_phone) == (office, "新增单位", "0591-1234567")


def test_create_unit_refuses_another_office_region_and_duplicate_name(offices, work):
    with pytest.raises(RegistryError, match="所在区划不在本办公室管理范围内"):
        services.do_create_unit(offices["gulou"], name="新单位", kind=Unit.Kind.DEPARTMENT,
                                region=work["units"]["仓山区民政局"].region)
    with pytest.raises(RegistryError, match="区教育局"):
        services.do_create_unit(offices["gulou"], name="区教育局", kind=Unit.Kind.DEPARTMENT,
                                region=work["units"]["鼓楼区"].region)
    assert not Unit.objects.filter(name="新单位").exists()


def test_update_unit_members_and_deactivation_needs_reason(offices, work):
    office, units = offices["gulou"], work["units"]
    group = units["三街镇"]
    services.do_update_unit(office, group, name="三街镇", kind=Unit.Kind.TOWN, region=group.region, is_group=True,
                            members=[units["洪山镇"], units["鼓东街道"]])
    assert [m.member.name for m in group.memberships.all()] == ["洪山镇", "鼓东街道"]
    with pytest.raises(RegistryError, match="修改原因") as error:
        services.do_update_unit(office, units["区教育局"], name="区教育局", kind=Unit.Kind.DEPARTMENT,
                                region=units["区教育局"].region, is_active=False)
    assert error.value.field == "reason"
    services.do_update_unit(office, units["区教育局"], name="区教育局", kind=Unit.Kind.DEPARTMENT,
                            region=units["区教育局"].region, is_active=False, reason="机构改革撤并")
    record = _last(Unit.objects.get(pk=units["区教育局"].pk))
    assert (record.is_active, record.history_change_reason) == (False, "机构改革撤并")
    assert record.prev_record.is_active is True


def test_members_only_from_scope_and_only_for_groups(offices, work):
    office, units = offices["gulou"], work["units"]
    with pytest.raises(RegistryError, match="仓山区民政局|区民政局.*不在本办公室范围内"):
        services.do_update_unit(office, units["三街镇"], name="三街镇", kind=Unit.Kind.TOWN,
                                region=units["三街镇"].region, is_group=True, members=[units["仓山区民政局"]])
    with pytest.raises(RegistryError, match="只有集合单位"):
        services.do_create_unit(office, name="新部门", kind=Unit.Kind.DEPARTMENT, region=units["鼓楼区"].region,
                                members=[units["洪山镇"]])


def test_another_office_cannot_change_the_unit(offices, work):
    with pytest.raises(PermissionDenied):
        services.do_update_unit(offices["cangshan"], work["units"]["区教育局"], name="x", kind=Unit.Kind.DEPARTMENT,
                                region=work["units"]["区教育局"].region)
    with pytest.raises(PermissionDenied):
        services.do_create_unit(work["people"]["gudong"], name="新单位", kind=Unit.Kind.DEPARTMENT,
                                region=work["units"]["鼓东街道"].region)


# -- people --------------------------------------------------------------------------------------

def test_create_user_gives_a_password_that_signs_in(offices, work):
    user, password = services.do_create_user(offices["gulou"], username="hongshan", name="陈明",
                                             unit=work["units"]["洪山镇"], roles=[Role.REPORTER], phone="138")
    assert not user.is_staff and not user.is_superuser and user.role_set == {Role.REPORTER}
    request = RequestFactory().post("/accounts/login/")
    assert authenticate(request, username="hongshan", password=password) == user
    record = _last(user)
    assert record.history_user == offices["gulou"] and record.history_change_reason == "新增账号"


def test_create_user_refuses_roles_beyond_its_own_and_units_outside(offices, work):
    with pytest.raises(PermissionDenied, match="领导"):
        services.do_create_user(offices["gulou"], username="boss", name="x", unit=work["units"]["鼓楼区"],
                                roles=[Role.LEADER])
    with pytest.raises(RegistryError, match="本办公室范围内的单位"):
        services.do_create_user(offices["gulou"], username="cs", name="x", unit=work["units"]["仓山区民政局"],
                                roles=[Role.REPORTER])
    with pytest.raises(RegistryError, match="密码不符合要求"):
        services.do_create_user(offices["gulou"], username="weak", name="x", unit=work["units"]["洪山镇"],
                                roles=[Role.REPORTER], password="123")
    with pytest.raises(RegistryError, match="登录名“GUDONG”已被使用") as error:
        services.do_create_user(offices["gulou"], username="GUDONG", name="x", unit=work["units"]["洪山镇"],
                                roles=[Role.REPORTER])
    assert error.value.field == "username"
    assert not User.objects.filter(username__in=["boss", "cs", "weak"]).exists()


def test_roles_change_with_reason_recorded(offices, work):
    gudong = work["people"]["gudong"]
    with pytest.raises(RegistryError, match="修改原因"):
        services.do_set_roles(offices["gulou"], gudong, [Role.REPORTER, Role.REVIEWER], reason="")
    services.do_set_roles(offices["gulou"], gudong, [Role.REPORTER, Role.REVIEWER], reason="兼任审核")
    assert User.objects.get(pk=gudong.pk).role_set == {Role.REPORTER, Role.REVIEWER}
    assert _last(gudong).history_change_reason == "兼任审核"
    with pytest.raises(PermissionDenied):
        services.do_set_roles(offices["gulou"], gudong, [Role.LEADER], reason="提拔")


def test_office_cannot_touch_leader_staff_superuser_itself_or_other_office(offices, work):
    office, people = offices["gulou"], work["people"]
    boss = User.objects.create_superuser("root", password="Xiezuo-2026-pass", unit=work["units"]["鼓楼区"])
    staff = User.objects.create_user("staffer", password="Xiezuo-2026-pass", unit=work["units"]["区教育局"], is_staff=True)
    for target in (people["leader"], boss, staff, office):
        with pytest.raises(PermissionDenied):
            services.do_set_active(office, target, False, reason="试图停用")
    with pytest.raises(PermissionDenied):
        services.do_reset_password(offices["cangshan"], people["gudong"])
    assert User.objects.filter(is_active=False).count() == 0


def test_deactivate_reactivate_and_reset_password(offices, work):
    office, gudong = offices["gulou"], work["people"]["gudong"]
    services.do_set_active(office, gudong, False, reason="调离")
    assert User.objects.get(pk=gudong.pk).is_active is False
    assert _last(gudong).history_change_reason == "调离"
    services.do_set_active(office, gudong, True, reason="返岗")
    password = services.do_reset_password(office, gudong, reason="忘记密码")
    assert User.objects.get(pk=gudong.pk).check_password(password)
    record = _last(gudong)
    assert record.history_change_reason == "重置密码：忘记密码" and record.history_user == office
    assert not hasattr(record, "password")  # the hash is never copied into the history


# -- pairings ------------------------------------------------------------------------------------

def test_pairing_created_edited_and_ended(offices, work, registry):
    units = work["units"]
    longde_region = registry["regions"]["city"]
    pairing = services.do_create_pairing(offices["gulou"], helper=units["鼓楼区"], helped=units["区教育局"],
                                         level=Pairing.Level.COUNTY, programme=Programme.EAST_WEST,
                                         role=Pairing.Role.LEAD, start_year=2021)
    services.do_update_pairing(offices["gulou"], pairing, end_year=2025, reason="协议到期")
    pairing.refresh_from_db()
    assert pairing.end_year == 2025 and _last(pairing).history_change_reason == "协议到期"
    with pytest.raises(RegistryError, match="截止年度（2020）不能早于起始年度（2021）"):
        services.do_update_pairing(offices["gulou"], pairing, end_year=2020)
    with pytest.raises(PermissionDenied):
        services.do_update_pairing(offices["cangshan"], pairing, end_year=2030)
    with pytest.raises(RegistryError, match="帮扶方不在本办公室可选的单位中"):
        services.do_create_pairing(offices["cangshan"], helper=units["鼓楼区"], helped=units["区教育局"],
                                   level=Pairing.Level.COUNTY, programme=Programme.EAST_WEST, start_year=2021)
    assert longde_region  # the city exists; the paired side beyond the office is tested on the pages


# -- schedule ------------------------------------------------------------------------------------

def test_schedule_months_without_reports_open_no_cycle(offices, work):
    plan = work["plan"]
    schedule = services.do_update_schedule(offices["gulou"], plan, due_day=20, starts_on=datetime.date(2026, 1, 1),
                                           skipped_months=[2, 12], evidence_policy=ReportingSchedule.EvidencePolicy.ALL,
                                           reason="春节和年终考核月不报")
    assert schedule.skipped_months == [2, 12] and _last(schedule).history_change_reason == "春节和年终考核月不报"
    plan.cycles.all().delete()
    open_cycles(datetime.date(2026, 12, 10), [plan])
    labels = set(plan.cycles.values_list("label", flat=True))
    assert "2026年1月" in labels and "2026年3月" in labels
    assert "2026年2月" not in labels and "2026年12月" not in labels
    assert plan.cycles.get(label="2026年3月").due_on.day == 20
    with pytest.raises(RegistryError, match="1—12"):
        services.do_update_schedule(offices["gulou"], plan, skipped_months=[13])
    with pytest.raises(RegistryError, match="全年"):
        services.do_update_schedule(offices["gulou"], plan, skipped_months=list(range(1, 13)))
    with pytest.raises(PermissionDenied):
        services.do_update_schedule(offices["cangshan"], plan, due_day=10)


def test_evidence_rule_set_and_cleared(offices, work):
    task = work["task"]
    rule = services.do_set_evidence_rule(offices["gulou"], task, True, reason="需要照片")
    assert rule.required and _last(rule).history_change_reason == "需要照片"
    assert services.do_set_evidence_rule(offices["gulou"], task, None) is None
    assert not EvidenceRule.objects.filter(task=task).exists()
    assert EvidenceRule.history.filter(task_id=task.pk, history_type="-").exists()
    with pytest.raises(PermissionDenied):
        services.do_set_evidence_rule(offices["cangshan"], task, False)


def test_reports_count_untouched(work):
    assert ProgressReport.objects.filter(cycle=work["cycle"]).count() == 4


def test_town_pairing_inside_a_partner_county_picks_its_towns(offices, work, registry):
    """鼓楼区 pairs with 隆德县; a street of 鼓楼区 may then pair with a town of 隆德县, which the
    office picks but cannot change; a town of a county it does not pair with is refused."""
    from orgs.models import Region
    units = work["units"]
    ningxia = Region.objects.create(name="宁夏回族自治区", level=Region.Level.PROVINCE)
    guyuan = Region.objects.create(name="固原市", level=Region.Level.CITY, parent=ningxia)
    longde = Region.objects.create(name="隆德县", level=Region.Level.COUNTY, parent=guyuan)
    xiji = Region.objects.create(name="西吉县", level=Region.Level.COUNTY, parent=guyuan)
    county = Unit.objects.create(name="隆德县", kind=Unit.Kind.PARTY_GOVERNMENT, region=longde)
    town = Unit.objects.create(name="城关镇", kind=Unit.Kind.TOWN,
                               region=Region.objects.create(name="城关镇", level=Region.Level.TOWN, parent=longde))
    far = Unit.objects.create(name="吉强镇", kind=Unit.Kind.TOWN,
                              region=Region.objects.create(name="吉强镇", level=Region.Level.TOWN, parent=xiji))
    Pairing.objects.create(helper=units["鼓楼区"], helped=county, level=Pairing.Level.COUNTY,
                           programme=Programme.EAST_WEST, start_year=2021)
    pairing = services.do_create_pairing(offices["gulou"], helper=units["鼓东街道"], helped=town,
                                         level=Pairing.Level.TOWN, programme=Programme.EAST_WEST, start_year=2022)
    assert pairing.helped == town
    with pytest.raises(RegistryError, match="受援方不在本办公室可选的单位中"):
        services.do_create_pairing(offices["gulou"], helper=units["鼓西街道"], helped=far,
                                   level=Pairing.Level.TOWN, programme=Programme.EAST_WEST, start_year=2022)
    with pytest.raises(PermissionDenied):
        services.do_update_unit(offices["gulou"], town, name="城关镇2", kind=Unit.Kind.TOWN, region=town.region)
