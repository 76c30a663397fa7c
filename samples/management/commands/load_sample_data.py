"""Load all the sample data, in order: the registry, the sample plans, four sample users,
the plans' monthly reports from January to today, the 鼓楼区 plan issued, the roster of
dispatched people and the exchanges between the sample pairings.

Safe to run on every start (`make run` does): the registry and plans are updated in place,
except a sample plan that already has progress reports, which is kept as it is; a sample
user's password is only ever set when the user is created; only reports nobody has touched
are filled; the plan is issued once; people and exchanges are matched by their keys. --only runs some steps (tests load just what they need).
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from reporting.management.today import today_option
from samples.exchanges import load_sample_exchanges
from samples.issuance import SampleIssuanceError, load_sample_issuance
from samples.people import load_sample_people
from samples.plans import SampleDataError, load_plans
from samples.registry import load_registry
from samples.reports import SampleReportsError, load_sample_reports
from samples.steps import STEPS
from samples.users import SAMPLE_USERS, load_users


class Command(BaseCommand):
    help = ("载入样例数据：单位库、闽宁协作样例方案、样例用户、1月至今的样例填报、鼓楼区样例方案的下达、"
            "样例选派人员和互访交流（可重复运行，不会重复创建）")

    def add_arguments(self, parser):
        parser.add_argument(
            "--user-password",
            help="新建样例用户时设置的密码；不指定则样例用户无密码、不能登录（已存在的用户不改密码）",
        )
        parser.add_argument("--today", help="样例填报、选派人员和互访按哪一天载入，格式 YYYY-MM-DD；默认今天（北京时间）")
        parser.add_argument("--only", nargs="+", choices=STEPS, metavar="步骤",
                            help=f"只运行这些步骤（仍按顺序）：{'、'.join(STEPS)}；默认全部")

    def handle(self, *args, user_password=None, today=None, only=None, **options):
        steps = [step for step in STEPS if step in (only or STEPS)]
        day = today_option(today)
        try:
            # The registry, plans and users all or nothing, as one load.
            with transaction.atomic():
                base = {
                    "registry": load_registry() if "registry" in steps else None,
                    "plans": load_plans() if "plans" in steps else None,
                    "users": load_users(user_password) if "users" in steps else None,
                }
            reports = load_sample_reports(day) if "reports" in steps else None
            issued = load_sample_issuance() if "issuance" in steps else None
            people = load_sample_people(day) if "people" in steps else None
            exchanges = load_sample_exchanges(day) if "exchanges" in steps else None
        except (SampleDataError, SampleReportsError, SampleIssuanceError) as error:
            raise CommandError(str(error)) from error

        self.stdout.write(self.style.SUCCESS("样例数据已载入："))
        if base["registry"] is not None:
            self._registry(base["registry"])
        if base["plans"] is not None:
            self._plans(base["plans"])
        if base["users"] is not None:
            self._users(base["users"], user_password)
        if reports is not None:
            self._reports(reports, day)
        if issued is not None:
            self._issuance(issued)
        if people is not None:
            self.stdout.write(f"  选派人员：新增{people['people']}人，生活补助{people['allowances']}条，计数规则{people['rules']}条")
        if exchanges is not None:
            self.stdout.write(f"  互访交流：新增{exchanges}次")

    def _registry(self, registry):
        self.stdout.write(
            f"  单位库：区划 {registry['regions']} 个，单位 {registry['units']} 个，别名 {registry['aliases']} 个，"
            f"集合单位成员 {registry['memberships']} 个，结对关系 {registry['pairings']} 个"
        )

    def _plans(self, plans):
        self.stdout.write(
            f"  方案：{plans['plans']} 份，任务 {plans['tasks']} 项，分工 {plans['assignments']} 条，"
            f"指标 {plans['targets']} 个"
        )
        for title in plans["kept"]:
            self.stdout.write(f"  样例方案《{title}》已有进度报告，保留原样，未重新载入其任务（以免删除填报数据）。")

    def _users(self, created, user_password):
        names = "、".join(username for username, *_ in SAMPLE_USERS)
        self.stdout.write(f"  用户：{len(SAMPLE_USERS)} 个（{names}），本次新建 {len(created)} 个")
        if created and user_password:
            self.stdout.write("  新建用户的密码已按 --user-password 设置。")
        elif created:
            self.stdout.write("  新建用户没有密码，不能登录；可用 --user-password 指定，或运行 manage.py changepassword 用户名。")
        if len(created) < len(SAMPLE_USERS):
            self.stdout.write("  已存在的用户未改动密码。")

    def _reports(self, counts, today):
        if not counts["cycles"]:
            self.stdout.write(f"  填报：{today:%Y-%m-%d} 样例方案尚未到填报期，未载入样例填报。")
            return
        self.stdout.write(f"  填报（截至{today:%Y-%m-%d}）：填报周期 {counts['cycles']} 期，进度报告 {counts['reports']} 份")
        if counts["filled"]:
            self.stdout.write(
                f"  本次填写 {counts['filled']} 份：已通过 {counts['approved']} 份，已提交 {counts['submitted']} 份，"
                f"已退回 {counts['returned']} 份，暂存未提交 {counts['drafts']} 份；其中逾期提交 {counts['late']} 份")
            self.stdout.write(f"  填报数据 {counts['figures']} 条，报告记录 {counts['events']} 条，"
                              f"佐证材料 {counts['evidence']} 份")
        else:
            self.stdout.write("  本次没有需要填写的报告。")
        self.stdout.write(f"  尚未填报 {counts['untouched']} 份（本月未报送或漏报）；"
                          f"已有填报内容、保持原样 {counts['kept']} 份")

    def _issuance(self, done):
        verb = "已下达" if done["issued"] else "此前已下达"
        self.stdout.write(f"  下达：《{done['plan'].title}》{verb}（{done['version'].label}），"
                          f"{done['receipts']}个单位应签收")
        if done["signed"]:
            self.stdout.write("  鼓东街道已签收。")
