"""Remind, once a day, the units that have not submitted their self-assessment and the scoring
departments with items left, for every assessment in 自评评分中 (assessment.progress).

Run it daily from cron next to send_reminders; a second run the same day sends nothing:

    5 8 * * * cd /srv/xiezuo && .venv/bin/python manage.py remind_assessment
"""

from django.core.management.base import BaseCommand

from assessment.models import Scheme
from assessment.progress import send_reminders
from reporting.management.today import HELP, today_option


class Command(BaseCommand):
    help = "发送年度考核提醒：未提交自评的单位和尚有项目未评分的评分部门（每个单位每天最多一次）"

    def add_arguments(self, parser):
        parser.add_argument("--today", help=HELP)

    def handle(self, *args, **options):
        today = today_option(options["today"])
        total = 0
        for scheme in Scheme.objects.filter(state=Scheme.State.OPEN).select_related("plan").order_by("pk"):
            sent = send_reminders(scheme, today)
            total += len(sent)
            if sent:
                self.stdout.write(f"《{scheme}》：提醒{len(sent)}个单位：" + "、".join(sent))
        self.stdout.write(f"共提醒{total}个单位。")
