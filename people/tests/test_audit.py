"""Every roster change is in the history: who, old → new, why; shown to the office in the audit
pages, not to a unit's reporter or another office."""

import datetime

from django.urls import reverse

from accounts.roles import Role
from people import services
from people.models import Person
from reporting.tests.conftest import person as make_person


def test_person_changes_are_audited_and_shown_to_the_office(client, work):
    office = work["people"]["office"]
    li = services.do_create_person(office, plan=work["plan"], sending_unit=work["units"]["鼓东街道"], name="李梅",
                                   kind=Person.Kind.CADRE, host_unit="隆德县商务局", arrived_on=datetime.date(2026, 3, 1))
    services.do_update_person(office, li, host_unit="隆德县发改局", host_post="副局长", reason="调整挂职单位")
    latest = li.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (office, "调整挂职单位")
    changes = {c.field: (c.old, c.new) for c in latest.diff_against(latest.prev_record).changes}
    assert changes == {"host_unit": ("隆德县商务局", "隆德县发改局"), "host_post": ("", "副局长")}
    client.force_login(office)
    page = client.get(reverse("audit:object", args=["person", li.pk])).content.decode()
    assert "调整挂职单位" in page and "隆德县发改局" in page
    log = client.get(reverse("audit:log") + "?kind=person").content.decode()
    assert "李梅" in log
    client.force_login(work["people"]["gudong"])
    assert client.get(reverse("audit:object", args=["person", li.pk])).status_code == 403
    client.force_login(make_person("cangshan_admin", work["units"]["仓山区民政局"], Role.OFFICE_ADMIN))
    assert client.get(reverse("audit:object", args=["person", li.pk])).status_code == 404
