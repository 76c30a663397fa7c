"""A .txt with a bad byte is imported, and the review page says which file, bytes and lines."""

from django.urls import reverse

from conftest import shared_path
from plans.models import PendingImport
from plans.tests.test_importing_views import admin, media, upload  # noqa: F401  (fixtures)


def test_text_file_with_a_bad_byte_reaches_review_with_the_warning(client, admin):  # noqa: F811
    clean = sorted(shared_path("seeds/docx").parent.glob("000_*.txt"))[0].read_bytes()
    middle = clean.index("工作".encode("utf-8"), len(clean) // 2)
    line = clean[:middle].count(b"\n") + 1
    client.force_login(admin)
    response = upload(client, clean[:middle] + b"\xff" + clean[middle:], "要点.txt")
    assert response.status_code == 302, response.content.decode()[:2000]
    pending = PendingImport.objects.latest("pk")
    html = client.get(reverse("plans:import_review", args=[pending.pk])).content.decode()
    assert (f"文本文件“要点.txt”按 UTF-8 编码读取，其中有 1 个字节（1 处）无法识别，已替换为“\ufffd”，"
            f"在第 {line} 行。请对照原文核对这些行的内容。") in html
    assert "不是 Word、PDF 或 Excel 文件" not in html


def test_a_binary_named_txt_is_refused_in_chinese(client, admin):  # noqa: F811
    client.force_login(admin)
    response = upload(client, b"\x00\x01\x02\x03" * 100, "方案.txt")
    assert response.status_code == 200
    assert "无法导入“方案.txt”：这不是可以读取的文本文件" in response.content.decode()
