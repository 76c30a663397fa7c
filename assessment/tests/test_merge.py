"""Merging two units (registry.merge) carries their assessment over: score sheets and the items
they answer for or score move to the kept unit; two sheets in one scheme refuse the merge."""

import pytest

from assessment.models import Item, ScoreSheet
from orgs.models import Unit
from registry.merge import do_merge_units
from registry.services import RegistryError
from reporting.models import ProgressReport


def test_a_units_sheet_and_items_move_to_the_kept_unit(scheme):
    office, units = scheme["people"]["office"], scheme["units"]
    gudong = units["鼓东街道"]
    twin = Unit.objects.create(name="鼓东街道办事处", kind=gudong.kind, region=gudong.region, parent=gudong.parent)
    sheet = scheme["sheets"]["鼓东街道"]
    items = set(Item.objects.filter(unit=gudong).values_list("pk", flat=True))
    assert items
    do_merge_units(office, twin, gudong, reason="同一单位重复录入")
    sheet.refresh_from_db()
    assert sheet.unit == twin
    assert set(Item.objects.filter(unit=twin).values_list("pk", flat=True)) == items
    assert not Unit.objects.filter(pk=gudong.pk).exists()


def test_two_sheets_in_one_scheme_refuse_the_merge(scheme):
    office, units = scheme["people"]["office"], scheme["units"]
    both = [name for name in ("鼓东街道", "鼓西街道", "洪山镇") if name in scheme["sheets"]]
    assert len(both) >= 2, both
    keep, other = units[both[0]], units[both[1]]
    ProgressReport.objects.filter(unit=other).delete()  # their monthly reports would clash first
    with pytest.raises(RegistryError, match="在同一考核方案中各有一份考核评分表（2026年度考核）"):
        do_merge_units(office, keep, other, reason="同一单位重复录入")
    assert ScoreSheet.objects.filter(unit=other).exists()
