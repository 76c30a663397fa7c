"""A new version of a saved plan, compared task by task before it is saved."""

import copy

import pytest

from orgs.models import Programme
from plans.importing.diff import diff_plan
from plans.importing.saving import save_plan

V1 = {
    "format": "plan/1",
    "plan": {"title": "2026年鼓楼区闽宁协作任务分工方案", "doc_number": "鼓委振兴办〔2026〕8号", "issuer": "鼓楼区乡村振兴领导小组",
             "issued_on": "2026-04-08", "year": 2026, "references": [], "kind": Programme.EAST_WEST},
    "tasks": [
        {"ref": "1", "list": "附件1", "text": "召开工作会议。", "lead_units": ["区民政局"], "partner_units": [],
         "deadline_text": "12月底前", "deadline": "2026-12-31", "targets": []},
        {"ref": "2", "list": "附件1", "text": "选派专业技术人员。", "lead_units": ["区教育局"], "partner_units": ["区民政局"],
         "deadline_text": "10月底前", "deadline": "2026-10-31",
         "targets": [{"metric": "选派专技人才", "value": 4, "unit": "人", "comparator": "=", "assignee": "区教育局"},
                     {"metric": "选派专技人才", "value": 4, "unit": "人", "comparator": "=", "assignee": "区教育局"}]},
        {"ref": "3", "list": "附件1", "text": "落实社会帮扶资金。", "lead_units": ["区民政局"], "partner_units": [],
         "targets": [{"metric": "社会帮扶资金", "value": 300, "unit": "万元", "comparator": "=", "assignee": "鼓楼区"}]},
    ],
}


@pytest.fixture
def saved(registry):
    return save_plan(copy.deepcopy(V1), {}, user=None, scope=registry["regions"]["gulou"])


def test_same_version_has_no_changes(saved):
    diff = diff_plan(copy.deepcopy(V1), saved)
    assert diff.is_empty and diff.unchanged == 3


def test_added_changed_and_removed_tasks(saved):
    v2 = copy.deepcopy(V1)
    v2["plan"]["issuer"] = "鼓楼区委乡村振兴领导小组"
    v2["tasks"][0]["text"] = "召开工作推进会和专题会议。"
    v2["tasks"][0]["deadline"] = "2026-11-30"
    v2["tasks"][0]["partner_units"] = ["区教育局"]
    del v2["tasks"][2]
    v2["tasks"].append({"ref": "4", "list": "附件1", "text": "刊发宣传报道10篇以上。", "lead_units": [], "targets": []})

    diff = diff_plan(v2, saved)
    assert [t.label for t in diff.added] == ["附件1 第4项"] and diff.added[0].summary == "刊发宣传报道10篇以上。"
    assert [t.label for t in diff.removed] == ["附件1 第3项"]
    assert [t.label for t in diff.changed] == ["附件1 第1项"] and diff.unchanged == 1
    changes = {c.field: (c.old, c.new) for c in diff.changed[0].changes}
    assert changes == {
        "text": ("召开工作会议。", "召开工作推进会和专题会议。"),
        "deadline": ("2026-12-31", "2026-11-30"),
        "partner_units": ("—", "区教育局"),
    }
    assert [(c.label, c.old, c.new) for c in diff.plan_changes] == [("发文机关", "鼓楼区乡村振兴领导小组", "鼓楼区委乡村振兴领导小组")]


def test_targets_compare_as_multisets(saved):
    v2 = copy.deepcopy(V1)
    v2["tasks"][1]["targets"].reverse()  # order alone is no change
    v2["tasks"][2]["targets"][0]["value"] = 300.0  # nor is 300 written as 300.0
    assert diff_plan(v2, saved).is_empty

    del v2["tasks"][1]["targets"][1]  # the same figure once instead of twice is
    v2["tasks"][2]["targets"][0]["value"] = 350
    changed = {t.label: t.changes for t in diff_plan(v2, saved).changed}
    assert set(changed) == {"附件1 第2项", "附件1 第3项"}
    (people,) = changed["附件1 第2项"]
    assert (people.label, people.old, people.new) == ("指标", "删除：区教育局 选派专技人才 4人", "—")
    (money,) = changed["附件1 第3项"]
    assert (money.old, money.new) == ("删除：鼓楼区 社会帮扶资金 300万元", "新增：鼓楼区 社会帮扶资金 350万元")
