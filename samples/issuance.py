"""Sample data for issuance (`make run`): the sample 鼓楼区 plan issued by its office and signed by
鼓东街道, so the 下达与签收 pages have something to show. Kept out of the product code paths: it
only calls the actions, as the office and the street would."""

from accounts.models import User
from issuance import services
from plans.models import Plan

SAMPLE_PLAN = "2026年鼓楼区闽宁协作任务分工方案"
SAMPLE_DOC_NUMBER = "鼓协办〔2026〕5号"
OFFICE_USER, STREET_USER = "gulou_office", "gudong_reporter"


class SampleIssuanceError(Exception):
    pass


def load_sample_issuance() -> dict:
    """Issue the sample plan once (a second run finds its version and does nothing) and sign for
    鼓东街道. Returns what was done."""
    office = User.objects.filter(username=OFFICE_USER).first()
    plan = Plan.objects.filter(title=SAMPLE_PLAN, office_id=getattr(office, "unit_id", None)).first()
    if office is None or plan is None:
        raise SampleIssuanceError(f"找不到样例方案《{SAMPLE_PLAN}》或样例用户 {OFFICE_USER}，请先运行 manage.py load_sample_data")
    version = services.latest_version(plan)
    issued = version is None
    if issued:
        version = services.do_issue_plan(office, plan, doc_number=SAMPLE_DOC_NUMBER)
    signed = False
    street = User.objects.filter(username=STREET_USER).first()
    receipt = version.receipts.filter(unit_id=getattr(street, "unit_id", None), signed_at__isnull=True).first()
    if receipt is not None:
        services.do_sign(street, receipt)
        signed = True
    return {"plan": plan, "version": version, "issued": issued, "signed": signed,
            "receipts": version.receipts.count()}
