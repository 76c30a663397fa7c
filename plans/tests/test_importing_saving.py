"""Saving reviewed Plan JSON: exact decimals, breakdowns, all or nothing, updates in place."""

import copy
import datetime
import json
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile

from orgs.models import Unit
from plans.breakdown import build_breakdown
from plans.access import office_plans
from plans.importing import find_existing_plan, plain_json, to_decimal
from plans.importing.saving import ImportSaveError, apply_edits, save_plan
from plans.models import Assignment, Plan, Target, Task
from reporting.models import ProgressReport, ReportingCycle
from conftest import shared_path
from samples.steps import BASE


# Written as text and read with json.loads, as the parser's output would be:
# 141.832 arrives as a float and must be stored without binary rounding.
PLAN_TEXT = """{
  "format": "plan/1",
  "plan": {"title": "2026年鼓楼区闽宁协作任务分工方案", "doc_number": "鼓委振兴办〔2026〕7号",
           "issuer": "鼓楼区乡村振兴领导小组办公室", "issued_on": "2026-04-08", "year": 2026,
           "references": ["榕委振兴组〔2026〕3号"], "kind": "east_west"},
  "tasks": [
    {"ref": "1", "list": "附件1", "category": "组织领导", "text": "召开闽宁协作工作会议。", "measures": null,
     "lead_units": ["区乡村振兴局"], "partner_units": ["区教育局"], "deadline_text": "12月底前", "deadline": "2026-12-31",
     "score": 5, "evidence_required": "会议纪要", "optional": false, "targets": [],
     "source": {"location": "附件1 第1行", "text": "1\\t组织领导\\t召开闽宁协作工作会议。\\t区乡村振兴局"}},
    {"ref": "3", "list": "附件1", "category": "资金支持", "text": "落实社会帮扶资金。",
     "measures": "鼓楼区2026年社会帮扶资金任务300万元及2025年缺口141.832万元。",
     "lead_units": ["区民政局"], "partner_units": ["三街镇", "区文旅投公司"],
     "deadline_text": "12月底前", "deadline": "2026-12-31", "optional": false, "future_key": {"ignored": true},
     "targets": [
       {"metric": "社会帮扶资金", "value": 300, "unit": "万元", "comparator": "=", "assignee": "鼓楼区", "printed": "300万元"},
       {"metric": "2025年社会帮扶资金差额", "value": 141.832, "unit": "万元", "comparator": "=", "assignee": "鼓楼区"},
       {"metric": "社会帮扶资金", "value": 25.5, "unit": "万元", "comparator": "=", "assignee": "鼓东街道",
        "part_of": 0, "carried_over": 20.7, "printed": "25.5万元"},
       {"metric": "社会帮扶资金", "value": 4, "unit": "万元", "comparator": ">=", "assignee": "区文旅投公司", "part_of": 0}
     ],
     "source": {"location": "附件1 第3行", "text": "鼓楼区2026年社会帮扶资金任务300万元……"}},
    {"ref": "5", "list": "附件1", "text": "举办劳务技能培训班。", "lead_units": ["区教育局"], "partner_units": [],
     "deadline_text": "持续推进", "deadline": null, "optional": true,
     "targets": [{"metric": "劳务技能培训", "value": 2, "max": 3, "unit": "期", "comparator": ">=", "assignee": null, "per": "year"}]}
  ]
}"""

CREATE_TOURISM = {"区文旅投公司": {"action": "create", "name": "区文旅投公司", "kind": Unit.Kind.ENTERPRISE}}


def plan_json():
    return json.loads(PLAN_TEXT)


@pytest.fixture
def office_user(registry, django_user_model):
    return django_user_model.objects.create_user(username="office", password="x", unit=registry["units"]["区民政局"])


def save(data, registry, decisions=None, **kwargs):
    return save_plan(data, CREATE_TOURISM if decisions is None else decisions, user=kwargs.pop("user", None),
                     scope=registry["regions"]["gulou"], **kwargs)


def test_saves_plan_tasks_assignments_and_targets(registry, office_user):
    plan = save(plan_json(), registry, user=office_user)
    assert (plan.doc_number, plan.year, plan.issued_on) == ("鼓委振兴办〔2026〕7号", 2026, datetime.date(2026, 4, 8))
    assert plan.references == ["榕委振兴组〔2026〕3号"] and plan.office == registry["units"]["区民政局"]
    assert [(t.list_name, t.ref, t.position) for t in plan.tasks.all()] == [("附件1", "1", 1), ("附件1", "3", 2), ("附件1", "5", 3)]

    first = plan.tasks.get(ref="1")
    assert (first.category, first.deadline, first.deadline_text) == ("组织领导", datetime.date(2026, 12, 31), "12月底前")
    assert first.score == Decimal("5")
    assert first.evidence_required == "会议纪要" and first.measures == ""
    assert (first.source_location, first.source_text) == ("附件1 第1行", "1\t组织领导\t召开闽宁协作工作会议。\t区乡村振兴局")
    lead = first.assignments.get(role=Assignment.Role.LEAD)
    assert (lead.unit, lead.printed_name) == (registry["units"]["区民政局"], "区乡村振兴局")

    open_ended = plan.tasks.get(ref="5")
    assert open_ended.deadline is None and open_ended.optional
    course = open_ended.targets.get()
    assert (course.quantity, course.max_quantity, course.comparator, course.per, course.assignee) == (2, 3, ">=", "year", None)


def test_decimal_is_stored_exactly(registry):
    plan = save(plan_json(), registry)
    gap = Target.objects.get(task__plan=plan, metric="2025年社会帮扶资金差额")
    gap.refresh_from_db()
    assert gap.quantity == Decimal("141.832")
    assert format(gap.quantity.normalize(), "f") == "141.832"
    street = Target.objects.get(task__plan=plan, assignee=registry["units"]["鼓东街道"])
    assert (street.quantity, street.carried_over, street.total) == (Decimal("25.5"), Decimal("20.7"), Decimal("46.2"))


def test_gold_plan_keeps_141_832(db):
    from io import StringIO

    from django.core.management import call_command
    from orgs.models import Region
    from plans.importing.matching import Status, match_units, printed_unit_names

    call_command("load_sample_data", "--only", *BASE, stdout=StringIO())
    data = json.loads(shared_path("seeds/gold/000_2175a6476560e6e2.json").read_text(encoding="utf-8"))
    data["plan"]["kind"] = "east_west"
    gulou = Region.objects.get(name="鼓楼区")
    decisions = {m.printed: "skip" for m in match_units(printed_unit_names(data), gulou).values()
                 if m.status not in Status.RESOLVED}
    plan = save_plan(data, decisions, user=None, scope=gulou)
    assert plan.tasks.count() == 30
    assert Target.objects.filter(task__plan=plan).count() == 109
    gap = Target.objects.get(task__plan=plan, metric="2023年社会帮扶资金差额", assignee__name="鼓楼区")
    assert gap.quantity == Decimal("141.832")


def test_breakdown_parent_from_part_of(registry):
    plan = save(plan_json(), registry)
    task = plan.tasks.get(ref="3")
    total, gap, street, company = task.targets.order_by("position")
    assert street.parent == total and company.parent == total
    assert gap.parent is None and total.parent is None
    (root, other) = build_breakdown(task.targets.select_related("assignee"))
    assert root.target == total and [p.target for p in root.parts] == [street, company]
    assert root.remainder == Decimal("300") - Decimal("46.2") - Decimal("4")


def test_decisions_create_and_skip(registry):
    decisions = {**CREATE_TOURISM, "三街镇": "skip"}
    plan = save(plan_json(), registry, decisions)
    created = Unit.objects.get(name="区文旅投公司")
    assert (created.kind, created.region) == (Unit.Kind.ENTERPRISE, registry["regions"]["gulou"])
    task = plan.tasks.get(ref="3")
    assert [a.unit.name for a in task.assignments.filter(role=Assignment.Role.PARTNER)] == ["区文旅投公司"]

    decisions = {"区文旅投公司": "skip"}
    plan = save(plan_json(), registry, decisions, existing=plan)
    company = Target.objects.get(task__plan=plan, assignee_printed="区文旅投公司")
    assert company.assignee is None  # skipped: no unit, the printed name kept
    assert not plan.tasks.get(ref="3").assignments.filter(printed_name="区文旅投公司").exists()


def test_undecided_unknown_unit_is_refused_by_name(registry):
    with pytest.raises(ImportSaveError) as error:
        save(plan_json(), registry, decisions={})
    assert "区文旅投公司" in error.value.message and error.value.unit == "区文旅投公司"
    assert not Plan.objects.exists()


def test_one_invalid_task_rolls_everything_back(registry, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    data = plan_json()
    data["tasks"][2]["targets"][0]["unit"] = "亿元"  # must be converted to 万元 before saving
    units_before = Unit.objects.count()
    with pytest.raises(ImportSaveError) as error:
        save(data, registry, source_file=ContentFile(b"%PDF-1.4", name="fangan.pdf"))
    assert "附件1 第5项" in error.value.message and "计量单位" in error.value.message
    assert error.value.task_index == 2
    assert not Plan.objects.exists() and not Task.objects.exists() and not Target.objects.exists()
    assert Unit.objects.count() == units_before  # the unit created for task 3 is gone too
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]  # nor is the stored file left behind


def test_bad_date_names_the_task_and_field(registry):
    data = plan_json()
    data["tasks"][0]["deadline"] = "2026-02-30"
    with pytest.raises(ImportSaveError) as error:
        save(data, registry)
    assert error.value.message.startswith("附件1 第1项任务的“完成时限”")
    assert (error.value.task_index, error.value.field) == (0, "deadline")
    assert not Plan.objects.exists()


def test_duplicate_task_numbers_are_refused(registry):
    data = plan_json()
    data["tasks"][2]["ref"] = "3"
    with pytest.raises(ImportSaveError, match="附件1 第3项：序号重复"):
        save(data, registry)


def test_reimport_of_a_changed_version_updates_in_place(registry):
    plan = save(plan_json(), registry)
    kept = {t.ref: t.pk for t in plan.tasks.all()}
    kept_target = Target.objects.get(task__plan=plan, metric="2025年社会帮扶资金差额").pk

    new = plan_json()
    new["plan"]["issuer"] = "鼓楼区委乡村振兴领导小组"
    new["tasks"][0]["text"] = "召开闽宁协作工作会议和专题会议。"
    new["tasks"][1]["targets"][3]["value"] = 5
    del new["tasks"][2]
    new["tasks"].append({"ref": "9", "list": "附件1", "text": "宣传报道。", "lead_units": ["区教育局"], "targets": []})
    assert find_existing_plan(new, office_plans(None)) == plan  # saved without a user: no office

    updated = save(new, registry, existing=plan)
    assert updated.pk == plan.pk and Plan.objects.count() == 1
    assert updated.issuer == "鼓楼区委乡村振兴领导小组"
    tasks = {t.ref: t for t in updated.tasks.all()}
    assert set(tasks) == {"1", "3", "9"}
    assert tasks["1"].pk == kept["1"] and tasks["3"].pk == kept["3"]
    assert tasks["1"].text == "召开闽宁协作工作会议和专题会议。"
    assert Target.objects.filter(pk=kept_target).exists()  # unchanged figure keeps its row
    company = Target.objects.get(task=tasks["3"], assignee_printed="区文旅投公司")
    assert company.quantity == 5 and company.parent.metric == "社会帮扶资金" and company.parent.parent is None
    assert Target.objects.filter(task=tasks["3"]).count() == 4


def test_refuses_to_delete_a_task_with_progress_reports(registry):
    plan = save(plan_json(), registry)
    task = plan.tasks.get(ref="5")
    cycle = ReportingCycle.objects.create(plan=plan, label="2026年5月", period_start=datetime.date(2026, 5, 1),
                                          period_end=datetime.date(2026, 5, 31), due_on=datetime.date(2026, 5, 25))
    ProgressReport.objects.create(cycle=cycle, unit=registry["units"]["区教育局"], task=task, progress="已举办1期")

    new = plan_json()
    new["tasks"][0]["text"] = "改过的内容"
    del new["tasks"][2]
    with pytest.raises(ImportSaveError) as error:
        save(new, registry, existing=plan)
    assert "附件1 第5项" in error.value.message and "进度报告" in error.value.message
    assert plan.tasks.count() == 3 and plan.tasks.get(ref="1").text == "召开闽宁协作工作会议。"


def test_doc_number_of_another_plan_is_refused(registry):
    save(plan_json(), registry)
    with pytest.raises(ImportSaveError, match="文号“鼓委振兴办〔2026〕7号”已由方案"):
        save(plan_json(), registry)  # not passed as `existing`: would duplicate
    assert Plan.objects.count() == 1


def test_edits_override_the_plan_json():
    data = plan_json()
    original = copy.deepcopy(data)
    edited = apply_edits(data, {"title": "新标题", "issued_on": datetime.date(2026, 4, 9)},
                         [{"category": "党建引领", "score": Decimal("2.5")}, {}, {"ref": "6"}])
    assert data == original  # the parser's answer is kept as it was
    assert edited["plan"]["title"] == "新标题" and edited["plan"]["issued_on"] == "2026-04-09"
    assert edited["tasks"][0]["category"] == "党建引领" and edited["tasks"][0]["score"] == "2.5"
    assert edited["tasks"][2]["ref"] == "6" and edited["tasks"][1] == original["tasks"][1]


def test_parser_decimals_become_exact_json_numbers():
    data = plain_json({"value": Decimal("141.832"), "max": Decimal("3"), "odd": Decimal("0.12345678901234567890"),
                       "on": datetime.date(2024, 4, 19)})
    assert data == {"value": 141.832, "max": 3, "odd": "0.12345678901234567890", "on": "2024-04-19"}
    assert json.loads(json.dumps(data)) == data
    assert to_decimal(data["value"]) == Decimal("141.832") and to_decimal(data["odd"]) == Decimal("0.12345678901234567890")
