"""The issuance pages through the test client: the office issues, a street signs, the office
reminds and adjusts, the street reads the change list and the earlier version."""

import io
from decimal import Decimal

import docx
import openpyxl
from django.urls import reverse

from history.records import acting
from issuance.models import PlanVersion, Receipt
from plans.models import Target


def as_user(client, user):
    client.logout()
    client.force_login(user)
    return client


def test_the_office_issues_and_a_street_signs_then_reads_the_adjustment(client, issued_work):
    people, plan, units = issued_work["people"], issued_work["plan"], issued_work["units"]
    office_page = reverse("issuance:plan", args=[plan.pk])

    page = as_user(client, people["office"]).get(office_page)
    assert "本方案尚未下达" in page.text and 'action="/issuance/plans/%d/issue/"' % plan.pk in page.text
    detail = client.get(reverse("plans:detail", args=[plan.pk])).text
    assert "下达与签收" in detail and "尚未下达" in detail
    response = client.post(reverse("issuance:issue", args=[plan.pk]), {"doc_number": "鼓协办〔2026〕5号", "body": ""},
                           follow=True)
    assert "已下达《2026年测试方案》（第1版·下达），已通知4个责任单位签收" in response.text
    version = PlanVersion.objects.get()
    assert "未签收4个" in response.text

    # The street: 我的填报 shows the pending 签收; the version page its one task and the button.
    street = as_user(client, people["gudong"])
    my_work = street.get(reverse("reporting:my_work")).text
    assert "待签收的任务分工" in my_work and reverse("issuance:version", args=[version.pk]) in my_work
    page = street.get(reverse("issuance:version", args=[version.pk])).text
    assert "本单位的任务" in page and "落实社会帮扶资金100万元。" in page and "组织教育系统开展消费帮扶" not in page
    response = street.post(reverse("issuance:sign", args=[version.pk]), follow=True)
    assert "已签收《2026年测试方案》第1版·下达中本单位的任务" in response.text
    assert Receipt.objects.get(unit=units["鼓东街道"]).signed_by == people["gudong"]
    assert "待签收的任务分工" not in street.get(reverse("reporting:my_work")).text
    # Both files download for the unit.
    notice = street.get(reverse("issuance:notice", args=[version.pk]))
    assert "filename*=UTF-8''" in notice["Content-Disposition"]
    text = [p.text for p in docx.Document(io.BytesIO(b"".join(notice.streaming_content))).paragraphs]
    assert "鼓协办〔2026〕5号" in text
    table = street.get(reverse("issuance:table", args=[version.pk]))
    book = openpyxl.load_workbook(io.BytesIO(b"".join(table.streaming_content)))
    assert book["任务分工表"]["C2"].value == "落实社会帮扶资金100万元。"

    # The office reminds the three who have not signed; a second click reminds nobody.
    office = as_user(client, people["office"])
    response = office.post(reverse("issuance:remind", args=[plan.pk]), follow=True)
    assert "已提醒3个单位签收" in response.text
    response = office.post(reverse("issuance:remind", args=[plan.pk]), follow=True)
    assert "3个单位今天已提醒过，未重复提醒" in response.text

    # The office changes 鼓东街道's quota; the page shows the pending change, then adjusts.
    with acting(people["office"], "调增"):
        quota = Target.objects.get(task__plan=plan, assignee=units["鼓东街道"])
        quota.quantity = Decimal(40)
        quota.save()
    page = office.get(office_page).text
    assert "社会帮扶资金（鼓东街道）：<del>33.3万元</del> → <ins>40万元</ins>" in page
    response = office.post(reverse("issuance:adjust", args=[plan.pk]), {"reason": ""}, follow=True)
    assert "未完成：请填写调整说明" in response.text
    response = office.post(reverse("issuance:adjust", args=[plan.pk]), {"reason": "鼓东街道申请调增"}, follow=True)
    assert "已调整下达（第2版·调整）：1项调整，已通知涉及调整的1个单位重新签收" in response.text
    second = PlanVersion.objects.get(number=2)

    # The street sees the change and the earlier version, and signs again.
    page = as_user(client, people["gudong"]).get(reverse("issuance:version", args=[second.pk])).text
    assert "调整内容（涉及本单位）" in page and "<del>33.3万元</del> → <ins>40万元</ins>" in page
    assert 'value="签收"' in page or ">签收</button>" in page
    earlier = client.get(reverse("issuance:version", args=[version.pk])).text
    assert "这是较早的版本，已被第2版·调整取代" in earlier and "鼓东街道33.3万元" in earlier
    # 鼓西街道 is not concerned: nothing to sign again.
    page = as_user(client, people["guxi"]).get(reverse("issuance:version", args=[second.pk])).text
    assert "本版调整不涉及本单位" in page and ">签收</button>" not in page


def test_a_street_reads_only_its_own_share_of_a_task(client, issued_work):
    people, plan = issued_work["people"], issued_work["plan"]
    as_user(client, people["office"]).post(reverse("issuance:issue", args=[plan.pk]),
                                           {"doc_number": "鼓协办〔2026〕5号", "body": ""})
    version = PlanVersion.objects.get()
    page = as_user(client, people["gudong"]).get(reverse("issuance:version", args=[version.pk])).text
    assert "社会帮扶资金：鼓东街道33.3万元" in page
    assert "鼓西街道33.3" not in page and "合计100万元" not in page
    assert 'class="grid division-table stack"' in page  # cards on a phone
    # The office reads the whole table, every street's share and the total.
    whole = as_user(client, people["office"]).get(reverse("issuance:version", args=[version.pk])).text
    assert "鼓西街道33.3万元" in whole and "合计100万元" in whole and "division-table stack" not in whole
