"""Evidence: photos, PDF, Word, Excel and links on a progress report.

Every file here is made in the test (Pillow, python-docx, openpyxl); every
upload goes through the real URLs. Files land in a MEDIA_ROOT under tmp_path.
"""

import datetime
import io
import re
import struct
import zlib

import docx
import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from PIL import ExifTags, Image

from accounts.models import User
from accounts.roles import Role, group_name
from orgs.models import Programme
from plans.models import Assignment, Plan, Task
from reporting import evidence_actions
from reporting.evidence import (
    EvidenceError, check_link, clean_name, download_name, inspect_upload, photo_location,
)
from reporting.models import Evidence, ProgressReport, ReportEvent, ReportingCycle
from reporting.services import WorkflowError

Status = ProgressReport.Status
MB = 1024 * 1024


# -- fixtures ------------------------------------------------------------------------------------

def person(username, unit, *roles):
    user = User.objects.create_user(username=username, password="Xiezuo-2026-pass", unit=unit, name=username)
    user.groups.add(*[Group.objects.get_or_create(name=group_name(role))[0] for role in roles])
    return user


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def ev(registry, media):
    """A plan kept by 区民政局; 鼓东街道 reports on two tasks, 鼓西街道 on one."""
    units = registry["units"]
    plan = Plan.objects.create(title="2026年佐证测试方案", doc_number="测〔2026〕8号", year=2026,
                               kind=Programme.EAST_WEST, office=units["区民政局"])
    cycle = ReportingCycle.objects.create(plan=plan, label="2026年11月", period_start=datetime.date(2026, 11, 1),
                                          period_end=datetime.date(2026, 11, 30), due_on=datetime.date(2026, 11, 25))
    tasks, reports = [], {}
    for ref in ("1", "2"):
        task = Task.objects.create(plan=plan, ref=ref, position=int(ref), text=f"第{ref}项任务")
        Assignment.objects.create(task=task, unit=units["鼓东街道"], role=Assignment.Role.LEAD)
        tasks.append(task)
        reports[f"gudong{ref}"] = ProgressReport.objects.create(cycle=cycle, unit=units["鼓东街道"], task=task)
    Assignment.objects.create(task=tasks[0], unit=units["鼓西街道"], role=Assignment.Role.PARTNER)
    reports["guxi"] = ProgressReport.objects.create(cycle=cycle, unit=units["鼓西街道"], task=tasks[0])
    people = {
        "gudong": person("gudong", units["鼓东街道"], Role.REPORTER),
        "guxi": person("guxi", units["鼓西街道"], Role.REPORTER),
        "reviewer": person("reviewer", units["区民政局"], Role.REVIEWER),
        "leader": person("leader", units["区民政局"], Role.LEADER),
    }
    return {"plan": plan, "cycle": cycle, "report": reports["gudong1"], "reports": reports, "people": people}


def client_for(client, user):
    client.force_login(user)
    return client


def upload(client, report, name, data, caption="现场照片", url=""):
    client.cookies.pop("messages", None)  # only what this request says, not what an earlier one queued
    payload = {"caption": caption, "url": url}
    if name is not None:
        payload["file"] = SimpleUploadedFile(name, data)
    return client.post(reverse("reporting:evidence_upload", args=[report.pk]), payload)


def said(response) -> list[tuple[str, str]]:
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


def stored_files(media) -> list:
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


# -- files made in the test ----------------------------------------------------------------------

def jpeg_with_location() -> bytes:
    image = Image.new("RGB", (120, 80), (180, 40, 40))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "TestCam"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (26.0, 5.0, 12.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (119.0, 18.0, 3.0)
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = "2026:11:12 09:30:00"
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, quality=90,
               xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description exif:GPSLatitude="26,5.2N"/></x:xmpmeta>')
    return out.getvalue()


def png(color=(30, 120, 60)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), color).save(out, "PNG")
    return out.getvalue()


def pdf() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (60, 80), "white").save(out, "PDF")
    return out.getvalue()


def word() -> bytes:
    document = docx.Document()
    document.add_paragraph("关于发放帮扶物资的通知")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def excel() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["姓名", "金额（万元）"])
    book.active.append(["张三", 1.5])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def ole(*streams: str) -> bytes:
    """An OLE compound file header and a directory naming these streams, as .doc/.xls have."""
    data = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    for name in ("Root Entry", *streams):
        entry = bytearray(128)
        encoded = (name + "\0").encode("utf-16-le")
        entry[:len(encoded)] = encoded
        entry[64:66] = len(encoded).to_bytes(2, "little")
        entry[66] = 5 if name == "Root Entry" else 2
        data += entry
    return bytes(data + bytes(1024))


# -- what a file is, told by its bytes -----------------------------------------------------------

def test_a_photo_with_a_location_is_stored_without_it(client, ev, media):
    original = jpeg_with_location()
    assert photo_location(original)  # the test photo really has one
    response = upload(client_for(client, ev["people"]["gudong"]), ev["report"], "帮扶现场.jpg", original)
    assert response.status_code == 302 and response["Location"] == reverse("reporting:report", args=[ev["report"].pk])
    assert ("success", "已上传“帮扶现场.jpg”，照片中的拍摄位置信息已去除。") in said(response)
    evidence = Evidence.objects.get()
    assert (evidence.original_name, evidence.content_type, evidence.caption) == ("帮扶现场.jpg", "image/jpeg", "现场照片")
    assert re.fullmatch(r"evidence/\d{4}/\d{2}/[0-9a-f]{32}\.jpg", evidence.file.name)  # never the user's name on disk

    with default_storage.open(evidence.file.name, "rb") as stored:
        data = stored.read()
    assert photo_location(data) == {}
    assert b"GPSLatitude" not in data and b"xmpmeta" not in data
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        assert ExifTags.IFD.GPSInfo not in exif
        assert exif[ExifTags.Base.Orientation] == 6  # still shown the right way up
        assert image.size == (120, 80)
    assert evidence.size == len(data)
    event = ReportEvent.objects.get(report=ev["report"])
    assert (event.action, event.actor, event.comment) == (
        ReportEvent.Action.EVIDENCE_ADDED, ev["people"]["gudong"], "文件：帮扶现场.jpg（现场照片）")


def test_a_png_named_jpg_is_accepted_as_a_png_and_downloads_as_one(client, ev):
    client = client_for(client, ev["people"]["gudong"])
    upload(client, ev["report"], "现场.jpg", png())
    evidence = Evidence.objects.get()
    assert evidence.content_type == "image/png" and evidence.file.name.endswith(".png")
    response = client.get(reverse("reporting:evidence_download", args=[evidence.pk]))
    assert response["Content-Type"] == "image/png"
    assert "attachment" in response["Content-Disposition"] and "%E7%8E%B0%E5%9C%BA.png" in response["Content-Disposition"]


@pytest.mark.parametrize("name, make, kind, content_type, extension", [
    ("通知.pdf", pdf, "pdf", "application/pdf", ".pdf"),
    ("通知.docx", word, "word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    ("台账.xlsx", excel, "excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    ("台账.bin", excel, "excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    ("旧通知.doc", lambda: ole("WordDocument", "1Table"), "word", "application/msword", ".doc"),
    ("旧台账.xls", lambda: ole("Workbook"), "excel", "application/vnd.ms-excel", ".xls"),
])
def test_documents_are_told_by_their_content(name, make, kind, content_type, extension):
    data = make()
    found = inspect_upload(name, data)
    assert (found.kind, found.content_type, found.extension, found.size) == (kind, content_type, extension, len(data))
    assert found.data == data  # documents are stored as uploaded


def test_documents_upload_through_the_page_and_download_as_they_were(client, ev):
    client = client_for(client, ev["people"]["gudong"])
    files = {"通知.pdf": pdf(), "通知.docx": word(), "台账.xlsx": excel()}
    for name, data in files.items():
        assert said(upload(client, ev["report"], name, data, caption=name))[0][0] == "success"
    for evidence in Evidence.objects.order_by("pk"):
        response = client.get(reverse("reporting:evidence_download", args=[evidence.pk]))
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == files[evidence.original_name]
        assert response["Content-Type"] == evidence.content_type
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize("name, data, words", [
    ("空.jpg", b"", "文件是空的"),
    ("照片.jpg", b"MZ\x90\x00\x03\x00\x00\x00" + bytes(200), "这是可执行程序"),
    ("报告.pdf", b"\x7fELF\x02\x01\x01" + bytes(200), "这是可执行程序"),
    ("说明.txt", "本月发放物资100份。".encode(), "只能上传照片（JPG/PNG/WebP）、PDF、Word、Excel 文件"),
    ("照片.jpg", b"\xff\xd8\xff\xe0" + bytes(300), "照片文件已损坏"),
    ("材料.zip", b"PK\x05\x06" + bytes(18), "压缩包"),
    ("安装.doc", ole("\x05SummaryInformation"), "只能上传照片"),
    ("IMG_0001.jpg", bytes(4) + b"ftypheic" + bytes(100), "HEIC"),
])
def test_bad_files_are_refused_with_a_chinese_reason(name, data, words):
    with pytest.raises(EvidenceError, match=re.escape(words)):
        inspect_upload(name, data)


def test_the_size_cap_comes_from_settings(settings):
    settings.EVIDENCE_MAX_BYTES = 2 * MB
    data = b"%PDF-1.4\n" + bytes(3 * MB)
    with pytest.raises(EvidenceError, match=r"文件大小为 3\.0 MB，超过 2 MB 上限"):
        inspect_upload("大.pdf", data)
    settings.EVIDENCE_MAX_BYTES = 4 * MB
    assert inspect_upload("大.pdf", data).kind == "pdf"


@pytest.mark.parametrize("name, data, words", [
    ("空.jpg", b"", "文件是空的"),
    ("照片.jpg", b"MZ\x90\x00" + bytes(5000), "这是可执行程序，不是照片或文档"),
    ("说明.txt", "本月发放物资100份。".encode(), "只能上传照片（JPG/PNG/WebP）、PDF、Word、Excel 文件"),
])
def test_bad_uploads_through_the_page_say_why_and_store_nothing(client, ev, media, name, data, words):
    response = upload(client_for(client, ev["people"]["gudong"]), ev["report"], name, data)
    assert response.status_code == 302
    ((level, message),) = said(response)
    assert level == "error" and message.startswith("未上传：") and words in message
    assert not Evidence.objects.exists() and not ReportEvent.objects.exists() and stored_files(media) == []


def test_a_100_mb_file_is_refused_and_nothing_is_stored(client, ev, media):
    big = b"%PDF-1.7\n" + bytes(100 * MB)
    response = upload(client_for(client, ev["people"]["gudong"]), ev["report"], "全年台账.pdf", big)
    assert response.status_code == 302
    ((level, message),) = said(response)
    assert level == "error" and "文件大小为 100.0 MB，超过 20 MB 上限" in message
    assert not Evidence.objects.exists() and not ReportEvent.objects.exists() and stored_files(media) == []


def test_nothing_half_saved_when_the_row_cannot_be_written(ev, media, monkeypatch):
    def fail(**kwargs):
        raise RuntimeError("数据库写入失败")

    monkeypatch.setattr(evidence_actions.ReportEvent.objects, "create", fail)
    with pytest.raises(RuntimeError):
        evidence_actions.add_file(ev["report"], user=ev["people"]["gudong"], name="a.png", data=png(), caption="")
    assert not Evidence.objects.exists() and stored_files(media) == []


# -- links ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("url, words", [
    ("javascript:alert(1)", "只能是以 http:// 或 https:// 开头"),
    ("ftp://news.example.gov.cn/a.pdf", "只能是以 http:// 或 https:// 开头"),
    ("www.fznews.com.cn/a.html", "只能是以 http:// 或 https:// 开头"),
    ("https:///only-a-path", "缺少网站地址"),
    ("https://news.example.gov.cn/a b.html", "不能有空格"),
    ("https://news.example.gov.cn:port/", "格式不正确"),
    ("", "请填写链接"),
])
def test_bad_links_are_refused(url, words):
    with pytest.raises(EvidenceError, match=re.escape(words)):
        check_link(url)


def test_a_link_to_a_news_report_is_recorded(client, ev, media):
    url = "https://news.fznews.com.cn/dsxw/20261112/帮扶.shtml"
    response = upload(client_for(client, ev["people"]["gudong"]), ev["report"], None, b"", caption="福州新闻网报道", url=url)
    assert ("success", "已添加链接。") in said(response)
    evidence = Evidence.objects.get()
    assert (evidence.url, evidence.caption, evidence.file.name) == (url, "福州新闻网报道", "")
    assert ReportEvent.objects.get().comment == f"链接：{url}（福州新闻网报道）"
    assert stored_files(media) == []
    assert client.get(reverse("reporting:evidence_download", args=[evidence.pk])).status_code == 404  # a link has no file
    response = upload(client, ev["report"], None, b"", url="javascript:alert(1)")
    assert said(response)[0][0] == "error" and Evidence.objects.count() == 1
    response = upload(client, ev["report"], None, b"", url=url)
    assert "该链接已添加过" in said(response)[0][1] and Evidence.objects.count() == 1


def test_a_file_and_a_link_at_once_or_neither_is_refused(client, ev):
    client = client_for(client, ev["people"]["gudong"])
    response = upload(client, ev["report"], "a.png", png(), url="https://example.gov.cn/")
    assert "只上传一个文件或只填写一个链接" in said(response)[0][1]
    response = upload(client, ev["report"], None, b"")
    assert said(response)[0][0] == "error"
    assert not Evidence.objects.exists()


# -- duplicates ----------------------------------------------------------------------------------

def test_the_same_file_twice_on_one_report_is_refused(client, ev, media):
    client = client_for(client, ev["people"]["gudong"])
    upload(client, ev["report"], "现场1.jpg", jpeg_with_location())
    response = upload(client, ev["report"], "现场（副本）.jpg", jpeg_with_location())
    ((level, message),) = said(response)
    assert level == "error" and "该文件已上传过（“现场1.jpg”，上传于" in message
    assert Evidence.objects.count() == 1 and len(stored_files(media)) == 1


def test_the_same_file_on_another_report_of_the_unit_is_accepted_with_a_note(client, ev, media):
    client = client_for(client, ev["people"]["gudong"])
    upload(client, ev["report"], "通知.pdf", pdf())
    response = upload(client, ev["reports"]["gudong2"], "通知.pdf", pdf())
    levels = dict(said(response))
    assert levels["success"] == "已上传“通知.pdf”。"
    assert levels["warning"].startswith("同一文件已用于本单位《2026年佐证测试方案》2026年11月第1项的报告（“通知.pdf”，上传于")
    assert Evidence.objects.count() == 2 and len(stored_files(media)) == 2
    # Another unit's report with the same file: nothing said about the first unit's reports.
    _, note = evidence_actions.add_file(ev["reports"]["guxi"], user=ev["people"]["guxi"], name="通知.pdf", data=pdf())
    assert note == ""


# -- who may download ----------------------------------------------------------------------------

@pytest.fixture
def stored(ev):
    evidence, _ = evidence_actions.add_file(ev["report"], user=ev["people"]["gudong"], name="现场.png", data=png())
    return evidence


@pytest.mark.parametrize("who, status", [("gudong", 200), ("guxi", 404), ("reviewer", 200), ("leader", 200)])
def test_a_file_is_downloaded_only_by_those_who_may_see_the_report(client, ev, stored, who, status):
    response = client_for(client, ev["people"][who]).get(reverse("reporting:evidence_download", args=[stored.pk]))
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "image/png" and response["X-Content-Type-Options"] == "nosniff"
        assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_anonymous_downloads_go_to_the_login_page(client, stored):
    response = client.get(reverse("reporting:evidence_download", args=[stored.pk]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_reporter_of_another_unit_cannot_upload(client, ev):
    response = upload(client_for(client, ev["people"]["guxi"]), ev["report"], "a.png", png())
    assert response.status_code == 404 and not Evidence.objects.exists()
    response = upload(client_for(client, ev["people"]["reviewer"]), ev["report"], "a.png", png())
    assert response.status_code == 403 and not Evidence.objects.exists()


# -- deleting ------------------------------------------------------------------------------------

def delete(client, evidence):
    client.cookies.pop("messages", None)
    return client.post(reverse("reporting:evidence_delete", args=[evidence.pk]))


def test_the_units_reporter_deletes_evidence_and_its_file(client, ev, stored, media, django_capture_on_commit_callbacks):
    assert len(stored_files(media)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        response = delete(client_for(client, ev["people"]["gudong"]), stored)
    assert response.status_code == 302 and ("success", "已删除“现场.png”。") in said(response)
    assert not Evidence.objects.exists() and stored_files(media) == []
    event = ReportEvent.objects.filter(action=ReportEvent.Action.EVIDENCE_REMOVED).get()
    assert (event.actor, event.comment) == (ev["people"]["gudong"], "文件：现场.png")


@pytest.mark.parametrize("who, status", [("guxi", 404), ("reviewer", 403), ("leader", 403)])
def test_no_one_else_deletes_evidence(client, ev, stored, media, who, status):
    assert delete(client_for(client, ev["people"][who]), stored).status_code == status
    assert Evidence.objects.filter(pk=stored.pk).exists() and len(stored_files(media)) == 1


def test_evidence_of_a_submitted_report_can_still_be_deleted_before_review(client, ev, stored, media):
    # A reporter filling the page top to bottom submits, then notices the wrong photo.
    ProgressReport.objects.filter(pk=ev["report"].pk).update(status=Status.SUBMITTED)
    response = delete(client_for(client, ev["people"]["gudong"]), stored)
    assert ("success", "已删除“现场.png”。") in said(response)
    assert not Evidence.objects.filter(pk=stored.pk).exists()
    assert ReportEvent.objects.filter(action=ReportEvent.Action.EVIDENCE_REMOVED).count() == 1


def test_evidence_of_an_approved_report_cannot_be_deleted(client, ev, stored, media):
    ProgressReport.objects.filter(pk=ev["report"].pk).update(status=Status.APPROVED)
    response = delete(client_for(client, ev["people"]["gudong"]), stored)
    ((level, message),) = said(response)
    assert level == "error" and "已审核通过并锁定" in message
    assert Evidence.objects.filter(pk=stored.pk).exists() and len(stored_files(media)) == 1
    with pytest.raises(WorkflowError):
        evidence_actions.remove(stored, user=ev["people"]["gudong"])


def test_an_approved_report_takes_no_evidence(client, ev, media):
    ProgressReport.objects.filter(pk=ev["report"].pk).update(status=Status.APPROVED)
    response = upload(client_for(client, ev["people"]["gudong"]), ev["report"], "a.png", png())
    ((level, message),) = said(response)
    assert level == "error" and "已审核通过并锁定" in message
    response = upload(client, ev["report"], None, b"", url="https://example.gov.cn/news/1.html")
    assert "已审核通过并锁定" in said(response)[0][1]
    assert not Evidence.objects.exists() and not ReportEvent.objects.exists() and stored_files(media) == []
    with pytest.raises(WorkflowError, match="锁定"):
        evidence_actions.add_link(ev["report"], user=ev["people"]["gudong"], url="https://example.gov.cn/")


# -- names and the page partial ------------------------------------------------------------------

def test_names_keep_what_the_user_called_the_file_without_folders():
    assert clean_name("C:\\Users\\张三\\Desktop\\现场.jpg") == "现场.jpg"
    assert clean_name("../../etc/passwd") == "passwd"
    assert clean_name("a\x00b\n.pdf") == "ab.pdf"
    assert clean_name("") == "未命名文件"
    assert len(clean_name("长" * 300 + ".docx")) == 255 and clean_name("长" * 300 + ".docx").endswith(".docx")
    assert download_name("现场.JPEG", ".jpg") == "现场.JPEG"
    assert download_name("现场.jpg", ".png") == "现场.png"
    assert download_name("现场", ".pdf") == "现场.pdf"


def test_the_partial_lists_evidence_and_offers_the_form_only_to_editors(ev, stored):
    evidence_actions.add_link(ev["report"], user=ev["people"]["gudong"], url="https://example.gov.cn/a.html", caption="报道")
    request = RequestFactory().get("/")
    request.user = ev["people"]["gudong"]
    context = {"report": ev["report"], "evidence": list(ev["report"].evidence.select_related("uploaded_by"))}
    editable = render_to_string("reporting/_evidence.html", {**context, "can_edit": True}, request=request)
    assert reverse("reporting:evidence_download", args=[stored.pk]) in editable and "现场.png" in editable
    assert 'href="https://example.gov.cn/a.html"' in editable and 'rel="noopener noreferrer nofollow"' in editable
    # image/* so a phone offers its camera or its photos; no capture attribute, so files stay possible.
    assert 'accept="image/*,application/pdf,.pdf,.doc,.docx,.xls,.xlsx"' in editable and "capture" not in editable
    # The partial sits inside the report page's form: its buttons post there.
    assert f'name="remove_evidence" value="{stored.pk}"' in editable and ">上传</button>" in editable
    assert "<form" not in editable
    read_only = render_to_string("reporting/_evidence.html", {**context, "can_edit": False}, request=request)
    assert "现场.png" in read_only and "<button" not in read_only and "<input" not in read_only
    empty = render_to_string("reporting/_evidence.html", {"report": ev["report"], "evidence": [], "can_edit": False},
                             request=request)
    assert "尚未上传佐证材料" in empty


def test_the_report_page_shows_the_evidence_and_the_form_to_its_reporter(client, ev, stored):
    page = client_for(client, ev["people"]["gudong"]).get(reverse("reporting:report", args=[ev["report"].pk]))
    html = page.content.decode()
    assert page.status_code == 200 and "现场.png" in html
    assert 'enctype="multipart/form-data" class="report-form"' in html and 'id="id_evidence_file"' in html
    page = client_for(client, ev["people"]["reviewer"]).get(reverse("reporting:report", args=[ev["report"].pk]))
    html = page.content.decode()
    assert "现场.png" in html and 'id="id_evidence_file"' not in html and 'id="report-form"' not in html


@pytest.mark.parametrize("format_name, content_type", [("PNG", "image/png"), ("WEBP", "image/webp")])
def test_png_and_webp_photos_lose_their_location_too(format_name, content_type):
    exif = Image.open(io.BytesIO(jpeg_with_location())).getexif()
    out = io.BytesIO()
    Image.new("RGB", (50, 40), (10, 90, 200)).save(out, format_name, exif=exif)
    assert photo_location(out.getvalue())
    found = inspect_upload("照片", out.getvalue())
    assert (found.kind, found.content_type) == ("photo", content_type)
    assert photo_location(found.data) == {} and b"GPSLatitude" not in found.data


def test_a_photo_claiming_a_huge_size_is_refused_before_it_is_decoded():
    data = bytearray(png())
    data[16:24] = struct.pack(">II", 11000, 11000)  # IHDR's width and height, then its checksum
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + bytes(data[16:29])))
    with pytest.raises(EvidenceError, match="照片尺寸过大（11000×11000 像素）"):
        inspect_upload("大图.png", bytes(data))
    data[16:24] = struct.pack(">II", 30000, 30000)  # past what Pillow itself refuses to open
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + bytes(data[16:29])))
    with pytest.raises(EvidenceError, match="照片尺寸过大"):
        inspect_upload("大图.png", bytes(data))


def test_a_phone_photo_with_several_frames_is_a_jpeg():
    """Phones store depth maps and HDR gain maps as extra frames (MPO); the first frame is kept."""
    out = io.BytesIO()
    first = Image.new("RGB", (40, 30), "red")
    first.save(out, "MPO", save_all=True, append_images=[Image.new("RGB", (40, 30), "blue")],
               exif=Image.open(io.BytesIO(jpeg_with_location())).getexif())
    found = inspect_upload("IMG_0002.jpg", out.getvalue())
    assert (found.kind, found.content_type, found.extension) == ("photo", "image/jpeg", ".jpg")
    assert photo_location(found.data) == {}
    with Image.open(io.BytesIO(found.data)) as image:
        assert image.format == "JPEG" and image.getpixel((20, 15))[0] > 200
