"""The exchange pages: who sees which pairings, recording refused with a Chinese message beside
the field, the history shown to the office."""

import datetime

from django.urls import reverse

from exchanges import services
from exchanges.models import Exchange


def test_the_overview_shows_each_side_its_own_pairings(client, work, paired):
    client.force_login(work["people"]["office"])
    page = client.get(reverse("exchanges:overview") + "?year=2026").content.decode()
    assert "隆德县" in page and "沙塘镇" in page
    assert "党委或政府主要负责同志赴结对县（区）开展工作对接：已0次，应至少1次，未达到" in page
    client.force_login(paired["hongshan"])
    page = client.get(reverse("exchanges:overview")).content.decode()
    assert "沙塘镇" in page and "隆德县" not in page
    client.force_login(work["people"]["gudong"])  # a street with no pairing
    assert "沙塘镇" not in client.get(reverse("exchanges:overview")).content.decode()
    assert client.get(reverse("exchanges:pairing", args=[paired["towns"].pk])).status_code == 404


def test_recording_outside_the_pairing_years_is_refused_beside_the_date(client, work, paired):
    client.force_login(paired["hongshan"])
    response = client.post(reverse("exchanges:pairing", args=[paired["towns"].pk]), {
        "date": "2024-05-01", "direction": "to_helped", "leader_name": "林强", "delegation_size": "3", "topic": "对接"})
    assert response.status_code == 400
    assert "2024年05月01日不在该结对关系的年度（2025—）内" in response.content.decode()
    assert not Exchange.objects.exists()


def test_the_history_is_shown_to_the_office(client, work, paired):
    exchange = services.do_record_exchange(paired["hongshan"], paired["towns"], date=datetime.date(2026, 4, 1),
                                           direction="to_helped", leader_name="林强", delegation_size=3, topic="对接")
    services.do_update_exchange(paired["hongshan"], exchange, topic="劳务协作对接", reason="补充内容")
    client.force_login(work["people"]["office"])
    page = client.get(reverse("audit:object", args=["exchange", exchange.pk])).content.decode()
    assert "补充内容" in page and "劳务协作对接" in page
