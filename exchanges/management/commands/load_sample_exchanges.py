"""Load the sample exchanges (exchanges/sample_exchanges.py); `make run` does, after load_sample_data."""

from django.core.management.base import BaseCommand

from exchanges.sample_exchanges import load_sample_exchanges
from reporting.management.today import today_option


class Command(BaseCommand):
    help = "载入样例互访交流：样例结对乡镇和县区之间的互访（可重复运行）"

    def add_arguments(self, parser):
        parser.add_argument("--today", help="按哪一天载入，格式 YYYY-MM-DD；默认今天（北京时间）")

    def handle(self, *args, **options):
        made = load_sample_exchanges(today_option(options["today"]))
        self.stdout.write(f"样例互访交流：新增{made}次")
