"""After approving, `next` is followed only when it is a path on this site."""

import pytest
from django.urls import reverse

from reporting.models import ProgressReport
from reporting.tests.test_permissions import submitted


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example", "/\\evil.example",
                                    "http://testserver.evil.example/", "javascript:alert(1)"])
def test_approve_ignores_a_next_off_this_site(client, work, target):
    report = submitted(work)
    client.force_login(work["people"]["reviewer"])
    response = client.post(reverse("reporting:approve"), {"reports": [report.pk], "next": target})
    assert response.status_code == 302 and response["Location"] == reverse("reporting:review")
    assert ProgressReport.objects.get(pk=report.pk).status == ProgressReport.Status.APPROVED


def test_approve_follows_a_local_next(client, work):
    report = submitted(work)
    client.force_login(work["people"]["reviewer"])
    back = reverse("reporting:report", args=[report.pk])
    response = client.post(reverse("reporting:approve"), {"reports": [report.pk], "next": back})
    assert response.status_code == 302 and response["Location"] == back


def test_login_page_ignores_a_next_off_this_site(client, work):
    for target in ("https://evil.example/", "//evil.example"):
        response = client.post(f"{reverse('login')}?next={target}",
                               {"username": "reviewer", "password": "Xiezuo-2026-pass", "next": target})
        assert response.status_code == 302 and "evil" not in response["Location"]
        client.logout()
