"""Issuing, signing, reminding and adjusting, called directly."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from history.records import acting
from issuance import services
from issuance.models import PlanVersion, Receipt, SignReminderSent
from notifications.models import Notification
from plans.models import Target

STREETS = ("鼓东街道", "鼓西街道", "洪山镇")


def names(receipts):
    return sorted(r.unit.name for r in receipts)


def test_issuing_snapshots_the_plan_and_asks_every_unit_with_work_to_sign(issued_work):
    work = issued_work
    office = work["people"]["office"]
    version = services.do_issue_plan(office, work["plan"], doc_number="鼓协办〔2026〕5号")
    assert (version.number, version.kind, version.doc_number) == (1, PlanVersion.Kind.ISSUE, "鼓协办〔2026〕5号")
    assert version.title == "关于印发《2026年测试方案》的通知"
    tasks = version.snapshot["tasks"]
    assert [t["ref"] for t in tasks] == ["1", "2"]
    first = tasks[0]
    assert [version.snapshot["units"][str(pk)] for pk in first["responsible"]] == ["区民政局", *STREETS]
    assert [(t["quantity"], version.snapshot["units"].get(str(t["assignee"]), "")) for t in first["targets"]] == [
        ("100", ""), ("33.3", "鼓东街道"), ("33.3", "鼓西街道"), ("33.3", "洪山镇")]
    # The office (区民政局, also the lead) does not sign its own notice; the streets and 区教育局 do.
    assert names(version.receipts.select_related("unit")) == sorted([*STREETS, "区教育局"])
    assert not version.receipts.filter(signed_at__isnull=False).exists()
    # Each unit's people are told how many tasks are theirs.
    gudong = Notification.objects.get(user=work["people"]["gudong"])
    assert "本单位承担1项任务" in gudong.message and gudong.url == f"/issuance/versions/{version.pk}/"
    assert not Notification.objects.filter(user=office).exists()
    record = version.history.get()
    assert (record.history_user, record.history_change_reason) == (office, "下达方案")
    assert Receipt.history.filter(history_user=office, history_change_reason="下达方案").count() == 4
    assert version.notice.name.endswith(".docx") and version.table.name.endswith(".xlsx")


def test_issuing_twice_is_refused_and_leaves_no_second_version(issued_work):
    office = issued_work["people"]["office"]
    services.do_issue_plan(office, issued_work["plan"])
    with pytest.raises(services.IssuanceError, match="已于2026年11月20日下达（第1版·下达），此后的修改请用“调整下达”"):
        services.do_issue_plan(office, issued_work["plan"])
    assert PlanVersion.objects.count() == 1


def test_only_the_plans_office_admin_issues(issued_work):
    people = issued_work["people"]
    for someone in (people["reviewer"], people["gudong"], people["foreign_admin"], people["leader"]):
        with pytest.raises(PermissionDenied):
            services.do_issue_plan(someone, issued_work["plan"])
    assert not PlanVersion.objects.exists()


def test_a_unit_signs_only_for_itself_and_once(issued_work):
    people = issued_work["people"]
    version = services.do_issue_plan(people["office"], issued_work["plan"])
    own = version.receipts.get(unit__name="鼓东街道")
    with pytest.raises(PermissionDenied):
        services.do_sign(people["guxi"], own)
    with pytest.raises(PermissionDenied):
        services.do_sign(people["office"], own)
    signed = services.do_sign(people["gudong"], own)
    assert signed.signed_by == people["gudong"] and signed.signed_at is not None
    assert signed.history.latest().history_change_reason == "签收"
    with pytest.raises(services.IssuanceError, match="本单位已于2026年11月20日 10:0\\d签收第1版·下达"):
        services.do_sign(people["gudong"], own)
    assert names(services.unsigned(issued_work["plan"])) == sorted(["鼓西街道", "洪山镇", "区教育局"])


def test_reminding_tells_each_unsigned_unit_once_a_day(issued_work):
    people, plan = issued_work["people"], issued_work["plan"]
    version = services.do_issue_plan(people["office"], plan)
    services.do_sign(people["gudong"], version.receipts.get(unit__name="鼓东街道"))
    Notification.objects.all().delete()
    reminded, skipped = services.do_remind_unsigned(people["office"], plan)
    assert (sorted(u.name for u in reminded), skipped) == (sorted(["鼓西街道", "洪山镇", "区教育局"]), 0)
    assert Notification.objects.filter(user=people["guxi"], message__startswith="请签收").count() == 1
    assert not Notification.objects.filter(user=people["gudong"]).exists()
    # A second click the same day claims nothing and tells nobody.
    assert services.do_remind_unsigned(people["office"], plan) == ([], 3)
    assert Notification.objects.filter(user=people["guxi"]).count() == 1
    # The next day they may be reminded again.
    reminded, _ = services.do_remind_unsigned(people["office"], plan, today=datetime.date(2026, 11, 21))
    assert len(reminded) == 3 and SignReminderSent.objects.count() == 6
    with pytest.raises(PermissionDenied):
        services.do_remind_unsigned(people["reviewer"], plan)


def test_an_adjustment_lists_the_changes_and_asks_only_the_units_concerned(issued_work):
    people, plan, units = issued_work["people"], issued_work["plan"], issued_work["units"]
    office = people["office"]
    first = services.do_issue_plan(office, plan)
    for receipt in first.receipts.select_related("unit"):
        signer = {"鼓东街道": "gudong", "鼓西街道": "guxi", "区教育局": "education"}.get(receipt.unit.name)
        if signer:
            services.do_sign(people[signer], receipt)
    with pytest.raises(services.IssuanceError, match="自第1版·下达以来方案的任务、单位和指标没有修改，无需调整"):
        services.do_issue_adjustment(office, plan, reason="核对")
    with pytest.raises(services.IssuanceError, match="请填写调整说明"):
        services.do_issue_adjustment(office, plan, reason=" ")

    quota = Target.objects.get(task__plan=plan, assignee=units["鼓东街道"])
    with acting(office, "鼓东街道申请调增"):
        quota.quantity = Decimal("40")
        quota.save()
    assert [c["units"] for c in services.pending_changes(plan)] == [[units["鼓东街道"].pk]]
    Notification.objects.all().delete()
    second = services.do_issue_adjustment(office, plan, reason="鼓东街道申请调增", doc_number="鼓协办〔2026〕9号")
    assert (second.number, second.kind) == (2, PlanVersion.Kind.ADJUSTMENT)
    assert second.title == "关于调整《2026年测试方案》有关任务的通知"
    assert second.changes == [{"kind": "changed", "task_id": issued_work["task"].pk, "task": "1. 落实社会帮扶资金100万元",
                               "lines": [{"field": "社会帮扶资金（鼓东街道）", "old": "33.3万元", "new": "40万元"}],
                               "units": [units["鼓东街道"].pk]}]
    # Only 鼓东街道 signs again and is told; the others' earlier receipts stand.
    assert names(second.receipts.select_related("unit")) == ["鼓东街道"]
    assert [n.user.username for n in Notification.objects.select_related("user")] == ["gudong"]
    assert "涉及本单位1项" in Notification.objects.get().message
    status = {r.unit.name: (r.version.number, r.signed) for r in services.sign_status(plan)}
    assert status == {"鼓东街道": (2, False), "鼓西街道": (1, True), "区教育局": (1, True), "洪山镇": (1, False)}
    # The first version is untouched.
    first.refresh_from_db()
    assert first.snapshot["tasks"][0]["targets"][1]["quantity"] == "33.3"
    assert second.history.get().history_change_reason == "调整下达：鼓东街道申请调增"


def test_a_unit_added_to_a_task_is_asked_to_sign(issued_work):
    from plans.models import Assignment
    people, plan, units = issued_work["people"], issued_work["plan"], issued_work["units"]
    services.do_issue_plan(people["office"], plan)
    Assignment.objects.create(task=issued_work["second"], unit=units["鼓西街道"], role=Assignment.Role.PARTNER)
    version = services.do_issue_adjustment(people["office"], plan, reason="增加配合单位")
    assert names(version.receipts.select_related("unit")) == sorted(["区教育局", "鼓西街道"])
    assert version.changes[0]["lines"] == [{"field": "配合单位", "old": "（无）", "new": "鼓西街道"}]


def test_a_failed_issue_leaves_no_files(issued_work, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    plan = issued_work["plan"]
    plan.tasks.all().delete()
    with pytest.raises(services.IssuanceError, match="方案还没有任务，不能下达"):
        services.do_issue_plan(issued_work["people"]["office"], plan)
    assert not PlanVersion.objects.exists() and not list(tmp_path.rglob("*.docx"))


def test_a_plan_out_of_the_live_work_is_not_issued(issued_work):
    plan = issued_work["plan"]
    plan.state = plan.State.REFERENCE
    plan.save()
    with pytest.raises(services.IssuanceError, match="方案状态为“参考（不填报）”，不在执行中，不能下达或调整"):
        services.do_issue_plan(issued_work["people"]["office"], plan)


def test_a_group_gaining_a_member_asks_the_new_member_to_sign(issued_work):
    from orgs.models import GroupMembership, Unit
    people, plan, units = issued_work["people"], issued_work["plan"], issued_work["units"]
    services.do_issue_plan(people["office"], plan)
    antai = Unit.objects.create(name="安泰街道", kind=Unit.Kind.TOWN, region=units["鼓楼区"].region)
    GroupMembership.objects.create(group=units["三街镇"], member=antai, position=9)
    version = services.do_issue_adjustment(people["office"], plan, reason="三街镇增加安泰街道")
    assert names(version.receipts.select_related("unit")) == ["安泰街道"]
    assert version.changes[0]["lines"] == [{"field": "责任单位（集合单位按成员）",
                                            "old": "区民政局、鼓东街道、鼓西街道、洪山镇",
                                            "new": "区民政局、鼓东街道、鼓西街道、洪山镇、安泰街道"}]


def test_a_plan_title_citing_another_nests_its_book_marks(issued_work):
    plan = issued_work["plan"]
    plan.title = "2026年鼓楼区落实《2026年闽宁协作福州市重点工作任务分工方案》任务分工方案"
    assert services.notice_title(plan, PlanVersion.Kind.ISSUE) == (
        "关于印发《2026年鼓楼区落实〈2026年闽宁协作福州市重点工作任务分工方案〉任务分工方案》的通知")
    assert services.notice_title(plan, PlanVersion.Kind.ADJUSTMENT).startswith("关于调整《2026年鼓楼区落实〈")
    assert "对《2026年鼓楼区落实〈2026年闽宁" in services.default_body(plan, PlanVersion.Kind.ADJUSTMENT)
