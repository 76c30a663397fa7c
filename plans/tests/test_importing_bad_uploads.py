"""Bad files through the upload page, as an office would send them: each gets
a Chinese message on the page, nothing is stored, the server never errors."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import User
from accounts.roles import Role, group_name
from intake.tests.test_bad_input import docx_bytes, ole_file, scanned_pdf, zip_bomb
from plans.models import PendingImport, Plan


@pytest.fixture
def office(registry):
    from django.contrib.auth.models import Group

    user = User.objects.create_user(username="office", unit=registry["units"]["区民政局"])
    user.groups.add(Group.objects.get(name=group_name(Role.OFFICE_ADMIN)))
    return user


def _sheet_without_header() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["甲", "乙"])
    book.active.append(["丙", "丁"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


CASES = [
    ("empty.docx", lambda: b"", "是空的"),
    ("corrupt.docx", lambda: docx_bytes()[:600], "文件已损坏"),
    ("locked.docx", lambda: ole_file(["EncryptionInfo", "EncryptedPackage"]), "文件已加密"),
    ("bomb.docx", zip_bomb, "超过 200 MB 上限"),
    ("scan.pdf", scanned_pdf, "PDF 没有文字层"),
    ("ledger.xlsx", _sheet_without_header, "找不到表头"),
]


@pytest.mark.parametrize("name, make, words", CASES, ids=[c[0] for c in CASES])
def test_bad_file_is_explained_and_nothing_stored(client, office, name, make, words):
    client.force_login(office)
    response = client.post(reverse("plans:import_upload"), {"file": SimpleUploadedFile(name, make()), "kind": "east_west"})
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["file"])
    assert name in errors and words in errors, errors
    assert not PendingImport.objects.exists() and not Plan.objects.exists()


def test_a_real_fifty_megabyte_upload_is_refused(client, office):
    client.force_login(office)
    big = SimpleUploadedFile("大文件.pdf", b"%PDF-1.7\n" + b"0" * (50 * 1024 * 1024 + 1))
    response = client.post(reverse("plans:import_upload"), {"file": big, "kind": "east_west"})
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["file"])
    assert "大文件.pdf" in errors and "50 MB" in errors, errors
    assert not PendingImport.objects.exists()
