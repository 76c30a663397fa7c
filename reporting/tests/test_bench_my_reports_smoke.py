"""scripts/bench_my_reports.py run tiny on the test database, so the script cannot rot
unnoticed: bench_oversight's generator writes two counties, and 我的填报 is asked for by
reporters of different unit sizes through the test client, writing nothing."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection

from conftest import load_script

TODAY = datetime.date(2026, 11, 30)


def _script():
    return load_script("bench_my_reports")


@pytest.fixture
def script(db):
    if connection.vendor != "postgresql":
        pytest.skip("基准数据生成器用 PostgreSQL 的 COPY 写入，SQLite 上不运行：用 DATABASE_URL=postgres://… 运行此测试")
    script = _script()
    shape = script.bench.Shape.smoke(TODAY)
    connection.ensure_connection()
    script.bench.generate(connection.connection, shape, seed=7)
    return script


def test_my_reports_is_timed_for_units_of_different_sizes_and_writes_nothing(script):
    lines = []
    with time_machine.travel(datetime.datetime(2026, 11, 30, 10, tzinfo=ZoneInfo("Asia/Shanghai")), tick=True):
        results = script.measure(TODAY, repeat=3, warmup=1, log=lines.append)
    assert len(results) == 4 and len(lines) == 5  # the header and a line per reporter
    sizes = [r.reports_this_month for r in results]
    assert sizes == sorted(sizes, reverse=True) and sizes[0] > sizes[-1] > 0  # largest … smallest
    for result in results:
        assert len(result.runs) == 3 and all(ms > 0 for ms in result.runs)
        assert result.writes == []
        assert result.rows >= result.reports_this_month  # this month's reports are on the page
        assert 0 < result.queries < 40  # a fixed number, not one per report
        assert f"{result.p95:>8,.0f}" in result.line()


def test_a_write_during_a_request_would_be_seen(script, client):
    """The check that finds writes is not blind: a request that writes is caught the same way."""
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User

    user = User.objects.filter(username__startswith="bench_r").first()
    with CaptureQueriesContext(connection) as captured:
        client.force_login(user)  # updates last_login and inserts a session
    writes = [q["sql"] for q in captured if q["sql"].lstrip().split(None, 1)[0].upper() in script.WRITES]
    assert any("last_login" in w for w in writes)
