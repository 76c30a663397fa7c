"""manage.py check_plans [PLAN …]: print every finding; exit non-zero on an error."""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from checks.findings import ERROR
from checks.services import findings_for_plans
from plans.models import Plan


class Command(BaseCommand):
    help = "核查方案中的数字与分工（不指定则核查全部方案）；发现错误时以非零状态退出"

    def add_arguments(self, parser):
        parser.add_argument("plans", nargs="*", help="方案编号或文号")
        parser.add_argument("--errors-only", action="store_true", help="只列出错误")

    def handle(self, *args, plans, errors_only, **options):
        selected = self._plans(plans)
        errors = total = 0
        all_findings = findings_for_plans(selected)
        for plan in selected:
            findings = all_findings[plan.pk]
            if errors_only:
                findings = [f for f in findings if f.severity == ERROR]
            self.stdout.write(f"== 方案 {plan.pk}《{plan.title}》{plan.doc_number}：{len(findings)} 条")
            for finding in findings:
                self.stdout.write(f"  {finding}")
            errors += sum(1 for f in findings if f.severity == ERROR)
            total += len(findings)
        summary = f"核查 {len(selected)} 份方案：{total} 条结果，其中错误 {errors} 条。"
        if errors:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))

    def _plans(self, given: list[str]) -> list[Plan]:
        if not given:
            return list(Plan.objects.order_by("pk"))
        found = []
        for item in given:
            query = Q(doc_number=item) | (Q(pk=int(item)) if item.isdigit() else Q(pk__in=[]))
            plan = Plan.objects.filter(query).first()
            if plan is None:
                raise CommandError(f"找不到方案“{item}”（请给出方案编号或文号）")
            found.append(plan)
        return found
