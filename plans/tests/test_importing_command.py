"""manage.py import_plan: print, dry run, confirm, save."""

import copy
import io
import json

import pytest
from django.core.management import CommandError, call_command

from orgs.models import Programme, Unit, UnitAlias
from plans.models import Plan, Task
from conftest import shared_path
from samples.steps import BASE


PLAN = {
    "format": "plan/1",
    "plan": {"title": "2026年鼓楼区闽宁协作任务分工方案", "doc_number": "鼓委振兴办〔2026〕5号", "issuer": "鼓楼区乡村振兴领导小组办公室",
             "issued_on": "2026-04-08", "year": 2026, "references": []},
    "tasks": [
        {"ref": "1", "list": "附件1", "text": "召开闽宁协作工作会议。", "lead_units": ["区乡村振兴局"], "partner_units": [],
         "deadline_text": "12月底前", "deadline": "2026-12-31", "targets": []},
        {"ref": "2", "list": "附件1", "text": "落实社会帮扶资金。", "lead_units": ["区民政局"], "partner_units": ["区委统战部"],
         "targets": [{"metric": "社会帮扶资金", "value": 141.832, "unit": "万元", "comparator": "=", "assignee": "鼓楼区"}]},
    ],
}


class Terminal(io.StringIO):
    def isatty(self):
        return True


def write(tmp_path, data, name="plan.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def run(*args, stdin=None):
    out = io.StringIO()
    options = {"stdout": out}
    if stdin is not None:
        options["stdin"] = stdin
    call_command("import_plan", *args, **options)
    return out.getvalue()


def test_json_prints_plan_json(tmp_path, db):
    out = run(write(tmp_path, PLAN), "--json")
    assert json.loads(out) == PLAN
    assert "鼓委振兴办〔2026〕5号" in out and '\n  "plan": {' in out  # ensure_ascii=False, indent=2
    assert not Plan.objects.exists()


def test_json_of_a_word_document(db):
    plan_json = json.loads(run(str(shared_path("seeds/docx/000_2175a6476560e6e2.docx")), "--json"))
    assert plan_json["plan"]["doc_number"] == "鼓委振兴办〔2024〕1号" and plan_json["tasks"]


def test_dry_run_lists_what_would_be_saved_and_saves_nothing(tmp_path, registry):
    with pytest.raises(CommandError, match="须加 --yes"):
        run(write(tmp_path, PLAN), "--scope", "鼓楼区", "--create-units")
    assert not Plan.objects.exists() and not Unit.objects.filter(name="区委统战部").exists()


def test_dry_run_output(tmp_path, registry):
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_plan", write(tmp_path, PLAN), "--scope", "鼓楼区", "--create-units", stdout=out)
    text = out.getvalue()
    assert "方案：2026年鼓楼区闽宁协作任务分工方案" in text and "文号：鼓委振兴办〔2026〕5号" in text
    assert "任务 2 项，指标 1 个" in text
    assert "单位：共 4 个；已识别 3 个（按别名 1 个），近似 0 个，对应多个单位 0 个，未登记 1 个" in text
    assert "未登记：区委统战部 → 可新建“区委统战部”（部门）" in text
    assert "将新建方案。" in text


def test_unknown_units_refused_without_create_units(tmp_path, registry):
    with pytest.raises(CommandError) as error:
        run(write(tmp_path, PLAN), "--scope", "鼓楼区", "--yes")
    assert "未保存" in str(error.value) and "区委统战部" in str(error.value) and "--create-units" in str(error.value)
    assert not Plan.objects.exists()


def test_yes_saves_and_creates_units(tmp_path, registry, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    out = run(write(tmp_path, PLAN), "--scope", "鼓楼区", "--yes", "--create-units", "--kind", "山海协作")
    plan = Plan.objects.get()
    assert f"已导入方案《{plan.title}》（编号 {plan.pk}）：共 2 项任务。" in out
    assert plan.kind == Programme.MOUNTAIN_SEA and plan.source_file.name.endswith(".json")
    unit = Unit.objects.get(name="区委统战部")
    assert (unit.kind, unit.region) == (Unit.Kind.DEPARTMENT, registry["regions"]["gulou"])
    assert str(plan.tasks.get(ref="2").targets.get().quantity.normalize()) == "141.832"


def test_close_units_are_never_accepted(tmp_path, registry):
    data = copy.deepcopy(PLAN)
    data["tasks"][0]["lead_units"] = ["区民政 局", "区直各有关部门"]
    Unit.objects.create(name="区直有关部门", kind=Unit.Kind.DEPARTMENT, region=registry["regions"]["gulou"], is_group=True)
    with pytest.raises(CommandError) as error:
        run(write(tmp_path, data), "--scope", "鼓楼区", "--yes", "--create-units")
    assert "近似或对应多个单位" in str(error.value) and "区直各有关部门" in str(error.value)
    assert not Plan.objects.exists()


def test_confirmation_on_a_terminal(tmp_path, registry):
    path = write(tmp_path, PLAN)
    out = run(path, "--scope", "鼓楼区", "--create-units", stdin=Terminal("n\n"))
    assert "确认保存？[y/N]" in out and "已取消，未保存。" in out and not Plan.objects.exists()
    run(path, "--scope", "鼓楼区", "--create-units", stdin=Terminal("y\n"))
    assert Plan.objects.count() == 1


def test_new_version_shows_the_diff_and_updates(tmp_path, registry):
    run(write(tmp_path, PLAN), "--scope", "鼓楼区", "--yes", "--create-units")
    plan = Plan.objects.get()
    v2 = copy.deepcopy(PLAN)
    v2["tasks"][0]["text"] = "召开闽宁协作工作会议和专题会议。"
    v2["tasks"][1]["ref"] = "3"
    out = run(write(tmp_path, v2, "v2.json"), "--scope", "鼓楼区", "--yes")
    assert f"已有同一方案《{plan.title}》（编号 {plan.pk}），将按任务序号更新：新增 1 项，修改 1 项，删除 1 项，不变 0 项" in out
    assert "修改 附件1 第1项 任务内容：召开闽宁协作工作会议。 → 召开闽宁协作工作会议和专题会议。" in out
    assert "新增 附件1 第3项" in out and "删除 附件1 第2项" in out and "已更新方案" in out
    assert Plan.objects.count() == 1
    assert sorted(Task.objects.filter(plan=plan).values_list("ref", flat=True)) == ["1", "3"]


def test_unreadable_file_is_a_command_error(tmp_path, db):
    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="broken.json：不是有效的 JSON 文件"):
        run(str(bad), "--json")
    with pytest.raises(CommandError, match="无法读取文件"):
        run(str(tmp_path / "missing.docx"))


def test_excel_ledger_updates_the_saved_plan_by_task_number(db):
    call_command("load_sample_data", "--only", *BASE, stdout=io.StringIO())
    # As the command asks for a close name: the office records it as an alias.
    UnitAlias.objects.create(unit=Unit.objects.get(name="区直有关部门"), name="区直各有关部门")
    word = shared_path("seeds/docx/000_2175a6476560e6e2.docx")
    ledger = shared_path("seeds/xlsx/000_2175a6476560e6e2.xlsx")
    run(str(word), "--scope", "鼓楼区", "--create-units", "--yes")
    plan = Plan.objects.get(doc_number="鼓委振兴办〔2024〕1号")
    plans_before, tasks_before = Plan.objects.count(), set(plan.tasks.values_list("list_name", "ref", "pk"))

    out = run(str(ledger), "--scope", "鼓楼区", "--create-units", "--plan", str(plan.pk), "--yes")

    assert "新增 0 项" in out and "删除 0 项" in out, out
    plan.refresh_from_db()
    # The ledger carries no 文号 or date; the saved plan keeps them.
    assert plan.doc_number == "鼓委振兴办〔2024〕1号" and str(plan.issued_on) == "2024-04-19"
    assert Plan.objects.count() == plans_before
    assert set(plan.tasks.values_list("list_name", "ref", "pk")) == tasks_before  # same rows, updated in place


def test_unknown_plan_number_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="找不到编号为 999 的方案"):
        run(write(tmp_path, PLAN), "--plan", "999")
