"""Load the sample registry, the sample plans and four sample users.

Safe to run on every start (`make run` does): everything is updated in
place, except a sample plan that already has progress reports, which is kept
as it is; a sample user's password is only ever set when the user is created.
"""

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import User
from accounts.roles import Role, group_name
from orgs.models import Region
from orgs.sample_registry import load_registry
from orgs.services import resolve_unit
from plans.sample_plans import SampleDataError, load_plans

# (username, 姓名, role, unit name as resolved in 鼓楼区, is_staff)
SAMPLE_USERS = [
    ("gulou_office", "林晓燕", Role.OFFICE_ADMIN, "区民政局", True),
    ("gudong_reporter", "陈志强", Role.REPORTER, "鼓东街道", False),
    ("gulou_reviewer", "黄丽华", Role.REVIEWER, "区民政局", False),
    ("gulou_leader", "郑国平", Role.LEADER, "鼓楼区", False),
]


class Command(BaseCommand):
    help = "载入样例数据：单位库、闽宁协作样例方案和样例用户（可重复运行，不会重复创建）"

    def add_arguments(self, parser):
        parser.add_argument(
            "--user-password",
            help="新建样例用户时设置的密码；不指定则样例用户无密码、不能登录（已存在的用户不改密码）",
        )

    def handle(self, *args, user_password=None, **options):
        try:
            with transaction.atomic():
                registry = load_registry()
                plans = load_plans()
                created = self._load_users(user_password)
        except SampleDataError as error:
            raise CommandError(str(error)) from error

        self.stdout.write(self.style.SUCCESS("样例数据已载入："))
        self.stdout.write(
            f"  单位库：区划 {registry['regions']} 个，单位 {registry['units']} 个，别名 {registry['aliases']} 个，"
            f"集合单位成员 {registry['memberships']} 个，结对关系 {registry['pairings']} 个"
        )
        self.stdout.write(
            f"  方案：{plans['plans']} 份，任务 {plans['tasks']} 项，分工 {plans['assignments']} 条，"
            f"指标 {plans['targets']} 个"
        )
        for title in plans["kept"]:
            self.stdout.write(f"  样例方案《{title}》已有进度报告，保留原样，未重新载入其任务（以免删除填报数据）。")
        names = "、".join(username for username, *_ in SAMPLE_USERS)
        self.stdout.write(f"  用户：{len(SAMPLE_USERS)} 个（{names}），本次新建 {len(created)} 个")
        if created and user_password:
            self.stdout.write("  新建用户的密码已按 --user-password 设置。")
        elif created:
            self.stdout.write("  新建用户没有密码，不能登录；可用 --user-password 指定，或运行 manage.py changepassword 用户名。")
        if len(created) < len(SAMPLE_USERS):
            self.stdout.write("  已存在的用户未改动密码。")

    def _load_users(self, password: str | None) -> list[str]:
        gulou = Region.objects.get(name="鼓楼区", level=Region.Level.COUNTY)
        created_names = []
        for username, name, role, unit_name, is_staff in SAMPLE_USERS:
            unit = resolve_unit(unit_name, scope=gulou).unit
            if unit is None:
                raise CommandError(f"样例用户 {username} 的单位“{unit_name}”在单位库中无法识别")
            try:
                group = Group.objects.get(name=group_name(role))
            except Group.DoesNotExist:
                raise CommandError(f"找不到角色组“{group_name(role)}”，请先运行 manage.py migrate") from None

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
