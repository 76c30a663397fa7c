import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from accounts.models import User
from accounts.roles import Role, group_name


def test_each_role_is_a_group_after_migrate(db):
    assert set(Group.objects.values_list("name", flat=True)) >= {"管理员", "填报员", "审核员", "领导"}


def test_leader_may_only_view(db):
    codenames = set(Group.objects.get(name="领导").permissions.values_list("codename", flat=True))
    assert {"view_plan", "view_target", "view_progressreport"} <= codenames
    assert not [c for c in codenames if not c.startswith("view_")]


def test_reporter_may_write_reports_but_not_plans(db):
    codenames = set(Group.objects.get(name="填报员").permissions.values_list("codename", flat=True))
    assert {"add_progressreport", "change_progressreport", "add_evidence"} <= codenames
    assert "change_plan" not in codenames and "change_target" not in codenames


def test_office_admin_manages_registry_and_plans(db):
    codenames = set(Group.objects.get(name="管理员").permissions.values_list("codename", flat=True))
    assert {"add_unit", "change_unitalias", "delete_task", "add_target", "change_pairing"} <= codenames


def test_user_roles_come_from_groups(registry):
    user = User.objects.create_user(username="reviewer", unit=registry["units"]["区民政局"])
    user.groups.add(Group.objects.get(name=group_name(Role.REVIEWER)), Group.objects.get(name=group_name(Role.LEADER)))
    user = User.objects.get(pk=user.pk)
    assert user.has_role(Role.REVIEWER) and user.has_role(Role.LEADER)
    assert not user.has_role(Role.REPORTER)
    assert user.role_labels() == ["审核员", "领导"]


def test_ordinary_user_must_belong_to_a_unit(db):
    user = User(username="nobody")
    user.set_password("x-long-password-1")
    with pytest.raises(ValidationError, match="必须属于一个单位"):
        user.full_clean()
