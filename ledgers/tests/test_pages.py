"""The ledger pages and the report page: a unit sees only its rows, the office all; a computed
figure is shown on the report, never typed, and traced to its rows."""

import datetime
import io

from django.urls import reverse

from ledgers import services
from ledgers.models import LedgerRow
from ledgers.tests.conftest import PDF
from ledgers.tests.test_import import GOOD, workbook
from reporting.models import ReportedFigure


def add(user, ledger, day, amount):
    return services.do_add_row(user, ledger, date=day, counterpart="福州某公司", amount=amount,
                               today=datetime.date(2026, 11, 20))


def test_a_unit_sees_only_its_rows_the_office_every_units(client, work, ledger):
    add(work["people"]["gudong"], ledger, datetime.date(2026, 11, 2), "3")
    other = add(work["people"]["guxi"], ledger, datetime.date(2026, 11, 3), "4")
    client.force_login(work["people"]["gudong"])
    page = client.get(reverse("ledgers:ledger", args=[ledger.pk])).content.decode()
    assert "鼓东街道" in page and "鼓西街道" not in page
    assert client.get(reverse("ledgers:receipt", args=[other.pk])).status_code == 404
    client.force_login(work["people"]["office"])
    page = client.get(reverse("ledgers:ledger", args=[ledger.pk])).content.decode()
    assert "鼓东街道" in page and "鼓西街道" in page and '<b id="ledger-total">7</b>' in page


def test_the_report_shows_the_ledgers_sum_in_place_of_an_input_and_saves_no_figure(client, work, ledger):
    add(work["people"]["gudong"], ledger, datetime.date(2026, 10, 2), "3")
    add(work["people"]["gudong"], ledger, datetime.date(2026, 11, 5), "1.25")
    report = work["report"]
    client.force_login(work["people"]["gudong"])
    page = client.get(reverse("reporting:report", args=[report.pk])).content.decode()
    target = report.task.targets.get(assignee=work["units"]["鼓东街道"])
    assert f'name="target_{target.pk}"' not in page
    assert "<b data-computed>4.25</b>" in page and "由明细台账计算：截至11月20日共2条" in page
    assert f"/ledgers/{ledger.pk}/?until=2026-11-20&amp;unit={work['units']['鼓东街道'].pk}" in page
    saved = client.post(reverse("reporting:report", args=[report.pk]), {
        "version": report.version, f"target_{target.pk}": "99", "progress": "已落实捐赠", "problems": "", "next_steps": ""})
    assert saved.status_code == 302
    assert not ReportedFigure.objects.filter(report=report).exists()  # typed over a computed target: ignored


def test_the_unit_adds_a_row_with_its_receipt_and_imports_after_a_dry_run(client, work, ledger, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(work["people"]["gudong"])
    receipt = io.BytesIO(PDF)
    receipt.name = "盖章收据.pdf"
    refused = client.post(reverse("ledgers:row_add", args=[ledger.pk]), {"date": "2026-11-03", "counterpart": "某公司",
                                                                         "amount": "五万"})
    assert refused.status_code == 400 and "金额或数量应为数字，“五万”不是数字" in refused.content.decode()
    done = client.post(reverse("ledgers:row_add", args=[ledger.pk]), {
        "date": "2026-11-03", "counterpart": "福州某公司", "amount": "5", "goods": "冬衣200件", "receipt": receipt})
    assert done.status_code == 302
    row = LedgerRow.objects.get()
    download = client.get(reverse("ledgers:receipt", args=[row.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF

    upload = io.BytesIO(workbook(GOOD))
    upload.name = "台账.xlsx"
    checked = client.post(reverse("ledgers:import", args=[ledger.pk]), {"file": upload, "action": "check"})
    assert checked.status_code == 200 and "可导入2条，合计7.345678万元（尚未导入）" in checked.content.decode()
    assert LedgerRow.objects.count() == 1
    upload.seek(0)
    imported = client.post(reverse("ledgers:import", args=[ledger.pk]), {"file": upload, "action": "import"})
    assert imported.status_code == 302 and LedgerRow.objects.count() == 3


def test_the_office_sets_up_a_ledger_on_the_page(client, work):
    client.force_login(work["people"]["office"])
    page = client.get(reverse("ledgers:create")).content.decode()
    assert f'value="{work["task"].pk}|社会帮扶资金"' in page
    done = client.post(reverse("ledgers:create"), {"choice": f"{work['task'].pk}|社会帮扶资金"})
    assert done.status_code == 302 and work["task"].ledgers.get().created_by == work["people"]["office"]
    again = client.post(reverse("ledgers:create"), {"choice": f"{work['task'].pk}|社会帮扶资金"})
    assert again.status_code == 400 and "已设立明细台账" in again.content.decode()


def test_the_audit_log_shows_ledger_rows_with_who_and_why(client, work, ledger):
    row = add(work["people"]["gudong"], ledger, datetime.date(2026, 11, 2), "3")
    services.do_delete_row(work["people"]["gudong"], row, reason="重复登记")
    client.force_login(work["people"]["office"])
    log = client.get(reverse("audit:log") + "?kind=ledgerrow").content.decode()
    assert "台账明细" in log and "登记台账" in log and "删除台账明细：重复登记" in log
    assert client.get(reverse("audit:object", args=["ledger", ledger.pk])).status_code == 200
    client.force_login(work["people"]["gudong"])
    assert client.get(reverse("audit:object", args=["ledger", ledger.pk])).status_code == 403
