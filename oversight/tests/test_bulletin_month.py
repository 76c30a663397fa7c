"""The bulletin's month: the last closed one (its due day passed) by default; an open one only
when the office confirms, since units not yet due would be named as 仍未报送."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from oversight.bulletin import due_date, last_closed_month, open_month_warning
from oversight.models import Bulletin

SHANGHAI = ZoneInfo("Asia/Shanghai")
OCT, NOV, DEC = datetime.date(2026, 10, 1), datetime.date(2026, 11, 1), datetime.date(2026, 12, 1)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def at(day: datetime.date):
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(10), SHANGHAI), tick=False)


@pytest.mark.parametrize("today, expected", [
    (datetime.date(2026, 12, 3), NOV),    # November's 25th has passed; December's has not
    (datetime.date(2026, 11, 26), NOV),
    (datetime.date(2026, 11, 25), OCT),   # the due day itself is still open for reports
    (datetime.date(2026, 11, 24), OCT),
    (datetime.date(2027, 1, 5), DEC),
])
def test_the_last_closed_month(work, today, expected):
    assert last_closed_month([work["plan"]], today) == expected


def test_a_plan_due_earlier_in_the_month_closes_it_earlier_and_a_scope_waits_for_its_latest(work):
    from reporting.models import ReportingSchedule

    ReportingSchedule.objects.filter(plan=work["plan"]).update(due_day=10)
    assert due_date([work["plan"]], DEC) == datetime.date(2026, 12, 10)
    assert last_closed_month([work["plan"]], datetime.date(2026, 12, 11)) == DEC
    # November's cycle was opened with the 25th: the cycle's own date stands.
    assert due_date([work["plan"]], NOV) == datetime.date(2026, 11, 25)


def test_an_open_month_is_said_so_in_words(work):
    assert open_month_warning([work["plan"]], DEC, datetime.date(2026, 12, 3)) == (
        "2026年12月的报送截止日（12月25日）还没到，现在生成会把尚未到期的单位列为未报送")
    assert open_month_warning([work["plan"]], NOV, datetime.date(2026, 12, 3)) == ""


def archive_url(work):
    return reverse("oversight:bulletins", args=["plan", work["plan"].pk])


def generate_url(work):
    return reverse("oversight:bulletin_generate", args=["plan", work["plan"].pk])


def test_the_page_offers_the_last_closed_month(client, work):
    from reporting import services

    with at(datetime.date(2026, 12, 3)):
        services.open_cycles(datetime.date(2026, 12, 3), [work["plan"]])  # December's cycle is open
        client.force_login(work["people"]["office"])
        response = client.get(archive_url(work))
    assert response.context["default_month"] == NOV
    assert '<option value="2026-11" selected>' in response.content.decode()
    assert "confirm-open" not in response.content.decode()


def test_an_open_month_needs_confirming_and_without_it_nothing_is_written(client, work):
    from reporting import services

    with at(datetime.date(2026, 12, 3)):
        services.open_cycles(datetime.date(2026, 12, 3), [work["plan"]])
        client.force_login(work["people"]["office"])
        response = client.post(generate_url(work), {"month": "2026-12"}, follow=True)
        assert not Bulletin.objects.exists()
        html = response.content.decode()
        assert "2026年12月的报送截止日（12月25日）还没到，现在生成会把尚未到期的单位列为未报送" in html
        assert 'id="confirm-open"' in html and 'name="confirm"' in html
        assert response.context["default_month"] == DEC
        # A confirm that is not the box ticked is no confirmation.
        client.post(generate_url(work), {"month": "2026-12", "confirm": ""})
        assert not Bulletin.objects.exists()
        confirmed = client.post(generate_url(work), {"month": "2026-12", "confirm": "1"}, follow=True)
    assert Bulletin.objects.get().month == DEC
    assert "已生成" in confirmed.content.decode()


def test_a_closed_month_is_generated_without_asking(client, work):
    with at(datetime.date(2026, 11, 26)):
        client.force_login(work["people"]["office"])
        client.post(generate_url(work), {"month": "2026-11"})
    assert Bulletin.objects.get().month == NOV


def test_a_future_month_is_refused_before_any_confirmation(client, work):
    with at(datetime.date(2026, 12, 3)):
        client.force_login(work["people"]["office"])
        response = client.post(generate_url(work), {"month": "2027-01", "confirm": "1"}, follow=True)
    assert "未生成：月份不能晚于本月" in response.content.decode()
    assert not Bulletin.objects.exists()
