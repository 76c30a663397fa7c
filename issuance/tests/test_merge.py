"""Merging two units (registry.merge) carries their 签收 over: the kept unit signed if either had."""

from issuance import services
from issuance.models import Receipt
from registry.merge import do_merge_units
from reporting.models import ProgressReport


def test_merging_units_moves_their_receipts(issued_work):
    people, plan, units = issued_work["people"], issued_work["plan"], issued_work["units"]
    version = services.do_issue_plan(people["office"], plan)
    services.do_sign(people["guxi"], version.receipts.get(unit=units["鼓西街道"]))
    services.do_remind_unsigned(people["office"], plan)
    # 鼓西街道 turns out to be 洪山镇 entered twice: both had a receipt of version 1 (its monthly
    # reports, which would clash, are cleared first as the merge asks).
    ProgressReport.objects.filter(unit=units["鼓西街道"]).delete()
    do_merge_units(people["office"], units["洪山镇"], units["鼓西街道"], reason="同一单位重复录入")
    receipt = Receipt.objects.get(version=version, unit=units["洪山镇"])
    assert receipt.signed and receipt.signed_by == people["guxi"]
    assert sorted(r.unit.name for r in services.unsigned(plan)) == ["区教育局", "鼓东街道"]
