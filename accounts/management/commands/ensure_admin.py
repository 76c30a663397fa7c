"""Create the office's first administrator account, once.

`make run` calls this on every start; only the first call creates the
account and prints its password, which is never stored in plain text.
"""

import secrets

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import User
from accounts.roles import Role, group_name
from orgs.services import resolve_unit


class Command(BaseCommand):
    help = "创建管理员账号（已存在则不改动）；仅在创建时显示一次初始密码"

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--unit", help="管理员所属单位名称，如“区民政局”（须已在单位库中）")

    @transaction.atomic
    def handle(self, *args, username, unit=None, **options):
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"管理员账号 {username} 已存在，密码未改动。"
                f"忘记密码可运行：.venv/bin/python manage.py changepassword {username}"
            )
            return
        office = None
        if unit:
            resolution = resolve_unit(unit)
            if resolution.unit is None:
                raise CommandError(f"单位库中找不到唯一的单位“{unit}”，请先载入单位数据或改用 --unit 指定其他单位")
            office = resolution.unit
        password = secrets.token_urlsafe(12)
        user = User.objects.create_superuser(username=username, password=password, name="系统管理员", unit=office)
        user.groups.add(Group.objects.get(name=group_name(Role.OFFICE_ADMIN)))
        self.stdout.write(self.style.SUCCESS(
            f"已创建管理员账号：用户名 {username}，初始密码 {password}\n"
            "（密码只显示这一次，请妥善保存，登录后可在管理后台修改）"
        ))
