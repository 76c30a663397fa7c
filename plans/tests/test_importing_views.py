"""The import pages: who may import, upload errors, review, save."""

import copy
import json

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import User
from accounts.roles import Role, group_name
from orgs.models import Unit
from plans.models import PendingImport, Plan, Target


# A 1×1 PNG: a picture renamed .docx must be refused by the parser, not crash it.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")

PLAN = {
    "format": "plan/1",
    "plan": {"title": "2026年鼓楼区闽宁协作任务分工方案", "doc_number": "鼓委振兴办〔2026〕6号", "issuer": "鼓楼区乡村振兴领导小组办公室",
             "issued_on": "2026-04-08", "year": 2026, "references": []},
    "tasks": [
        {"ref": "1", "list": "附件1", "category": "组织领导", "text": "召开闽宁协作工作会议。", "lead_units": ["区乡村振兴局"],
         "partner_units": ["区委统战部"], "deadline_text": "12月底前", "deadline": "2026-12-31", "optional": False,
         "source": {"location": "附件1 第1行", "text": "1\t组织领导\t召开闽宁协作工作会议。"}, "targets": []},
        {"ref": "2", "list": "附件1", "category": "资金支持", "text": "落实社会帮扶资金。", "lead_units": ["区民政局"],
         "partner_units": ["闽侯区委、政府"],
         "targets": [{"metric": "社会帮扶资金", "value": 141.832, "unit": "万元", "comparator": "=", "assignee": "鼓楼区"}]},
    ],
}


def user_with_role(username, unit, role=None):
    user = User.objects.create_user(username=username, password="Pass-2026-x", unit=unit)
    if role:
        group, _ = Group.objects.get_or_create(name=group_name(role))
        user.groups.add(group)
    return user


@pytest.fixture
def admin(registry):
    return user_with_role("office", registry["units"]["区民政局"], Role.OFFICE_ADMIN)


@pytest.fixture
def reporter(registry):
    return user_with_role("gudong", registry["units"]["鼓东街道"], Role.REPORTER)


@pytest.fixture
def minhou(registry):
    from orgs.models import Region

    region = Region.objects.create(name="闽侯县", level=Region.Level.COUNTY, parent=registry["regions"]["city"])
    return Unit.objects.create(name="闽侯县", kind=Unit.Kind.PARTY_GOVERNMENT, region=region)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def upload(client, content: bytes, name: str, kind="east_west"):
    return client.post(reverse("plans:import_upload"), {"file": SimpleUploadedFile(name, content), "kind": kind})


def upload_json(client, data=PLAN):
    response = upload(client, json.dumps(data, ensure_ascii=False).encode(), "fangan.json")
    assert response.status_code == 302, response.content.decode()[:2000]
    return PendingImport.objects.latest("pk")


def review_post(pending, response, **overrides):
    """The review form as the browser would send it, with some fields changed."""
    forms = response.context["forms"]
    data = {"existing": response.context["existing"].pk if response.context["existing"] else ""}
    for form in [forms.facts, forms.state, *forms.tasks, *forms.units]:
        for field in form:
            value = field.value()
            if value is None or value is False:
                continue
            data[field.html_name] = value
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_reporter_may_not_import(client, reporter, admin):
    client.force_login(admin)
    pending = upload_json(client)
    client.force_login(reporter)
    response = client.get(reverse("plans:import_upload"))
    assert response.status_code == 403 and "只有“管理员”角色的用户可以导入" in response.content.decode()
    assert upload(client, b"{}", "a.json").status_code == 403
    assert client.post(reverse("plans:import_review", args=[pending.pk]), {}).status_code == 403
    assert "导入文件" not in client.get(reverse("plans:list")).content.decode()


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(reverse("plans:import_upload"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_admin_sees_the_import_link(client, admin):
    client.force_login(admin)
    assert f'href="{reverse("plans:import_upload")}"' in client.get(reverse("plans:list")).content.decode()
    assert "上传并解析" in client.get(reverse("plans:import_upload")).content.decode()


def test_empty_file_is_refused_in_chinese(client, admin):
    client.force_login(admin)
    response = upload(client, b"", "fangan.docx")
    assert response.status_code == 200
    assert "文件“fangan.docx”是空的（0 字节）" in response.content.decode()
    assert not PendingImport.objects.exists() and not Plan.objects.exists()


def test_oversized_file_is_refused_before_parsing(client, admin, monkeypatch):
    monkeypatch.setattr("plans.import_forms.MAX_UPLOAD_BYTES", 1024)  # a small cap instead of a 50 MB request
    client.force_login(admin)
    response = upload(client, b"x" * 1025, "big.docx")
    assert "文件“big.docx”超过" in response.content.decode() and not PendingImport.objects.exists()


def test_broken_json_is_shown_with_the_file_name(client, admin):
    client.force_login(admin)
    response = upload(client, b"{not json", "fangan.json")
    assert response.status_code == 200
    assert "无法导入“fangan.json”：不是有效的 JSON 文件" in response.content.decode()
    assert not PendingImport.objects.exists()


def test_png_renamed_docx_is_refused_in_chinese(client, admin):
    client.force_login(admin)
    response = upload(client, PNG, "tupian.docx")
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert len(errors) == 1 and errors[0].startswith("无法导入“tupian.docx”：")
    assert "尚未安装" not in errors[0]  # the parser's own answer, not the placeholder
    assert not PendingImport.objects.exists() and not Plan.objects.exists()


def test_review_shows_source_beside_fields_and_units_to_decide(client, admin, minhou):
    client.force_login(admin)
    pending = upload_json(client)
    assert (pending.created_by, pending.scope.name, pending.original_name) == (admin, "鼓楼区", "fangan.json")
    response = client.get(reverse("plans:import_review", args=[pending.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "1\t组织领导\t召开闽宁协作工作会议。" in html and "出处：附件1 第1行" in html
    assert 'name="t0-category"' in html and 'value="组织领导"' in html
    decided = {f.match.printed: (f.match.status, f["choice"].value()) for f in response.context["forms"].units}
    assert decided == {"区委统战部": ("unknown", "create"), "闽侯区委、政府": ("close", "")}
    assert f'<option value="unit:{minhou.pk}">闽侯县（闽侯县）</option>' in html
    assert "鼓楼区 社会帮扶资金 141.832万元" in html


def test_review_saves_edits_in_one_go(client, admin, minhou):
    client.force_login(admin)
    pending = upload_json(client)
    response = client.get(reverse("plans:import_review", args=[pending.pk]))
    close_form = next(f for f in response.context["forms"].units if f.match.printed == "闽侯区委、政府")
    data = review_post(pending, response, **{"t0-category": "党建引领", "plan-title": "2026年鼓楼区闽宁协作任务分工方案（修订）",
                                            f"{close_form.prefix}-choice": f"unit:{minhou.pk}"})
    response = client.post(reverse("plans:import_review", args=[pending.pk]), data, follow=True)

    plan = Plan.objects.get()
    assert response.redirect_chain[-1][0] == reverse("plans:detail", args=[plan.pk])
    assert "已导入 2 项任务" in response.content.decode()
    assert plan.title == "2026年鼓楼区闽宁协作任务分工方案（修订）" and plan.office == admin.unit
    assert plan.tasks.get(ref="1").category == "党建引领"
    assert plan.tasks.get(ref="2").assignments.get(role="partner").unit == minhou
    assert Unit.objects.get(name="区委统战部").region.name == "鼓楼区"
    assert str(Target.objects.get(task__plan=plan).quantity.normalize()) == "141.832"
    assert plan.source_file.name and PendingImport.objects.get().plan == plan
    # Opening the review again leads to the plan instead of saving twice.
    again = client.get(reverse("plans:import_review", args=[pending.pk]))
    assert again.status_code == 302 and again["Location"] == reverse("plans:detail", args=[plan.pk])


def test_review_errors_are_shown_next_to_fields_and_nothing_is_saved(client, admin, minhou):
    client.force_login(admin)
    pending = upload_json(client)
    response = client.get(reverse("plans:import_review", args=[pending.pk]))
    data = review_post(pending, response, **{"t1-deadline": "2026-13-45", "plan-year": ""})
    response = client.post(reverse("plans:import_review", args=[pending.pk]), data)
    assert response.status_code == 200
    forms = response.context["forms"]
    assert forms.tasks[1].errors["deadline"] and forms.facts.errors["year"]
    close_form = next(f for f in forms.units if f.match.printed == "闽侯区委、政府")
    assert close_form.errors["choice"] == ["请为“闽侯区委、政府”选择对应单位、新建单位或不导入。"]
    html = response.content.decode()
    assert "未保存：请按标注修改后再保存。" in html and "输入一个有效的日期。" in html
    assert not Plan.objects.exists() and not Unit.objects.filter(name="区委统战部").exists()


def test_saving_errors_are_shown_beside_the_task(client, admin):
    data = copy.deepcopy(PLAN)
    data["tasks"][1]["targets"][0]["unit"] = "亿元"
    data["tasks"][1]["partner_units"] = []
    client.force_login(admin)
    pending = upload_json(client, data)
    response = client.get(reverse("plans:import_review", args=[pending.pk]))
    response = client.post(reverse("plans:import_review", args=[pending.pk]), review_post(pending, response))
    assert response.status_code == 200
    (message,) = response.context["forms"].tasks[1].non_field_errors()
    assert "附件1 第2项任务的第1个指标（社会帮扶资金）" in message and "计量单位“亿元”需换算为“万元”" in message
    assert not Plan.objects.exists() and not Unit.objects.filter(name="区委统战部").exists()


def test_new_version_shows_the_diff_and_updates_the_plan(client, admin):
    data = copy.deepcopy(PLAN)
    data["tasks"][1]["partner_units"] = []
    client.force_login(admin)
    pending = upload_json(client, data)
    response = client.get(reverse("plans:import_review", args=[pending.pk]))
    client.post(reverse("plans:import_review", args=[pending.pk]), review_post(pending, response))
    plan = Plan.objects.get()

    v2 = copy.deepcopy(data)
    v2["tasks"][0]["text"] = "召开闽宁协作工作会议和专题会议。"
    v2["tasks"][1]["ref"] = "3"
    pending = upload_json(client, v2)
    response = client.get(reverse("plans:import_review", args=[pending.pk]))
    html = response.content.decode()
    assert "与已有方案的差异" in html and "新增 1 项，修改 1 项，删除 1 项" in html
    assert response.context["existing"] == plan
    response = client.post(reverse("plans:import_review", args=[pending.pk]), review_post(pending, response), follow=True)
    assert "已导入 2 项任务" in response.content.decode()
    assert Plan.objects.count() == 1
    assert sorted(plan.tasks.values_list("ref", flat=True)) == ["1", "3"]


def test_someone_elses_pending_import_is_not_found(client, admin, registry):
    client.force_login(admin)
    pending = upload_json(client)
    other = user_with_role("office2", registry["units"]["区教育局"], Role.OFFICE_ADMIN)
    client.force_login(other)
    assert client.get(reverse("plans:import_review", args=[pending.pk])).status_code == 404


def test_error_summary_links_to_each_problem(client, admin, minhou):
    client.force_login(admin)
    pending = upload_json(client)
    response = client.get(reverse("plans:import_review", args=[pending.pk]))
    response = client.post(reverse("plans:import_review", args=[pending.pk]), review_post(pending, response, **{"t1-ref": ""}))
    assert response.context["forms"].error_summary() == [
        ("review-task-1", "附件1 第2项：序号：这个字段是必填项。"),
        ("unit-decisions", "单位“闽侯区委、政府”：处理方式：请为“闽侯区委、政府”选择对应单位、新建单位或不导入。"),
    ]
    assert '<a href="#review-task-1">' in response.content.decode()


def test_unfinished_imports_are_listed_for_their_owner(client, admin):
    client.force_login(admin)
    pending = upload_json(client)
    html = client.get(reverse("plans:import_upload")).content.decode()
    assert "尚未保存的导入" in html and reverse("plans:import_review", args=[pending.pk]) in html


@pytest.mark.parametrize(("content", "message"), [
    (b'{"plan": {}, "tasks": [{"ref": "1", "lead_units": [1, 2]}]}', "应为单位名称的列表"),
    (b'{"plan": {}, "tasks": [{"ref": "1", "targets": [{"value": NaN}]}]}', "不能包含 NaN"),
    (b'{"plan": {"doc_number": 7}, "tasks": "none"}', "缺少 plan 或 tasks"),
    (b"\xff\xfe", "不是有效的 JSON 文件"),
])
def test_malformed_plan_json_is_refused_not_crashed(client, admin, content, message):
    client.force_login(admin)
    response = upload(client, content, "bad.json")
    assert response.status_code == 200 and message in response.content.decode()
    assert not PendingImport.objects.exists()


def test_a_plan_saved_meanwhile_is_updated_only_after_its_diff_is_shown(client, admin, registry):
    from plans.importing.saving import save_plan

    # Matching looks only among the office's own plans (plans.access.office_plans), so the
    # plan saved meanwhile is another admin's of the same office.
    colleague = user_with_role("office2", registry["units"]["区民政局"], Role.OFFICE_ADMIN)

    data = copy.deepcopy(PLAN)
    data["tasks"][1]["partner_units"] = []
    client.force_login(admin)
    pending = upload_json(client, data)
    response = client.get(reverse("plans:import_review", args=[pending.pk]))
    assert response.context["existing"] is None
    form = review_post(pending, response)
    plan = save_plan({**data, "plan": {**data["plan"], "kind": "east_west"}}, {"区委统战部": "skip"},
                     user=colleague, scope=admin.unit.region)  # someone else of the office, in between

    response = client.post(reverse("plans:import_review", args=[pending.pk]), form)
    assert response.status_code == 200 and response.context["existing"] == plan
    assert "与页面显示时不同" in response.content.decode() and "与已有方案的差异" in response.content.decode()
    response = client.post(reverse("plans:import_review", args=[pending.pk]), {**form, "existing": plan.pk})
    assert response.status_code == 302 and Plan.objects.count() == 1


def test_review_names_the_fields_the_importer_only_proposed(client, admin):
    client.force_login(admin)
    text = "南湖区工作安排\n一、做好信息报送。每月报送协作信息1篇。(区乡村振兴局)\n二、做好总结。形成年度总结。\n"
    response = upload(client, text.encode("utf-8"), "anpai.txt")
    assert response.status_code == 302, response.content.decode()[:2000]
    pending = PendingImport.objects.latest("pk")
    html = client.get(reverse("plans:import_review", args=[pending.pk])).content.decode()
    rows = {row.label: row.unsure for row in client.get(reverse("plans:import_review", args=[pending.pk])).context["forms"].rows}
    assert list(rows.values()) == [["完成时限"], ["责任单位", "完成时限"]]
    assert "原文未写明责任单位、完成时限" in html and "原文未写明完成时限" in html
