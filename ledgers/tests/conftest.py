"""reporting's `work` plan (社会帮扶资金 100万元 broken down to three streets, 33.3 each) with a
ledger for 社会帮扶资金 set up by the office."""

import pytest

from ledgers import services
from reporting.tests.conftest import person, work  # noqa: F401 (fixtures)


@pytest.fixture
def ledger(work):  # noqa: F811
    return services.do_create_ledger(work["people"]["office"], task=work["task"], metric="社会帮扶资金")


PDF = b"%PDF-1.4\n%receipt stamped\n"
