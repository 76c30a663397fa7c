"""Send today's reporting reminders: N days before each due date, and the day after it.

Only units with a report still pending or returned are reminded, in the app
and by e-mail. Every reminder is recorded before it is sent, so running the
command twice on one day (or twice at once) never sends anything twice.

Run it daily from cron, e.g. at 08:00 (the server's clock; `today` is taken
in Asia/Shanghai):

    0 8 * * * cd /srv/xiezuo && .venv/bin/python manage.py send_reminders

Options: --today 2026-11-22 to run as on another day (catching up on a missed
day, or trying it out); --days-before N (default settings.REMINDER_DAYS_BEFORE, 3).
"""


from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from reporting.management.today import today_option
from reporting.models import ReminderSent
from reporting.reminders import EXTRA_REMINDERS, send_reminders

Kind = ReminderSent.Kind




class Command(BaseCommand):
    help = "发送填报提醒：报送截止日前N天和逾期次日，提醒尚未报送的单位（站内通知和邮件；同一天重复运行不会重复发送）"

    def add_arguments(self, parser):
        parser.add_argument("--today", help="按哪一天发送，格式 YYYY-MM-DD；默认今天（北京时间）")
        parser.add_argument("--days-before", type=int, help="截止日前几天提醒；默认取设置 REMINDER_DAYS_BEFORE，未设置为3")

    def handle(self, *args, **options):
        today = today_option(options["today"])
        days_before = options["days_before"]
        if days_before is None:
            days_before = getattr(settings, "REMINDER_DAYS_BEFORE", 3)
        if days_before < 0:
            raise CommandError(f"--days-before 不能为负数（填写的是{days_before}）")

        sent = send_reminders(today, days_before)

        before = sum(1 for s in sent if s.kind == Kind.BEFORE_DUE)
        overdue = sum(1 for s in sent if s.kind == Kind.OVERDUE)
        units = len({s.unit.pk for s in sent})
        if not sent:
            self.stdout.write(f"{today:%Y-%m-%d}：没有需要发送的提醒（截止日前{days_before}天提醒、逾期次日提醒均无待发）。")
        else:
            self.stdout.write(f"{today:%Y-%m-%d}：已提醒{units}个单位，共{len(sent)}条："
                              f"截止日前提醒{before}条，逾期提醒{overdue}条。")
        if options["verbosity"] >= 2:
            for s in sent:
                self.stdout.write(f"  {s.unit.name}（{Kind(s.kind).label}）：《{s.cycle.plan.title}》{s.cycle.label}"
                                  f"，{s.outstanding}项未报送")
        failed = [s for s in sent if s.email_error]
        for s in failed:
            self.stderr.write(f"邮件发送失败（站内通知已发出）：{s.unit.name} 《{s.cycle.plan.title}》{s.cycle.label}：{s.email_error}")
        for run in EXTRA_REMINDERS:
            extra = run(today, days_before)
            if extra:
                self.stdout.write(f"{today:%Y-%m-%d}：{run.label}：已提醒{len({s.unit.pk for s in extra})}个单位，共{len(extra)}条。")
            for s in extra:
                if s.email_error:
                    self.stderr.write(f"邮件发送失败（站内通知已发出）：{s.unit.name} 《{s.cycle.plan.title}》{s.cycle.label}：{s.email_error}")
