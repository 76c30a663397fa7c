#!/usr/bin/env python
"""How fast 我的填报 (/reporting/) answers a reporter at national scale, on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/xiezuo_bench \\
        .venv/bin/python scripts/bench_my_reports.py [--scale 1.0] [--today 2026-11-30] [--repeat 30] [--reuse] [--realtime]

The data is bench_oversight.py's (the same generator, the same database: `--reuse` keeps
one it generated with the same parameters, so the two benchmarks share one load). Then,
with the clock at 10:00 on the generated last day, it signs in as the reporters of a few
units of different sizes — the unit with the most reports this month, one at the 90th and
50th percentile, and the smallest — and times N requests of 我的填报 each through Django's
test client (p50 / p95 / max, warm-up excluded), counting the queries and asserting that
no request wrote anything (no INSERT, UPDATE or DELETE: a GET opens no cycle or report).
Exits 1 on a write, 2 when a p95 misses the goal. On a machine shared with other work,
--realtime (root) measures the page rather than the wait for a CPU. Results go into
docs/benchmarks.md by hand.
"""

import argparse
import datetime
import importlib.util
import os
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOAL_MS = 150
WRITES = ("INSERT", "UPDATE", "DELETE")


def _oversight_bench():
    spec = importlib.util.spec_from_file_location("bench_oversight", ROOT / "scripts" / "bench_oversight.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench = _oversight_bench()


@dataclass
class Measured:
    unit: str
    reports_this_month: int
    rows: int  # report rows on the page (this month, earlier months owed, a page of history)
    queries: int  # per request
    runs: list[float]  # ms
    writes: list[str]
    cpu: list[float] = field(default_factory=list)  # ms of this process's CPU per request (Python and templates, not the database)

    @property
    def p50(self) -> float:
        return statistics.median(self.runs)

    @property
    def p95(self) -> float:
        return bench.percentile(self.runs, 0.95)

    def line(self) -> str:
        return (f"{self.unit:<12} {self.reports_this_month:>6} {self.rows:>5} {self.queries:>4} {len(self.runs):>4} "
                f"{self.p50:>8,.0f} {self.p95:>8,.0f} {max(self.runs):>8,.0f} {statistics.median(self.cpu):>8,.0f}  "
                f"{'✔' if self.p95 < GOAL_MS else '✘'}  writes: {len(self.writes)}")


HEADER = (f"{'unit':<12} {'month':>6} {'rows':>5} {'qs':>4} {'runs':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}"
          f" {'cpu p50':>8}  goal p95 < {GOAL_MS} ms")


def reporters(today: datetime.date, count: int = 4):
    """Reporters of units of different sizes, by their reports this month: the largest, the
    90th and 50th percentile, the smallest (fewer when there are fewer units)."""
    from django.db.models import Count

    from accounts.models import User
    from accounts.roles import Role, group_name
    from reporting.models import ProgressReport

    sizes = list(ProgressReport.objects.filter(cycle__period_start=today.replace(day=1))
                 .values_list("unit_id").annotate(n=Count("id")).order_by("-n", "unit_id"))
    if not sizes:
        raise SystemExit(f"no reports in {today:%Y-%m}: generate data up to that month (--today)")
    picks = sorted({round(share * (len(sizes) - 1)) for share in (0, 0.1, 0.5, 1)[:count]})
    chosen = []
    for index in picks:
        unit_id, size = sizes[index]
        user = (User.objects.filter(unit_id=unit_id, groups__name=group_name(Role.REPORTER), is_active=True)
                .select_related("unit").order_by("pk").first())
        if user is not None:
            chosen.append((user, size))
    return chosen


def measure(today: datetime.date, repeat: int, warmup: int = 2, count: int = 4, log=print) -> list[Measured]:
    """Time 我的填报 for each chosen reporter (Django set up, the clock already at `today`)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    results = []
    log(HEADER)
    for user, size in reporters(today, count):
        client = Client()
        client.force_login(user)
        runs, cpu, writes, rows, queries = [], [], [], 0, 0
        for number in range(warmup + repeat):
            with CaptureQueriesContext(connection) as captured:
                start, start_cpu = time.perf_counter(), time.process_time()
                response = client.get("/reporting/")
                elapsed = (time.perf_counter() - start) * 1000
                elapsed_cpu = (time.process_time() - start_cpu) * 1000
            assert response.status_code == 200, f"/reporting/ as {user.username} → {response.status_code}"
            writes += [q["sql"] for q in captured if q["sql"].lstrip().split(None, 1)[0].upper() in WRITES]
            rows, queries = response.content.count(b"data-report="), len(captured)
            if number >= warmup:
                runs.append(elapsed)
                cpu.append(elapsed_cpu)
        result = Measured(f"{user.unit.name}#{user.unit_id}", size, rows, queries, runs, writes, cpu)
        log(result.line())
        results.append(result)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="as bench_oversight.py: share of the 340 helper counties")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=None,
                        help="last day of the five years generated, and the day the page is asked on")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=30, help="timed requests per reporter")
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--reporters", type=int, default=4, help="how many units of different sizes (1–4)")
    parser.add_argument("--reuse", action="store_true", help="keep the database if it holds the same generation")
    parser.add_argument("--realtime", action="store_true",
                        help="run this process and its PostgreSQL backend under SCHED_FIFO (root only): on a machine "
                             "shared with other work, the figures are then the page's own, not the wait for a CPU")
    args = parser.parse_args()

    url = bench.database_url()
    if "bench" not in bench._database(url):
        parser.error(f"refusing to drop and recreate “{bench._database(url)}”: use a database whose name contains “bench”")
    if args.today is None:
        from zoneinfo import ZoneInfo

        args.today = datetime.datetime.now(ZoneInfo(bench.TZ)).date()
    shape = bench.Shape.for_scale(args.scale, args.today)
    print(f"scale {args.scale}: {shape.describe()}")
    if args.reuse and bench.existing_description(url) == bench.description(shape, args.seed):
        print(f"reusing {bench._database(url)} ({bench.description(shape, args.seed)})")
    else:
        bench.load(url, shape, args.seed)
    bench.report_size(url)

    import gc
    import logging
    import tempfile
    from zoneinfo import ZoneInfo

    import time_machine

    os.environ.update(DATABASE_URL=url, DEBUG="False", ALLOWED_HOSTS="testserver",
                      MEDIA_ROOT=tempfile.mkdtemp(prefix="xiezuo-bench-media-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xiezuo.settings")
    import django

    django.setup()
    logging.getLogger("axes").setLevel(logging.WARNING)  # one line per force_login otherwise
    gc.freeze()  # as xiezuo/wsgi.py does in a server once the application is loaded
    if args.realtime:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            backend = cursor.fetchone()[0]
        for pid in (os.getpid(), backend):
            os.sched_setscheduler(pid, os.SCHED_FIFO, os.sched_param(10))
        print(f"SCHED_FIFO for this process and its PostgreSQL backend (pid {backend})")
    moment = datetime.datetime.combine(args.today, datetime.time(10), ZoneInfo(bench.TZ))
    with time_machine.travel(moment, tick=True):
        print(f"\n我的填报 on {args.today} (load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}), "
              f"{args.warmup} warm-up request(s) not counted; month: the unit's reports this month; "
              f"rows: report rows on the page; qs: queries a request; cpu: this process's CPU a request")
        results = measure(args.today, args.repeat, args.warmup, args.reporters)
    print(f"load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    writes = [w for r in results for w in r.writes]
    if writes:
        print(f"✘ {len(writes)} write statement(s) during the requests, the first: {writes[0][:200]}")
        return 1
    print("no INSERT, UPDATE or DELETE during the requests ✔")
    return 0 if all(r.p95 < GOAL_MS for r in results) else 2


if __name__ == "__main__":
    sys.exit(main())
