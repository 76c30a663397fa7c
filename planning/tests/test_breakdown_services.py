"""预分解 against the database: the rows a page starts from, the figures the fill modes read,
a group expanded, saving (one audited act), a breakdown that does not add up, and how the
checks and oversight read what was saved."""

import datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from checks.services import findings_for_plan
from oversight.snapshot import build_snapshot
from planning.breakdown_data import add_unit, with_figures
from planning.breakdown_fill import FillError, Share, fill_equally, fill_shortfall, remainder
from planning.breakdown_services import BreakdownError, do_save_breakdown
from planning.implement import default_title, do_implement_plan
from plans.breakdown import build_breakdown
from plans.models import Target
from samples.plans import STREET_FUNDS
from reporting import services as reporting
from reporting.models import ProgressReport, ReportedFigure

from planning.tests.breakdown_fixtures import city, last_year, last_year_result  # noqa: F401  (fixtures)

DEPARTMENTS = [("区发改局", "4"), ("区工商联", "5"), ("区妇联", "3"), ("区侨联", "6"), ("区科协", "2"), ("软件园", "25")]
SHORTFALL_SUM = sum((D(c or 0) for _, c, _ in STREET_FUNDS), D(0))  # 144.06


@pytest.fixture
def funds(city):
    """The 鼓楼区 plan implementing the city plan, and its 社会帮扶资金 target (鼓楼区 300万元)."""
    office = city["people"]["office"]
    plan = do_implement_plan(office, city["upper"], title=default_title(city["upper"], office.unit))
    return plan.tasks.get(upper_task__ref="23").targets.get()


def departments_and_streets(city, funds):
    units = city["units"]
    shares = [Share(units[name].pk, name, D(q)) for name, q in DEPARTMENTS]
    shares, added = add_unit(funds, shares, units["十街镇"].pk)
    return shares, added


def test_a_group_added_is_its_members_in_order_and_a_unit_outside_the_office_is_refused(city, funds):
    shares, added = departments_and_streets(city, funds)
    assert added == [street for street, _, _ in STREET_FUNDS]
    assert [s.name for s in shares][-10:] == added and len(shares) == 16
    assert add_unit(funds, shares, city["units"]["鼓东街道"].pk)[1] == []  # already there
    foreign = city["people"]["cangshan"].unit
    with pytest.raises(FillError, match="请选择本办公室范围内的单位"):
        add_unit(funds, shares, foreign.pk)
    with pytest.raises(FillError):
        add_unit(funds, shares, city["units"]["鼓楼区"].pk)  # the district is the whole, not a share


def test_last_years_results_are_the_approved_figures_of_the_last_month(city, funds, last_year):
    shares, _ = departments_and_streets(city, funds)
    rows = {s.name: s for s in with_figures(funds, shares)}
    for street, carried, _ in STREET_FUNDS:
        assert (rows[street].last_quota, rows[street].last_result) == (D("25.5"), last_year_result(carried))
        assert rows[street].last_shortfall == D(carried or 0)
    # 区发改局's December figure awaits review: a quota but no result, so no shortfall either.
    assert (rows["区发改局"].last_quota, rows["区发改局"].last_result, rows["区发改局"].last_shortfall) == (D(4), None, None)
    assert rows["区妇联"].last_quota is None


def test_the_upper_plans_figures_for_the_districts_units_fill_their_shares(city, funds):
    upper_total = funds.upper_target
    Target.objects.create(task=upper_total.task, parent=upper_total, position=50, metric="社会帮扶资金",
                          quantity=D(40), carried_over=D(6), unit="万元", assignee=city["units"]["鼓东街道"])
    shares, _ = departments_and_streets(city, funds)
    rows = {s.name: s for s in with_figures(funds, shares)}
    assert (rows["鼓东街道"].upper_quantity, rows["鼓东街道"].upper_carried) == (D(40), D(6))
    assert rows["鼓西街道"].upper_quantity is None


def test_a_breakdown_that_adds_up_is_saved_as_parts_of_the_total_in_one_audited_act(city, funds, last_year):
    office = city["people"]["office"]
    shares, _ = departments_and_streets(city, funds)
    shares = fill_equally(with_figures(funds, shares), funds.quantity, funds.unit)
    shares, _ = fill_shortfall(shares)
    assert remainder(funds.quantity, SHORTFALL_SUM, shares) == 0
    saved = do_save_breakdown(office, funds, shares, carried_over=SHORTFALL_SUM)
    assert (saved.created, saved.updated, saved.deleted, saved.remainder) == (16, 0, 0, 0)

    funds.refresh_from_db()
    assert (funds.carried_over, funds.breakdown_reason) == (D("144.06"), "")
    parts = list(funds.parts.order_by("position"))
    assert [(p.assignee.name, p.quantity, p.carried_over) for p in parts[:7]] == [
        *[(name, D(q), None) for name, q in DEPARTMENTS], ("鼓东街道", D("25.5"), D("20.7"))]
    assert parts[-1].assignee.name == "洪山镇" and parts[-1].carried_over is None
    assert {(p.metric, p.unit, p.comparator, p.task_id, p.source_location) for p in parts} == {
        ("社会帮扶资金", "万元", "=", funds.task_id, "预分解")}
    [tree] = build_breakdown(Target.objects.filter(task=funds.task))
    assert tree.target == funds and tree.remainder == 0 and len(tree.parts) == 16
    records = Target.history.filter(task_id=funds.task_id, history_date__gte=parts[0].history.first().history_date)
    assert {(r.history_user, r.history_change_reason) for r in records} == {(office, "预分解")}
    # Nothing for the checks to say about sums or carry-over: the saved tree adds up every way.
    sums = {"breakdown_over", "breakdown_remainder", "breakdown_reason", "each_count", "shortfall_sum",
            "carry_over_breakdown", "carry_over_this_year", "carry_over_last_year"}
    assert [str(f) for f in findings_for_plan(funds.task.plan) if f.code in sums] == []


def test_not_adding_up_needs_a_reason_which_the_checks_then_show(city, funds):
    office = city["people"]["office"]
    units = city["units"]
    shares = [Share(units[name].pk, name, D(q)) for name, q in DEPARTMENTS]  # 45 of 300
    with pytest.raises(BreakdownError, match="尚有255万元未分配") as refused:
        do_save_breakdown(office, funds, shares, carried_over=None, reason="  ")
    assert refused.value.field == "reason" and not funds.parts.exists()

    do_save_breakdown(office, funds, shares, carried_over=None, reason="街道任务待区委常委会研究后下达")
    funds.refresh_from_db()
    assert funds.breakdown_reason == "街道任务待区委常委会研究后下达" and funds.parts.count() == 6
    assert funds.history.first().history_change_reason == "预分解：街道任务待区委常委会研究后下达"
    [finding] = [f for f in findings_for_plan(funds.task.plan) if f.code == "breakdown_reason"]
    assert finding.message == ("鼓楼区的社会帮扶资金300万元分解到各单位合计45万元（未分配255万元），"
                               "保存时说明的原因：街道任务待区委常委会研究后下达")
    assert (finding.ref, finding.expected, finding.found) == ("3", D(300), D(45))

    # Over-assigned is refused the same way; once it adds up the reason is cleared, the finding gone.
    with pytest.raises(BreakdownError, match="超出合计5万元"):
        do_save_breakdown(office, funds, [*shares, Share(units["鼓东街道"].pk, "鼓东街道", D(260))], carried_over=None)
    do_save_breakdown(office, funds, [*shares, Share(units["鼓东街道"].pk, "鼓东街道", D(255))], carried_over=None)
    funds.refresh_from_db()
    assert funds.breakdown_reason == ""
    assert not [f for f in findings_for_plan(funds.task.plan) if f.code == "breakdown_reason"]


def test_saving_again_updates_adds_and_removes_parts_but_never_one_with_reports(city, funds):
    office, units = city["people"]["office"], city["units"]
    first = [Share(units["鼓东街道"].pk, "鼓东街道", D(100)), Share(units["鼓西街道"].pk, "鼓西街道", D(100)),
             Share(units["温泉街道"].pk, "温泉街道", D(100))]
    do_save_breakdown(office, funds, first, carried_over=None)
    second = [Share(units["鼓东街道"].pk, "鼓东街道", D(150)), Share(units["鼓西街道"].pk, "鼓西街道", D(100)),
              Share(units["区科协"].pk, "区科协", D(50))]
    saved = do_save_breakdown(office, funds, second, carried_over=None)
    assert (saved.created, saved.updated, saved.deleted) == (1, 1, 1)
    assert [(p.assignee.name, p.quantity) for p in funds.parts.order_by("position")] == [
        ("鼓东街道", D(150)), ("鼓西街道", D(100)), ("区科协", D(50))]

    reporting.open_cycles(datetime.date(2026, 11, 10), [funds.task.plan])
    report = ProgressReport.objects.get(unit=units["鼓西街道"], task=funds.task, cycle__label="2026年11月")
    ReportedFigure.objects.create(report=report, target=funds.parts.get(assignee=units["鼓西街道"]),
                                  cumulative_value=D(12))
    with pytest.raises(BreakdownError, match="不能移除鼓西街道（已有1条填报数据）"):
        do_save_breakdown(office, funds, [second[0], Share(units["区科协"].pk, "区科协", D(150))], carried_over=None)
    assert funds.parts.count() == 3


def test_groups_duplicates_and_the_total_itself_cannot_be_rows(city, funds):
    office, units = city["people"]["office"], city["units"]
    for shares, message in (
            ([Share(units["十街镇"].pk, "十街镇", D(300))], "是集合单位，请展开为成员单位"),
            ([Share(units["区科协"].pk, "区科协", D(150))] * 2, "第2行：“区科协”重复出现"),
            ([Share(units["鼓楼区"].pk, "鼓楼区", D(300))], "第1行：该单位不在本办公室的单位范围内")):
        with pytest.raises(BreakdownError, match=message):
            do_save_breakdown(office, funds, shares, carried_over=None)


def test_only_the_plans_office_admin_may_save(city, funds):
    share = [Share(city["units"]["区科协"].pk, "区科协", D(300))]
    for who in ("reviewer", "street"):
        with pytest.raises(PermissionDenied):
            do_save_breakdown(city["people"][who], funds, share, carried_over=None)
    with pytest.raises(Http404):
        do_save_breakdown(city["people"]["cangshan"], funds, share, carried_over=None)
    assert not funds.parts.exists()


def test_oversight_rolls_the_saved_parts_up_into_the_total(city, funds):
    office, units = city["people"]["office"], city["units"]
    shares = [Share(units["鼓东街道"].pk, "鼓东街道", D(150), D(20)), Share(units["鼓西街道"].pk, "鼓西街道", D(150))]
    do_save_breakdown(office, funds, shares, carried_over=D(20))
    plan = funds.task.plan
    reporting.open_cycles(datetime.date(2026, 11, 10), [plan])
    for street, value in (("鼓东街道", "60"), ("鼓西街道", "30.5")):
        report = ProgressReport.objects.get(unit=units[street], task=funds.task, cycle__label="2026年11月")
        ReportedFigure.objects.create(report=report, target=funds.parts.get(assignee=units[street]),
                                      cumulative_value=D(value))
        report.status = ProgressReport.Status.APPROVED
        report.save()
    snapshot = build_snapshot([plan], datetime.date(2026, 11, 1), datetime.date(2026, 11, 20))
    status = snapshot.statuses[funds.pk]
    assert (status.reported, status.direct, status.target.total) == (D("90.5"), False, D(320))
    assert {s.target.assignee_name: s.target.total for s in status.parts} == {"鼓东街道": D(170), "鼓西街道": D(150)}


def test_a_unit_given_a_share_reports_from_this_month(city, funds, django_capture_on_commit_callbacks):
    office, units = city["people"]["office"], city["units"]
    plan = funds.task.plan
    reporting.open_cycles(datetime.date(2026, 11, 20), [plan])
    assert not ProgressReport.objects.filter(task=funds.task, unit=units["鼓东街道"]).exists()
    with django_capture_on_commit_callbacks(execute=True):
        do_save_breakdown(office, funds, [Share(units["鼓东街道"].pk, "鼓东街道", D(300))], carried_over=None)
    assert ProgressReport.objects.filter(task=funds.task, unit=units["鼓东街道"], cycle__label="2026年11月").exists()
