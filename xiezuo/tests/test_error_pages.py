"""Error pages in Chinese, with the navigation and a way back, and DEBUG off by default."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import Client
from django.urls import path, reverse

from accounts.roles import Role
from reporting.tests.conftest import person
from xiezuo import urls as project_urls
from xiezuo.tests.test_project import ROOT


def refuse_with_reason(request):
    raise PermissionDenied("只有协作办公室可以进行此操作")


def refuse_silently(request):
    raise PermissionDenied


def not_found_with_reason(request):
    raise Http404("没有这份方案，或您无权查看")  # as oversight.access says it


def fail(request):
    raise RuntimeError("boom")


# The project's URLs plus three views that fail on purpose; the handlers are the project's.
urlpatterns = [
    *project_urls.urlpatterns,
    path("test-refuse/", refuse_with_reason),
    path("test-refuse-silently/", refuse_silently),
    path("test-not-found/", not_found_with_reason),
    path("test-fail/", fail),
]
handler403 = project_urls.handler403
handler404 = project_urls.handler404


@pytest.fixture
def reporter_client(registry, settings):
    settings.DEBUG = False
    settings.ROOT_URLCONF = "xiezuo.tests.test_error_pages"
    client = Client()
    client.force_login(person("gudong", registry["units"]["鼓东街道"], Role.REPORTER))
    return client


def test_unknown_address_gives_the_chinese_404_with_navigation(reporter_client):
    response = reporter_client.get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "页面不存在" in html and "/no-such-page/" in html
    assert 'class="topbar"' in html and "我的填报" in html  # the navigation, for this reporter
    assert f'href="{reverse("home")}">返回首页' in html
    assert "Page not found" not in html and "Resolver404" not in html


def test_an_apps_chinese_404_message_is_shown_and_djangos_english_one_is_not(reporter_client):
    html = reporter_client.get(reverse("plans:detail", args=[999999])).content.decode()
    assert "页面不存在" in html and "No Plan matches" not in html
    assert "可能输错了地址" in html  # the general explanation instead
    response = reporter_client.get("/test-not-found/")
    html = response.content.decode()
    assert response.status_code == 404 and "没有这份方案，或您无权查看。" in html and "可能输错了地址" not in html


def test_permission_denied_gives_the_chinese_403_with_its_reason(reporter_client):
    response = reporter_client.get("/test-refuse/")
    html = response.content.decode()
    assert response.status_code == 403
    assert "没有权限" in html and "只有协作办公室可以进行此操作。" in html
    assert 'class="topbar"' in html and "返回首页" in html
    assert "403 Forbidden" not in html


def test_403_without_a_reason_says_so_in_chinese(reporter_client):
    html = reporter_client.get("/test-refuse-silently/").content.decode()
    assert "您的账号没有进行这项操作或查看这个页面的权限" in html


def test_a_real_view_refusing_a_reporter_shows_its_reason(reporter_client):
    reporter_client.defaults["HTTP_ACCEPT"] = "text/html"
    response = reporter_client.get(reverse("oversight:overview"))
    assert response.status_code == 403
    assert "只有协作办公室、审核人员和领导可以查看督查看板和通报" in response.content.decode()


def test_500_page_renders_standalone_in_chinese(registry, settings):
    settings.DEBUG = False
    settings.ROOT_URLCONF = "xiezuo.tests.test_error_pages"
    client = Client(raise_request_exception=False)
    response = client.get("/test-fail/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "系统出错了" in html and 'href="/">返回首页' in html
    assert "Server Error" not in html


def test_csrf_failure_page_is_chinese(registry, settings):
    settings.DEBUG = False
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "页面已过期" in response.content.decode()


def _settings_value(name, **env):
    clean = {k: v for k, v in os.environ.items() if k not in {"XIEZUO_DEBUG", "DEBUG", "DJANGO_SETTINGS_MODULE"}}
    result = subprocess.run([sys.executable, "-c", f"from xiezuo import settings; print(settings.{name})"],
                            cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=60)
    return result


def test_debug_is_off_unless_xiezuo_debug_is_set():
    assert _settings_value("DEBUG").stdout.strip() == "False"
    assert _settings_value("DEBUG", XIEZUO_DEBUG="1").stdout.strip() == "True"
    assert _settings_value("DEBUG", XIEZUO_DEBUG="True").stdout.strip() == "True"
    assert _settings_value("DEBUG", XIEZUO_DEBUG="0").stdout.strip() == "False"
    # A bare DEBUG (set by many other tools) is not read.
    assert _settings_value("DEBUG", DEBUG="True").stdout.strip() == "False"
    refused = _settings_value("DEBUG", XIEZUO_DEBUG="yes")
    assert refused.returncode != 0 and "XIEZUO_DEBUG 只能是 True 或 False" in refused.stderr


def test_local_hosts_are_allowed_and_mail_is_printed_without_debug():
    assert _settings_value("ALLOWED_HOSTS").stdout.strip() == "['127.0.0.1', 'localhost']"
    assert _settings_value("EMAIL_BACKEND").stdout.strip() == "django.core.mail.backends.console.EmailBackend"
