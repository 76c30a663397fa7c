"""An exchange's evidence files (photos, 会议纪要, 新闻稿): checked by reporting's rules, refused in
Chinese naming the file, served only to those who see the exchange, listed on its pages, audited."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from accounts.roles import Role
from exchanges import services
from exchanges.models import Exchange, ExchangeEvidence
from exchanges.services import ExchangeError
from reporting.tests.conftest import person

MINUTES = b"%PDF-1.4\n%minutes of the meeting\n"


def photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def record(actor, pairing, files=(), **extra):
    fields = {"date": datetime.date(2026, 4, 1), "direction": Exchange.Direction.TO_HELPED, "leader_name": "林强",
              "delegation_size": 5, "topic": "劳务协作对接"} | extra
    return services.do_record_exchange(actor, pairing, files=files, **fields)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_files_are_recorded_with_the_exchange_and_added_later(work, paired, media):
    hongshan = paired["hongshan"]
    exchange = record(hongshan, paired["towns"], files=[("座谈会.jpg", photo()), ("会议纪要.pdf", MINUTES)])
    stored = list(exchange.files.order_by("id"))
    assert [(e.original_name, e.content_type) for e in stored] == [("座谈会.jpg", "image/png"),
                                                                   ("会议纪要.pdf", "application/pdf")]
    assert stored[1].file.read() == MINUTES and stored[0].file.name.startswith("exchanges/")
    assert stored[0].history.get().history_user == hongshan
    added = services.do_add_exchange_evidence(paired["shatang_reporter"], exchange,
                                              files=[("新闻稿.pdf", b"%PDF-1.4\n%press\n"), ("again.pdf", MINUTES)])
    assert [e.original_name for e in added] == ["新闻稿.pdf"]  # the minutes were there already
    assert exchange.files.count() == 3
    with pytest.raises(ExchangeError, match="都已上传过"):
        services.do_add_exchange_evidence(hongshan, exchange, files=[("x.pdf", MINUTES)])


def test_a_refused_file_is_named_and_nothing_is_written(work, paired, media, settings):
    with pytest.raises(ExchangeError, match="“纪要.pdf”未上传：这是可执行程序") as refused:
        record(paired["hongshan"], paired["towns"], files=[("照片.png", photo()), ("纪要.pdf", b"MZ\x90\x00" + b"\x00" * 64)])
    assert refused.value.field == "files"
    assert not Exchange.objects.exists() and not ExchangeEvidence.objects.exists()
    assert not list(media.rglob("*.*"))  # the photo stored before the refusal is gone too
    exchange = record(paired["hongshan"], paired["towns"])
    settings.EVIDENCE_MAX_BYTES = 1000
    with pytest.raises(ExchangeError, match="“大合影.pdf”未上传：文件大小.*超过"):
        services.do_add_exchange_evidence(paired["hongshan"], exchange, files=[("大合影.pdf", MINUTES + b"0" * 2000)])
    big = SimpleUploadedFile("大合影.pdf", MINUTES + b"0" * 2000)
    with pytest.raises(ExchangeError, match="“大合影.pdf”未上传：文件大小.*超过"):
        services.read_uploads([big])
    assert not exchange.files.exists()


def test_only_the_sides_and_the_office_add_files(work, paired, media):
    exchange = record(paired["hongshan"], paired["towns"])
    for who in (work["people"]["gudong"], work["people"]["reviewer"]):
        with pytest.raises(PermissionDenied):
            services.do_add_exchange_evidence(who, exchange, files=[("纪要.pdf", MINUTES)])
    assert services.do_add_exchange_evidence(work["people"]["office"], exchange, files=[("纪要.pdf", MINUTES)])


def test_download_is_for_those_who_see_the_exchange(client, work, paired, media, registry):
    exchange = record(paired["hongshan"], paired["towns"], files=[("会议纪要.pdf", MINUTES)])
    url = reverse("exchanges:evidence_download", args=[exchange.files.get().pk])
    foreign = person("foreign", registry["units"]["仓山区民政局"], Role.OFFICE_ADMIN)
    for who, status in ((work["people"]["office"], 200), (paired["shatang_reporter"], 200), (paired["hongshan"], 200),
                        (foreign, 404), (work["people"]["gudong"], 404)):
        client.force_login(who)
        response = client.get(url)
        assert response.status_code == status, who
        if status == 200:
            assert b"".join(response.streaming_content) == MINUTES
            assert "attachment" in response["Content-Disposition"] and response["X-Content-Type-Options"] == "nosniff"


def test_the_pages_list_the_files_and_upload_more(client, work, paired, media):
    exchange = record(paired["hongshan"], paired["towns"], files=[("会议纪要.pdf", MINUTES)])
    download = reverse("exchanges:evidence_download", args=[exchange.files.get().pk])
    client.force_login(paired["shatang_reporter"])
    for page in (reverse("exchanges:pairing", args=[paired["towns"].pk]), reverse("exchanges:exchange", args=[exchange.pk])):
        html = client.get(page).content.decode()
        assert "会议纪要.pdf" in html and download in html
    upload = reverse("exchanges:evidence_upload", args=[exchange.pk])
    response = client.post(upload, {"files": [SimpleUploadedFile("合影.png", photo()),
                                              SimpleUploadedFile("新闻稿.pdf", b"%PDF-1.4\n%press\n")]})
    assert response.status_code == 302
    assert sorted(exchange.files.values_list("original_name", flat=True)) == ["会议纪要.pdf", "合影.png", "新闻稿.pdf"]
    response = client.post(upload, {"files": [SimpleUploadedFile("病毒.jpg", b"MZ\x90\x00" + b"\x00" * 64)]})
    assert response.status_code == 400
    assert "“病毒.jpg”未上传：这是可执行程序" in response.content.decode()
    assert exchange.files.count() == 3


def test_recording_on_the_pairing_page_takes_files(client, work, paired, media):
    client.force_login(paired["hongshan"])
    url = reverse("exchanges:pairing", args=[paired["towns"].pk])
    fields = {"date": "2026-05-01", "direction": "to_helped", "leader_name": "林强", "delegation_size": "3", "topic": "对接"}
    response = client.post(url, fields | {"files": [SimpleUploadedFile("纪要.pdf", b"#!/bin/sh\nrm -rf /\n")]})
    assert response.status_code == 400 and "“纪要.pdf”未上传" in response.content.decode()
    assert not Exchange.objects.exists()
    response = client.post(url, fields | {"files": [SimpleUploadedFile("纪要.pdf", MINUTES)]})
    assert response.status_code == 302
    assert Exchange.objects.get().files.get().original_name == "纪要.pdf"


def test_the_history_of_a_file_is_shown_to_the_office(client, work, paired, media):
    exchange = record(paired["hongshan"], paired["towns"], files=[("会议纪要.pdf", MINUTES)])
    client.force_login(work["people"]["office"])
    page = client.get(reverse("audit:object", args=["exchangeevidence", exchange.files.get().pk])).content.decode()
    assert "会议纪要.pdf" in page and "登记互访交流" in page


def test_a_file_is_deleted_with_a_reason(client, work, paired, media, django_capture_on_commit_callbacks):
    exchange = record(paired["hongshan"], paired["towns"], files=[("错传.pdf", MINUTES)])
    evidence = exchange.files.get()
    path = media / evidence.file.name
    with pytest.raises(PermissionDenied):
        services.do_remove_exchange_evidence(work["people"]["reviewer"], evidence, reason="错传")
    client.force_login(paired["shatang_reporter"])
    url = reverse("exchanges:evidence_delete", args=[evidence.pk])
    response = client.post(url, {"reason": " "}, follow=True)
    assert "未删除：请填写删除“错传.pdf”的原因" in response.content.decode()
    assert exchange.files.exists() and path.exists()
    client.force_login(work["people"]["gudong"])
    assert client.post(url, {"reason": "错传"}).status_code == 404
    client.force_login(paired["shatang_reporter"])
    with django_capture_on_commit_callbacks(execute=True):  # the file goes once the deletion is committed
        response = client.post(url, {"reason": "传错了文件"}, follow=True)
    assert "已删除“错传.pdf”" in response.content.decode()
    assert not exchange.files.exists() and not path.exists()
    deleted = ExchangeEvidence.history.get(id=evidence.pk, history_type="-")
    assert (deleted.history_user, deleted.history_change_reason) == (paired["shatang_reporter"], "删除佐证：传错了文件")
