"""Exchanges recorded by the paired sides and the office, the two rules, counting toward a
linked target (the snapshot's figure), the history."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from exchanges import rules, services
from exchanges.counting import counted_exchanges
from exchanges.models import Exchange
from exchanges.services import ExchangeError
from oversight.snapshot import build_snapshot
from plans.models import Assignment, Target, Task


def visit(actor, pairing, day, **extra):
    fields = {"direction": Exchange.Direction.TO_HELPED, "leader_name": "林强", "leader_post": "镇党委书记",
              "is_principal": False, "delegation_size": 6, "topic": "劳务协作对接"} | extra
    return services.do_record_exchange(actor, pairing, date=day, **fields)


def test_the_town_rule_needs_two_exchanges_a_year(work, paired):
    towns, hongshan = paired["towns"], paired["hongshan"]
    visit(hongshan, towns, datetime.date(2025, 6, 1))  # last year's does not count for 2026
    first = visit(hongshan, towns, datetime.date(2026, 4, 10))
    [result] = rules.check([towns], Exchange.objects.all(), 2026)
    assert (result.code, result.done, result.met) == ("town_twice", 1, False)
    assert result.message == "每个结对乡镇每年至少开展互访交流2次：已1次，应至少2次，未达到"
    visit(paired["shatang_reporter"], towns, datetime.date(2026, 9, 3), direction=Exchange.Direction.TO_HELPER)
    [result] = rules.check([towns], Exchange.objects.all(), 2026)
    assert result.met and result.done == 2
    record = first.history.get()
    assert (record.history_user, record.history_change_reason) == (hongshan, "登记互访交流")


def test_the_principal_visit_rule(work, paired):
    county, office = paired["county"], work["people"]["office"]
    visit(office, county, datetime.date(2026, 5, 1), is_principal=True, direction=Exchange.Direction.TO_HELPER)
    visit(office, county, datetime.date(2026, 5, 2), is_principal=False)
    [result] = rules.check([county], Exchange.objects.all(), 2026)
    assert (result.code, result.met) == ("principal_visit", False)
    visit(office, county, datetime.date(2026, 7, 1), is_principal=True, leader_name="陈明", leader_post="区委书记")
    [result] = rules.check([county], Exchange.objects.all(), 2026)
    assert result.met


def test_who_records(work, paired):
    towns = paired["towns"]
    for outsider in (work["people"]["gudong"], work["people"]["reviewer"], work["people"]["leader"]):
        with pytest.raises(PermissionDenied):
            visit(outsider, towns, datetime.date(2026, 4, 10))
    assert visit(work["people"]["office"], towns, datetime.date(2026, 4, 10)).recorded_by == work["units"]["区民政局"]


def test_bad_input_is_refused_in_chinese(work, paired):
    with pytest.raises(ExchangeError, match="不在该结对关系的年度（2025—）内"):
        visit(paired["hongshan"], paired["towns"], datetime.date(2024, 4, 10))
    with pytest.raises(ExchangeError) as error:
        visit(paired["hongshan"], paired["towns"], datetime.date(2026, 4, 10), delegation_size=0)
    assert error.value.field == "delegation_size"
    assert not Exchange.objects.exists()


def test_update_is_audited_with_the_reason(work, paired):
    exchange = visit(paired["hongshan"], paired["towns"], datetime.date(2026, 4, 10))
    services.do_update_exchange(paired["hongshan"], exchange, delegation_size=8, reason="更正人数")
    latest = exchange.history.latest()
    assert latest.history_change_reason == "更正人数"
    assert [(c.field, c.old, c.new) for c in latest.diff_against(latest.prev_record).changes] == [("delegation_size", 6, 8)]


def test_exchanges_count_toward_a_linked_target(work, paired):
    office = work["people"]["office"]
    task = Task.objects.create(plan=work["plan"], ref="3", position=3, text="每个结对乡镇年内至少开展互访交流2次。")
    Assignment.objects.create(task=task, unit=work["units"]["洪山镇"], role=Assignment.Role.LEAD)
    target = Target.objects.create(task=task, metric="结对乡镇互访交流", quantity=Decimal(2), unit="次",
                                   assignee=work["units"]["洪山镇"])
    link = services.do_link_target(office, target, level="town")
    with pytest.raises(PermissionDenied):
        services.do_link_target(paired["hongshan"], target)
    visit(paired["hongshan"], paired["towns"], datetime.date(2026, 4, 10))
    visit(paired["hongshan"], paired["towns"], datetime.date(2026, 12, 1))  # after today: not yet
    visit(office, paired["county"], datetime.date(2026, 4, 11))  # county level: not this target
    assert [e.date for e in counted_exchanges(link, datetime.date(2026, 11, 20))] == [datetime.date(2026, 4, 10)]
    snapshot = build_snapshot([work["plan"]], datetime.date(2026, 11, 1), datetime.date(2026, 11, 20))
    assert snapshot.statuses[target.pk].reported == Decimal(1)
    assert snapshot.monthly_values[target.pk][datetime.date(2026, 3, 1)] == Decimal(0)
