"""Open this month's reporting cycle (and any earlier one missing) for every plan, with a
report per responsible unit × task. Pages never do this (a GET writes nothing); it runs daily
from cron, before the reminders, and when a plan is imported:

    5 0 * * * cd /srv/xiezuo && .venv/bin/python manage.py open_cycles

Safe to run often: nothing is created twice, and a month a crash left unopened (or a cycle
left without its reports) is completed. --today 2026-12-01 runs as on another day.
"""

import logging

from django.core.management.base import BaseCommand, CommandError

from reporting.management.today import HELP, today_option
from reporting.services import open_cycles

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "开启填报周期：为各方案开启本月（及此前缺少的）填报周期和各责任单位的报告（可重复运行，不会重复创建）"

    def add_arguments(self, parser):
        parser.add_argument("--today", help=HELP)

    def handle(self, *args, **options):
        today = today_option(options["today"])
        failed = []

        def report(plan, error):  # one plan's failure does not keep the others' month from opening
            failed.append(plan)
            logger.exception("open_cycles: %s (pk %s) failed", plan, plan.pk)
            self.stderr.write(f"方案“{plan.title}”（编号{plan.pk}）的填报周期未能全部开启：{error}")

        cycles = open_cycles(today, on_error=report)
        this_month = [c for c in cycles if (c.period_start.year, c.period_start.month) == (today.year, today.month)]
        self.stdout.write(f"{today:%Y-%m-%d}：{len({c.plan_id for c in cycles})}个方案共{len(cycles)}期填报周期已开启，"
                          f"其中本月{len(this_month)}期。")
        if failed:
            # Months already opened stay whole; the next run opens the rest of these plans' months.
            raise CommandError(f"{len(failed)}个方案的填报周期未能全部开启，已开启的月份完整保留，下次运行将补齐。")
