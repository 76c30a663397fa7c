"""Ledgers and their rows: set up by the office, recorded by the units, summed into the
targets' figures (reporting.derived) and the dashboards, each action audited."""

import datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied

from accounts.roles import Role
from ledgers import services, sums
from ledgers.models import Ledger, LedgerRow
from ledgers.services import LedgerError
from ledgers.tests.conftest import PDF, person
from oversight.snapshot import build_snapshot
from plans.models import Target

TODAY = datetime.date(2026, 11, 20)


def add(user, ledger, day, amount, **extra):
    return services.do_add_row(user, ledger, date=day, counterpart=extra.pop("counterpart", "福州某公司"), amount=amount,
                               today=TODAY, **extra)


def test_the_office_sets_up_a_ledger_for_a_metric_of_a_task(work, ledger):
    assert (ledger.plan, ledger.measure) == (work["plan"], "万元")
    assert ledger.history.get().history_change_reason == "设立明细台账"
    with pytest.raises(LedgerError, match="已设立明细台账"):
        services.do_create_ledger(work["people"]["office"], task=work["task"], metric="社会帮扶资金")
    with pytest.raises(LedgerError, match="没有“消费帮扶销售额”指标"):
        services.do_create_ledger(work["people"]["office"], task=work["task"], metric="消费帮扶销售额")
    for who in ("reviewer", "gudong", "leader"):
        with pytest.raises(PermissionDenied):
            services.do_create_ledger(work["people"][who], task=work["task"], metric="社会帮扶资金")
    assert Ledger.objects.count() == 1


def test_a_units_rows_are_its_figure_month_by_month_and_the_total_rolls_up(work, ledger, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    gudong, guxi = work["people"]["gudong"], work["people"]["guxi"]
    row = add(gudong, ledger, datetime.date(2026, 10, 3), "5", goods="冬衣200件", receipt=("收据.pdf", PDF))
    add(gudong, ledger, datetime.date(2026, 11, 12), "2.5")
    add(guxi, ledger, datetime.date(2026, 11, 2), "10")
    assert (row.unit, row.receipt_name, row.receipt_type) == (work["units"]["鼓东街道"], "收据.pdf", "application/pdf")
    assert row.history.get().history_user == gudong and row.history.get().history_change_reason == "登记台账"
    targets = {t.assignee.name if t.assignee else "total": t.pk for t in Target.objects.filter(task=work["task"])}
    values = sums.ledger_values([work["plan"].pk], [datetime.date(2026, 10, 1), datetime.date(2026, 11, 1)], TODAY)
    assert values[datetime.date(2026, 10, 1)] == {targets["鼓东街道"]: D(5), targets["鼓西街道"]: D(0), targets["洪山镇"]: D(0)}
    assert values[datetime.date(2026, 11, 1)][targets["鼓东街道"]] == D("7.5")
    # Oversight counts the rows, no report needed, and the district total is the streets' sum.
    snapshot = build_snapshot([work["plan"]], datetime.date(2026, 11, 1), TODAY)
    assert snapshot.statuses[targets["鼓东街道"]].reported == D("7.5")
    assert snapshot.statuses[targets["total"]].reported == D("17.5")
    october = build_snapshot([work["plan"]], datetime.date(2026, 10, 1), TODAY)
    assert october.statuses[targets["total"]].reported == D(5)


def test_rows_are_checked_and_refused_in_chinese(work, ledger):
    gudong = work["people"]["gudong"]
    cases = [({"day": None, "amount": "1"}, "date", "请填写日期"),
             ({"day": datetime.date(2026, 11, 21), "amount": "1"}, "date", "晚于今天"),
             ({"day": datetime.date(2025, 12, 31), "amount": "1"}, "date", "不在方案年度"),
             ({"day": datetime.date(2026, 11, 1), "amount": "五万"}, "amount", "应为数字"),
             ({"day": datetime.date(2026, 11, 1), "amount": "0"}, "amount", "应大于0"),
             ({"day": datetime.date(2026, 11, 1), "amount": "1", "counterpart": " "}, "counterpart", "请填写对方单位")]
    for args, field, message in cases:
        with pytest.raises(LedgerError) as error:
            add(gudong, ledger, args.pop("day"), args.pop("amount"), **args)
        assert error.value.field == field and message in error.value.message
    with pytest.raises(LedgerError, match="可执行程序"):
        add(gudong, ledger, datetime.date(2026, 11, 1), "1", receipt=("收据.pdf", b"MZ\x90\x00" + b"\x00" * 64))
    assert not LedgerRow.objects.exists()


def test_only_units_working_on_the_task_record_and_only_their_own_rows_are_deleted(work, ledger, registry):
    outsider = person("jiaoyu", work["units"]["区教育局"], Role.REPORTER)
    for who in (outsider, work["people"]["office"], work["people"]["reviewer"]):
        with pytest.raises(PermissionDenied):
            add(who, ledger, datetime.date(2026, 11, 1), "1")
    row = add(work["people"]["gudong"], ledger, datetime.date(2026, 11, 1), "1")
    with pytest.raises(PermissionDenied):
        services.do_delete_row(work["people"]["guxi"], row, reason="重复")
    with pytest.raises(LedgerError, match="请填写原因"):
        services.do_delete_row(work["people"]["gudong"], row, reason="")
    services.do_delete_row(work["people"]["gudong"], row, reason="重复登记")
    deleted = LedgerRow.history.filter(history_type="-").get()
    assert (deleted.history_user, deleted.history_change_reason) == (work["people"]["gudong"], "删除台账明细：重复登记")


def test_an_imported_row_gets_its_receipt_afterwards_once(work, ledger, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    row = add(work["people"]["gudong"], ledger, datetime.date(2026, 11, 1), "1")
    with pytest.raises(PermissionDenied):
        services.do_attach_receipt(work["people"]["guxi"], row, receipt=("收据.pdf", PDF))
    services.do_attach_receipt(work["people"]["gudong"], row, receipt=("收据.pdf", PDF))
    row.refresh_from_db()
    assert (row.receipt_name, row.receipt.read()) == ("收据.pdf", PDF)
    assert row.history.first().history_change_reason == "上传盖章凭证"
    with pytest.raises(LedgerError, match="已有凭证"):
        services.do_attach_receipt(work["people"]["gudong"], row, receipt=("另一张.pdf", PDF + b"x"))
