"""Excel of the oversight list pages: the rows the page shows, the same filters and scope
rules, and a GET that writes nothing. Also a total whose lead's figure differs from its parts."""

import datetime
import io
from decimal import Decimal
from zoneinfo import ZoneInfo

import openpyxl
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.roles import Role
from oversight import status as st
from reporting import services
from reporting.tests.conftest import person

# 30 November 2026, noon in the office's time zone: November's figures are in, its due day passed.
NOV30_NOON = datetime.datetime(2026, 11, 30, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(autouse=True)
def on_30_november():
    with time_machine.travel(NOV30_NOON, tick=False):
        yield


def workbook_rows(response) -> tuple[str, list[str], list[list]]:
    """The note line, the header and the rows of a list export."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    return values[0][0], values[1], values[2:]


def lead_reports(work, value: str):
    """区民政局, the lead, reports its own figure for the 100万元 total in November."""
    total = work["task"].targets.get(parent=None)
    cycle = work["plan"].cycles.get(label="2026年11月")
    report = cycle.reports.get(unit=work["units"]["区民政局"])
    office = work["people"]["office"]
    services.save_report(report, user=office, version=report.version, figures={total.pk: value},
                         progress="区级汇总", problems="", next_steps="")
    services.submit_report(report, user=office, today=cycle.due_on)
    return total


def plan_url(name, work, query=""):
    return reverse(name, args=["plan", work["plan"].pk]) + query


def test_target_list_export_has_the_rows_the_page_shows_with_its_filters(client, reported):
    client.force_login(reported["people"]["office"])
    query = "?month=2026-11&warning=yellow"
    page = client.get(plan_url("oversight:targets", reported, query))
    html = page.content.decode()
    link = plan_url("oversight:targets_xlsx", reported, query)
    assert link.replace("&", "&amp;") in html  # the page links to its own rows
    note, header, rows = workbook_rows(client.get(link))
    shown = page.context["rows"]
    assert len(rows) == len(shown) == 4 and "共4项" in note
    assert header[:7] == ["方案", "任务", "指标", "承担单位", "目标", "计量单位", "已报累计"]
    tasks = page.context["snapshot"].tasks
    for row, status in zip(rows, shown):
        assert row[1] == tasks[status.target.task_id].label
        assert row[3] == status.target.assignee_name and row[3] in html
        assert Decimal(str(row[4])) == status.target.total
        assert (row[6] is None) == (status.reported is None)
        if status.reported is not None:
            assert Decimal(str(row[6])) == status.reported
        # The percentages read as the page prints them.
        assert row[10] == st.percent(status.completion) and row[10] in html
        assert row[13] == st.light_text(status.light) and row[14] == st.warning_text(status.warning)
    # Another filter, other rows: the export follows the query, not the whole list.
    _, _, one = workbook_rows(client.get(plan_url("oversight:targets_xlsx", reported,
                                                  f"?month=2026-11&unit={reported['units']['鼓东街道'].pk}")))
    assert [r[3] for r in one] == ["鼓东街道"]


def test_unreported_and_monthly_reporting_exports_match_the_dashboard(client, reported):
    client.force_login(reported["people"]["reviewer"])
    dashboard = client.get(plan_url("oversight:dashboard", reported, "?month=2026-11"))
    html = dashboard.content.decode()
    snapshot = dashboard.context["snapshot"]
    unreported_link = plan_url("oversight:unreported_xlsx", reported, "?month=2026-11")
    reporting_link = plan_url("oversight:reporting_xlsx", reported, "?month=2026-11")
    assert unreported_link in html and reporting_link in html

    _, header, rows = workbook_rows(client.get(unreported_link))
    assert header[:4] == ["单位", "应报", "已报", "未报"]
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
        (r.label, r.expected, r.received, r.missing) for r in snapshot.unreported]
    assert {r[0] for r in rows} == {"区民政局", "鼓西街道", "洪山镇"}

    _, header, rows = workbook_rows(client.get(reporting_link))
    assert header[0] == "月份"
    page_rows = [r for r in reversed(snapshot.reporting_by_month)]
    assert [r[0] for r in rows] == [r.label for r in page_rows]
    november = rows[0]
    assert november == ["2026年11月", 4, 1, 3, 0, 0, "25.0%", "0.0%"]
    assert '<td class="num">25.0%</td>' in html


EXPORTS = ["oversight:targets_xlsx", "oversight:unreported_xlsx", "oversight:reporting_xlsx"]


@pytest.mark.parametrize("name", EXPORTS)
@pytest.mark.parametrize("who, expected", [("office", 200), ("reviewer", 200), ("leader", 200), ("gudong", 403)])
def test_export_permissions_are_the_pages(client, reported, name, who, expected):
    client.force_login(reported["people"][who])
    page = {"oversight:targets_xlsx": "oversight:targets"}.get(name, "oversight:dashboard")
    assert client.get(plan_url(page, reported)).status_code == expected
    assert client.get(plan_url(name, reported)).status_code == expected


@pytest.mark.parametrize("name", EXPORTS)
def test_exports_of_another_offices_plan_are_404_and_anonymous_must_log_in(client, reported, registry, name):
    assert client.get(plan_url(name, reported)).status_code == 302
    outsider = person("cangshan", registry["units"]["仓山区民政局"], Role.OFFICE_ADMIN)
    client.force_login(outsider)
    assert client.get(plan_url(name, reported)).status_code == 404
    gulou = reported["units"]["区民政局"].region
    client.force_login(reported["people"]["leader"])
    response = client.get(reverse(name, args=["region", gulou.pk]) + "?month=2026-11")
    assert response.status_code == 200  # a region's export, as its dashboard


@pytest.mark.parametrize("name", EXPORTS)
def test_an_export_writes_nothing(client, reported, name):
    client.force_login(reported["people"]["office"])
    with CaptureQueriesContext(connection) as queries:
        assert client.get(plan_url(name, reported, "?month=2026-11")).status_code == 200
    writes = [q["sql"] for q in queries.captured_queries
              if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
              and "django_session" not in q["sql"]]
    assert writes == []


def test_a_future_month_export_is_404(client, reported):
    client.force_login(reported["people"]["office"])
    assert client.get(plan_url("oversight:targets_xlsx", reported, "?month=2027-01")).status_code == 404


# -- a total whose lead reports a figure its parts do not add up to ------------------------------

def test_the_lead_figure_and_the_parts_sum_are_both_shown_on_the_pages_and_in_the_ledger(client, reported):
    total = lead_reports(reported, "25")
    client.force_login(reported["people"]["office"])
    said = "牵头单位报25万元，各单位合计30万元，相差5万元"

    listing = client.get(plan_url("oversight:targets", reported, "?month=2026-11&mismatch=1"))
    assert [s.target.id for s in listing.context["rows"]] == [total.pk]
    assert said in listing.content.decode()
    detail = client.get(reverse("oversight:target", args=[total.pk]) + "?month=2026-11").content.decode()
    assert said in detail and "各单位合计" in detail
    dashboard = client.get(plan_url("oversight:dashboard", reported, "?month=2026-11")).content.decode()
    assert "有1项指标的填报数与所分解各单位合计不一致" in dashboard and "mismatch=1" in dashboard

    _, header, rows = workbook_rows(client.get(plan_url("oversight:targets_xlsx", reported, "?month=2026-11&mismatch=1")))
    [row] = rows
    assert (row[6], row[7], row[8], row[9]) == (25, "直接填报", 30, said)

    api = client.get(reverse("api-v1:targets", args=["plan", reported["plan"].pk]) + "?month=2026-11").json()
    [row] = [t for t in api["targets"] if t["id"] == total.pk]
    assert (row["reported"], row["parts_sum"], row["direct"]) == ("25", "30", True)

    ledger = client.get(reverse("oversight:ledger", args=[reported["plan"].pk]) + "?month=2026-11")
    sheet = openpyxl.load_workbook(io.BytesIO(ledger.content)).active
    commented = [(c.value, c.comment.text) for row in sheet.iter_rows() for c in row if c.comment]
    assert commented == [(25, f"2026年11月：{said}。计入的是直接填报数。")]


def test_the_bulletin_states_the_lead_figure_and_the_parts_sum(reported):
    import docx

    from oversight.access import scope_for
    from oversight.bulletin import bulletin_content, render_bulletin
    from oversight.snapshot import build_snapshot

    total = lead_reports(reported, "25")
    snapshot = build_snapshot([reported["plan"]], datetime.date(2026, 11, 1), datetime.date(2026, 11, 30))
    content = bulletin_content(snapshot, scope_for(reported["people"]["office"], "plan", reported["plan"].pk))
    sentence = ("有1项指标的填报数与所分解各单位合计不一致，本通报按其直接填报数统计，请有关单位核实："
                "第1项“社会帮扶资金”（牵头单位报25万元，各单位合计30万元，相差5万元）。")
    assert sentence in content.sections[0].paragraphs
    assert "平均完成率25.0%" in content.sections[0].paragraphs[0]  # the lead's figure is the one counted
    [archived] = content.figures["mismatched"]
    assert (archived["id"], Decimal(archived["reported"]), Decimal(archived["parts_sum"])) == (total.pk, 25, 30)
    document = docx.Document(io.BytesIO(render_bulletin(content)))
    assert sentence in [p.text for p in document.paragraphs]
