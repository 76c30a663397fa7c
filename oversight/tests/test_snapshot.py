"""The snapshot on figures entered through the reporting workflow."""

import datetime
from decimal import Decimal

import pytest

from oversight import status as st
from oversight.snapshot import build_snapshot
from oversight.tests.conftest import NOV30

NOV = datetime.date(2026, 11, 1)


def test_only_submitted_or_approved_figures_count_and_totals_roll_up(reported):
    snap = build_snapshot([reported["plan"]], NOV, NOV30)
    total = reported["task"].targets.get(parent=None)
    gudong = reported["task"].targets.get(assignee=reported["units"]["鼓东街道"])
    guxi = reported["task"].targets.get(assignee=reported["units"]["鼓西街道"])
    assert snap.statuses[gudong.pk].reported == Decimal("30")
    assert snap.statuses[gudong.pk].completion == Decimal("0.9009")  # 30 / 33.3
    assert snap.statuses[guxi.pk].reported is None  # a draft is not a report
    assert snap.statuses[total.pk].reported == Decimal("30") and not snap.statuses[total.pk].direct
    assert snap.statuses[total.pk].time_progress == Decimal("0.9151")
    assert snap.statuses[total.pk].light == st.RED and snap.statuses[total.pk].warning == st.WARN_YELLOW
    assert snap.overall.completion == Decimal("0.3")


def test_an_earlier_month_shows_the_figures_counted_then(reported):
    snap = build_snapshot([reported["plan"]], datetime.date(2026, 10, 1), NOV30)
    gudong = reported["task"].targets.get(assignee=reported["units"]["鼓东街道"])
    assert snap.as_of == datetime.date(2026, 10, 31)
    assert snap.statuses[gudong.pk].reported == Decimal("20")


def test_a_returned_report_falls_back_to_the_last_counted_figure(reported):
    from reporting import services

    report = reported["plan"].cycles.get(label="2026年11月").reports.get(unit=reported["units"]["鼓东街道"])
    services.return_report(report, reviewer=reported["people"]["reviewer"], comment="数字与凭证不符")
    snap = build_snapshot([reported["plan"]], NOV, NOV30)
    gudong = reported["task"].targets.get(assignee=reported["units"]["鼓东街道"])
    assert snap.statuses[gudong.pk].reported == Decimal("20")


def test_monthly_trend_and_values_per_target(reported):
    snap = build_snapshot([reported["plan"]], NOV, NOV30)
    [series] = snap.trend
    assert (series.metric, series.measure, series.target) == ("社会帮扶资金", "万元", Decimal("100"))
    points = dict(series.points)
    assert points[datetime.date(2026, 9, 1)] == 0
    assert points[datetime.date(2026, 10, 1)] == Decimal("20")
    assert points[NOV] == Decimal("30")
    total = reported["task"].targets.get(parent=None)
    assert snap.monthly_values[total.pk] == {datetime.date(2026, 10, 1): Decimal("20"), NOV: Decimal("30")}


def test_units_ranked_by_completion_with_the_lead_answering_for_the_total(reported):
    snap = build_snapshot([reported["plan"]], NOV, NOV30)
    ranking = [(u.rank, u.name, u.summary.completion) for u in snap.by_unit]
    assert ranking[0] == (1, "鼓东街道", Decimal("0.9009"))
    assert (2, "区民政局", Decimal("0.3")) in ranking  # the lead unit, for the 100万元 total
    assert {name for _, name, c in ranking if c == 0} == {"鼓西街道", "洪山镇"}


def test_reporting_rates_and_unreported_units(reported):
    snap = build_snapshot([reported["plan"]], NOV, NOV30)
    # 区民政局 (lead) and the three streets of 三街镇 each owe a November report.
    assert (snap.reporting.expected, snap.reporting.received, snap.reporting.on_time) == (4, 1, 0)
    assert {r.label for r in snap.unreported} == {"区民政局", "鼓西街道", "洪山镇"}
    october = next(r for r in snap.reporting_by_month if r.key == datetime.date(2026, 10, 1))
    assert (october.expected, october.received, october.on_time, october.approved) == (4, 1, 1, 1)
    assert snap.reporting_by_plan[reported["plan"].pk].rate == Decimal("0.25")


def test_the_number_of_queries_does_not_grow_with_the_plan(reported, django_assert_max_num_queries):
    from reporting import derived

    # tasks, leads, targets, cycles, figures, 3 rate counts; and each source of computed values
    # (reporting.derived: the roster's rules, the ledgers, exchanges) asks once whether it computes any of them.
    with django_assert_max_num_queries(8 + len(derived.SOURCES)):
        build_snapshot([reported["plan"]], NOV, NOV30)
    assert len(derived.SOURCES) == 3


def test_a_month_not_yet_begun_is_refused_and_this_month_is_not():
    from oversight.snapshot import FutureMonth, refuse_future_month

    refuse_future_month(datetime.date(2026, 11, 1), NOV30)
    refuse_future_month(datetime.date(2026, 11, 30), datetime.date(2026, 11, 1))
    refuse_future_month(None, NOV30)
    with pytest.raises(FutureMonth, match="^月份不能晚于本月：2026年12月还没有到$"):
        refuse_future_month(datetime.date(2026, 12, 1), NOV30)


def test_a_lead_figure_counts_and_the_parts_sum_is_shown_beside_it(reported):
    """The lead 区民政局 reports 25 for the 100万元 total while its streets' counted figures add up to 30."""
    from reporting import services
    from oversight.tests.conftest import report_figure  # noqa: F401  (the same workflow, for the lead)

    work = reported
    total = work["task"].targets.get(parent=None)
    cycle = work["plan"].cycles.get(label="2026年11月")
    report = cycle.reports.get(unit=work["units"]["区民政局"])
    office = work["people"]["office"]
    services.save_report(report, user=office, version=report.version, figures={total.pk: "25"},
                         progress="区级汇总", problems="", next_steps="")
    services.submit_report(report, user=office, today=cycle.due_on)
    snap = build_snapshot([work["plan"]], NOV, NOV30)
    status = snap.statuses[total.pk]
    assert status.reported == Decimal("25") and status.direct
    assert status.parts_sum == Decimal("30")
    assert snap.mismatched == [status]
    assert st.difference_text(status) == "牵头单位报25万元，各单位合计30万元，相差5万元"
    assert snap.overall.completion == Decimal("0.25")  # the lead's own figure is the one counted
