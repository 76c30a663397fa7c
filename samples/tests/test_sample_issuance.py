"""`manage.py load_sample_data`'s last step issues the sample plan once and 鼓东街道 signs; a second run
writes nothing."""

import io

from django.core.management import call_command

from conftest import ARTIFACTS
from issuance.models import PlanVersion, Receipt
from samples.steps import BASE


def test_the_sample_plan_is_issued_once_and_signed_by_gudong(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_sample_data", "--only", *BASE, stdout=io.StringIO())
    out = io.StringIO()
    call_command("load_sample_data", "--only", "issuance", stdout=out)
    version = PlanVersion.objects.get()
    assert (version.plan.title, version.number, version.doc_number) == ("2026年鼓楼区闽宁协作任务分工方案", 1, "鼓协办〔2026〕5号")
    assert "已下达（第1版·下达）" in out.getvalue() and "鼓东街道已签收" in out.getvalue()
    signed = Receipt.objects.filter(signed_at__isnull=False).select_related("unit")
    assert [r.unit.name for r in signed] == ["鼓东街道"] and version.receipts.count() > 5
    ARTIFACTS.mkdir(exist_ok=True)  # the sample's 通知, to open in Word or print
    with version.notice.open("rb") as handle:
        (ARTIFACTS / "issuance-sample-notice.docx").write_bytes(handle.read())
    out = io.StringIO()
    call_command("load_sample_data", "--only", "issuance", stdout=out)
    assert "此前已下达（第1版·下达）" in out.getvalue() and PlanVersion.objects.count() == 1
