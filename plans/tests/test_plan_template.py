"""The Excel plan template: download → fill in Excel → import → the same plan, field for field."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from intake.errors import IntakeError
from intake.readers import template as layout
from orgs.models import Unit
from plans.importing import parse_upload, scope_for
from plans.importing.saving import save_plan
from plans.models import Assignment, PendingImport, Plan, Target, Task
from plans.tests.test_importing_views import admin, reporter, review_post  # noqa: F401 (fixtures)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def snapshot(plan: Plan) -> dict:
    """Everything a plan holds that the template carries, in comparable form."""
    def target(t: Target):
        parent = (t.parent.metric, t.parent.assignee_id) if t.parent_id else None
        return (t.metric, t.quantity, t.unit, t.comparator, t.max_quantity, t.per, t.carried_over, t.assignee_id, parent)

    def units(task, role):
        return [a.unit_id for a in Assignment.objects.filter(task=task, role=role).order_by("position", "id")]

    tasks = []
    for task in Task.objects.filter(plan=plan).order_by("position", "id"):
        tasks.append({
            "key": (task.list_name, task.ref), "category": task.category, "text": task.text, "measures": task.measures,
            "deadline": task.deadline, "deadline_text": task.deadline_text, "optional": task.optional,
            "score": task.score, "evidence_required": task.evidence_required,
            "lead": units(task, Assignment.Role.LEAD), "partner": units(task, Assignment.Role.PARTNER),
            "targets": [target(t) for t in task.targets.select_related("parent").order_by("position", "id")],
        })
    return {"title": plan.title, "doc_number": plan.doc_number, "issuer": plan.issuer, "issued_on": plan.issued_on,
            "year": plan.year, "end_year": plan.end_year, "tasks": tasks}


def download(client, url) -> openpyxl.Workbook:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert not [q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    return openpyxl.load_workbook(io.BytesIO(response.content))


def workbook_bytes(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def fill_row(sheet, row: int, values: dict):
    header = [c.value for c in sheet[1]]
    for name, value in values.items():
        sheet.cell(row=row, column=header.index(name) + 1, value=value)


def fill_blank(book):
    """What a clerk types: two tasks, a total broken down with a carry-over, a range, a group."""
    plan = book[layout.PLAN_SHEET]
    for row in plan.iter_rows(min_row=2):
        row[1].value = {"标题": "2026年鼓楼区闽宁协作任务分工方案", "文号": "鼓委振兴办〔2026〕12号",
                        "发文单位": "鼓楼区乡村振兴领导小组办公室", "发文日期": datetime.datetime(2026, 3, 15),
                        "年度": 2026}.get(row[0].value)
    tasks = book[layout.TASK_SHEET]
    fill_row(tasks, 2, {"序号": "1", "分类": "资金支持", "任务": "落实社会帮扶资金100万元。", "工作措施": "按季度拨付。",
                        "牵头单位": "区民政局、区教育局", "配合单位": "三街镇\n鼓东街道", "完成时限": "10月底前",
                        "截止日期": datetime.datetime(2026, 10, 31), "分值": 5, "考核要求": "提供拨付凭证"})
    fill_row(tasks, 3, {"序号": "2", "分类": "人才交流", "任务": "选派专技人才。", "牵头单位": "鼓楼区区委、政府",
                        "完成时限": "持续推进", "分值": 2.5, "自选动作": "是"})
    parts = book[layout.PART_SHEET]
    fill_row(parts, 2, {"任务序号": "1", "指标": "社会帮扶资金", "数量": 100, "计量单位": "万元", "比较": "="})
    fill_row(parts, 3, {"任务序号": "1", "指标": "社会帮扶资金", "承担单位": "区教育局", "数量": 30, "计量单位": "万元"})
    fill_row(parts, 4, {"任务序号": "1", "指标": "社会帮扶资金", "承担单位": "三街镇", "数量": 70, "计量单位": "万元"})
    fill_row(parts, 5, {"任务序号": "1", "指标": "社会帮扶资金", "承担单位": "鼓东街道", "数量": 40.5,
                        "计量单位": "万元", "结转": 4.5, "分解自": "三街镇"})
    fill_row(parts, 6, {"任务序号": 2, "指标": "专技人才", "承担单位": "鼓西街道", "数量": 1, "计量单位": "期",
                        "比较": "≥", "上限": 2, "周期": "每年"})


def test_blank_template_round_trip_through_the_import_page(client, admin, registry):
    units = registry["units"]
    client.force_login(admin)
    page = client.get(reverse("plans:import_upload"))
    assert reverse("plans:blank_template") in page.content.decode()
    book = download(client, reverse("plans:blank_template"))
    assert book.sheetnames[:5] == ["说明", "方案", "任务分工表", "分解", "单位名录"]
    assert book[layout.MARKER_SHEET].sheet_state == "veryHidden"
    assert [c.value for c in book[layout.TASK_SHEET][1]] == layout.TASK_COLUMNS
    listed = {row[0].value for row in book[layout.UNIT_SHEET].iter_rows(min_row=2)}
    assert {"区民政局", "鼓东街道", "三街镇"} <= listed and len(listed) == 7  # not 仓山区's 区民政局
    assert any("是,否" in (v.formula1 or "") for v in book[layout.TASK_SHEET].data_validations.dataValidation)

    fill_blank(book)
    response = client.post(reverse("plans:import_upload"), {
        "file": SimpleUploadedFile("填好的模板.xlsx", workbook_bytes(book)), "kind": "east_west"})
    assert response.status_code == 302, response.content.decode()[:3000]
    pending = PendingImport.objects.latest("pk")
    review = client.get(reverse("plans:import_review", args=[pending.pk]))
    assert review.context["forms"].units == []  # every unit resolved exactly: nothing to choose
    assert all(not row.unsure for row in review.context["forms"].rows)
    saved = client.post(reverse("plans:import_review", args=[pending.pk]), review_post(pending, review))
    assert saved.status_code == 302, saved.content.decode()[:3000]
    plan = Plan.objects.get(doc_number="鼓委振兴办〔2026〕12号")

    got = snapshot(plan)
    assert (got["title"], got["issuer"], got["issued_on"], got["year"], got["end_year"]) == (
        "2026年鼓楼区闽宁协作任务分工方案", "鼓楼区乡村振兴领导小组办公室", datetime.date(2026, 3, 15), 2026, None)
    first, second = got["tasks"]
    assert first == {
        "key": ("", "1"), "category": "资金支持", "text": "落实社会帮扶资金100万元。", "measures": "按季度拨付。",
        "deadline": datetime.date(2026, 10, 31), "deadline_text": "10月底前", "optional": False, "score": Decimal("5"),
        "evidence_required": "提供拨付凭证", "lead": [units["区民政局"].pk, units["区教育局"].pk],
        "partner": [units["三街镇"].pk, units["鼓东街道"].pk],
        "targets": [
            ("社会帮扶资金", Decimal("100"), "万元", "=", None, "", None, None, None),
            ("社会帮扶资金", Decimal("30"), "万元", "=", None, "", None, units["区教育局"].pk, ("社会帮扶资金", None)),
            ("社会帮扶资金", Decimal("70"), "万元", "=", None, "", None, units["三街镇"].pk, ("社会帮扶资金", None)),
            ("社会帮扶资金", Decimal("40.5"), "万元", "=", None, "", Decimal("4.5"), units["鼓东街道"].pk,
             ("社会帮扶资金", units["三街镇"].pk)),
        ],
    }
    assert second == {
        "key": ("", "2"), "category": "人才交流", "text": "选派专技人才。", "measures": "", "deadline": None,
        "deadline_text": "持续推进", "optional": True, "score": Decimal("2.5"), "evidence_required": "",
        "lead": [units["鼓楼区"].pk], "partner": [],
        "targets": [("专技人才", Decimal("1"), "期", ">=", Decimal("2"), "year", None, units["鼓西街道"].pk, None)],
    }


def test_a_plan_exported_as_template_imports_back_the_same(client, admin, registry, funding_task):
    plan = funding_task.plan
    plan.office = admin.unit
    plan.save()
    units = registry["units"]
    # A second list, an optional task with a score, a unit's own figure beside a total, a range per year.
    task = Task.objects.create(plan=plan, list_name="附件2", ref="3", position=4, text="自选：举办培训班。", optional=True,
                               score=Decimal("1.25"), evidence_required="培训通知和签到表", deadline_text="全年",
                               deadline=datetime.date(2026, 12, 31), measures="分两批举办。")
    Assignment.objects.create(task=task, unit=units["鼓西街道"], role=Assignment.Role.LEAD)
    Target.objects.create(task=task, metric="培训班", quantity=Decimal("1"), max_quantity=Decimal("2"), unit="期",
                          comparator=">=", per="year", position=1)
    Target.objects.create(task=task, metric="培训班", quantity=Decimal("1"), unit="期", assignee=units["鼓西街道"],
                          position=2)
    before = snapshot(plan)
    client.force_login(admin)
    assert reverse("plans:plan_template", args=[plan.pk]) in client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    book = download(client, reverse("plans:plan_template", args=[plan.pk]))
    content = workbook_bytes(book)  # opened and saved, as Excel would

    plan.delete()  # imported afresh: nothing is kept from the old rows
    plan_json = parse_upload(content, "导出的模板.xlsx", scope_for(admin))
    plan_json["plan"]["kind"] = plan.kind  # chosen on the upload form, as for any file
    again = save_plan(plan_json, {}, user=admin, scope=scope_for(admin))
    assert snapshot(again) == before
    assert again.tasks.get(list_name="附件1", ref="3").targets.get(assignee=units["区教育局"]).parent.assignee == units["鼓楼区"]


def test_exporting_again_updates_the_plan_in_place(client, admin, registry, funding_task):
    plan = funding_task.plan
    plan.office = admin.unit
    plan.save()
    before = snapshot(plan)
    client.force_login(admin)
    content = workbook_bytes(download(client, reverse("plans:plan_template", args=[plan.pk])))
    response = client.post(reverse("plans:import_upload"), {"file": SimpleUploadedFile("x.xlsx", content), "kind": "east_west"})
    pending = PendingImport.objects.latest("pk")
    review = client.get(response.url)
    assert review.context["existing"] == plan and review.context["forms"].units == []
    client.post(response.url, review_post(pending, review))
    assert Plan.objects.count() == 1 and snapshot(plan) == before


def test_a_plan_template_is_for_those_who_read_the_plan(client, registry, funding_task, reporter):
    from plans.tests.test_importing_views import user_with_role

    plan = funding_task.plan
    plan.office = registry["units"]["区民政局"]
    plan.save()
    client.force_login(user_with_role("cangshan", registry["units"]["仓山区民政局"]))
    assert client.get(reverse("plans:plan_template", args=[plan.pk])).status_code == 404
    client.force_login(reporter)  # 鼓东街道 has work in it: it may read it, not import
    cangshan = registry["regions"]["cangshan"]
    Assignment.objects.create(task=funding_task, unit=registry["units"]["仓山区民政局"], role=Assignment.Role.PARTNER)
    Unit.objects.create(name="区教育局", kind=Unit.Kind.DEPARTMENT, region=cangshan)
    book = download(client, reverse("plans:plan_template", args=[plan.pk]))
    listed = [(row[0].value, row[2].value) for row in book[layout.UNIT_SHEET].iter_rows(min_row=2)]
    # Its own district's units and those the plan names; never the rest of another district's registry.
    assert ("区民政局", "仓山区") in listed and ("区教育局", "仓山区") not in listed and ("鼓西街道", "鼓西街道") in listed
    assert client.get(reverse("plans:blank_template")).status_code == 403


# --- a badly filled template --------------------------------------------------------------------

def bad_template(client, admin, change) -> IntakeError:
    client.force_login(admin)
    book = download(client, reverse("plans:blank_template"))
    fill_blank(book)
    change(book)
    with pytest.raises(IntakeError) as caught:
        parse_upload(workbook_bytes(book), "模板.xlsx", scope_for(admin))
    return caught.value


def test_unknown_unit_is_named_with_sheet_row_and_column(client, admin, registry):
    error = bad_template(client, admin, lambda b: fill_row(b[layout.TASK_SHEET], 3, {"牵头单位": "鼓楼区、区水利局"}))
    assert "工作表“任务分工表”第3行 E列（牵头单位）：单位“区水利局”不在单位库中" in error.message
    assert "鼓楼区”" not in error.message


def test_bad_number_and_missing_task_are_all_reported(client, admin, registry):
    def change(book):
        fill_row(book[layout.PART_SHEET], 3, {"数量": "三十"})
        fill_row(book[layout.PART_SHEET], 7, {"任务序号": "9", "指标": "消费帮扶", "数量": 5, "计量单位": "亿元"})
        fill_row(book[layout.TASK_SHEET], 2, {"分值": "五分", "自选动作": "可能"})
    message = bad_template(client, admin, change).message
    assert "工作表“分解”第3行 D列（数量）：“三十”不是数字" in message
    assert "工作表“分解”第7行 E列（计量单位）：计量单位“亿元”请换算为“万元”" in message
    assert "工作表“任务分工表”第2行 I列（分值）：“五分”不是数字" in message
    assert "工作表“任务分工表”第2行 K列（自选动作）：“可能”应为“是”或“否”" in message


def test_breakdown_row_for_a_task_that_does_not_exist(client, admin, registry):
    def change(book):
        fill_row(book[layout.PART_SHEET], 7, {"任务序号": "9", "指标": "消费帮扶", "数量": 5, "计量单位": "万元"})
    message = bad_template(client, admin, change).message
    assert "工作表“分解”第7行 A列（任务序号）：任务序号“9”在“任务分工表”中不存在" in message


def test_bad_dates_duplicate_numbers_and_a_tampered_header(client, admin, registry):
    def change(book):
        fill_row(book[layout.TASK_SHEET], 3, {"序号": "1", "截止日期": "2026-13-40"})
        book[layout.PLAN_SHEET]["B6"] = "明年"
    message = bad_template(client, admin, change).message
    assert "工作表“任务分工表”第3行 A列（序号）：序号“1”与第2行重复" in message
    assert "工作表“任务分工表”第3行 H列（截止日期）：“2026-13-40”不是有效日期" in message
    assert "工作表“方案”第6行 B列（年度）：“明年”不是有效年度" in message

    error = bad_template(client, admin, lambda b: b[layout.PART_SHEET].cell(row=1, column=4, value="金额"))
    assert "工作表“分解”第1行：缺少列“数量”" in error.message


def test_a_changed_marker_is_refused(client, admin, registry):
    error = bad_template(client, admin, lambda b: b[layout.MARKER_SHEET].cell(row=1, column=1, value="x"))
    assert "模板标记已被改动" in error.message
    error = bad_template(client, admin, lambda b: b[layout.MARKER_SHEET].cell(row=1, column=2, value=layout.VERSION + 1))
    assert "模板版本" in error.message
