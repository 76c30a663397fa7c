"""The four sample users, one per role, in 鼓楼区's units (the registry must be loaded first)."""

from django.contrib.auth.models import Group

from accounts.models import User
from accounts.roles import Role, group_name
from orgs.models import Region
from orgs.services import resolve_unit
from samples.plans import SampleDataError

# (username, 姓名, role, unit name as resolved in 鼓楼区, is_staff)
SAMPLE_USERS = [
    ("gulou_office", "林晓燕", Role.OFFICE_ADMIN, "区民政局", True),
    ("gudong_reporter", "陈志强", Role.REPORTER, "鼓东街道", False),
    ("gulou_reviewer", "黄丽华", Role.REVIEWER, "区民政局", False),
    ("gulou_leader", "郑国平", Role.LEADER, "鼓楼区", False),
]


def load_users(password: str | None) -> list[str]:
    """Create or update the sample users; returns the usernames created this time."""
    gulou = Region.objects.get(name="鼓楼区", level=Region.Level.COUNTY)
    created_names = []
    for username, name, role, unit_name, is_staff in SAMPLE_USERS:
        unit = resolve_unit(unit_name, scope=gulou).unit
        if unit is None:
            raise SampleDataError(f"样例用户 {username} 的单位“{unit_name}”在单位库中无法识别")
        try:
            group = Group.objects.get(name=group_name(role))
        except Group.DoesNotExist:
            raise SampleDataError(f"找不到角色组“{group_name(role)}”，请先运行 manage.py migrate") from None

        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username)
            # Only a new user gets a password: re-running must not reset one a person has changed.
            if password:
                user.set_password(password)
            else:
                user.set_unusable_password()
            created_names.append(username)
        user.name, user.unit, user.is_staff = name, unit, is_staff
        user.full_clean()
        user.save()
        user.groups.add(group)
    return created_names
