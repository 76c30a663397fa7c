"""The office's dashboard shows people in post per sending unit and the year's exchanges by
pairing, each row linking to its rows (the roster filtered by unit, the pairing's page)."""

import datetime

from django.urls import reverse

from exchanges import services as exchange_services
from people import services as people_services
from people.models import Person


def test_dashboard_panels(client, work, paired):
    office = work["people"]["office"]
    for name, arrived, returned in (("李梅", datetime.date(2026, 3, 1), None), ("王芳", datetime.date(2026, 2, 1), datetime.date(2026, 9, 1)),
                                    ("赵静", datetime.date(2026, 12, 1), None)):
        people_services.do_create_person(office, plan=work["plan"], sending_unit=work["units"]["鼓东街道"], name=name,
                                         kind=Person.Kind.TALENT, field=Person.Field.MEDICAL, arrived_on=arrived,
                                         returned_on=returned, status="completed" if returned else "in_post")
    exchange_services.do_record_exchange(paired["hongshan"], paired["towns"], date=datetime.date(2026, 4, 1),
                                         direction="to_helped", leader_name="林强", delegation_size=3, topic="对接")
    client.force_login(office)
    page = client.get(reverse("oversight:dashboard", args=["plan", work["plan"].pk]) + "?month=2026-11").content.decode()
    assert '<span data-count="in-post">1</span>人' in page  # 李梅; 王芳 returned, 赵静 not yet arrived
    assert f'{reverse("people:roster")}?unit={work["units"]["鼓东街道"].pk}' in page
    assert reverse("exchanges:pairing", args=[paired["towns"].pk]) in page
    assert "每个结对乡镇每年至少开展互访交流2次：已1次，应至少2次，未达到" in page
    assert "党委或政府主要负责同志赴结对县（区）开展工作对接：已0次，应至少1次，未达到" in page
