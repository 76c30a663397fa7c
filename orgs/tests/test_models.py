import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from orgs.models import Pairing, Programme, Region, Unit


def test_region_must_be_deeper_than_its_parent(registry):
    bad = Region(name="某区", level=Region.Level.CITY, parent=registry["regions"]["gulou"])
    with pytest.raises(ValidationError, match="层级"):
        bad.full_clean()


def test_region_full_name_joins_lineage(registry):
    assert registry["regions"]["gulou"].full_name == "福建省福州市鼓楼区"


def test_unit_name_unique_within_region(registry):
    with pytest.raises(IntegrityError), transaction.atomic():
        Unit.objects.create(name="区教育局", kind=Unit.Kind.DEPARTMENT, region=registry["regions"]["gulou"])


def _pairing(helper, helped, **kwargs):
    defaults = dict(level=Pairing.Level.COUNTY, programme=Programme.EAST_WEST, start_year=2021)
    return Pairing.objects.create(helper=helper, helped=helped, **{**defaults, **kwargs})


def test_unit_cannot_pair_with_itself(registry):
    unit = registry["units"]["鼓楼区"]
    with pytest.raises(IntegrityError), transaction.atomic():
        _pairing(unit, unit)


def test_pairing_years_must_be_ordered(registry):
    with pytest.raises(IntegrityError), transaction.atomic():
        _pairing(registry["units"]["鼓楼区"], registry["units"]["鼓东街道"], start_year=2024, end_year=2023)


def test_active_in_year_honours_open_and_closed_ranges(registry):
    units = registry["units"]
    ongoing = _pairing(units["鼓楼区"], units["鼓东街道"], start_year=2021)
    ended = _pairing(units["区民政局"], units["鼓西街道"], start_year=2021, end_year=2023)
    future = _pairing(units["区教育局"], units["洪山镇"], start_year=2027)
    assert set(Pairing.objects.active_in(2022)) == {ongoing, ended}
    assert set(Pairing.objects.active_in(2026)) == {ongoing}
    assert future not in Pairing.objects.active_in(2026)


def test_lead_and_partner_helpers_for_one_helped_county(registry):
    units = registry["units"]
    helped = units["洪山镇"]
    _pairing(units["鼓楼区"], helped, role=Pairing.Role.LEAD)
    _pairing(units["区民政局"], helped, role=Pairing.Role.PARTNER)
    helpers = Pairing.objects.filter(helped=helped).order_by("role")
    assert [(p.helper.name, p.role) for p in helpers] == [("鼓楼区", "lead"), ("区民政局", "partner")]
