"""Where `/` and a fresh login lead: each role to its own work (the permission matrix of `/`).

填报员 → 我的填报, 审核员 → 进度审核, 管理员 and 领导 → 督查看板, a superuser → 督查看板,
anonymous → the login page; several roles → the first of office/leader, reviewer, reporter.
"""

import pytest
from django.urls import reverse

from accounts.models import User
from accounts.roles import Role
from reporting.tests.conftest import person
from xiezuo.views import landing_url

MY_WORK, REVIEW, OVERVIEW, PLANS = "reporting:my_work", "reporting:review", "oversight:overview", "plans:list"


@pytest.mark.parametrize("roles, page", [
    ((Role.REPORTER,), MY_WORK),
    ((Role.REVIEWER,), REVIEW),
    ((Role.OFFICE_ADMIN,), OVERVIEW),
    ((Role.LEADER,), OVERVIEW),
    ((Role.REPORTER, Role.REVIEWER), REVIEW),
    ((Role.REPORTER, Role.OFFICE_ADMIN), OVERVIEW),
    ((Role.REVIEWER, Role.LEADER), OVERVIEW),
    ((), PLANS),  # no role granted yet: the plans every signed-in person may read
], ids=["reporter", "reviewer", "office", "leader", "reporter+reviewer", "reporter+office", "reviewer+leader",
        "no-role"])
def test_root_sends_each_role_to_its_own_work(client, registry, roles, page):
    user = person("someone", registry["units"]["区民政局"], *roles)
    assert landing_url(user) == reverse(page)
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse(page)
    # ... and the page it leads to opens for that person (no redirect loop, no 403).
    assert client.get(response["Location"]).status_code == 200


def test_superuser_lands_on_the_dashboards(client, db):
    admin = User.objects.create_superuser(username="root", password="x-Root-2026", email="root@example.gov.cn")
    client.force_login(admin)
    assert client.get("/")["Location"] == reverse(OVERVIEW)


def test_anonymous_is_sent_to_log_in(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("login")


@pytest.mark.parametrize("roles, page", [((Role.REPORTER,), MY_WORK), ((Role.REVIEWER,), REVIEW),
                                         ((Role.LEADER,), OVERVIEW)])
def test_logging_in_lands_on_the_role_page(client, registry, roles, page):
    person("someone", registry["units"]["区民政局"], *roles)
    response = client.post(reverse("login"), {"username": "someone", "password": "Xiezuo-2026-pass"}, follow=True)
    assert [url for url, _ in response.redirect_chain] == ["/", reverse(page)]
    assert response.status_code == 200


def test_login_still_honours_next(client, registry):
    person("someone", registry["units"]["鼓东街道"], Role.REPORTER)
    response = client.post(reverse("login") + "?next=/plans/",
                           {"username": "someone", "password": "Xiezuo-2026-pass", "next": "/plans/"})
    assert response["Location"] == "/plans/"
