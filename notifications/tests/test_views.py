"""The notifications page, the top bar's unread count, and who may reach them and the robots' admin."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from notifications.context_processors import unread_notifications
from notifications.models import GroupRobot, Notification
from notifications.tests.conftest import make_robot, person


@pytest.fixture
def own_and_others(people):
    me, other = people["gudong"], people["guxi"]
    old = Notification.objects.create(user=me, message="旧通知：已读", url="/reporting/", read_at=timezone.now())
    new = Notification.objects.create(user=me, message="新通知：报告被退回", url="/reporting/reports/7/")
    Notification.objects.create(user=other, message="别人的通知", url="/reporting/")
    return me, other, old, new


def test_page_lists_own_notifications_newest_first_unread_highlighted(client, own_and_others):
    me, other, old, new = own_and_others
    client.force_login(me)
    response = client.get(reverse("notifications:list"))
    html = response.content.decode()
    assert response.status_code == 200 and reverse("notifications:list") == "/notifications/"
    assert [n.message for n in response.context["page"]] == ["新通知：报告被退回", "旧通知：已读"]
    assert "别人的通知" not in html
    assert '<li class="unread">' in html and '<li class="read">' in html
    assert html.index("新通知") < html.index("旧通知")
    assert 'href="/reporting/reports/7/"' in html
    assert "1条未读" in html
    assert '<b class="badge">1</b>' in html and 'href="/notifications/" class="notifications"' in html  # the top bar


def test_mark_all_read_marks_only_own(client, own_and_others):
    me, other, old, new = own_and_others
    client.force_login(me)
    response = client.post(reverse("notifications:read"))
    assert response.status_code == 302 and response["Location"] == reverse("notifications:list")
    assert not Notification.objects.filter(user=me, read_at=None).exists()
    assert Notification.objects.filter(user=other, read_at=None).count() == 1
    new.refresh_from_db()
    assert new.read_at is not None
    html = client.get(reverse("notifications:list")).content.decode()
    assert "没有未读通知" in html and '<li class="unread">' not in html and 'class="badge"' not in html


def test_mark_all_read_needs_post(client, own_and_others):
    client.force_login(own_and_others[0])
    assert client.get(reverse("notifications:read")).status_code == 405
    assert Notification.objects.filter(read_at=None).count() == 2  # a GET never writes


def test_the_old_address_redirects(client, own_and_others):
    client.force_login(own_and_others[0])
    response = client.get("/reporting/notifications/?page=2")
    assert response.status_code == 302 and response["Location"] == "/notifications/?page=2"


def test_unread_count_for_the_top_bar(own_and_others):
    me, other, old, new = own_and_others
    request = RequestFactory().get("/")
    request.user = me
    assert unread_notifications(request) == {"unread_notifications": 1}
    request.user = AnonymousUser()
    assert unread_notifications(request) == {"unread_notifications": 0}


# -- the permission matrix: every role × every notifications view -------------------------------

WHO = ["reporter", "reviewer", "office", "leader", "superuser", "anonymous"]


@pytest.fixture
def cast(registry):
    units = registry["units"]
    cast = {
        "reporter": person("p_reporter", units["鼓东街道"], Role.REPORTER),
        "reviewer": person("p_reviewer", units["区民政局"], Role.REVIEWER),
        "office": person("p_office", units["区民政局"], Role.OFFICE_ADMIN),
        "leader": person("p_leader", units["鼓楼区"], Role.LEADER),
        "superuser": User.objects.create_superuser("p_root", password="Xiezuo-2026-pass"),
        "anonymous": None,
    }
    cast["office"].is_staff = True  # may open the admin, yet has no rights on robots
    cast["office"].save(update_fields=["is_staff"])
    for user in cast.values():
        if user is not None:
            Notification.objects.create(user=user, message=f"给{user.username}的通知")
    return cast


def outcome(client, user, method, url):
    if user is not None:
        client.force_login(user)
    response = getattr(client, method)(url)
    if response.status_code == 302 and "/login/" in response["Location"]:
        return "login"
    return response.status_code


@pytest.mark.parametrize("who", WHO)
def test_list_shows_each_person_only_their_own(client, cast, who):
    got = outcome(client, cast[who], "get", reverse("notifications:list"))
    assert got == ("login" if who == "anonymous" else 200)
    if who != "anonymous":
        assert [n.message for n in client.get(reverse("notifications:list")).context["page"]] == [
            f"给{cast[who].username}的通知"]


@pytest.mark.parametrize("who", WHO)
def test_mark_read_touches_only_ones_own(client, cast, who):
    assert outcome(client, cast[who], "post", reverse("notifications:read")) == ("login" if who == "anonymous" else 302)
    unread = set(Notification.objects.filter(read_at=None).values_list("user__username", flat=True))
    assert unread == {u.username for w, u in cast.items() if u is not None and w != who}


ROBOT_ADMIN = {"reporter": "login", "reviewer": "login", "office": 403, "leader": "login", "superuser": 200,
               "anonymous": "login"}


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("page", ["grouprobot_changelist", "grouprobot_add", "robotdelivery_changelist"])
def test_only_a_superuser_manages_robots_for_now(client, cast, who, page, registry):
    assert outcome(client, cast[who], "get", reverse(f"admin:notifications_{page}")) == ROBOT_ADMIN[who]


# -- the admin never shows the secret ------------------------------------------------------------

SECRET = "SECsecret0123456789"


@pytest.fixture
def robot(registry):
    return make_robot(registry["units"]["区民政局"], "https://oapi.dingtalk.com/robot/send?access_token=tok123",
                      platform=GroupRobot.Platform.DINGTALK, secret=SECRET)


def test_list_and_form_do_not_show_the_secret_or_the_key(admin_client, robot):
    html = admin_client.get(reverse("admin:notifications_grouprobot_changelist")).content.decode()
    assert "鼓楼区协作工作群" in html and "oapi.dingtalk.com" in html
    assert SECRET not in html and "tok123" not in html
    form = admin_client.get(reverse("admin:notifications_grouprobot_change", args=[robot.pk])).content.decode()
    assert SECRET not in form


def form_data(robot, **changes):
    data = {"office": robot.office_id, "name": robot.name, "platform": robot.platform, "webhook_url": robot.webhook_url,
            "secret": "", "message_format": robot.message_format, "at_mobiles": "", "kinds": ["reminder", "warning"],
            "enabled": "on"}
    data.update(changes)
    return data


def test_saving_without_retyping_keeps_the_secret_and_clearing_removes_it(admin_client, robot):
    url = reverse("admin:notifications_grouprobot_change", args=[robot.pk])
    assert admin_client.post(url, form_data(robot, name="改名后的群")).status_code == 302
    robot.refresh_from_db()
    assert (robot.name, robot.secret) == ("改名后的群", SECRET)
    assert admin_client.post(url, form_data(robot, secret="SECnew")).status_code == 302
    robot.refresh_from_db()
    assert robot.secret == "SECnew"
    assert admin_client.post(url, form_data(robot, clear_secret="on")).status_code == 302
    robot.refresh_from_db()
    assert robot.secret == ""


def test_a_bad_webhook_is_refused_in_the_admin(admin_client, robot):
    url = reverse("admin:notifications_grouprobot_change", args=[robot.pk])
    response = admin_client.post(url, form_data(robot, webhook_url="ftp://example.cn/hook"))
    assert response.status_code == 200 and "Webhook 地址须以 http:// 或 https:// 开头" in response.content.decode()
