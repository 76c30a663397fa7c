"""Fill the sample plans' monthly reports from January to today (`make run` does, after
load_sample_data), so the pages and dashboards have months of work to show.

Safe to run on every start: only reports nobody has touched are filled, and a
second run on the same day writes nothing. --today 2026-11-30 runs as on another day.
"""


from django.core.management.base import BaseCommand, CommandError

from reporting.management.today import today_option
from reporting.sample_reports import SampleReportsError, load_sample_reports




class Command(BaseCommand):
    help = "载入样例填报：为样例方案填写1月至今各月的进度报告、审核记录和佐证材料（可重复运行，不覆盖已有填报）"

    def add_arguments(self, parser):
        parser.add_argument("--today", help="按哪一天载入，格式 YYYY-MM-DD；默认今天（北京时间）")

    def handle(self, *args, **options):
        today = today_option(options["today"])
        try:
            counts = load_sample_reports(today)
        except SampleReportsError as error:
            raise CommandError(str(error)) from error

        if not counts["cycles"]:
            self.stdout.write(f"{today:%Y-%m-%d}：样例方案尚未到填报期，未载入样例填报。")
            return
        self.stdout.write(self.style.SUCCESS(f"样例填报已载入（截至{today:%Y-%m-%d}）："))
        self.stdout.write(f"  填报周期 {counts['cycles']} 期，进度报告 {counts['reports']} 份")
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
