"""`make run`'s sample roster and exchanges load on the sample registry and plans, count toward the
sample plan's 选派专技人才 parts, and a second run writes nothing."""

import datetime
from decimal import Decimal
from io import StringIO

from django.core.management import call_command

from exchanges.models import Exchange
from oversight.snapshot import build_snapshot
from people.models import AllowancePayment, Person, TargetRule
from plans.models import Target
from samples.steps import BASE


def test_sample_people_and_exchanges(db):
    call_command("load_sample_data", "--only", *BASE, stdout=StringIO())
    out = StringIO()
    call_command("load_sample_data", "--only", "people", "exchanges", "--today", "2026-11-20", stdout=out)
    assert Person.objects.count() == 7 and Exchange.objects.count() == 4
    assert TargetRule.objects.count() == 3 and AllowancePayment.objects.exists()
    part = Target.objects.get(metric="选派专技人才", assignee__name="区教育局")
    snapshot = build_snapshot([part.task.plan], datetime.date(2026, 11, 1), datetime.date(2026, 11, 20))
    assert snapshot.statuses[part.pk].reported == Decimal(3)  # 黄静 returned early, still dispatched this year
    before = (Person.history.count(), Exchange.history.count(), AllowancePayment.objects.count())
    call_command("load_sample_data", "--only", "people", "exchanges", "--today", "2026-11-20", stdout=out)
    assert (Person.history.count(), Exchange.history.count(), AllowancePayment.objects.count()) == before
    total = Target.objects.get(pk=part.parent_id)
    assert snapshot.statuses[total.pk].reported == Decimal(6)  # 区教育局 3 + 区卫健局 3, rolled up
