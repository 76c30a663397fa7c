"""Findings where people see them: the plan page, the import review, the command."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.models import User
from plans.models import Plan, Target
from samples.steps import BASE


@pytest.fixture
def sample(db):
    call_command("load_sample_data", "--only", *BASE, stdout=StringIO())
    return Plan.objects.get(doc_number="鼓委振兴办〔2026〕1号")


def test_plan_page_lists_the_findings(client, sample):
    client.force_login(User.objects.get(username="gudong_reporter"))
    html = client.get(reverse("plans:detail", args=[sample.pk])).content.decode()
    assert "数字核查" in html
    assert "9个单位的上年差额合计144.06万元，与鼓楼区的上年缺口141.832万元不符" in html
    assert "尚有2570万元未分配" in html


def test_consistent_plan_says_so(client, sample):
    upper = Plan.objects.get(doc_number="榕委振兴组〔2026〕3号")
    Plan.objects.filter(pk=sample.pk).update(parent=None)  # the district's own 8500 would be a note on it
    client.force_login(User.objects.get(username="gudong_reporter"))
    html = client.get(reverse("plans:detail", args=[upper.pk])).content.decode()
    assert "未发现数字或分工上的问题" in html


def test_check_plans_prints_and_fails_on_an_error(sample):
    out = StringIO()
    call_command("check_plans", str(sample.pk), stdout=out)  # warnings only: succeeds
    assert "144.06" in out.getvalue()

    total = Target.objects.get(task__plan=sample, metric="选派专技人才", parent=None)
    Target.objects.filter(pk=total.pk).update(quantity=10)  # parts 4 + 4 + 3 = 11 now exceed it
    out = StringIO()
    with pytest.raises(CommandError, match="其中错误 2 条"):
        call_command("check_plans", "鼓委振兴办〔2026〕1号", stdout=out)
    assert "鼓楼区的10人分解到各单位合计11人，超出1人" in out.getvalue()
    # …and the city plan it implements gives 鼓楼区 11.
    assert "鼓楼区：本方案为10人，榕委振兴组〔2026〕3号第18项为11人" in out.getvalue()


def test_check_plans_names_what_it_cannot_find(db):
    with pytest.raises(CommandError, match="找不到方案“鼓委振兴办〔2099〕1号”"):
        call_command("check_plans", "鼓委振兴办〔2099〕1号", stdout=StringIO())


def test_review_page_shows_findings_before_saving(client, sample):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from conftest import shared_path

    seed = shared_path("seeds/docx/000_2175a6476560e6e2.docx")
    client.force_login(User.objects.get(username="gulou_office"))
    response = client.post(reverse("plans:import_upload"),
                           {"file": SimpleUploadedFile(seed.name, seed.read_bytes()), "kind": "east_west"}, follow=True)
    html = response.content.decode()
    assert "数字核查（保存前）" in html
    assert "“各300万元”共列出8个单位，合计2400万元，与总数2700万元不符" in html
    assert "安泰街道：上年完成2.8 + 差额23.3 = 26.1万元" in html
    assert not Plan.objects.filter(doc_number="鼓委振兴办〔2024〕1号").exists()
