"""A plan's state (执行中 / 参考（不填报） / 已归档): the action, its history, who may change it,
the plan pages, and the import proposing 参考 for a document whose year has ended.

What the state does to the live work is tested where that work lives:
reporting/tests/test_plan_state_effects.py (cycles, reminders) and
oversight/tests/test_plan_state_scope.py (warnings, dashboards, API)."""

import copy
import datetime
import io
import json
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from accounts.roles import Role, group_name
from orgs.models import Programme
from plans.models import PendingImport, Plan
from plans.services import (IMPORT_REASON, do_change_plan_state, proposal_note, proposed_state,
                            state_history)

State = Plan.State


def person(username, unit, *roles, **extra):
    user = User.objects.create_user(username=username, password="Pass-2026-x", unit=unit, name=f"{username}姓名", **extra)
    for role in roles:
        group, _ = Group.objects.get_or_create(name=group_name(role))
        user.groups.add(group)
    return user


@pytest.fixture
def people(registry):
    units = registry["units"]
    return {
        "office": person("office", units["区民政局"], Role.OFFICE_ADMIN),
        "reviewer": person("reviewer", units["区民政局"], Role.REVIEWER),
        "reporter": person("gudong", units["鼓东街道"], Role.REPORTER),
        "other_office": person("cangshan", units["仓山区民政局"], Role.OFFICE_ADMIN),
        "superuser": User.objects.create_superuser(username="root", password="Pass-2026-x", email="root@example.cn"),
    }


@pytest.fixture
def kept(plan, registry):
    """The conftest's plan, kept by 区民政局."""
    plan.office = registry["units"]["区民政局"]
    plan.save(update_fields=["office"])
    return plan


def make_plan(office, title, doc_number, year=2026, state=State.ACTIVE):
    return Plan.objects.create(title=title, doc_number=doc_number, year=year, kind=Programme.EAST_WEST,
                               office=office, state=state)


# --- the model and the action -------------------------------------------------------

def test_a_new_plan_is_active_and_live(kept):
    assert kept.state == State.ACTIVE and kept.is_live
    archived = make_plan(kept.office, "2023年旧方案", "旧〔2023〕1号", year=2023, state=State.ARCHIVED)
    reference = make_plan(kept.office, "2024年参考文件", "参〔2024〕1号", year=2024, state=State.REFERENCE)
    assert list(Plan.objects.live()) == [kept]
    assert not archived.is_live and not reference.is_live


def test_changing_the_state_is_audited_old_to_new_who_when_and_why(kept, people):
    with time_machine.travel(datetime.datetime(2026, 11, 21, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False):
        do_change_plan_state(kept, State.REFERENCE, user=people["office"], reason="上级文件，仅供参考")
    with time_machine.travel(datetime.datetime(2026, 11, 22, 15, 0, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False):
        do_change_plan_state(kept, State.ARCHIVED, user=people["superuser"], reason="年度工作结束")
    kept.refresh_from_db()
    assert kept.state == State.ARCHIVED
    changes = state_history(kept)
    # Its creation, then each change (the fixture's save of the office is not a change of state).
    assert [(c.old, c.new) for c in changes] == [(None, State.ACTIVE), (State.ACTIVE, State.REFERENCE),
                                                 (State.REFERENCE, State.ARCHIVED)]
    created, first, second = changes
    assert (first.user, first.reason) == (people["office"], "上级文件，仅供参考")
    assert first.when == datetime.datetime(2026, 11, 21, 1, 30, tzinfo=datetime.timezone.utc)
    assert (second.user, second.reason) == (people["superuser"], "年度工作结束")
    assert (first.old_label, first.new_label, created.old_label) == ("执行中", "参考（不填报）", "—")


def test_a_reason_is_required_to_take_a_plan_out_of_the_live_work(kept, people):
    for state in (State.REFERENCE, State.ARCHIVED):
        with pytest.raises(ValidationError, match="须填写原因"):
            do_change_plan_state(kept, state, user=people["office"], reason="  ")
    kept.refresh_from_db()
    assert kept.state == State.ACTIVE and len(state_history(kept)) == 1
    # Back into the live work needs none.
    do_change_plan_state(kept, State.ARCHIVED, user=people["office"], reason="工作结束")
    do_change_plan_state(kept, State.ACTIVE, user=people["office"], reason="")
    assert state_history(kept)[-1].new == State.ACTIVE and state_history(kept)[-1].reason == ""


def test_a_bad_or_unchanged_state_is_refused_in_chinese(kept, people):
    with pytest.raises(ValidationError, match="方案状态“closed”无效"):
        do_change_plan_state(kept, "closed", user=people["office"], reason="x")
    with pytest.raises(ValidationError, match="方案已是“执行中”"):
        do_change_plan_state(kept, State.ACTIVE, user=people["office"], reason="x")


@pytest.mark.parametrize("who", ["other_office", "reviewer", "reporter"])
def test_only_the_plans_office_admin_may_change_it(kept, people, who):
    with pytest.raises(PermissionDenied):
        do_change_plan_state(kept, State.ARCHIVED, user=people[who], reason="试图归档")
    kept.refresh_from_db()
    assert kept.state == State.ACTIVE


# --- the pages ------------------------------------------------------------------------

def post_state(client, user, plan, state, reason):
    if user is not None:
        client.force_login(user)
    return client.post(reverse("plans:change_state", args=[plan.pk]), {"state": state, "reason": reason})


@pytest.mark.parametrize("who, status, changed", [
    ("office", 302, True), ("superuser", 302, True),
    # Another office does not see the plan at all: 404, as for any plan it may not read (plans.access).
    ("other_office", 404, False), ("reviewer", 403, False), ("reporter", 403, False),
])
def test_the_state_view_lets_only_the_office_admin_change_it(client, kept, people, who, status, changed):
    response = post_state(client, people[who], kept, State.ARCHIVED, "年度工作结束")
    assert response.status_code == status
    kept.refresh_from_db()
    assert (kept.state == State.ARCHIVED) is changed
    if status == 403:
        assert "只有主办单位的管理员可以更改方案状态" in response.content.decode()


def test_the_state_view_is_post_only_and_needs_a_login(client, kept, people):
    response = client.post(reverse("plans:change_state", args=[kept.pk]), {"state": State.ARCHIVED, "reason": "x"})
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(people["office"])
    assert client.get(reverse("plans:change_state", args=[kept.pk])).status_code == 405
    kept.refresh_from_db()
    assert kept.state == State.ACTIVE


def test_a_missing_reason_is_shown_on_the_plan_page_and_nothing_changes(client, kept, people):
    client.force_login(people["office"])
    response = client.post(reverse("plans:change_state", args=[kept.pk]), {"state": State.REFERENCE, "reason": ""},
                           follow=True)
    assert "未更改方案状态：将方案设为“参考（不填报）”须填写原因。" in response.content.decode()
    kept.refresh_from_db()
    assert kept.state == State.ACTIVE


def test_the_plan_page_shows_the_badge_the_form_and_the_history(client, kept, people):
    post_state(client, people["office"], kept, State.REFERENCE, "上级文件，仅供参考")
    html = client.get(reverse("plans:detail", args=[kept.pk])).content.decode()
    assert 'class="plan-state state-reference" id="plan-state">参考（不填报）</span>' in html
    assert reverse("plans:change_state", args=[kept.pk]) in html
    assert "执行中 → 参考（不填报）" in html and "上级文件，仅供参考" in html and "office姓名" in html
    assert "此方案为参考文件，不生成填报任务" in html
    # Anyone may read the plan and its history; only the office sees the form.
    client.force_login(people["reporter"])
    html = client.get(reverse("plans:detail", args=[kept.pk])).content.decode()
    assert "参考（不填报）" in html and "执行中 → 参考（不填报）" in html
    assert reverse("plans:change_state", args=[kept.pk]) not in html


@pytest.fixture
def three_states(kept):
    office = kept.office
    return {
        State.ACTIVE: kept,
        State.REFERENCE: make_plan(office, "2025年闽宁协作上级要点", "闽协〔2025〕3号", 2025, State.REFERENCE),
        State.ARCHIVED: make_plan(office, "2023年鼓楼区闽宁协作任务分工方案", "鼓委振兴办〔2023〕2号", 2023, State.ARCHIVED),
    }


def listed(client, query=""):
    response = client.get(reverse("plans:list") + query)
    assert response.status_code == 200
    return {p.pk for p in response.context["plans"]}, response.content.decode()


def test_the_plan_list_shows_active_plans_by_default_with_a_tab_per_state(client, three_states, people):
    client.force_login(people["reporter"])
    shown, html = listed(client)
    assert shown == {three_states[State.ACTIVE].pk}
    for state, plan in three_states.items():
        assert listed(client, f"?state={state}")[0] == {plan.pk}
    assert listed(client, "?state=all")[0] == {p.pk for p in three_states.values()}
    assert listed(client, "?state=nonsense")[0] == {three_states[State.ACTIVE].pk}
    for label, count in (("执行中", 1), ("参考", 1), ("已归档", 1), ("全部", 3)):
        assert f'>{label} <span class="count">{count}</span></a>' in html
    all_html = listed(client, "?state=all")[1]
    for state, plan in three_states.items():
        assert f'<span class="plan-state state-{state}">{plan.get_state_display()}</span>' in all_html


def test_the_plan_list_search_finds_title_and_doc_number_in_every_state(client, three_states, people):
    client.force_login(people["reporter"])
    archived = three_states[State.ARCHIVED]
    assert listed(client, "?q=鼓委振兴办〔2023〕")[0] == {archived.pk}  # 文号, archived, from the default tab
    assert listed(client, "?state=active&q=上级要点")[0] == {three_states[State.REFERENCE].pk}  # title
    assert listed(client, "?q=2023年 分工方案")[0] == {archived.pk}  # every word must match
    shown, html = listed(client, "?q=不存在的文件")
    assert shown == set() and "没有标题或文号含“不存在的文件”的方案" in html


# --- importing --------------------------------------------------------------------------

OLD_PLAN = {
    "format": "plan/1",
    "plan": {"title": "2023年鼓楼区闽宁协作任务分工方案", "doc_number": "鼓委振兴办〔2023〕1号", "issuer": "鼓楼区乡村振兴领导小组办公室",
             "issued_on": "2023-03-08", "year": 2023, "references": []},
    "tasks": [{"ref": "1", "list": "附件1", "text": "落实社会帮扶资金。", "lead_units": ["区民政局"], "partner_units": [],
               "deadline": "2023-12-31", "deadline_text": "12月底前",
               "targets": [{"metric": "社会帮扶资金", "value": 100, "unit": "万元", "comparator": "=", "assignee": "区民政局"}]}],
}


def this_year(plan_json, year=2026):
    data = copy.deepcopy(plan_json)
    data["plan"].update(title=f"{year}年鼓楼区闽宁协作任务分工方案", doc_number=f"鼓委振兴办〔{year}〕1号", year=year)
    return data


def test_the_proposal_follows_the_documents_last_year():
    today = datetime.date(2026, 12, 3)
    assert proposed_state(2023, None, today=today) == State.REFERENCE
    assert proposed_state(2025, None, today=today) == State.REFERENCE
    assert proposed_state(2026, None, today=today) == State.ACTIVE
    assert proposed_state(2024, 2026, today=today) == State.ACTIVE  # a multi-year plan still running
    assert proposed_state(None, None, today=today) == State.ACTIVE
    assert proposal_note(2023, None, today=today) == "该文件年度（2023年）已结束，建议作为参考文件保存，不生成填报任务"
    assert proposal_note(2021, 2025, today=today) == "该文件年度（2021—2025年）已结束，建议作为参考文件保存，不生成填报任务"
    assert proposal_note(2026, None, today=today) == ""
    # In January the year just gone has ended.
    assert proposed_state(2026, None, today=datetime.date(2027, 1, 5)) == State.REFERENCE


@pytest.fixture
def importer(client, people, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    client.force_login(people["office"])
    return client


def upload(client, plan_json):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = json.dumps(plan_json, ensure_ascii=False).encode()
    response = client.post(reverse("plans:import_upload"), {"file": SimpleUploadedFile("fangan.json", data),
                                                             "kind": "east_west"})
    assert response.status_code == 302, response.content.decode()[:2000]
    pending = PendingImport.objects.latest("pk")
    return pending, client.get(reverse("plans:import_review", args=[pending.pk]))


def review_post(response, **overrides):
    from plans.tests.test_importing_views import review_post as as_browser

    return as_browser(None, response, **overrides)


@time_machine.travel(datetime.datetime(2026, 12, 3, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False)
def test_importing_an_ended_years_document_proposes_reference(importer, people):
    pending, response = upload(importer, OLD_PLAN)
    html = response.content.decode()
    assert response.context["forms"].state["state"].value() == State.REFERENCE
    assert "该文件年度（2023年）已结束，建议作为参考文件保存，不生成填报任务" in html
    assert re.search(r'<input type="radio" name="plan-state" value="reference"[^>]* checked>', html)
    assert not re.search(r'<input type="radio" name="plan-state" value="active"[^>]* checked>', html)

    saved = importer.post(reverse("plans:import_review", args=[pending.pk]), review_post(response), follow=True)
    plan = Plan.objects.get()
    assert saved.redirect_chain[-1][0] == reverse("plans:detail", args=[plan.pk])
    assert plan.state == State.REFERENCE
    [created] = state_history(plan)
    assert (created.old, created.new, created.reason, created.user) == (None, State.REFERENCE, IMPORT_REASON, people["office"])
    assert "导入时设定" in saved.content.decode()


@time_machine.travel(datetime.datetime(2026, 12, 3, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False)
def test_the_office_may_import_an_ended_years_document_as_active(importer):
    pending, response = upload(importer, OLD_PLAN)
    importer.post(reverse("plans:import_review", args=[pending.pk]), review_post(response, **{"plan-state": "active"}))
    plan = Plan.objects.get()
    assert plan.state == State.ACTIVE and state_history(plan)[0].reason == IMPORT_REASON


@time_machine.travel(datetime.datetime(2026, 12, 3, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False)
def test_this_years_document_is_proposed_active_without_a_note(importer):
    pending, response = upload(importer, this_year(OLD_PLAN))
    assert response.context["forms"].state["state"].value() == State.ACTIVE
    assert "已结束，建议作为参考文件保存" not in response.content.decode()
    importer.post(reverse("plans:import_review", args=[pending.pk]), review_post(response))
    assert Plan.objects.get().state == State.ACTIVE


@time_machine.travel(datetime.datetime(2026, 12, 3, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False)
def test_a_missing_or_bad_state_choice_is_refused_in_chinese(importer):
    pending, response = upload(importer, OLD_PLAN)
    data = review_post(response)
    data["plan-state"] = "closed"
    refused = importer.post(reverse("plans:import_review", args=[pending.pk]), data)
    assert refused.status_code == 200 and "方案状态：保存为：方案状态无效，请重新选择。" in refused.content.decode()
    del data["plan-state"]
    refused = importer.post(reverse("plans:import_review", args=[pending.pk]), data)
    assert "请选择方案状态。" in refused.content.decode() and not Plan.objects.exists()


@time_machine.travel(datetime.datetime(2026, 12, 3, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False)
def test_a_new_version_keeps_the_plans_state_unless_changed(importer, people):
    pending, response = upload(importer, OLD_PLAN)
    importer.post(reverse("plans:import_review", args=[pending.pk]), review_post(response))
    plan = Plan.objects.get()
    do_change_plan_state(plan, State.ARCHIVED, user=people["office"], reason="已归档")
    newer = copy.deepcopy(OLD_PLAN)
    newer["tasks"][0]["text"] = "落实社会帮扶资金（修订）。"
    pending, response = upload(importer, newer)
    assert response.context["existing"] == plan
    assert response.context["forms"].state["state"].value() == State.ARCHIVED
    assert "已结束，建议作为参考文件保存" not in response.content.decode()
    importer.post(reverse("plans:import_review", args=[pending.pk]), review_post(response))
    plan.refresh_from_db()
    assert plan.state == State.ARCHIVED and len(state_history(plan)) == 2  # nothing recorded: unchanged
    pending, response = upload(importer, newer)
    importer.post(reverse("plans:import_review", args=[pending.pk]), review_post(response, **{"plan-state": "active"}))
    plan.refresh_from_db()
    assert plan.state == State.ACTIVE
    last = state_history(plan)[-1]
    assert (last.old, last.new, last.reason, last.user) == (State.ARCHIVED, State.ACTIVE, IMPORT_REASON, people["office"])


def run_command(tmp_path, plan_json, *args):
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan_json, ensure_ascii=False), encoding="utf-8")
    out = io.StringIO()
    call_command("import_plan", str(path), "--scope", "鼓楼区", "--yes", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def command_media(settings, tmp_path, registry):
    settings.MEDIA_ROOT = tmp_path / "media"


@time_machine.travel(datetime.datetime(2026, 12, 3, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False)
def test_the_command_proposes_reference_for_an_ended_year(tmp_path, command_media):
    out = run_command(tmp_path, OLD_PLAN)
    plan = Plan.objects.get()
    assert plan.state == State.REFERENCE
    assert "保存为：参考（不填报）（该文件年度（2023年）已结束" in out and "--state active" in out
    assert state_history(plan)[0].reason == IMPORT_REASON and state_history(plan)[0].user is None


@time_machine.travel(datetime.datetime(2026, 12, 3, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False)
def test_the_command_takes_the_state_given(tmp_path, command_media):
    run_command(tmp_path, OLD_PLAN, "--state", "active")
    assert Plan.objects.get().state == State.ACTIVE
    run_command(tmp_path, this_year(OLD_PLAN), "--state", "archived")
    assert Plan.objects.get(year=2026).state == State.ARCHIVED


@time_machine.travel(datetime.datetime(2026, 12, 3, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False)
def test_the_command_keeps_an_existing_plans_state(tmp_path, command_media):
    run_command(tmp_path, this_year(OLD_PLAN))
    plan = Plan.objects.get()
    assert plan.state == State.ACTIVE
    plan.state = State.ARCHIVED
    plan.save(update_fields=["state"])
    out = run_command(tmp_path, this_year(OLD_PLAN))
    plan.refresh_from_db()
    assert plan.state == State.ARCHIVED and "状态：保持“已归档”" in out


def test_the_command_refuses_an_unknown_state(tmp_path, command_media):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="invalid choice"):
        run_command(tmp_path, OLD_PLAN, "--state", "closed")
    assert not Plan.objects.exists()


def test_the_admin_shows_the_state_and_its_history_but_never_changes_it(admin_client, kept, people):
    do_change_plan_state(kept, State.ARCHIVED, user=people["office"], reason="年度工作结束")
    change = admin_client.get(reverse("admin:plans_plan_change", args=[kept.pk]))
    assert change.status_code == 200 and "state" not in change.context["adminform"].form.fields  # read-only
    history = admin_client.get(reverse("admin:plans_plan_history", args=[kept.pk]))
    assert history.status_code == 200 and "年度工作结束" in history.content.decode()
    first = kept.history.earliest()
    url = reverse("admin:plans_plan_simple_history", args=[kept.pk, first.history_id])
    assert admin_client.get(url).status_code == 200
    assert admin_client.post(url, {"title": kept.title, "year": kept.year, "kind": kept.kind}).status_code == 403
    kept.refresh_from_db()
    assert kept.state == State.ARCHIVED
