"""Login throttling (django-axes): too many wrong passwords lock the username at that address,
the right password included, with a Chinese message; a superuser unlocks."""

import datetime

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from accounts.roles import Role, group_name

PASSWORD = "Xiezuo-2026-pass"
LOCKED = "登录失败次数过多，账户已暂时锁定，请 15 分钟后再试或联系管理员解锁"


@pytest.fixture
def gudong(registry):
    return User.objects.create_user(username="gudong", password=PASSWORD, unit=registry["units"]["鼓东街道"])


def log_in(client, username, password, address="10.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client):
    return "_auth_user_id" in client.session


def fail(client, username, times, address="10.0.0.1"):
    for _ in range(times):
        response = log_in(client, username, "wrong-password", address)
        assert not signed_in(client)
    return response


def test_right_password_after_45_wrong_ones_is_refused_in_chinese(client, gudong):
    response = fail(client, "gudong", 45)
    assert response.status_code == 429
    response = log_in(client, "gudong", PASSWORD)
    assert response.status_code == 429 and not signed_in(client)
    html = response.content.decode()
    assert LOCKED in html and 'name="username"' in html and 'value="gudong"' in html
    assert AccessAttempt.objects.get(username="gudong").failures_since_start == 46


def test_four_failures_do_not_lock_and_a_success_clears_the_count(client, gudong):
    fail(client, "gudong", 4)
    assert log_in(client, "gudong", PASSWORD).status_code == 302 and signed_in(client)
    client.logout()
    fail(client, "gudong", 4)  # four more: the earlier four no longer count
    assert log_in(client, "gudong", PASSWORD).status_code == 302 and signed_in(client)


def test_fifth_failure_locks_with_the_message(client, gudong):
    fail(client, "gudong", 4)
    response = fail(client, "gudong", 1)
    assert response.status_code == 429 and LOCKED in response.content.decode()


def test_lock_holds_only_that_username_at_that_address(client, gudong, registry):
    User.objects.create_user(username="guxi", password=PASSWORD, unit=registry["units"]["鼓西街道"])
    fail(client, "gudong", 5)
    # A colleague behind the same office NAT address is not locked out by someone guessing gudong.
    assert log_in(client, "guxi", PASSWORD).status_code == 302 and signed_in(client)
    client.logout()
    # Nor is gudong at another address.
    assert log_in(client, "gudong", PASSWORD, address="10.0.0.2").status_code == 302 and signed_in(client)


def test_lock_ends_after_the_cool_off(client, gudong):
    fail(client, "gudong", 5)
    with time_machine.travel(datetime.timedelta(minutes=14)):
        assert log_in(client, "gudong", PASSWORD).status_code == 429  # this try restarts the 15 minutes
    with time_machine.travel(datetime.timedelta(minutes=14 + 16)):
        assert log_in(client, "gudong", PASSWORD).status_code == 302 and signed_in(client)


def test_superuser_unlocks_in_the_admin(client, admin_client, gudong):
    fail(client, "gudong", 45)
    changelist = reverse("admin:axes_accessattempt_changelist")
    attempt = AccessAttempt.objects.get(username="gudong")
    assert "gudong" in admin_client.get(changelist).content.decode()
    response = admin_client.post(changelist, {"action": "delete_selected", "_selected_action": [attempt.pk],
                                              "post": "yes"})
    assert response.status_code == 302 and not AccessAttempt.objects.exists()
    assert log_in(client, "gudong", PASSWORD).status_code == 302 and signed_in(client)


def test_unlock_from_the_command_line(client, gudong):
    fail(client, "gudong", 45)
    call_command("axes_reset_username", "gudong")
    assert log_in(client, "gudong", PASSWORD).status_code == 302 and signed_in(client)


def test_office_admin_cannot_see_or_clear_the_attempts(client, gudong, registry):
    office = User.objects.create_user(username="office", password=PASSWORD, unit=registry["units"]["区民政局"],
                                      is_staff=True)
    office.groups.add(Group.objects.get(name=group_name(Role.OFFICE_ADMIN)))
    fail(client, "gudong", 5)
    client.force_login(office)
    assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 403
    assert AccessAttempt.objects.filter(username="gudong").exists()


def test_address_comes_from_the_declared_proxy_only(client, gudong, settings):
    for n in range(5):  # no proxy declared: a new forged address each try changes nothing
        client.post(reverse("login"), {"username": "gudong", "password": "x"}, REMOTE_ADDR="10.0.0.1",
                    HTTP_X_FORWARDED_FOR=f"1.2.3.{n}")
    assert log_in(client, "gudong", PASSWORD).status_code == 429
    settings.TRUSTED_PROXY_COUNT = 1  # behind one proxy, its appended address is the client's
    for _ in range(5):
        client.post(reverse("login"), {"username": "gudong", "password": "x"}, REMOTE_ADDR="10.9.9.9",
                    HTTP_X_FORWARDED_FOR="forged, 1.2.3.4")
    response = client.post(reverse("login"), {"username": "gudong", "password": PASSWORD},
                           REMOTE_ADDR="10.9.9.9", HTTP_X_FORWARDED_FOR="5.6.7.8, 1.2.3.4")
    assert response.status_code == 429
    response = client.post(reverse("login"), {"username": "gudong", "password": PASSWORD},
                           REMOTE_ADDR="10.9.9.9", HTTP_X_FORWARDED_FOR="1.2.3.5")
    assert response.status_code == 302 and signed_in(client)
    assert AccessAttempt.objects.filter(ip_address="1.2.3.4").exists()
