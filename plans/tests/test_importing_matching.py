"""Matching printed unit names against a registry built here."""

import pytest

from orgs.models import Region, Unit, UnitAlias
from plans.importing.matching import (
    Status, government_stem, guess_kind, match_unit, match_units, printed_unit_names, proposed_name,
)


@pytest.fixture
def minhou(registry):
    """闽侯县 beside 鼓楼区, as in the real registry, with one printed form as an alias."""
    region = Region.objects.create(name="闽侯县", level=Region.Level.COUNTY, parent=registry["regions"]["city"])
    unit = Unit.objects.create(name="闽侯县", kind=Unit.Kind.PARTY_GOVERNMENT, region=region)
    UnitAlias.objects.create(unit=unit, name="闽侯县委、政府")
    return unit


def test_exact_name_in_scope(registry):
    match = match_unit("区民政局", registry["regions"]["gulou"])
    assert match.status == Status.EXACT
    assert match.unit == registry["units"]["区民政局"]  # 鼓楼区's, not 仓山区's bureau of the same name


def test_alias_and_printed_spacing(registry):
    match = match_unit("区乡村 振兴局", registry["regions"]["gulou"])
    assert (match.status, match.unit) == (Status.ALIAS, registry["units"]["区民政局"])


def test_misprinted_county_is_offered_not_chosen(registry, minhou):
    for scope in (registry["regions"]["city"], registry["regions"]["gulou"]):
        match = match_unit("闽侯区委、政府", scope)
        assert match.status == Status.CLOSE
        assert match.unit is None
        assert match.candidates[0] == minhou


@pytest.mark.parametrize("printed", ["福清市区委、政府", "晋安区区党工委、政府", "鼓楼区区委、政府", "马尾区党委、政府", "闽侯县委、政府"])
def test_government_suffixes_are_stripped_to_the_place(printed):
    assert government_stem(printed) == printed[:2]


def test_neighbouring_county_found_from_a_district_scope(registry, minhou):
    """A 鼓楼区 document sets quotas for 闽侯县: found as the 党委政府 next door."""
    match = match_unit("闽侯县", registry["regions"]["gulou"])
    assert (match.status, match.unit) == (Status.EXACT, minhou)
    assert match_unit("闽侯县委、政府", registry["regions"]["gulou"]).status == Status.ALIAS


def test_neighbours_departments_are_not_borrowed(registry):
    cangshan_only = Unit.objects.create(name="区商务局", kind=Unit.Kind.DEPARTMENT, region=registry["regions"]["cangshan"])
    match = match_unit("区商务局", registry["regions"]["gulou"])
    assert match.unit is None and cangshan_only not in match.candidates


def test_same_name_in_two_districts_is_ambiguous_from_the_city(registry):
    match = match_unit("区民政局", registry["regions"]["city"])
    assert match.status == Status.AMBIGUOUS
    assert set(match.candidates) == {registry["units"]["区民政局"], registry["units"]["仓山区民政局"]}


def test_city_bureau_is_not_offered_a_district_bureau(registry):
    """市民政局 and 区民政局 differ by one character but are different bureaus."""
    match = match_unit("市民政局", registry["regions"]["gulou"])
    assert match.status == Status.UNKNOWN


@pytest.mark.parametrize(("printed", "kind", "name"), [
    ("安泰街道", Unit.Kind.TOWN, "安泰街道"),
    ("白沙镇", Unit.Kind.TOWN, "白沙镇"),
    ("区委统战部", Unit.Kind.DEPARTMENT, "区委统战部"),
    ("区数字办", Unit.Kind.DEPARTMENT, "区数字办"),
    ("区文旅投公司", Unit.Kind.ENTERPRISE, "区文旅投公司"),
    ("鼓楼区医院", Unit.Kind.HOSPITAL, "鼓楼区医院"),
    ("鼓楼实验小学", Unit.Kind.SCHOOL, "鼓楼实验小学"),
    ("前方工作组", Unit.Kind.WORKING_GROUP, "前方工作组"),
    ("洪山镇梅峰经合社", Unit.Kind.COOPERATIVE, "洪山镇梅峰经合社"),
    ("区妇联", Unit.Kind.MASS_ORGANIZATION, "区妇联"),
    ("团委", Unit.Kind.MASS_ORGANIZATION, "团委"),
    ("连江县县委、政府", Unit.Kind.PARTY_GOVERNMENT, "连江县"),
    ("西吉县", Unit.Kind.PARTY_GOVERNMENT, "西吉县"),
    ("福州日报社", Unit.Kind.OTHER, "福州日报社"),
])
def test_unknown_units_are_proposed_with_a_kind(registry, printed, kind, name):
    match = match_unit(printed, registry["regions"]["gulou"])
    assert match.status == Status.UNKNOWN
    assert (match.proposed_kind, match.proposed_name) == (kind, name)
    assert guess_kind(printed) == kind and proposed_name(printed) == name


def test_printed_names_in_first_seen_order_without_repeats():
    plan_json = {"plan": {}, "tasks": [
        {"ref": "1", "lead_units": ["区民政局", "区教育局"], "partner_units": ["区民政局"], "targets": []},
        {"ref": "2", "lead_units": [], "partner_units": ["十街镇"],
         "targets": [{"assignee": "鼓东街道"}, {"assignee": None}, {"assignee": "区教育局"}]},
    ]}
    assert printed_unit_names(plan_json) == ["区民政局", "区教育局", "十街镇", "鼓东街道"]


def test_matching_never_creates_units(registry, minhou):
    before = Unit.objects.count()
    matches = match_units(["区民政局", "闽侯区委、政府", "区委统战部", "区民政局"], registry["regions"]["gulou"])
    assert [m.status for m in matches.values()] == [Status.EXACT, Status.CLOSE, Status.UNKNOWN]
    assert Unit.objects.count() == before
