import pytest

from orgs.models import Unit, UnitAlias
from orgs.names import normalize_name
from orgs.services import resolve_unit


def test_normalize_folds_full_width_brackets_and_extraction_spaces():
    assert normalize_name(" 区民政局 （区乡村振兴局） ") == "区民政局(区乡村振兴局)"
    assert normalize_name("鼓 楼 区\u3000委") == "鼓楼区委"


def test_exact_name_resolves(registry):
    result = resolve_unit("区教育局", scope=registry["regions"]["gulou"])
    assert result.unit == registry["units"]["区教育局"]
    assert result.matched_by == "name"


def test_alias_resolves_to_the_unit_it_names(registry):
    result = resolve_unit("区乡村振兴局", scope=registry["regions"]["gulou"])
    assert result.unit == registry["units"]["区民政局"]
    assert result.matched_by == "alias"


def test_alias_with_printed_spacing_resolves(registry):
    result = resolve_unit("鼓楼区 区委、政府")
    assert result.unit == registry["units"]["鼓楼区"]


def test_scope_picks_the_district_own_bureau(registry):
    in_gulou = resolve_unit("区民政局", scope=registry["regions"]["gulou"])
    in_cangshan = resolve_unit("区民政局", scope=registry["regions"]["cangshan"])
    assert in_gulou.unit == registry["units"]["区民政局"]
    assert in_cangshan.unit == registry["units"]["仓山区民政局"]


def test_same_name_in_two_districts_without_scope_is_ambiguous(registry):
    result = resolve_unit("区民政局")
    assert result.unit is None
    assert result.is_ambiguous
    assert set(result.candidates) == {registry["units"]["区民政局"], registry["units"]["仓山区民政局"]}


def test_city_scope_sees_units_of_its_districts_and_streets(registry):
    result = resolve_unit("鼓东街道", scope=registry["regions"]["city"])
    assert result.unit == registry["units"]["鼓东街道"]


def test_unknown_name_is_not_matched(registry):
    result = resolve_unit("区民宗局", scope=registry["regions"]["gulou"])
    assert result.unit is None and result.candidates == []


def test_inactive_unit_is_not_matched(registry):
    Unit.objects.filter(pk=registry["units"]["区教育局"].pk).update(is_active=False)
    assert resolve_unit("区教育局", scope=registry["regions"]["gulou"]).unit is None


def test_alias_equal_to_unit_name_is_rejected(registry):
    alias = UnitAlias(unit=registry["units"]["区教育局"], name="区教育局")
    with pytest.raises(Exception, match="别名与单位名称相同"):
        alias.full_clean()
