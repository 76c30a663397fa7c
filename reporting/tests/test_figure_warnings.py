"""Figure warnings through the workflow and the pages: a figure below last month's counted one is
saved with its warning, blocks submitting until explained, and the reviewer sees warning and
explanation on the report and in the queue, whose Excel download holds the same rows."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from reporting import review_queue, services
from reporting.models import ProgressReport

Status = ProgressReport.Status
NOVEMBER = datetime.date(2026, 11, 20)


def report_of(work, label, unit="鼓东街道"):
    return work["plan"].cycles.get(label=label).reports.get(unit__name=unit)


def target_pk(report):
    (target,) = services.targets_of(report)
    return target.pk


def fill(report, user, value, explanation=None, progress="已开展"):
    explanations = None if explanation is None else {target_pk(report): explanation}
    return services.save_report(report, user=user, version=report.version, figures={target_pk(report): value},
                                progress=progress, problems="", next_steps="", explanations=explanations)


def counted(work, label, value, unit="鼓东街道", user="gudong"):
    """A month's report filled, submitted and approved: its figure counts."""
    report = fill(report_of(work, label, unit), work["people"][user], value)
    report = services.submit_report(report, user=work["people"][user], today=NOVEMBER)
    services.approve_reports([report], reviewer=work["people"]["reviewer"])
    return report


def test_a_figure_below_last_months_is_saved_with_its_warning(work):
    counted(work, "2026年10月", "20")
    report = fill(work["report"], work["people"]["gudong"], "15")
    figure = report.figures.get()
    assert figure.cumulative_value == Decimal(15)
    assert figure.warnings == [{"code": "decrease", "message": "累计数15低于上月的20；累计数应只增不减"}]


def test_a_warning_without_explanation_blocks_submit_and_says_what_and_where(work):
    counted(work, "2026年10月", "20")
    report = fill(work["report"], work["people"]["gudong"], "15")
    with pytest.raises(services.WorkflowError) as raised:
        services.submit_report(report, user=work["people"]["gudong"], today=NOVEMBER)
    assert raised.value.message == "第1项 社会帮扶资金：累计数15低于上月的20；累计数应只增不减，请更正或填写说明后提交。"
    assert raised.value.field == f"explain_{target_pk(report)}"
    assert ProgressReport.objects.get(pk=report.pk).status == Status.PENDING


def test_an_explanation_lets_it_through_and_the_history_keeps_it(work):
    counted(work, "2026年10月", "20")
    report = fill(work["report"], work["people"]["gudong"], "15", explanation="10月多报5万元，本月更正")
    report = services.submit_report(report, user=work["people"]["gudong"], today=NOVEMBER)
    assert report.status == Status.SUBMITTED
    saved, submitted = report.events.order_by("at", "id")
    assert {"field": f"explain_{target_pk(report)}", "label": "社会帮扶资金说明", "old": None,
            "new": "10月多报5万元，本月更正"} in saved.changes
    assert submitted.comment == "提交审核；社会帮扶资金：累计数15低于上月的20；累计数应只增不减（说明：10月多报5万元，本月更正）"


def test_correcting_the_figure_clears_the_warning(work):
    counted(work, "2026年10月", "20")
    report = fill(work["report"], work["people"]["gudong"], "15")
    report = fill(report, work["people"]["gudong"], "25")
    assert report.figures.get().warnings == []
    assert services.submit_report(report, user=work["people"]["gudong"], today=NOVEMBER).status == Status.SUBMITTED


def test_a_draft_last_month_does_not_count_but_warnings_are_checked_again_at_submit(work):
    october = fill(report_of(work, "2026年10月"), work["people"]["gudong"], "20")  # a draft: not counted
    report = fill(work["report"], work["people"]["gudong"], "15")
    assert report.figures.get().warnings == []
    # October is submitted after November was saved: November's submit sees the drop.
    services.submit_report(october, user=work["people"]["gudong"], today=NOVEMBER)
    with pytest.raises(services.WorkflowError, match="累计数15低于上月的20"):
        services.submit_report(report, user=work["people"]["gudong"], today=NOVEMBER)
    # The page saves before it submits, so the warning is shown beside the field.
    assert fill(report, work["people"]["gudong"], "15").figures.get().warnings[0]["code"] == "decrease"


def test_saving_without_explanations_keeps_those_saved(work):
    counted(work, "2026年10月", "20")
    report = fill(work["report"], work["people"]["gudong"], "15", explanation="更正")
    report = fill(report, work["people"]["gudong"], "15", progress="补充进展")  # explanations not sent
    assert report.figures.get().explanation == "更正"


def test_an_overlong_explanation_is_refused_in_chinese(work):
    with pytest.raises(services.WorkflowError, match="说明最多500字"):
        fill(work["report"], work["people"]["gudong"], "15", explanation="很" * 501)


# -- the report page -----------------------------------------------------------------------------

def page_text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def test_the_form_shows_the_warning_beside_the_field_blocks_then_accepts_an_explanation(client, work):
    counted(work, "2026年10月", "20")
    client.force_login(work["people"]["gudong"])
    url = reverse("reporting:report", args=[work["report"].pk])
    pk = target_pk(work["report"])
    response = client.post(url, {"version": "0", f"target_{pk}": "15", f"explain_{pk}": "", "progress": "已开展", "submit": "1",
                                 "confirm_no_evidence": "1"})
    assert response.status_code == 200
    text = page_text(response)
    assert "第1项 社会帮扶资金：累计数15低于上月的20；累计数应只增不减，请更正或填写说明后提交" in text
    assert re.search(rf'id="warn_{pk}" role="note"><li data-code="decrease">⚠ 累计数15低于上月的20', text)
    assert f'id="id_explain_{pk}" value="" maxlength="500" class="explain invalid" aria-invalid="true"' in text
    assert "上月累计 20" in text
    report = ProgressReport.objects.get(pk=work["report"].pk)
    assert report.status == Status.PENDING and report.figures.get().cumulative_value == 15  # saved, not submitted
    response = client.post(url, {"version": str(report.version), f"target_{pk}": "15", f"explain_{pk}": "10月多报，本月更正",
                                 "progress": "已开展", "submit": "1", "confirm_no_evidence": "1"})
    assert response.status_code == 302
    assert ProgressReport.objects.get(pk=report.pk).status == Status.SUBMITTED


def test_the_reviewer_sees_the_warning_and_the_explanation_on_the_report(client, work):
    counted(work, "2026年10月", "20")
    report = fill(work["report"], work["people"]["gudong"], "15", explanation="10月多报，本月更正")
    services.submit_report(report, user=work["people"]["gudong"], today=NOVEMBER)
    client.force_login(work["people"]["reviewer"])
    text = page_text(client.get(reverse("reporting:report", args=[report.pk])))
    assert "⚠ 累计数15低于上月的20；累计数应只增不减" in text
    assert '<p class="figure-explanation small">说明：10月多报，本月更正</p>' in text


# -- the review queue ----------------------------------------------------------------------------

@pytest.fixture
def november(work):
    """October counted for 鼓东 (20) and 鼓西 (10); November: 鼓东 15 explained, 鼓西 40 plain,
    the district's own report left blank, 洪山镇 a draft."""
    counted(work, "2026年10月", "20")
    counted(work, "2026年10月", "10", unit="鼓西街道", user="guxi")
    people = work["people"]
    for unit, user, value, why in (("鼓东街道", "gudong", "15", "10月多报，本月更正"), ("鼓西街道", "guxi", "40", None)):
        report = fill(report_of(work, "2026年11月", unit), people[user], value, explanation=why)
        services.submit_report(report, user=people[user], today=NOVEMBER)
    return work


def test_each_row_shows_figures_last_counted_target_completion_and_flags(client, november):
    client.force_login(november["people"]["reviewer"])
    response = client.get(reverse("reporting:review"))
    rows = {r.report.unit.name: r for r in response.context["rows"]}
    assert set(rows) == {"鼓东街道", "鼓西街道"}  # submitted only, as before
    (gudong,) = rows["鼓东街道"].figures
    assert (gudong.value, gudong.last, gudong.target.total, gudong.completion) == (15, 20, Decimal("33.3"), Decimal("45.0"))
    assert gudong.warning_text == "累计数15低于上月的20；累计数应只增不减" and gudong.explanation == "10月多报，本月更正"
    (guxi,) = rows["鼓西街道"].figures
    assert (guxi.value, guxi.last, guxi.warnings) == (40, 10, [])  # +30 in one month = 3 × the average of 10: not beyond
    assert rows["鼓东街道"].flagged and not rows["鼓西街道"].flagged
    text = page_text(response)
    assert "社会帮扶资金：<b class=\"now\">15</b> / <span class=\"last\">20</span> / 33.3万元 · <span class=\"completion\">45.0%</span>" in text
    assert "⚠ 社会帮扶资金：累计数15低于上月的20；累计数应只增不减</span><span class=\"why\">说明：10月多报，本月更正" in text


def test_every_status_lists_blank_and_lead_reports_too(client, november):
    client.force_login(november["people"]["reviewer"])
    rows = {r.report.unit.name: r for r in client.get(reverse("reporting:review"), {"status": ""}).context["rows"]
            if r.report.cycle.label == "2026年11月"}
    assert set(rows) == {"区民政局", "鼓东街道", "鼓西街道", "洪山镇"}
    (total,) = rows["区民政局"].figures  # the lead unit reports the task's total
    assert (total.target.total, total.value, total.completion) == (Decimal(100), None, None)


def test_the_batch_agrees_with_targets_of_for_every_report(november):
    reports = list(ProgressReport.objects.select_related("cycle", "unit", "task"))
    batch = review_queue.targets_by_report(reports)
    assert all(batch[r.pk] == services.targets_of(r) for r in reports)


def test_the_queue_costs_the_same_queries_however_many_reports(client, november, django_assert_max_num_queries):
    client.force_login(november["people"]["office"])
    # All statuses over eleven months: 44 reports. Session, user, groups, the reports, figures,
    # targets, lead units, group members, counted figures — and no query per row.
    with django_assert_max_num_queries(14):
        response = client.get(reverse("reporting:review"), {"status": ""})
    assert len(response.context["rows"]) == 44


def same(value):
    """A number as a cell and as a Decimal compared by value (Excel holds 40, the page 40.000000)."""
    return Decimal(str(value)).normalize() if isinstance(value, (int, float, Decimal)) else value


def sheet_of(response):
    book = load_workbook(io.BytesIO(response.content))
    sheet = book.active
    values = list(sheet.iter_rows(values_only=True))
    return values[1], values[2:]  # the note line, the header, the rows


def test_the_download_holds_the_rows_of_the_page_with_the_same_filters(client, november):
    client.force_login(november["people"]["reviewer"])
    page = client.get(reverse("reporting:review"), {"status": "", "month": "2026-11"})
    response = client.get(reverse("reporting:review_export"), {"status": "", "month": "2026-11"})
    assert response.status_code == 200
    assert "filename*=UTF-8''%E5%AE%A1%E6%A0%B8%E5%88%97%E8%A1%A8-2026%E5%B9%B411%E6%9C%88.xlsx" in response["Content-Disposition"]
    header, rows = sheet_of(response)
    assert list(header) == review_queue.HEADERS
    col = {name: i for i, name in enumerate(header)}
    expected = [(r.report.unit.name, f"第{r.report.task.ref}项", r.report.get_status_display(), f.target.metric,
                 f.value, f.last, f.completion, f.warning_text or None, f.explanation or None)
                for r in page.context["rows"] for f in r.figures]
    found = [tuple(row[col[c]] for c in ("单位", "任务", "状态", "指标", "本月累计", "上月累计（已计入）", "完成率（%）", "数字提示", "说明"))
             for row in rows]
    found, expected = [tuple(map(same, row)) for row in found], [tuple(map(same, row)) for row in expected]
    assert found == expected and len(found) == 4
    gudong = next(row for row in rows if row[col["单位"]] == "鼓东街道")
    assert same(gudong[col["目标值"]]) == Decimal("33.3") and gudong[col["提交人"]] == "gudong"
    assert gudong[col["数字提示"]] == "累计数15低于上月的20；累计数应只增不减"


def test_the_download_of_the_default_queue_is_the_submitted_reports(client, november):
    client.force_login(november["people"]["leader"])
    _, rows = sheet_of(client.get(reverse("reporting:review_export")))
    assert sorted(row[2] for row in rows) == ["鼓东街道", "鼓西街道"]


def test_the_download_never_writes(client, november, django_assert_max_num_queries):
    client.force_login(november["people"]["reviewer"])
    before = ProgressReport.objects.values_list("pk", "version", "status").order_by("pk")
    before = list(before)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("reporting:review_export"), {"status": ""})
    writes = [q["sql"] for q in queries.captured_queries
              if re.match(r"\s*(INSERT|UPDATE|DELETE)", q["sql"], re.I) and "django_session" not in q["sql"]]
    assert writes == []
    assert list(ProgressReport.objects.values_list("pk", "version", "status").order_by("pk")) == before
