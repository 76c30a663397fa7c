"""Send the monthly progress warnings, the day after each cycle's due date.

Units with targets overdue (red), behind 时序进度 (yellow) or near their
deadline (blue) are told which, in the app and by e-mail. Recorded before
sending, so running twice never warns twice. Run daily from cron after
send_reminders:

    5 8 * * * cd /srv/xiezuo && .venv/bin/python manage.py send_warnings
"""


from django.core.management.base import BaseCommand

from reporting.management.today import today_option
from funds.warnings import send_funds_warnings
from oversight import status as st
from oversight.warnings import send_warnings


class Command(BaseCommand):
    help = ("发送进度预警：报送截止日次日，向有"
            + "、".join(st.warning_text(c) for c in st.WARNING_ORDER)
            + "指标的单位发送预警（同一期不重复发送）")

    def add_arguments(self, parser):
        parser.add_argument("--today", help="按哪一天发送，格式 YYYY-MM-DD；默认今天（北京时间）")

    def handle(self, *args, **options):
        today = today_option(options["today"])
        sent = send_warnings(today)
        self._funds(today)
        if not sent:
            self.stdout.write(f"{today:%Y-%m-%d}：没有需要发送的预警。")
            return
        self.stdout.write(f"{today:%Y-%m-%d}：已向{len(sent)}个单位发送进度预警。")
        for item in sent:
            counts = "、".join(f"{st.WARNING_LABELS[k]}{n}项" for k, n in item.counts.items() if n)
            self.stdout.write(f"  {item.unit_name}：《{item.cycle.plan.title}》{item.cycle.label}，{counts}")
            if item.email_error:
                self.stderr.write(f"  邮件发送失败（站内通知已发出）：{item.unit_name}：{item.email_error}")

    def _funds(self, today):
        """Projects behind a 拨付率/支出率 milestone, warned the same day (funds.warnings)."""
        for item in send_funds_warnings(today):
            self.stdout.write(f"  资金进度预警 {item.unit.name}：《{item.cycle.plan.title}》{item.cycle.label}，"
                              f"{len(item.projects)}个项目")
            if item.email_error:
                self.stderr.write(f"  邮件发送失败（站内通知已发出）：{item.unit.name}：{item.email_error}")
