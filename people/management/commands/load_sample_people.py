"""Load the sample roster (people/sample_people.py); `make run` does, after load_sample_data."""

from django.core.management.base import BaseCommand

from reporting.management.today import today_option
from people.sample_people import load_sample_people


class Command(BaseCommand):
    help = "载入样例选派人员：区教育局、区卫健局选派的专技人才和挂职干部，生活补助发放，选派目标按名单计数（可重复运行）"

    def add_arguments(self, parser):
        parser.add_argument("--today", help="按哪一天载入，格式 YYYY-MM-DD；默认今天（北京时间）")

    def handle(self, *args, **options):
        counts = load_sample_people(today_option(options["today"]))
        self.stdout.write(f"样例选派人员：新增{counts['people']}人，生活补助{counts['allowances']}条，计数规则{counts['rules']}条")
