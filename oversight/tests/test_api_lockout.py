"""HTTP Basic on /api/v1/ counts failed passwords like the login page and refuses a locked
account with a Chinese JSON error (django-axes, settings AXES_*)."""

import base64

from django.core.management import call_command

from oversight.tests.test_api import PASSWORD, scoped

LOCKED = "登录失败次数过多，账户已暂时锁定，请 15 分钟后再试或联系管理员解锁"


def basic_get(client, url, username, password, address="10.0.0.1"):
    token = base64.b64encode(f"{username}:{password}".encode()).decode()
    return client.get(url, HTTP_AUTHORIZATION=f"Basic {token}", secure=True, REMOTE_ADDR=address)


def test_right_password_after_45_wrong_ones_is_refused(client, reported):
    url = scoped(reported["plan"], "status")
    for _ in range(4):
        assert basic_get(client, url, "leader", "wrong").status_code == 401
    for _ in range(41):
        response = basic_get(client, url, "leader", "wrong")
        assert response.status_code == 429
    response = basic_get(client, url, "leader", PASSWORD)
    assert response.status_code == 429
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": LOCKED}
    # Another address (another system) with the same account is not locked out.
    assert basic_get(client, url, "leader", PASSWORD, address="10.0.0.9").status_code == 200


def test_unlocking_lets_the_system_in_again(client, reported):
    url = scoped(reported["plan"], "status")
    for _ in range(45):
        basic_get(client, url, "leader", "wrong")
    assert basic_get(client, url, "leader", PASSWORD).status_code == 429
    call_command("axes_reset_username", "leader")
    response = basic_get(client, url, "leader", PASSWORD)
    assert response.status_code == 200 and response.json()["overall"]["completion"] == "0.3000"
