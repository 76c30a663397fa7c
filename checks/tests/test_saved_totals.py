"""A saved plan shows the same totals findings as its import preview: 合计 rows, headings,
annex columns against the body, 其中 parts (on SQLite and PostgreSQL)."""

from pathlib import Path

import pytest

from checks.services import findings_for_import, findings_for_plan
from intake.api import parse_document
from orgs.models import Programme, Region
from plans.importing.matching import Status, match_units, printed_unit_names
from plans.importing.saving import save_plan

ROOT = Path(__file__).resolve().parents[2]
TOTALS = {"annex_total", "annex_body", "parts_over", "parts_under", "score_heading", "score_total_row", "heading_total"}

HEADED = ("北湖区协作办\n关于印发2026年东西部协作工作要点的通知\n"
          "一、消费帮扶2100万元\n"
          "1.区直单位采购农特产品600万元。（牵头单位：区机关事务中心）\n"
          "2.各乡镇（街道）销售农特产品1400万元。（牵头单位：区商务局）\n"
          "二、劳务协作\n"
          "1.帮助农村劳动力就业500人，其中脱贫劳动力650人。（牵头单位：区人社局）\n"
          "2.秋冬种面积4.2万亩以上，其中油菜1.78万亩、绿肥0.9万亩。（牵头单位：区农业农村局）\n")
SCORED = ("北湖区协作办\n关于印发2026年东西部协作考核细则的通知\n考核项目\t考核内容\t分值\t评分标准\t评分部门\n"
          "一、组织领导（12分）\t\t\t\t\n"
          "高层互访\t召开联席会议研究协作工作\t6\t召开得6分\t区委办\n"
          "工作专班\t建立工作专班按月调度\t4\t建立得4分\t区农业农村局\n"
          "合计\t\t12\t\t\n")


def _shown(findings) -> list[tuple]:
    return sorted((f.code, f.severity, f.ref or "", f.expected, f.found, f.message) for f in findings if f.code in TOTALS)


def _save(plan_json: dict, scope: Region):
    decisions = {m.printed: "skip" for m in match_units(printed_unit_names(plan_json), scope).values()
                 if m.status not in Status.RESOLVED}
    plan_json["plan"]["kind"] = Programme.EAST_WEST
    return save_plan(plan_json, decisions, user=None, scope=scope)


@pytest.mark.parametrize("name, content, codes", [
    ("source.txt", None, {"annex_total", "annex_body"}),
    ("要点.txt", HEADED, {"heading_total", "parts_over", "parts_under"}),
    ("细则.txt", SCORED, {"score_total_row"}),
])
def test_a_saved_plan_shows_the_findings_of_its_import(db, name, content, codes):
    scope = Region.objects.create(name="松溪县", level=Region.Level.COUNTY)
    data = (next((ROOT / "corpus" / "written").glob("008_*")) / name).read_bytes() if content is None else content.encode()
    preview = _shown(findings_for_import(parse_document(data, name), scope))
    assert {f[0] for f in preview} == codes
    plan = _save(parse_document(data, name), scope)
    assert _shown(findings_for_plan(plan)) == preview


def test_the_deliberate_error_of_corpus_008_stays_on_the_saved_plan_until_the_row_is_put_right(db):
    scope = Region.objects.create(name="松溪县", level=Region.Level.COUNTY)
    name = "source.txt"
    plan = _save(parse_document((next((ROOT / "corpus" / "written").glob("008_*")) / name).read_bytes(), name), scope)
    body = [f for f in findings_for_plan(plan) if f.code == "annex_body"]
    assert [(f.ref, f.expected, f.found) for f in body] == [("二", 1400, 1390)]
    assert "正文1400万元" in body[0].message and "相差10万元" in body[0].message
    # The office corrects 石桥镇's row in place (as planning's editor does): the figures agree.
    row = plan.tasks.get(ref="二").targets.get(metric="消费帮扶", assignee_printed="石桥镇")
    row.quantity = 140
    row.save()
    assert not [f for f in findings_for_plan(plan) if f.code in TOTALS]
