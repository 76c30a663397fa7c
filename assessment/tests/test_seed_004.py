"""Seed 004 (市中区's 工作清单 with 分值 and 考核要求) imported and assessed: 23 units, each
unit's items adding up to its 满分, and the score table before any scoring."""

import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from assessment.models import Item, Scheme, ScoreSheet
from assessment.services import build_scheme_from_plan
from conftest import shared_path
from orgs.models import Region, Unit
from plans.models import Plan

SEED = "seeds/004_42fd17668e8e6800.txt"
TOWNS = ["齐村镇", "孟庄镇", "税郭镇", "西王庄镇", "永安市", "光明路街道"]


@pytest.fixture
def seed_plan(db, django_user_model):
    source = shared_path(SEED)
    shandong = Region.objects.create(name="山东省", level=Region.Level.PROVINCE)
    zaozhuang = Region.objects.create(name="枣庄市", level=Region.Level.CITY, parent=shandong)
    shizhong = Region.objects.create(name="市中区", level=Region.Level.COUNTY, parent=zaozhuang)
    office = Unit.objects.create(name="区协作办", kind=Unit.Kind.WORKING_GROUP, region=shizhong)
    call_command("import_plan", str(source), "--scope", "市中区", "--create-units", "--yes", "--state", "active",
                 stdout=io.StringIO(), stderr=io.StringIO())
    plan = Plan.objects.get(doc_number="市中乡振发〔2022〕11号")
    plan.office = office
    plan.save()
    user = django_user_model.objects.create(username="shizhong_office", name="区协作办", unit=office)
    return plan, user


def test_seed_004_gives_23_units_with_their_items(seed_plan):
    plan, user = seed_plan
    scheme = build_scheme_from_plan(plan, 2022, user)
    sheets = list(scheme.sheets.select_related("unit"))
    assert len(sheets) == 23 and scheme.items.count() == 44
    full = {s.unit.name: sum(i.max_points for i in scheme.items.filter(unit=s.unit)) for s in sheets}
    points = {s.unit.name: [i.max_points for i in scheme.items.filter(unit=s.unit)] for s in sheets}
    assert points["乡村振兴局"] == [Decimal(50), Decimal(50)]
    for town in TOWNS:
        assert points[town] == [Decimal(25)] * 4, town
    # As printed: 教育和体育局's one item is worth 50 (gold NOTES: every other unit totals 100;
    # the checks' score_total reports it). The scheme keeps the document, the page flags it.
    assert full.pop("教育和体育局") == Decimal(50)
    assert set(full.values()) == {Decimal(100)} and len(full) == 22
    assert sum(i.max_points for i in scheme.items.all()) == Decimal(2250)
    organisation = scheme.items.get(unit__name="组织部")
    assert organisation.requirement.startswith("提供党政干部挂职交流文件及人员信息")
    assert scheme.items.get(unit__name="齐村镇", ref="18.2").requirement == "提供我区接收方盖章的款物明细或台账。"
    # Audited: every row built has its history row naming who built it and why.
    assert Scheme.history.get().history_user == user
    assert Item.history.filter(history_user=user, history_change_reason="由方案的分值和考核要求生成").count() == 44
    assert ScoreSheet.history.filter(history_user=user).count() == 23


def test_export_scores_before_any_scoring(seed_plan, tmp_path):
    plan, user = seed_plan
    with pytest.raises(CommandError, match="还没有2022年度的考核方案"):
        call_command("export_scores", str(plan.pk), "--year", "2022", "--xlsx", str(tmp_path / "x.xlsx"))
    build_scheme_from_plan(plan, 2022, user)
    target = tmp_path / "成绩表.xlsx"
    out = io.StringIO()
    call_command("export_scores", plan.doc_number, "--xlsx", str(target), stdout=out)
    assert "23 个单位，44 个考核项目，已完成评分 0 个单位" in out.getvalue()

    sheet = load_workbook(target).active
    headers = [c.value for c in sheet[2]]
    total_column = headers.index("满分合计") + 1
    rows = {sheet.cell(row=r, column=2).value: r for r in range(4, sheet.max_row + 1)}
    assert len(rows) == 23
    for name, r in rows.items():
        expected = 50 if name == "教育和体育局" else 100
        assert sheet.cell(row=r, column=total_column).value == expected, name
        # 自评合计, 得分, 排名, 等次: empty before any scoring.
        assert [sheet.cell(row=r, column=total_column + k).value for k in range(1, 5)] == [None] * 4, name
    # Each item's 满分 / 自评 / 得分 under its heading: 乡村振兴局's first item, 50 and two empty cells.
    first = headers.index(next(h for h in headers if h and h.startswith("1.1 "))) + 1
    assert [c.value for c in sheet[3]][first - 1:first + 2] == ["满分", "自评", "得分"]
    r = rows["乡村振兴局"]
    assert [sheet.cell(row=r, column=first + k).value for k in range(3)] == [50, None, None]
    # A unit does not answer for another's item: that cell stays blank.
    assert sheet.cell(row=rows["齐村镇"], column=first).value is None
