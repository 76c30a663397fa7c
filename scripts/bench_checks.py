#!/usr/bin/env python
"""How long the checks take on a city-sized set of plans.

    .venv/bin/python scripts/bench_checks.py [--plans 1000] [--targets-per-plan 100]

Generates one city plan and (plans - 1) district plans implementing it, each
task a total broken down among departments and streets (some breakdowns off,
so there is something to find), into a throw-away database: SQLite in a
temporary folder, or PostgreSQL when DATABASE_URL names one (its test_bench
database is created and dropped). Prints the time to check every plan.
"""

import argparse
import os
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def generate(plans: int, targets_per_plan: int) -> int:
    from orgs.models import Programme, Region, Unit
    from plans.models import Plan, Target, Task

    city_region = Region.objects.create(name="样例市", level=Region.Level.CITY)
    districts = [Region.objects.create(name=f"第{i}区", level=Region.Level.COUNTY, parent=city_region) for i in range(10)]
    units = {d.pk: Unit.objects.bulk_create([Unit(name=f"区直部门{k}", kind=Unit.Kind.DEPARTMENT, region=d) for k in range(20)]
                                            + [Unit(name=f"街道{k}", kind=Unit.Kind.TOWN, region=d) for k in range(10)])
             for d in districts}
    district_units = Unit.objects.bulk_create([Unit(name=d.name, kind=Unit.Kind.PARTY_GOVERNMENT, region=d) for d in districts])

    tasks_per_plan = max(1, targets_per_plan // 10)
    city = Plan.objects.create(title="市级方案", doc_number="市〔2026〕1号", year=2026, kind=Programme.EAST_WEST)
    city_tasks = Task.objects.bulk_create([Task(plan=city, ref=str(n + 1), position=n, text=f"市级任务{n}") for n in range(tasks_per_plan)])
    totals = Target.objects.bulk_create([Target(task=t, metric="社会帮扶资金", quantity=Decimal(3000), unit="万元") for t in city_tasks])
    Target.objects.bulk_create([Target(task=t, metric="社会帮扶资金", quantity=Decimal(300), unit="万元", assignee=u, parent=total)
                                for t, total in zip(city_tasks, totals) for u in district_units])

    count = 0
    for number in range(1, plans):
        region = districts[number % 10]
        plan = Plan.objects.create(title=f"区级方案{number}", doc_number=f"区〔2026〕{number}号", year=2026,
                                   kind=Programme.EAST_WEST, parent=city)
        tasks = Task.objects.bulk_create([Task(plan=plan, ref=str(n + 1), position=n, text=f"区级任务{n}",
                                               upper_task=city_tasks[n]) for n in range(tasks_per_plan)])
        heads = Target.objects.bulk_create([Target(task=t, metric="社会帮扶资金", quantity=Decimal(300), unit="万元",
                                                   assignee=district_units[number % 10]) for t in tasks])
        parts = []
        for task, head in zip(tasks, heads):
            for k in range(targets_per_plan // tasks_per_plan - 1):
                share = Decimal("33.33") if (number + k) % 7 else Decimal("40")  # some sums go wrong
                parts.append(Target(task=task, metric="社会帮扶资金", quantity=share, unit="万元",
                                    assignee=units[region.pk][k % 30], parent=head, position=k + 1))
        Target.objects.bulk_create(parts)
        count += len(heads) + len(parts)
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--targets-per-plan", type=int, default=100)
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="xiezuo-bench-")
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xiezuo.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    databases = setup_databases(verbosity=0, interactive=False, aliases={"default"}) \
        if connection.vendor == "postgresql" else None
    try:
        from django.core.management import call_command

        if databases is None:
            call_command("migrate", verbosity=0)
        start = time.perf_counter()
        targets = generate(args.plans, args.targets_per_plan)
        print(f"{connection.vendor}: generated {args.plans} plans, {targets} targets in {time.perf_counter() - start:.1f} s")

        from checks.services import findings_for_plans
        from plans.models import Plan

        start = time.perf_counter()
        findings = findings_for_plans(list(Plan.objects.order_by("pk")))
        seconds = time.perf_counter() - start
        total = sum(len(f) for f in findings.values())
        print(f"checked {len(findings)} plans in {seconds:.2f} s ({len(findings) / seconds:.0f} plans/s): {total} findings")
    finally:
        if databases is not None:
            teardown_databases(databases, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
