#!/usr/bin/env python
"""How fast a city's year-end assessment is, on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/xiezuo_assess_bench \\
        .venv/bin/python scripts/bench_assessment.py [--units 1000] [--items 20] [--repeat 10]

Creates (drops first) the database named by DATABASE_URL — its name must contain "bench" —,
migrates it, and generates one city's plan and its scheme: `--units` assessed units (three in
five towns and streets, the rest departments), `--items` ordinary items for each kind (every
unit answers for its kind's items), every cell self-assessed and scored, thresholds set. Then
times, as the office's admin through the test client: the plan's assessment page, the score
table .xlsx, the scoring page (first page) and the progress page (p50 / p95 / max, warm-up
excluded), checking that no GET writes. Results go into docs/benchmarks.md by hand.
"""

import argparse
import datetime
import importlib.util
import math
import os
import statistics
import sys
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
GOAL_MS = 2000
WRITES = {"INSERT", "UPDATE", "DELETE"}
YEAR = 2026


def _oversight_bench():
    spec = importlib.util.spec_from_file_location("bench_oversight", ROOT / "scripts" / "bench_oversight.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Shape:
    units: int = 1000
    items: int = 20  # ordinary items each unit answers for

    @classmethod
    def smoke(cls) -> "Shape":
        return cls(units=12, items=3)


def generate(shape: Shape, seed: int = 1):
    """The city, its office and admin, units, plan, scheme, sheets, items and scores, by the ORM
    in bulk (no history rows: a generated year has no one who changed it). Returns the scheme."""
    import random

    from django.contrib.auth.models import Group

    from accounts.models import User
    from accounts.roles import Role, group_name
    from assessment.models import Item, ItemScore, Scheme, ScoreSheet
    from orgs.models import Programme, Region, Unit
    from plans.models import Plan

    rng = random.Random(seed)
    city = Region.objects.create(name=f"基准市{seed}", level=Region.Level.CITY)
    office = Unit.objects.create(name=f"基准市{seed}乡村振兴局", kind=Unit.Kind.DEPARTMENT, region=city)
    admin = User.objects.create_user(username=f"bench_assess_office{seed}", password="Bench-2026-pass", unit=office)
    admin.groups.add(Group.objects.get(name=group_name(Role.OFFICE_ADMIN)))
    towns = shape.units * 3 // 5
    units = Unit.objects.bulk_create(
        [Unit(name=f"基准{'镇' if n < towns else '局'}{n:05d}", kind=Unit.Kind.TOWN if n < towns else Unit.Kind.DEPARTMENT,
              region=city) for n in range(shape.units)])
    plan = Plan.objects.create(title="基准市年度考核方案", doc_number=f"基〔2026〕{seed}号", year=YEAR,
                               kind=Programme.EAST_WEST, office=office, state=Plan.State.ACTIVE)
    scheme = Scheme.objects.create(plan=plan, year=YEAR, office=office, title="基准市2026年度考核",
                                   state=Scheme.State.OPEN, grade_first=Decimal(90), grade_second=Decimal(80),
                                   grade_third=Decimal(60))
    points = Decimal(100) / shape.items
    items = Item.objects.bulk_create(
        [Item(scheme=scheme, unit_kind=kind, ref=str(n + 1), text=f"考核内容{n + 1}：完成年度任务并提供佐证材料。",
              max_points=points.quantize(Decimal("0.01")), requirement="提供文件；提供台账。", position=p)
         for p, (kind, n) in enumerate((k, n) for k in (Unit.Kind.TOWN, Unit.Kind.DEPARTMENT) for n in range(shape.items))])
    sheets = ScoreSheet.objects.bulk_create(
        [ScoreSheet(scheme=scheme, unit=unit, position=p, state=ScoreSheet.State.SCORED) for p, unit in enumerate(units)])
    scores = []
    for sheet, unit in zip(sheets, units):
        for item in items:
            if item.unit_kind == unit.kind:
                value = item.max_points - Decimal(rng.randint(0, 100)) / 100
                scores.append(ItemScore(sheet=sheet, item=item, self_score=item.max_points, score=value,
                                        reason="" if value == item.max_points else "佐证不全", scored_by=admin))
    ItemScore.objects.bulk_create(scores, batch_size=5000)
    return scheme


def percentile(values, share):
    """Nearest rank, as bench_oversight's."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


@dataclass
class Measured:
    name: str
    runs: list[float]
    queries: int
    writes: list[str]

    def line(self) -> str:
        p95 = percentile(self.runs, 0.95)
        return (f"{self.name:<28} {len(self.runs):>4} {statistics.median(self.runs):>8,.0f} {p95:>8,.0f} "
                f"{max(self.runs):>8,.0f} {self.queries:>4}  {'✔' if p95 < GOAL_MS else '✘'}")


HEADER = f"{'page':<28} {'runs':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'qs':>4}  goal p95 < {GOAL_MS} ms"


def measure(scheme, repeat: int, warmup: int = 1, log=print) -> list[Measured]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User

    client = Client()
    client.force_login(User.objects.filter(unit_id=scheme.office_id).order_by("pk").first())
    pages = [("考核页（全部单位）", f"/assessment/plans/{scheme.plan_id}/?year={scheme.year}"),
             ("成绩表 .xlsx", f"/assessment/plans/{scheme.plan_id}/{scheme.year}/scores.xlsx"),
             ("评分页（第1页）", f"/assessment/schemes/{scheme.pk}/score/"),
             ("考核进度", f"/assessment/schemes/{scheme.pk}/progress/")]
    log(HEADER)
    results = []
    for name, url in pages:
        runs, writes, queries = [], [], 0
        for number in range(warmup + repeat):
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                response = client.get(url)
                elapsed = (time.perf_counter() - start) * 1000
            assert response.status_code == 200, f"{url} → {response.status_code}"
            writes += [q["sql"] for q in captured if q["sql"].lstrip().split(None, 1)[0].upper() in WRITES]
            queries = len(captured)
            if number >= warmup:
                runs.append(elapsed)
        results.append(Measured(name, runs, queries, writes))
        log(results[-1].line())
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    bench = _oversight_bench()
    url = bench.database_url()
    if "bench" not in bench._database(url):
        parser.error(f"refusing to drop and recreate “{bench._database(url)}”: use a database whose name contains “bench”")
    started = time.perf_counter()
    bench.recreate(url)
    os.environ.update(DATABASE_URL=url, DEBUG="False", ALLOWED_HOSTS="testserver")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xiezuo.settings")
    import logging

    import django

    django.setup()
    logging.getLogger("axes").setLevel(logging.WARNING)
    from django.db import connection

    shape = Shape(args.units, args.items)
    scheme = generate(shape, args.seed)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"{shape.units} units × {shape.items} items generated in {time.perf_counter() - started:.0f} s; "
          f"load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    import time_machine

    with time_machine.travel(datetime.datetime(YEAR, 12, 20, 10, tzinfo=datetime.UTC), tick=True):
        results = measure(scheme, args.repeat)
    if any(r.writes for r in results):
        print("✘ a GET wrote: " + next(r.writes[0] for r in results if r.writes)[:200])
        return 1
    print("no INSERT, UPDATE or DELETE during the requests ✔")
    return 0 if all(percentile(r.runs, 0.95) < GOAL_MS for r in results) else 2


if __name__ == "__main__":
    sys.exit(main())
