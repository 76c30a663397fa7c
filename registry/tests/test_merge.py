"""Merging two units that are the same: everything moves to the one kept, in one transaction."""

import pytest
from django.core.exceptions import PermissionDenied

from accounts.models import User
from orgs.models import GroupMembership, Pairing, Programme, Unit, UnitAlias
from plans.models import Assignment, Target
from registry.merge import do_merge_units
from registry.services import RegistryError
from reporting.models import ProgressReport
from reporting.tests.conftest import person
from accounts.roles import Role


@pytest.fixture
def duplicate(work):
    """洪山街道: 洪山镇 entered a second time, with a user, an alias, a target, a pairing, a
    membership, and a report of a task 洪山镇 has none for."""
    units = work["units"]
    dup = Unit.objects.create(name="洪山街道", kind=Unit.Kind.TOWN, region=units["洪山镇"].region)
    UnitAlias.objects.create(unit=dup, name="洪山")
    group = Unit.objects.create(name="西片街镇", kind=Unit.Kind.TOWN, region=units["鼓楼区"].region, is_group=True)
    GroupMembership.objects.create(group=group, member=dup)
    GroupMembership.objects.create(group=group, member=units["鼓西街道"], position=1)
    other_task = work["plan"].tasks.create(ref="2", position=2, text="开展消费帮扶。")
    Assignment.objects.create(task=other_task, unit=dup, role=Assignment.Role.LEAD)
    Target.objects.create(task=other_task, metric="消费帮扶金额", quantity=5, unit="万元", assignee=dup)
    ProgressReport.objects.create(cycle=work["cycle"], unit=dup, task=other_task)
    Pairing.objects.create(helper=dup, helped=units["区教育局"], level=Pairing.Level.TOWN,
                           programme=Programme.EAST_WEST, start_year=2022)
    return {"unit": dup, "user": person("hs2", dup, Role.REPORTER), "group": group, "task": other_task}


def test_merge_moves_everything_keeps_the_name_as_alias_and_records_who(offices, work, duplicate):
    keep, dup = work["units"]["洪山镇"], duplicate["unit"]
    do_merge_units(offices["gulou"], keep, dup, reason="重复录入")
    assert not Unit.objects.filter(pk=dup.pk).exists()
    assert set(keep.aliases.values_list("name", flat=True)) >= {"洪山街道", "洪山"}
    assert User.objects.get(pk=duplicate["user"].pk).unit == keep
    assert Assignment.objects.get(task=duplicate["task"]).unit == keep
    assert Target.objects.get(task=duplicate["task"]).assignee == keep
    assert ProgressReport.objects.filter(task=duplicate["task"], unit=keep).count() == 1
    assert list(duplicate["group"].memberships.values_list("member__name", flat=True)) == ["洪山镇", "鼓西街道"]
    assert Pairing.objects.get(helped=work["units"]["区教育局"]).helper == keep
    moved = User.history.filter(id=duplicate["user"].pk).order_by("-history_id").first()
    assert moved.history_user == offices["gulou"]
    assert moved.history_change_reason == "合并单位：“洪山街道”并入“洪山镇”；重复录入"
    gone = Unit.history.filter(id=dup.pk, history_type="-").get()
    assert gone.history_change_reason.startswith("合并单位") and gone.history_user == offices["gulou"]


def test_merge_refused_when_both_have_a_report_for_the_same_task_and_month(offices, work, duplicate):
    keep, dup = work["units"]["洪山镇"], duplicate["unit"]
    ProgressReport.objects.create(cycle=work["cycle"], unit=keep, task=duplicate["task"])
    with pytest.raises(RegistryError) as error:
        do_merge_units(offices["gulou"], keep, dup, reason="重复录入")
    assert "《2026年测试方案》第2项 2026年11月" in error.value.message
    assert "“洪山镇”和“洪山街道”对同一任务同一月份都有报告" in error.value.message
    # nothing moved
    assert Unit.objects.filter(pk=dup.pk).exists()
    assert User.objects.get(pk=duplicate["user"].pk).unit == dup


def test_merge_needs_a_reason_and_both_units_in_scope(offices, work, duplicate):
    keep, dup = work["units"]["洪山镇"], duplicate["unit"]
    with pytest.raises(RegistryError, match="修改原因"):
        do_merge_units(offices["gulou"], keep, dup, reason=" ")
    with pytest.raises(PermissionDenied):
        do_merge_units(offices["cangshan"], keep, dup, reason="重复")
    with pytest.raises(PermissionDenied):
        do_merge_units(offices["gulou"], work["units"]["仓山区民政局"], work["units"]["区民政局"], reason="重复")
    with pytest.raises(RegistryError, match="集合单位"):
        do_merge_units(offices["gulou"], duplicate["group"], dup, reason="重复")
