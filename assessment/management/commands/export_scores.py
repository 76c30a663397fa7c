"""manage.py export_scores PLAN [--year Y] --xlsx FILE: the score table of a plan's year."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assessment.exports import score_workbook
from assessment.models import Scheme
from assessment.queries import score_table
from plans.models import Plan


class Command(BaseCommand):
    help = "导出方案某一年度的考核成绩表（.xlsx）：每个单位一行，各项目的满分、自评、得分，合计、排名、等次"

    def add_arguments(self, parser):
        parser.add_argument("plan", help="方案编号或文号")
        parser.add_argument("--year", type=int, help="考核年度（默认为该方案最近生成的考核年度）")
        parser.add_argument("--xlsx", required=True, help="写入的 .xlsx 文件")

    def handle(self, *args, **options):
        plan = self._plan(options["plan"])
        schemes = Scheme.objects.filter(plan=plan).order_by("-year")
        if options["year"] is not None:
            schemes = schemes.filter(year=options["year"])
        scheme = schemes.first()
        if scheme is None:
            year = f"{options['year']}年度的" if options["year"] is not None else ""
            raise CommandError(f"方案《{plan.title}》还没有{year}考核方案，请先在“年度考核”页面生成。")
        path = Path(options["xlsx"])
        if path.suffix.lower() != ".xlsx":
            raise CommandError(f"输出文件“{path}”须以 .xlsx 结尾。")
        table = score_table(scheme)
        try:
            path.write_bytes(score_workbook(table))
        except OSError as error:
            raise CommandError(f"无法写入文件“{path}”：{error.strerror}") from None
        scored = sum(1 for row in table.rows if row.total is not None)
        self.stdout.write(self.style.SUCCESS(
            f"已导出《{scheme}》成绩表：{len(table.rows)} 个单位，{len(table.items)} 个考核项目，"
            f"已完成评分 {scored} 个单位 → {path}"))

    def _plan(self, given: str) -> Plan:
        plans = list(Plan.objects.filter(pk=int(given))) if given.isdigit() else list(Plan.objects.filter(doc_number=given))
        if not plans:
            raise CommandError(f"找不到方案“{given}”（请给出方案编号或文号）。")
        if len(plans) > 1:
            raise CommandError(f"文号“{given}”对应多份方案，请改用方案编号：" + "、".join(str(p.pk) for p in plans))
        return plans[0]
