from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from accounts.models import User
from accounts.roles import Role


def _run(*args):
    out = StringIO()
    call_command("ensure_admin", *args, stdout=out)
    return out.getvalue()


def test_first_run_creates_admin_and_prints_working_password_once(registry):
    first = _run("--unit", "区乡村振兴局")
    password = first.split("初始密码 ")[1].split()[0]
    admin = User.objects.get(username="admin")
    assert admin.check_password(password)
    assert admin.is_superuser and admin.has_role(Role.OFFICE_ADMIN)
    assert admin.unit == registry["units"]["区民政局"]  # found through its alias

    second = _run("--unit", "区民政局")
    assert password not in second and "已存在" in second
    assert User.objects.get(username="admin").check_password(password)


def test_unknown_unit_is_a_clear_error_and_creates_nothing(registry):
    with pytest.raises(CommandError, match="找不到唯一的单位“区民宗局”"):
        _run("--unit", "区民宗局")
    assert not User.objects.filter(username="admin").exists()
