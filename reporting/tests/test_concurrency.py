"""Two people saving one report at the same moment, over two real connections."""

import threading
from decimal import Decimal

import pytest
from django.db import connection, connections

from reporting import services
from reporting.models import ProgressReport


@pytest.mark.django_db(transaction=True)
def test_simultaneous_saves_keep_one_and_refuse_the_other(work):
    if connection.vendor != "postgresql":
        pytest.skip("两个真实连接同时写入的测试在 PostgreSQL 上运行（make test 的 PostgreSQL 部分）；"
                    "SQLite 上同一逻辑由 test_workflow 的顺序版本覆盖")
    report, user = work["report"], work["people"]["gudong"]
    (target,) = services.targets_of(report)
    barrier = threading.Barrier(2)
    outcomes = []

    def save(text, value):
        try:
            barrier.wait()
            services.save_report(ProgressReport.objects.get(pk=report.pk), user=user, version=0,
                                 figures={target.pk: value}, progress=text, problems="", next_steps="")
            outcomes.append(("saved", text))
        except services.EditConflict as conflict:
            outcomes.append(("conflict", conflict.message))
        finally:
            connections.close_all()  # each thread has its own connection

    threads = [threading.Thread(target=save, args=args) for args in (("甲", "1"), ("乙", "2"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(kind for kind, _ in outcomes) == ["conflict", "saved"]
    winner = next(text for kind, text in outcomes if kind == "saved")
    saved = ProgressReport.objects.get(pk=report.pk)
    assert saved.progress == winner and saved.version == 1
    assert saved.figures.get().cumulative_value == Decimal({"甲": "1", "乙": "2"}[winner])
