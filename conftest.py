"""Shared test fixtures: a small registry built in code, and named people."""

import pytest

from orgs.models import GroupMembership, Region, Unit, UnitAlias


@pytest.fixture
def registry(db):
    """A city, one district with departments and streets, a group and an alias."""
    province = Region.objects.create(name="福建省", level=Region.Level.PROVINCE)
    city = Region.objects.create(name="福州市", level=Region.Level.CITY, parent=province)
    gulou = Region.objects.create(name="鼓楼区", level=Region.Level.COUNTY, parent=city)
    cangshan = Region.objects.create(name="仓山区", level=Region.Level.COUNTY, parent=city)
    streets = [
        Region.objects.create(name=name, level=Region.Level.TOWN, parent=gulou)
        for name in ("鼓东街道", "鼓西街道", "洪山镇")
    ]
    units = {
        "鼓楼区": Unit.objects.create(name="鼓楼区", kind=Unit.Kind.PARTY_GOVERNMENT, region=gulou),
        "区民政局": Unit.objects.create(name="区民政局", kind=Unit.Kind.DEPARTMENT, region=gulou),
        "区教育局": Unit.objects.create(name="区教育局", kind=Unit.Kind.DEPARTMENT, region=gulou),
        "仓山区民政局": Unit.objects.create(name="区民政局", kind=Unit.Kind.DEPARTMENT, region=cangshan),
    }
    for street in streets:
        units[street.name] = Unit.objects.create(name=street.name, kind=Unit.Kind.TOWN, region=street)
    group = Unit.objects.create(name="三街镇", kind=Unit.Kind.TOWN, region=gulou, is_group=True)
    for position, street in enumerate(streets):
        GroupMembership.objects.create(group=group, member=units[street.name], position=position)
    units["三街镇"] = group
    UnitAlias.objects.create(unit=units["区民政局"], name="区乡村振兴局", note="挂牌")
    UnitAlias.objects.create(unit=units["鼓楼区"], name="鼓楼区区委、政府")
    return {"regions": {"city": city, "gulou": gulou, "cangshan": cangshan}, "units": units}
