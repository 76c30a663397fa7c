"""Pairings of 鼓楼区 with 隆德县 (county) and of 洪山镇 with 沙塘镇 (towns), on reporting's `work`."""

import pytest

from accounts.roles import Role
from orgs.models import Pairing, Programme, Region, Unit
from reporting.tests.conftest import person, work  # noqa: F401 (fixtures)


@pytest.fixture
def paired(work):  # noqa: F811
    units = work["units"]
    ningxia = Region.objects.create(name="宁夏回族自治区", level=Region.Level.PROVINCE)
    guyuan = Region.objects.create(name="固原市", level=Region.Level.CITY, parent=ningxia)
    longde = Region.objects.create(name="隆德县", level=Region.Level.COUNTY, parent=guyuan)
    shatang = Region.objects.create(name="沙塘镇", level=Region.Level.TOWN, parent=longde)
    longde_unit = Unit.objects.create(name="隆德县", kind=Unit.Kind.PARTY_GOVERNMENT, region=longde)
    shatang_unit = Unit.objects.create(name="沙塘镇", kind=Unit.Kind.TOWN, region=shatang)
    county = Pairing.objects.create(helper=units["鼓楼区"], helped=longde_unit, level=Pairing.Level.COUNTY,
                                    programme=Programme.EAST_WEST, start_year=2021)
    towns = Pairing.objects.create(helper=units["洪山镇"], helped=shatang_unit, level=Pairing.Level.TOWN,
                                   programme=Programme.EAST_WEST, start_year=2025)
    return {"county": county, "towns": towns, "shatang": shatang_unit, "longde": longde_unit,
            "hongshan": person("hongshan", units["洪山镇"], Role.REPORTER),
            "shatang_reporter": person("shatang", shatang_unit, Role.REPORTER)}
