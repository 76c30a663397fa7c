"""Status rules on plain data: time progress, lights, warnings, roll-up, summaries."""

import datetime
from decimal import Decimal

import pytest

from oversight import status as st

D = Decimal
JAN1, DEC31 = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)


def info(pk, total, parent=None, deadline=DEC31, assignee=None):
    return st.TargetInfo(id=pk, task_id=1, parent_id=parent, metric="社会帮扶资金", measure="万元", total=D(total),
                         assignee_id=assignee, assignee_name=str(assignee or ""), start=JAN1, deadline=deadline)


def test_time_progress_counts_days_inclusive():
    assert st.time_progress(JAN1, DEC31, datetime.date(2026, 11, 30)) == D("0.9151")  # 334/365
    assert st.time_progress(JAN1, DEC31, JAN1) == D("0.0027")  # 1/365
    assert st.time_progress(JAN1, DEC31, datetime.date(2025, 12, 31)) == 0
    assert st.time_progress(JAN1, datetime.date(2026, 10, 31), datetime.date(2026, 11, 30)) == 1


@pytest.mark.parametrize("completion, progress, overdue, expected", [
    (D("0.92"), D("0.9151"), False, st.GREEN),
    (D("1.3"), D("1"), False, st.GREEN),
    (D("0.80"), D("0.9151"), False, st.YELLOW),   # 11.5 points behind
    (D("0.70"), D("0.9151"), False, st.RED),      # 21.5 points behind
    (None, D("0.1"), False, st.YELLOW),
    (D("0.99"), D("1"), True, st.RED),
])
def test_light_from_completion_and_time_progress(completion, progress, overdue, expected):
    assert st.light(completion, progress, overdue) == expected


def test_warnings_red_overdue_yellow_behind_blue_near_deadline():
    as_of = datetime.date(2026, 11, 30)
    assert st.warning(D("0.5"), D(1), datetime.date(2026, 10, 31), as_of, overdue=True) == st.WARN_RED
    assert st.warning(D("0.5"), D("0.9"), DEC31, as_of, overdue=False) == st.WARN_YELLOW
    # Ahead of time progress: blue only once the deadline is within 30 days.
    assert st.warning(D("0.95"), D("0.9151"), datetime.date(2026, 12, 30), as_of, overdue=False) == st.WARN_BLUE
    assert st.warning(D("0.95"), D("0.9151"), DEC31, as_of, overdue=False) is None  # 31 days away
    assert st.warning(D("0.95"), D("0.5"), datetime.date(2027, 6, 30), as_of, overdue=False) is None
    assert st.warning(D("1"), D("1"), DEC31, as_of, overdue=False) is None


def test_a_total_without_its_own_figure_is_the_sum_of_its_parts():
    targets = [info(1, "100"), info(2, "40", parent=1, assignee=10), info(3, "60", parent=1, assignee=11),
               info(4, "30", parent=3, assignee=12)]
    result = st.target_statuses(targets, {2: D("20"), 4: D("15")}, datetime.date(2026, 6, 30))
    assert result[3].reported == D("15") and not result[3].direct
    assert result[1].reported == D("35") and result[1].completion == D("0.35")
    assert result[2].direct and result[2].completion == D("0.5")


def test_a_total_reported_directly_is_not_replaced_by_its_parts():
    targets = [info(1, "100"), info(2, "40", parent=1)]
    result = st.target_statuses(targets, {1: D("90"), 2: D("10")}, datetime.date(2026, 6, 30))
    assert result[1].reported == D("90") and result[1].direct


def test_nothing_reported_and_no_parts_is_none_not_zero():
    result = st.target_statuses([info(1, "10")], {}, datetime.date(2026, 6, 30))
    assert result[1].reported is None and result[1].completion == 0
    assert result[1].gap == D("10")


def test_overdue_only_when_the_deadline_passed_and_the_target_is_not_met():
    oct31 = datetime.date(2026, 10, 31)
    targets = [info(1, "10", deadline=oct31), info(2, "10", deadline=oct31)]
    result = st.target_statuses(targets, {1: D("9.99"), 2: D("10")}, datetime.date(2026, 11, 1))
    assert result[1].overdue and result[1].light == st.RED and result[1].warning == st.WARN_RED
    assert not result[2].overdue and result[2].met and result[2].light == st.GREEN


def test_summary_caps_each_target_at_100_percent():
    targets = [info(1, "10"), info(2, "10")]
    result = st.target_statuses(targets, {1: D("30"), 2: D("2")}, datetime.date(2026, 6, 30))
    summary = st.summarize(result.values())
    assert summary.completion == D("0.6")  # (1 + 0.2) / 2, not (3 + 0.2) / 2
    assert summary.met == 1 and summary.targets == 2
    assert st.percent(summary.completion) == "60.0%"


def test_zero_targets_are_left_out_of_summaries():
    result = st.target_statuses([info(1, "0"), info(2, "10")], {2: D(5)}, datetime.date(2026, 6, 30))
    assert result[1].completion is None
    assert st.summarize(result.values()).targets == 1


def test_monthly_rollup_agrees_with_the_statuses():
    """The trend's roll-up (walked once per month) gives each target the value its status has."""
    targets = [info(1, "100"), info(2, "40", parent=1), info(3, "60", parent=1), info(4, "30", parent=3),
               info(5, "30", parent=3), info(6, "5", parent=99)]  # 6's parent is not loaded: a root
    reported = {2: D("20"), 4: D("15"), 3: D("50"), 5: D("1"), 6: D("2")}
    values = st.Breakdowns(targets).rollup(reported)
    statuses = st.target_statuses(targets, reported, datetime.date(2026, 6, 30))
    assert values == {pk: s.reported for pk, s in statuses.items() if s.reported is not None}
    assert values[1] == D("70")  # 20 + 50: 3 reported directly, not 15 + 1


def test_a_total_reported_by_its_lead_keeps_that_figure_and_shows_the_parts_sum_beside_it():
    """The district's 363.05 stands while its units add up to 365.45: both are shown, with the gap."""
    targets = [info(1, "400"), info(2, "200", parent=1, assignee=10), info(3, "200", parent=1, assignee=11)]
    result = st.target_statuses(targets, {1: D("363.05"), 2: D("165.45"), 3: D("200")}, datetime.date(2026, 6, 30))
    total = result[1]
    assert total.reported == D("363.05") and total.direct
    assert total.parts_sum == D("365.45") and total.difference == D("-2.4")
    assert st.difference_text(total) == "牵头单位报363.05万元，各单位合计365.45万元，相差2.4万元"
    assert total.completion == D("0.9076")  # the lead's figure counts: 363.05 / 400


def test_a_total_its_lead_has_not_reported_takes_the_parts_sum_and_has_nothing_to_compare():
    targets = [info(1, "400"), info(2, "200", parent=1, assignee=10), info(3, "200", parent=1, assignee=11)]
    result = st.target_statuses(targets, {2: D("165.45")}, datetime.date(2026, 6, 30))
    assert result[1].reported == D("165.45") and not result[1].direct
    assert result[1].parts_sum == D("165.45") and result[1].difference is None
    assert st.difference_text(result[1]) == ""


def test_a_lead_figure_that_agrees_with_its_parts_or_has_no_reported_parts_is_not_flagged():
    targets = [info(1, "100"), info(2, "40", parent=1, assignee=10), info(3, "60", parent=1, assignee=11)]
    agrees = st.target_statuses(targets, {1: D("50"), 2: D("20"), 3: D("30")}, datetime.date(2026, 6, 30))
    assert agrees[1].parts_sum == D("50") and agrees[1].difference is None
    alone = st.target_statuses(targets, {1: D("50")}, datetime.date(2026, 6, 30))
    assert alone[1].parts_sum is None and alone[1].difference is None
    # A part broken down further compares with its own parts; the named unit reported it.
    nested = [info(1, "100"), info(2, "60", parent=1, assignee=10), info(3, "30", parent=2, assignee=12)]
    result = st.target_statuses(nested, {2: D("25"), 3: D("20")}, datetime.date(2026, 6, 30))
    assert st.difference_text(result[2]) == "10报25万元，各单位合计20万元，相差5万元"
    assert result[1].reported == D("25") and result[1].difference is None  # 1 is its parts' sum


def test_the_vocabulary_gives_each_light_and_warning_its_own_words():
    labels = [*st.LIGHT_LABELS.values(), *st.WARNING_LABELS.values()]
    names = [*st.LIGHT_NAMES.values(), *st.WARNING_NAMES.values()]
    words = labels + names
    assert len(set(words)) == len(words)
    # No label is part of another: 滞后 cannot label a light and, inside a longer word, a warning too.
    for a in labels:
        for b in labels:
            assert a == b or a not in b, (a, b)
    assert st.light_text(st.YELLOW) == "黄灯·偏慢" and st.warning_text(st.WARN_YELLOW) == "黄色预警·落后时序进度"
    legend = st.legend()
    assert [i.text for i in legend["lights"]] == ["红灯·严重滞后", "黄灯·偏慢", "绿灯·正常"]
    assert [i.text for i in legend["warnings"]] == ["红色预警·逾期未完成", "黄色预警·落后时序进度", "蓝色预警·临近时限"]
