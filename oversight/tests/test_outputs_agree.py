"""The dashboard as served and the bulletin as published state the same numbers,
on the sample data: overall completion and 时序进度, reports received, the
unit ranking, and the units not yet reported."""

import io
import json
import re

import docx
import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from oversight.access import scope_for
from oversight.bulletin import publish_bulletin
from oversight.tests.conftest import NOV30
from orgs.models import Region
from plans.models import Plan
from samples.plans import DISTRICT_DOC
from samples.reports import load_sample_reports
from samples.steps import BASE

NOV = NOV30.replace(day=1)


@pytest.fixture
def sample(db, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setattr("oversight.views._today", lambda: NOV30)
    call_command("load_sample_data", "--only", *BASE, stdout=io.StringIO())
    load_sample_reports(NOV30)
    return User.objects.create_superuser("auditor", password="x", unit=None)


def dashboard_figures(html: str) -> dict:
    def text(element_id):
        found = re.search(rf'id="{element_id}"[^>]*>(.*?)</(?:div|span)>', html, re.S)
        return re.sub(r"<[^>]+>|\s", "", found.group(1))

    units = json.loads(re.search(r'<script id="chart-units" type="application/json">(.*?)</script>', html, re.S).group(1))
    unreported = re.findall(r'<tr class="unreported"><td>(.*?)</td>.*?<td class="num bad">(\d+)</td>', html, re.S)
    return {
        "completion": text("overall-completion"), "time_progress": text("overall-time-progress"),
        "received": text("reports-received").split("/"),
        "ranking": [(item["name"].split(". ", 1)[0], item["name"].split(". ", 1)[1], item["value"] + "%")
                    for item in units["items"]],
        "unreported": [f"{name}（{count}份）" for name, count in unreported],
    }


@pytest.mark.parametrize("kind", ["plan", "region"])
def test_dashboard_and_bulletin_state_the_same_numbers(client, sample, kind):
    pk = Plan.objects.get(doc_number=DISTRICT_DOC).pk if kind == "plan" else Region.objects.get(name="福州市").pk
    client.force_login(sample)
    html = client.get(reverse("oversight:dashboard", args=[kind, pk]) + "?month=2026-11").content.decode()
    shown = dashboard_figures(html)

    bulletin = publish_bulletin(scope_for(sample, kind, pk), NOV, sample, NOV30)
    document = docx.Document(io.BytesIO(bulletin.file.read()))
    text = "\n".join(p.text for p in document.paragraphs)
    ranking = [[cell.text for cell in row.cells] for row in document.tables[0].rows][1:]

    assert f"平均完成率{shown['completion']}，时序进度{shown['time_progress']}" in text
    received, expected = shown["received"]
    assert f"应报送进度报告{expected}份，已报送{received}份" in text
    assert shown["ranking"] and [tuple(row[:3]) for row in ranking] == shown["ranking"]
    assert shown["unreported"] and all(name in text for name in shown["unreported"])
