"""Shared test fixtures: a fixed clock, a small registry built in code, and named people."""

import datetime
import os
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import settings as hypothesis_settings

from orgs.models import GroupMembership, Region, Unit, UnitAlias

# Property tests check answers, not speed (benchmarks measure that): no per-example deadline, so
# a loaded CI machine cannot fail a pure check by being slow.
hypothesis_settings.register_profile("xiezuo", deadline=None)
hypothesis_settings.load_profile("xiezuo")


# --- The suite's clock -------------------------------------------------------

# Every test runs on this day unless it travels elsewhere itself (time_machine.travel nests):
# a test never depends on the day `make test` is run. A Friday in November 2026, before
# that month's due day, the sample year's plans running. The clock ticks from there, so
# events still follow one another and durations are real.
SUITE_NOW = datetime.datetime(2026, 11, 20, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(autouse=True)
def suite_clock():
    with time_machine.travel(SUITE_NOW, tick=True):
        yield


@pytest.fixture(autouse=True)
def session_cookie_ends_with_browser(settings):
    # The server's clock travels; a browser's does not. A session cookie with an Expires date
    # computed on the server's day would be thrown away by a browser months ahead of it.
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Tests create many users; real PBKDF2 would spend most of the suite's time hashing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def registry(db):
    """A city, one district with departments and streets, a group and an alias."""
    province = Region.objects.create(name="福建省", level=Region.Level.PROVINCE)
    city = Region.objects.create(name="福州市", level=Region.Level.CITY, parent=province)
    gulou = Region.objects.create(name="鼓楼区", level=Region.Level.COUNTY, parent=city)
    cangshan = Region.objects.create(name="仓山区", level=Region.Level.COUNTY, parent=city)
    streets = [
        Region.objects.create(name=name, level=Region.Level.TOWN, parent=gulou)
        for name in ("鼓东街道", "鼓西街道", "洪山镇")
    ]
    units = {
        "鼓楼区": Unit.objects.create(name="鼓楼区", kind=Unit.Kind.PARTY_GOVERNMENT, region=gulou),
        "区民政局": Unit.objects.create(name="区民政局", kind=Unit.Kind.DEPARTMENT, region=gulou),
        "区教育局": Unit.objects.create(name="区教育局", kind=Unit.Kind.DEPARTMENT, region=gulou),
        "仓山区民政局": Unit.objects.create(name="区民政局", kind=Unit.Kind.DEPARTMENT, region=cangshan),
    }
    for street in streets:
        units[street.name] = Unit.objects.create(name=street.name, kind=Unit.Kind.TOWN, region=street)
    group = Unit.objects.create(name="三街镇", kind=Unit.Kind.TOWN, region=gulou, is_group=True)
    for position, street in enumerate(streets):
        GroupMembership.objects.create(group=group, member=units[street.name], position=position)
    units["三街镇"] = group
    UnitAlias.objects.create(unit=units["区民政局"], name="区乡村振兴局", note="挂牌")
    UnitAlias.objects.create(unit=units["鼓楼区"], name="鼓楼区区委、政府")
    return {"regions": {"city": city, "gulou": gulou, "cangshan": cangshan}, "units": units}


# --- ../shared: seed documents, gold answers, the scorer -------------------

SHARED = Path(os.environ.get("XIEZUO_SHARED", Path(__file__).resolve().parent.parent / "shared"))


def shared_path(relative: str) -> Path:
    """A file from ../shared, which sits beside a CI checkout but not in a user's clone.

    Skips the test with a clear message where it is absent; under CI=true a
    missing shared folder is a failure, never a silent skip.
    """
    path = SHARED / relative
    if not path.exists():
        message = f"找不到 {path}：shared 目录不在仓库旁边（用户的克隆中没有它），设置 XIEZUO_SHARED 指向它后可运行此测试"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


# --- Browser tests: Debian's chromium driven by Playwright ------------------

CHROMIUM = Path(os.environ.get("XIEZUO_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(__file__).resolve().parent / "test-artifacts"
# Without these, chromium keeps trying to reach Google's hosts from a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"找不到浏览器 {CHROMIUM}：请运行 make test（会安装 Debian 的 chromium），或设置 XIEZUO_CHROMIUM")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls
    # the test makes between page actions are still synchronous.
    # Restored afterwards: it must never reach a process started by another test.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield instance
            instance.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai", viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def load_script(name: str):
    """A script of scripts/ as a module, for the tests that keep it from rotting."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, Path(__file__).resolve().parent / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def save_screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
