"""The history of one object and the office's log: old → new in Chinese with who, when,
IP and why; another office gets 404, reporters 403; filters, pages and the Excel export."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
import time_machine
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.roles import Role, group_name
from history.records import acting
from plans.models import Target
from reporting.tests.conftest import person

IP = {"REMOTE_ADDR": "10.20.30.40"}


@pytest.fixture
def changed(work, client):
    """The office raises the plan's total from 100 to 120 (a reason given), through a request
    so its address is recorded; 鼓东 reports 30万元; a superuser renames 区教育局."""
    office = work["people"]["office"]
    total = Target.objects.get(task=work["task"], parent=None)
    with acting(office, "按市里新文件调整"):
        total.quantity = Decimal(120)
        total.save()
    report = work["report"]
    mine = Target.objects.get(task=work["task"], assignee=work["units"]["鼓东街道"])
    client.force_login(work["people"]["gudong"])
    client.post(reverse("reporting:report", args=[report.pk]),
                {"version": report.version, f"target_{mine.pk}": "30", "progress": "已拨付"}, **IP)
    client.logout()
    return {**work, "total": total, "mine": mine}


def page(client, user, url, data=None, **extra):
    client.force_login(user)
    return client.get(url, data, **extra)


def test_a_target_history_shows_old_and_new_who_and_why(client, changed):
    answer = page(client, changed["people"]["reviewer"], reverse("audit:object", args=["target", changed["total"].pk]))
    assert answer.status_code == 200
    html = answer.content.decode()
    assert "<b>数量</b>：<del>100</del> → <ins>120</ins>" in html
    assert "按市里新文件调整" in html and "office" in html


def test_a_figure_history_shows_the_address_it_came_from(client, changed):
    from reporting.models import ReportedFigure

    figure = ReportedFigure.objects.get(report=changed["report"], target=changed["mine"])
    html = page(client, changed["people"]["office"], reverse("audit:object", args=["figure", figure.pk])).content.decode()
    assert "10.20.30.40" in html and "<b>累计完成</b>：<ins>30</ins>" in html and "gudong" in html


def test_another_office_gets_404_and_a_reporter_403(client, changed):
    url = reverse("audit:object", args=["target", changed["total"].pk])
    other = person("cangshan_office", changed["units"]["仓山区民政局"], Role.OFFICE_ADMIN)
    assert page(client, other, url).status_code == 404
    assert page(client, other, reverse("audit:object", args=["plan", changed["plan"].pk])).status_code == 404
    assert page(client, changed["people"]["gudong"], url).status_code == 403
    assert page(client, changed["people"]["gudong"], reverse("audit:log")).status_code == 403
    log = page(client, other, reverse("audit:log")).content.decode()
    assert "按市里新文件调整" not in log and "2026年测试方案" not in log


def test_a_unit_rename_and_a_role_change_read_in_chinese(client, changed):
    root = person("root_like", changed["units"]["鼓楼区"], Role.OFFICE_ADMIN)
    unit, gudong = changed["units"]["区教育局"], changed["people"]["gudong"]
    with acting(root, "机构改革更名"):
        unit.name = "区教育体育局"
        unit.save()
        gudong.groups.add(Group.objects.get(name=group_name(Role.REVIEWER)))
    html = page(client, changed["people"]["office"], reverse("audit:object", args=["unit", unit.pk])).content.decode()
    assert "<b>名称</b>：<del>区教育局</del> → <ins>区教育体育局</ins>" in html and "机构改革更名" in html
    html = page(client, changed["people"]["office"], reverse("audit:object", args=["user", gudong.pk])).content.decode()
    assert "<b>角色</b>：<del>填报员</del> → <ins>填报员、审核员</ins>" in html
    assert "pbkdf2" not in html and "密码" not in html
    # 仓山区's office is not in 鼓楼区: neither the unit nor the person.
    other = person("cangshan_office", changed["units"]["仓山区民政局"], Role.OFFICE_ADMIN)
    assert page(client, other, reverse("audit:object", args=["unit", unit.pk])).status_code == 404
    assert page(client, other, reverse("audit:object", args=["user", gudong.pk])).status_code == 404


def test_the_office_log_filters_by_who_kind_plan_and_dates(client, changed):
    office, gudong = changed["people"]["office"], changed["people"]["gudong"]
    with time_machine.travel(datetime.datetime(2026, 12, 5, 10, tzinfo=datetime.timezone.utc)):
        with acting(office, "十二月调整"):
            changed["total"].quantity = Decimal(130)
            changed["total"].save()
    url = reverse("audit:log")
    client.force_login(office)
    everything = client.get(url).content.decode()
    assert "十二月调整" in everything and "按市里新文件调整" in everything and "10.20.30.40" in everything
    by_gudong = client.get(url, {"who": gudong.pk}).content.decode()
    assert "10.20.30.40" in by_gudong and "按市里新文件调整" not in by_gudong
    assert client.get(url, {"who": "gudong"}).content.decode().count("10.20.30.40") == by_gudong.count("10.20.30.40")
    targets = client.get(url, {"kind": "target", "who": office.pk}).content.decode()
    assert "按市里新文件调整" in targets and "10.20.30.40" not in targets
    december = client.get(url, {"from": "2026-12-01", "to": "2026-12-31"}).content.decode()
    assert "十二月调整" in december and "按市里新文件调整" not in december
    assert "共 1 条" in december
    by_plan = client.get(url, {"plan": changed["plan"].pk, "kind": "figure"}).content.decode()
    assert "10.20.30.40" in by_plan
    assert "其他" not in client.get(url, {"plan": 10**9}).content.decode() and "共 0 条" in client.get(url, {"plan": 10**9}).content.decode()
    bad = client.get(url, {"from": "2026-13-01"}).content.decode()
    assert "筛选条件有误" in bad and "起始日期" in bad


def test_the_log_pages(client, changed):
    office = changed["people"]["office"]
    with acting(office, "逐条调整"):
        for n in range(60):
            changed["total"].quantity = Decimal(200 + n)
            changed["total"].save()
    client.force_login(office)
    first = client.get(reverse("audit:log"), {"kind": "target"}).content.decode()
    second = client.get(reverse("audit:log"), {"kind": "target", "page": 2}).content.decode()
    assert "<ins>259</ins>" in first and "<ins>259</ins>" not in second
    assert "<ins>200</ins>" in second and "下一页" in first and "上一页" in second


def test_the_log_exports_to_excel_with_the_same_filters(client, changed):
    client.force_login(changed["people"]["office"])
    answer = client.get(reverse("audit:export"), {"kind": "target"})
    assert answer.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(answer.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("时间", "操作人", "IP地址")
    assert any(r[3] == "目标" and "数量：100 → 120" in (r[7] or "") and r[8] == "按市里新文件调整" for r in rows[1:])
    assert all(r[3] == "目标" for r in rows[1:])


def test_the_plan_and_report_pages_link_to_their_history(client, changed):
    reviewer = changed["people"]["reviewer"]
    html = page(client, reviewer, reverse("plans:detail", args=[changed["plan"].pk])).content.decode()
    assert reverse("audit:object", args=["plan", changed["plan"].pk]) in html
    html = page(client, reviewer, reverse("reporting:report", args=[changed["report"].pk])).content.decode()
    assert reverse("audit:object", args=["report", changed["report"].pk]) in html
    assert page(client, reviewer, reverse("audit:object", args=["report", changed["report"].pk])).status_code == 200


def test_a_long_list_of_people_or_plans_becomes_a_box_to_type_in(client, changed, monkeypatch):
    monkeypatch.setattr("audit.views.CHOICES_MAX", 1)
    html = page(client, changed["people"]["office"], reverse("audit:log"), data={"who": "gudong"}).content.decode()
    assert 'name="who" value="gudong"' in html and '<select name="plan">' in html  # five people, one plan
    assert "10.20.30.40" in html and "按市里新文件调整" not in html
