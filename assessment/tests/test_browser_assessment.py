"""The year's close in a real browser: a town self-assesses with evidence from its monthly
report, 区委宣传部 scores the 宣传报道 items of every town, the office reviews and publishes, a
town appeals and is answered; the ranks and grades shown match the .xlsx and the .docx."""

import io
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from docx import Document
from openpyxl import load_workbook

from assessment.models import Item, ScoreSheet
from assessment.results import do_configure
from assessment.rules import fmt
from assessment.scoring import do_open_scheme, do_score
from assessment.services import build_scheme_from_plan
from plans.models import Assignment
from reporting.models import Evidence
from reporting.tests.test_browser_flow import log_in

pytestmark = pytest.mark.browser
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def assessed(scored, publicity, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    units, people, office = scored["units"], scored["people"], scored["people"]["office"]
    for town in ("鼓西街道", "洪山镇"):  # every town answers for 宣传报道
        Assignment.objects.create(task=scored["second"], unit=units[town], role=Assignment.Role.PARTNER)
    scheme = build_scheme_from_plan(scored["plan"], 2026, office)
    Item.objects.filter(scheme=scheme, task=scored["second"]).update(scoring_unit=publicity[0])
    do_configure(office, scheme, self_assess_due="2026-12-31", appeal_days="5", thresholds=("90", "80", "60"))
    do_open_scheme(office, scheme)
    Evidence.objects.create(report=scored["report"], file=ContentFile(PDF, name="n.pdf"), original_name="资金拨付凭证.pdf",
                            content_type="application/pdf", size=len(PDF), uploaded_by=people["gudong"])
    return {**scored, "scheme": scheme, "publicity": publicity}


def test_self_assess_score_review_publish_appeal(browser, live_server, assessed):
    scheme, people = assessed["scheme"], assessed["people"]
    sheets = {s.unit.name: s for s in scheme.sheets.select_related("unit")}

    town = log_in(browser, live_server, "gudong")
    town.get_by_role("link", name="我的考核").click()
    town.get_by_role("link", name=str(scheme)).click()
    town.set_viewport_size({"width": 390, "height": 844})  # a phone: the sheet fits without sideways scrolling
    assert town.evaluate("document.querySelector('section.ascard').getBoundingClientRect().right") <= 390
    first, second = town.locator("section[data-item='1']"), town.locator("section[data-item='2']")
    first.locator("select[name=evidence]").select_option(label="2026年11月：资金拨付凭证.pdf")
    first.get_by_role("button", name="添加佐证").click()
    assert "☑ 提供资金拨付凭证" in town.locator("section[data-item='1'] li").inner_text()
    first.locator("input[name=self_score]").fill("58")
    first.locator("input[name=self_note]").fill("资金已拨付，凭证见11月月报")
    first.get_by_role("button", name="保存自评").click()
    assert "已保存第1项自评" in town.locator(".messages").inner_text()
    second.locator("input[name=self_score]").fill("40")
    second.get_by_role("button", name="保存自评").click()
    town.get_by_role("button", name="提交自评").click()
    assert town.locator(".sheet-state").inner_text() == "已提交自评"

    scorer = log_in(browser, live_server, "xuanchuan")
    scorer.get_by_role("link", name="我的考核").click()
    scorer.get_by_role("link", name=str(scheme)).click()
    rows = scorer.locator("table.scoring tbody tr")
    assert sorted(rows.evaluate_all("rs => rs.map(r => r.dataset.unit)")) == ["洪山镇", "鼓东街道", "鼓西街道"]
    row = scorer.locator("tr[data-unit='鼓西街道']")
    row.locator("input[name=score]").fill("35")
    row.get_by_role("button", name="保存").click()
    assert "须写明扣分理由" in scorer.locator(".messages").inner_text()
    for unit, points, reason in (("鼓东街道", "40", ""), ("鼓西街道", "35", "省级报道少1篇"), ("洪山镇", "35", "省级报道少1篇")):
        row = scorer.locator(f"tr[data-unit='{unit}']")
        row.locator("input[name=score]").fill(points)
        row.locator("input[name=reason]").fill(reason)
        row.get_by_role("button", name="保存").click()
        assert f"已保存{unit}第2项得分" in scorer.locator(".messages").inner_text()

    # The office's own items (task 1), then review and publish in the browser.
    for unit, points in (("区民政局", "60"), ("鼓东街道", "55"), ("鼓西街道", "50"), ("洪山镇", "50")):
        item = Item.objects.get(scheme=scheme, task__ref="1", unit__name=unit)
        do_score(people["reviewer"], sheets[unit], item, points, "" if points == "60" else "部分资金未及时拨付")
    office = log_in(browser, live_server, "office")
    office.goto(live_server.url + f"/assessment/plans/{scheme.plan_id}/")
    for unit in ("区民政局", "鼓东街道", "鼓西街道", "洪山镇"):
        office.locator(f"tr[data-unit='{unit}'] a").first.click()
        office.get_by_role("button", name="复核通过").click()
        assert office.locator(".sheet-state").inner_text() == "已复核"
        office.go_back()
        office.go_back()
    office.goto(live_server.url + f"/assessment/plans/{scheme.plan_id}/")
    office.get_by_role("button", name="公布考核结果").click()
    assert "已公布考核结果" in office.locator(".messages").inner_text()
    shown = {unit: (office.locator(f"tr[data-unit='{unit}'] td.total").inner_text(),
                    office.locator(f"tr[data-unit='{unit}'] td.rank").inner_text(),
                    office.locator(f"tr[data-unit='{unit}'] td.grade").inner_text())
             for unit in ("区民政局", "鼓东街道", "鼓西街道", "洪山镇")}
    assert shown == {"区民政局": ("60", "1", "合格"), "鼓东街道": ("95", "1", "优秀"),
                     "鼓西街道": ("85", "2", "良好"), "洪山镇": ("85", "2", "良好")}

    # The town sees its result, appeals; the office answers.
    town.goto(live_server.url + f"/assessment/sheets/{sheets['鼓东街道'].pk}/")
    assert (town.locator("strong.rank").inner_text(), town.locator("strong.grade").inner_text()) == ("1", "优秀")
    town.fill("textarea[name=appeal]", "第1项资金已于12月全部拨付，请复核")
    town.get_by_role("button", name="提交申诉").click()
    assert "已提交申诉" in town.locator(".messages").inner_text()
    office.goto(live_server.url + f"/assessment/sheets/{sheets['鼓东街道'].pk}/")
    assert "第1项资金已于12月全部拨付" in office.locator(".appeal-text").inner_text()
    office.fill("textarea[name=answer]", "经复核，维持原评分")
    office.get_by_role("button", name="答复").click()
    town.reload()
    assert town.locator(".appeal-answer").inner_text() == "经复核，维持原评分"
    assert ScoreSheet.objects.get(pk=sheets["鼓东街道"].pk).answered_at is not None

    # The same ranks and grades in the .xlsx and the results notice.
    xlsx = office.request.get(live_server.url + f"/assessment/plans/{scheme.plan_id}/2026/scores.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.body())).active
    headers = [c.value for c in sheet[2]]
    total, rank, grade = (headers.index(h) + 1 for h in ("得分", "排名", "等次"))
    in_xlsx = {sheet.cell(row=r, column=2).value: (fmt(Decimal(str(sheet.cell(row=r, column=total).value))),
                                                  str(sheet.cell(row=r, column=rank).value), sheet.cell(row=r, column=grade).value)
               for r in range(4, sheet.max_row + 1)}
    assert in_xlsx == shown
    notice = office.request.get(live_server.url + f"/assessment/schemes/{scheme.pk}/notice.docx")
    doc = Document(io.BytesIO(notice.body()))
    in_docx = {row.cells[1].text: (row.cells[2].text, row.cells[0].text, row.cells[3].text)
               for table in doc.tables for row in table.rows[1:]}
    assert in_docx == shown
