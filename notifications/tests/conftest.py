import pytest
from django.contrib.auth.models import Group

from accounts.models import User
from accounts.roles import group_name
from notifications.models import GroupRobot
from notifications.tests.robot_server import robot_server


@pytest.fixture
def server():
    with robot_server() as running:
        yield running


@pytest.fixture
def office(registry):
    return registry["units"]["区民政局"]


@pytest.fixture
def people(registry):
    units = registry["units"]
    return {
        "gudong": User.objects.create_user(username="gudong", email="gudong@example.cn", unit=units["鼓东街道"]),
        "gudong2": User.objects.create_user(username="gudong2", email="", unit=units["鼓东街道"]),
        "gone": User.objects.create_user(username="gone", email="gone@example.cn", unit=units["鼓东街道"], is_active=False),
        "guxi": User.objects.create_user(username="guxi", email="guxi@example.cn", unit=units["鼓西街道"]),
    }


def make_robot(office, url, **fields) -> GroupRobot:
    robot = GroupRobot(office=office, name=fields.pop("name", "鼓楼区协作工作群"), webhook_url=url, **fields)
    robot.full_clean()
    robot.save()
    return robot


def person(username, unit, *roles) -> User:
    user = User.objects.create_user(username=username, password="Xiezuo-2026-pass", unit=unit, name=username)
    user.groups.add(*[Group.objects.get(name=group_name(role)) for role in roles])
    return user
