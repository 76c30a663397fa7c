"""build_scheme_from_plan: items per task × assessed unit, sheets, refusals, all in one transaction."""

from decimal import Decimal

import pytest

from assessment.errors import AssessmentError
from assessment.models import Category, Item, ItemScore, Scheme, ScoreSheet
from assessment.queries import rank_within_kinds, score_table
from assessment.services import build_scheme_from_plan
from plans.models import Task


def test_items_go_to_lead_partners_and_group_members(scored):
    office = scored["people"]["office"]
    scheme = build_scheme_from_plan(scored["plan"], 2026, office)
    units = [s.unit.name for s in scheme.sheets.select_related("unit")]
    # The lead, then 三街镇 as its three streets, each once (鼓东街道 also leads task 2).
    assert units == ["区民政局", "鼓东街道", "鼓西街道", "洪山镇"]
    items = {(i.task.ref, i.unit.name): i for i in scheme.items.select_related("task", "unit")}
    assert set(items) == {("1", "区民政局"), ("1", "鼓东街道"), ("1", "鼓西街道"), ("1", "洪山镇"), ("2", "鼓东街道")}
    first = items[("1", "洪山镇")]
    assert first.max_points == Decimal(60) and first.requirement == "提供资金拨付凭证。"
    assert first.category.name == "资金支持" and first.kind == Item.Kind.NORMAL and first.rule == Item.Rule.MANUAL
    assert scheme.office == scored["plan"].office and scheme.state == Scheme.State.DRAFT
    assert [c.name for c in scheme.categories.all()] == ["资金支持", "宣传"]
    full = {row.unit.name: row.full_marks for row in score_table(scheme).rows}
    assert full == {"区民政局": 60, "鼓东街道": 100, "鼓西街道": 60, "洪山镇": 60}


def test_refusals_write_nothing(scored):
    office, plan = scored["people"]["office"], scored["plan"]
    with pytest.raises(AssessmentError, match="考核年度2025年不在方案的年度（2026年）内"):
        build_scheme_from_plan(plan, 2025, office)
    build_scheme_from_plan(plan, 2026, office)
    with pytest.raises(AssessmentError, match="2026年度考核方案已经生成"):
        build_scheme_from_plan(plan, 2026, office)
    assert Scheme.objects.count() == 1 and Item.history.count() == 5


def test_a_scored_task_without_units_is_named(scored):
    Task.objects.create(plan=scored["plan"], ref="4", position=4, text="无人负责。", score=Decimal(5))
    with pytest.raises(AssessmentError, match="没有责任单位，无法确定被考核单位：第4项"):
        build_scheme_from_plan(scored["plan"], 2026, scored["people"]["office"])
    assert not Scheme.objects.exists() and not Category.objects.exists()


def test_a_plan_without_scores_is_refused(work):
    with pytest.raises(AssessmentError, match="没有写明分值的任务"):
        build_scheme_from_plan(work["plan"], 2026, work["people"]["office"])


def test_a_multi_year_plan_is_assessed_year_by_year(scored):
    plan = scored["plan"]
    plan.year, plan.end_year = 2024, 2026
    plan.save()
    office = scored["people"]["office"]
    assert {build_scheme_from_plan(plan, year, office).year for year in (2024, 2025, 2026)} == {2024, 2025, 2026}
    assert ScoreSheet.objects.filter(scheme__plan=plan).count() == 12


def test_totals_and_ranks_within_kinds(scored):
    scheme = build_scheme_from_plan(scored["plan"], 2026, scored["people"]["office"])
    sheets = {s.unit.name: s for s in scheme.sheets.select_related("unit")}
    items = {(i.task.ref, i.unit.name): i for i in scheme.items.select_related("task", "unit")}

    def give(unit, ref, score, self_score=None):
        ItemScore.objects.create(sheet=sheets[unit], item=items[(ref, unit)], score=Decimal(score),
                                 self_score=None if self_score is None else Decimal(self_score))

    give("鼓东街道", "1", 50, 60)
    table = {r.unit.name: r for r in score_table(scheme).rows}
    # Partly scored: no total, no rank (never a silent 0 for the item nobody scored).
    assert table["鼓东街道"].total is None and table["鼓东街道"].rank is None
    give("鼓东街道", "2", 40)
    give("鼓西街道", "1", 60)
    give("洪山镇", "1", 55)
    give("区民政局", "1", 30)
    table = {r.unit.name: r for r in score_table(scheme).rows}
    assert table["鼓东街道"].total == 90 and table["鼓东街道"].self_total is None
    # Streets ranked among streets, the department alone among departments.
    assert {n: r.rank for n, r in table.items()} == {"鼓东街道": 1, "鼓西街道": 2, "洪山镇": 3, "区民政局": 1}


def test_ties_share_a_rank_and_the_next_skips(scored):
    scheme = build_scheme_from_plan(scored["plan"], 2026, scored["people"]["office"])
    rows = score_table(scheme).rows
    streets = [r for r in rows if r.unit.kind == "town"]
    for row, total in zip(streets, (98, 100, 98)):
        for cell in row.cells.values():
            cell.score = Decimal(total) if cell.item.task.ref == "1" else Decimal(0)
    rank_within_kinds(rows)
    assert sorted((r.total, r.rank) for r in streets) == [(98, 2), (98, 2), (100, 1)]
    streets[0].cells[next(iter(streets[0].cells))].score = Decimal(95)
    rank_within_kinds(rows)
    assert sorted((r.total, r.rank) for r in streets) == [(95, 3), (98, 2), (100, 1)]
