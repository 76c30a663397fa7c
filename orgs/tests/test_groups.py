from orgs.models import GroupMembership, Unit
from orgs.services import expand_group


def test_group_expands_to_members_in_printed_order(registry):
    members = expand_group(registry["units"]["三街镇"])
    assert [u.name for u in members] == ["鼓东街道", "鼓西街道", "洪山镇"]


def test_plain_unit_stands_for_itself(registry):
    assert expand_group(registry["units"]["区教育局"]) == [registry["units"]["区教育局"]]


def test_nested_groups_expand_to_leaf_units_once(registry):
    units = registry["units"]
    outer = Unit.objects.create(name="全区", kind=Unit.Kind.OTHER, region=units["鼓楼区"].region, is_group=True)
    GroupMembership.objects.create(group=outer, member=units["区教育局"], position=0)
    GroupMembership.objects.create(group=outer, member=units["三街镇"], position=1)
    GroupMembership.objects.create(group=outer, member=units["鼓东街道"], position=2)  # also inside 三街镇
    assert [u.name for u in expand_group(outer)] == ["区教育局", "鼓东街道", "鼓西街道", "洪山镇"]


def test_group_cycle_is_cut_not_followed_forever(registry):
    units = registry["units"]
    other = Unit.objects.create(name="另一组", kind=Unit.Kind.OTHER, region=units["鼓楼区"].region, is_group=True)
    GroupMembership.objects.create(group=other, member=units["三街镇"])
    GroupMembership.objects.create(group=units["三街镇"], member=other, position=9)
    assert [u.name for u in expand_group(other)] == ["鼓东街道", "鼓西街道", "洪山镇"]
