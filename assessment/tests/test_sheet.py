"""A unit's own score sheet: self-assessment with evidence per 考核要求 picked from its monthly
reports or uploaded, submitting before the deadline, and what it may see before publication."""

import datetime

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.urls import reverse

from assessment.errors import AssessmentError
from assessment.evidence import do_pick_evidence, requirements
from assessment.models import ScoreSheet, SheetEvidence
from assessment.results import do_configure
from assessment.scoring import do_open_scheme, do_self_assess, do_submit
from reporting.models import Evidence

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def opened(scheme, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    office = scheme["people"]["office"]
    do_configure(office, scheme["scheme"], self_assess_due="2027-01-15", appeal_days="5")
    do_open_scheme(office, scheme["scheme"])
    report = scheme["report"]  # 鼓东街道's November report on task 1
    notice = Evidence.objects.create(report=report, file=ContentFile(PDF, name="n.pdf"), original_name="资金拨付凭证.pdf",
                                     content_type="application/pdf", size=len(PDF), uploaded_by=scheme["people"]["gudong"])
    return {**scheme, "notice": notice}


def test_requirements_are_a_checklist(opened):
    item = opened["items"][("2", "鼓东街道")]
    item.requirement = "提供宣传报道有效证明材料；提供党政干部挂职交流文件及人员信息。"
    assert requirements(item) == ["提供宣传报道有效证明材料", "提供党政干部挂职交流文件及人员信息"]
    item.requirement = ""
    assert requirements(item) == ["佐证材料"]


@time_machine.travel(datetime.datetime(2027, 1, 10, 9, tzinfo=datetime.UTC))
def test_a_town_self_assesses_with_evidence_from_its_reports_and_submits(client, opened):
    gudong, sheet = opened["people"]["gudong"], opened["sheets"]["鼓东街道"]
    first, second = opened["items"][("1", "鼓东街道")], opened["items"][("2", "鼓东街道")]
    client.force_login(gudong)
    page = client.get(reverse("assessment:sheet", args=[sheet.pk])).content.decode()
    assert "提供资金拨付凭证" in page and "提供宣传报道有效证明材料" in page and "☐" in page
    assert "2026年11月：资金拨付凭证.pdf" in page  # the report's evidence offered for task 1's item
    assert "得分、排名和等次在考核结果公布后显示" in page
    url = reverse("assessment:evidence_add", args=[sheet.pk, first.pk])
    client.post(url, {"requirement": "提供资金拨付凭证", "evidence": opened["notice"].pk})
    picked = SheetEvidence.objects.get()
    assert picked.report_evidence == opened["notice"] and not picked.file
    # An upload for the other item, checked as report evidence is (a PDF by its bytes).
    from django.core.files.uploadedfile import SimpleUploadedFile
    client.post(reverse("assessment:evidence_add", args=[sheet.pk, second.pk]),
                {"requirement": "提供宣传报道有效证明材料", "file": SimpleUploadedFile("报道.pdf", PDF)})
    uploaded = SheetEvidence.objects.get(file__isnull=False, report_evidence__isnull=True)
    assert uploaded.original_name == "报道.pdf"
    download = client.get(reverse("assessment:evidence_download", args=[uploaded.pk]))
    assert b"".join(download.streaming_content) == PDF
    bad = client.post(reverse("assessment:evidence_add", args=[sheet.pk, second.pk]),
                      {"requirement": "提供宣传报道有效证明材料", "file": SimpleUploadedFile("a.pdf", b"MZ\x90\x00")},
                      follow=True).content.decode()
    assert "未上传：" in bad and SheetEvidence.objects.count() == 2

    # Submitting needs every item's 自评分.
    refused = client.post(reverse("assessment:submit", args=[sheet.pk]), follow=True).content.decode()
    assert "未提交：以下项目尚未自评：第1、2项" in refused
    client.post(reverse("assessment:self_assess", args=[sheet.pk, first.pk]), {"self_score": "58", "self_note": "拨付到位"})
    client.post(reverse("assessment:self_assess", args=[sheet.pk, second.pk]), {"self_score": "40", "self_note": ""})
    done = client.post(reverse("assessment:submit", args=[sheet.pk]), follow=True).content.decode()
    assert "已提交自评" in done and "保存自评" not in done and "添加佐证" not in done
    sheet.refresh_from_db()
    assert sheet.state == ScoreSheet.State.SUBMITTED and sheet.history.first().history_change_reason == "提交自评"


def test_nothing_is_self_assessed_or_submitted_after_the_deadline(opened):
    gudong, sheet, item = opened["people"]["gudong"], opened["sheets"]["鼓东街道"], opened["items"][("2", "鼓东街道")]
    with time_machine.travel(datetime.datetime(2027, 1, 15, 15, tzinfo=datetime.UTC)):  # 23:00 in Beijing: still the 15th
        do_self_assess(gudong, sheet, item, "40")
    with time_machine.travel(datetime.datetime(2027, 1, 15, 17, tzinfo=datetime.UTC)):  # the 16th in Beijing
        with pytest.raises(AssessmentError, match="自评截止日为2027年1月15日，已过"):
            do_self_assess(gudong, sheet, item, "39")
        with pytest.raises(AssessmentError, match="已过"):
            do_submit(gudong, sheet)
        with pytest.raises(AssessmentError, match="不能再改佐证"):
            do_pick_evidence(gudong, sheet, opened["items"][("1", "鼓东街道")], "提供资金拨付凭证", opened["notice"].pk)


def test_a_unit_sees_only_its_own_sheet(client, opened, publicity):
    sheet = opened["sheets"]["鼓东街道"]
    url = reverse("assessment:sheet", args=[sheet.pk])
    client.force_login(opened["people"]["guxi"])
    assert client.get(url).status_code == 404
    assert client.get(reverse("assessment:sheet_docx", args=[sheet.pk])).status_code == 404
    client.force_login(publicity[1])  # a scoring department reads no sheets
    assert client.get(url).status_code == 404
    # Another unit's report evidence cannot be picked, even by id.
    other = Evidence.objects.create(report=opened["cycle"].reports.get(unit=opened["units"]["鼓西街道"]),
                                    url="https://example.gov.cn/news/1", uploaded_by=opened["people"]["guxi"])
    with pytest.raises(AssessmentError, match="所选佐证不在本单位本年度的月报中"):
        do_pick_evidence(opened["people"]["gudong"], sheet, opened["items"][("1", "鼓东街道")], "提供资金拨付凭证", other.pk)
    client.force_login(opened["people"]["reviewer"])  # the office reads every sheet
    assert client.get(url).status_code == 200


def test_my_assessment_lists_the_units_sheet(client, opened):
    client.force_login(opened["people"]["gudong"])
    page = client.get(reverse("assessment:mine")).content.decode()
    assert reverse("assessment:sheet", args=[opened["sheets"]["鼓东街道"].pk]) in page
    assert "自评截止 2027年1月15日" in page


def test_an_empty_or_oversized_upload_is_refused_before_it_is_read(client, opened, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.EVIDENCE_MAX_BYTES = 10
    sheet, item = opened["sheets"]["鼓东街道"], opened["items"][("2", "鼓东街道")]
    client.force_login(opened["people"]["gudong"])
    url = reverse("assessment:evidence_add", args=[sheet.pk, item.pk])
    page = client.post(url, {"requirement": "提供宣传报道有效证明材料", "file": SimpleUploadedFile("大.pdf", PDF)},
                       follow=True).content.decode()
    assert "未上传：文件大小为" in page and not SheetEvidence.objects.exists()
