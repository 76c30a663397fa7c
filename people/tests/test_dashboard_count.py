"""The roster produces the 选派 target's figure: the snapshot every dashboard, bulletin, ledger
and API answer reads counts the people, rolled up through the breakdown like reported figures."""

import datetime
from decimal import Decimal

from oversight.snapshot import build_snapshot
from people import services
from people.models import Person


def _add(work, unit, name, arrived):
    return services.do_create_person(work["people"]["office"], plan=work["plan"], sending_unit=work["units"][unit],
                                     name=name, kind=Person.Kind.TALENT, field=Person.Field.EDUCATION, arrived_on=arrived)


def test_snapshot_counts_the_roster(work, dispatch):
    office = work["people"]["office"]
    today = datetime.date(2026, 11, 20)
    parts = dispatch["parts"]
    for part in parts.values():
        services.do_set_target_rule(office, part, kind=Person.Kind.TALENT)
    before = build_snapshot([work["plan"]], datetime.date(2026, 11, 1), today)
    assert before.statuses[parts["鼓东街道"].pk].reported == 0
    _add(work, "鼓东街道", "李梅", datetime.date(2026, 3, 1))
    _add(work, "鼓东街道", "王芳", datetime.date(2026, 10, 8))
    _add(work, "鼓西街道", "赵静", datetime.date(2026, 9, 1))
    _add(work, "洪山镇", "周军", datetime.date(2026, 9, 1))  # no target of its own: not counted
    snapshot = build_snapshot([work["plan"]], datetime.date(2026, 11, 1), today)
    assert snapshot.statuses[parts["鼓东街道"].pk].reported == Decimal(2)
    assert snapshot.statuses[parts["鼓东街道"].pk].met
    assert snapshot.statuses[parts["鼓西街道"].pk].reported == Decimal(1)
    total = snapshot.statuses[dispatch["total"].pk]
    assert total.reported == Decimal(3) and not total.direct  # the parts' sum
    assert snapshot.monthly_values[parts["鼓东街道"].pk][datetime.date(2026, 9, 1)] == Decimal(1)
    assert snapshot.monthly_values[parts["鼓东街道"].pk][datetime.date(2026, 10, 1)] == Decimal(2)


def test_without_a_rule_the_reported_figure_counts(work, dispatch):
    _add(work, "鼓东街道", "李梅", datetime.date(2026, 3, 1))
    snapshot = build_snapshot([work["plan"]], datetime.date(2026, 11, 1), datetime.date(2026, 11, 20))
    assert snapshot.statuses[dispatch["parts"]["鼓东街道"].pk].reported is None


def test_the_report_page_shows_the_roster_count_in_place_of_an_input(client, work, dispatch):
    from django.urls import reverse

    part = dispatch["parts"]["鼓东街道"]
    services.do_set_target_rule(work["people"]["office"], part, kind=Person.Kind.TALENT)
    _add(work, "鼓东街道", "李梅", datetime.date(2026, 3, 1))
    from reporting.services import open_cycles

    open_cycles(datetime.date(2026, 11, 10), [work["plan"]])  # this month's report for the task added
    report = work["cycle"].reports.get(unit=work["units"]["鼓东街道"], task=dispatch["task"])
    client.force_login(work["people"]["gudong"])
    page = client.get(reverse("reporting:report", args=[report.pk])).content.decode()
    assert "由选派人员名单计算：截至11月20日共1人" in page
    assert f'name="target_{part.pk}"' not in page
