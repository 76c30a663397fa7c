"""Files that cannot be read: each gets an IntakeError saying in Chinese what
is wrong and what to do, and no byte string makes read_document raise
anything else."""

import io
import zipfile
import zlib

import docx
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.document import Document
from intake.errors import IntakeError
from intake.readers.sniff import read_document

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _refused(data: bytes, filename: str, **kwargs) -> IntakeError:
    with pytest.raises(IntakeError) as caught:
        read_document(data, filename, **kwargs)
    error = caught.value
    assert error.where.startswith(filename)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in error.message)
    return error


# -- files built byte by byte ------------------------------------------------------


def ole_file(stream_names: list[str]) -> bytes:
    """A minimal OLE compound file (the container of .doc, .xls and of
    password-protected .docx/.xlsx) whose directory lists `stream_names`."""
    end_of_chain, free, fat_sector = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    header = bytearray(512)
    header[0:8] = OLE_MAGIC
    header[0x18:0x1A] = (0x3E).to_bytes(2, "little")  # minor version
    header[0x1A:0x1C] = (3).to_bytes(2, "little")  # major version: 512-byte sectors
    header[0x1C:0x1E] = b"\xfe\xff"
    header[0x1E:0x20] = (9).to_bytes(2, "little")
    header[0x20:0x22] = (6).to_bytes(2, "little")
    header[0x2C:0x30] = (1).to_bytes(4, "little")  # one FAT sector
    header[0x30:0x34] = (1).to_bytes(4, "little")  # directory at sector 1
    header[0x38:0x3C] = (4096).to_bytes(4, "little")
    header[0x3C:0x40] = end_of_chain.to_bytes(4, "little")
    header[0x44:0x48] = end_of_chain.to_bytes(4, "little")
    header[0x4C:0x50] = (0).to_bytes(4, "little")  # the FAT is sector 0
    header[0x50:512] = b"\xff" * (512 - 0x50)
    fat = [fat_sector, end_of_chain] + [free] * 126
    fat_bytes = b"".join(v.to_bytes(4, "little") for v in fat)

    def entry(name: str, kind: int, child: int = free, right: int = free) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        out = bytearray(128)
        out[0:len(raw)] = raw
        out[64:66] = len(raw).to_bytes(2, "little")
        out[66] = kind
        out[68:72] = free.to_bytes(4, "little")
        out[72:76] = right.to_bytes(4, "little")
        out[76:80] = child.to_bytes(4, "little")
        out[116:120] = end_of_chain.to_bytes(4, "little")
        return bytes(out)

    assert len(stream_names) <= 3
    entries = [entry("Root Entry", 5, child=1)]
    for i, name in enumerate(stream_names, start=1):
        entries.append(entry(name, 2, right=i + 1 if i < len(stream_names) else free))
    directory = b"".join(entries).ljust(512, b"\0")
    return bytes(header) + fat_bytes + directory


def pdf_file(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF with a correct cross-reference table; object 1 is the catalog."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def _page(content: bytes, resources: bytes = b"<< >>") -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources " + resources + b" >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]


def text_pdf() -> bytes:
    return pdf_file(_page(b"BT /F1 12 Tf 72 720 Td (Hello task list) Tj ET",
                          b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"))


def scanned_pdf() -> bytes:
    """A page that is only a picture, as a scanner makes it."""
    image = b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray " \
            b"/BitsPerComponent 8 /Length 4 >>\nstream\n\x00\x80\x80\xff\nendstream"
    objects = _page(b"q 400 0 0 600 100 100 cm /Im1 Do Q", b"<< /XObject << /Im1 5 0 R >> >>")
    return pdf_file(objects + [image])


def encrypted_pdf() -> bytes:
    """A PDF whose standard security handler wants a user password."""
    objects = _page(b"BT /F1 12 Tf 72 720 Td (secret) Tj ET")
    objects.append(b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>")
    return pdf_file(objects, b"/Encrypt 5 0 R /ID [<" + b"33" * 16 + b"> <" + b"33" * 16 + b">]")


def png() -> bytes:
    def chunk(kind, body):
        return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")
    ihdr = (1).to_bytes(4, "big") * 2 + b"\x08\x00\x00\x00\x00"
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b"")


def zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    return out.getvalue()


def docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("一、工作任务")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "序号"
    table.cell(1, 1).text = "区民政局"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["序号", "工作任务", "责任单位"])
    book.active.append([1, "召开会议", "区民政局"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# -- each kind of bad file ---------------------------------------------------------


def test_empty_file():
    assert "文件是空的" in _refused(b"", "方案.docx").message


def test_file_over_the_size_limit():
    error = _refused(b"\0" * (51 * 1024 * 1024), "方案.pdf")
    assert "文件大小为 51.0 MB，超过 50 MB 上限" in error.message
    small = _refused(b"x" * 3 * 1024 * 1024, "方案.pdf", max_bytes=2 * 1024 * 1024)
    assert "超过 2 MB 上限" in small.message


@pytest.mark.parametrize("data, kind", [
    (png(), "PNG"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\0" * 64, "JPEG"),
    (b"GIF89a" + b"\0" * 64, "GIF"),
])
def test_picture_renamed_docx(data, kind):
    error = _refused(data, "分工方案.docx")
    assert error.message.startswith(f"这是一张图片（{kind}），不是 Word 文件")
    assert "原始 Word 文件" in error.message


def test_picture_renamed_pdf_says_pdf():
    assert "不是 PDF 文件" in _refused(png(), "方案.pdf").message


def test_corrupt_zip():
    whole = docx_bytes()
    assert "文件已损坏" in _refused(whole[: len(whole) // 2], "方案.docx").message
    assert "文件已损坏" in _refused(b"PK\x03\x04" + b"\x13" * 400, "方案.xlsx").message


def test_corrupt_docx_inside_a_good_zip():
    error = _refused(zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<not xml"}), "方案.docx")
    assert "无法读取" in error.message or "损坏" in error.message


def test_corrupt_pdf():
    error = _refused(b"%PDF-1.7\n" + bytes(range(256)) * 8, "方案.pdf")
    assert "PDF 文件已损坏" in error.message


@pytest.mark.parametrize("filename, app", [("方案.docx", "Word"), ("台账.xlsx", "Excel")])
def test_password_protected_word_and_excel(filename, app):
    error = _refused(ole_file(["EncryptionInfo", "EncryptedPackage"]), filename)
    assert error.message.startswith("文件已加密")
    assert "请在 Word/Excel 中打开文件，去除密码" in error.message and "重新上传" in error.message


def test_legacy_doc():
    error = _refused(ole_file(["WordDocument", "1Table"]), "方案.doc")
    assert "旧版 Word 文件（.doc）" in error.message and "请用 Word 另存为 .docx 后上传" in error.message


def test_legacy_xls():
    error = _refused(ole_file(["Workbook"]), "台账.xls")
    assert "旧版 Excel 文件（.xls）" in error.message and "另存为 .xlsx" in error.message


def test_legacy_doc_named_docx_is_found_by_content():
    assert "旧版 Word 文件" in _refused(ole_file(["WordDocument"]), "方案.docx").message


def test_zip_bomb_by_compression_ratio(monkeypatch):
    bomb = zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\0" * (8 * 1024 * 1024)})
    inflated = []
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda *a, **k: inflated.append(a) or pytest.fail("inflated"))
    error = _refused(bomb, "方案.docx")
    assert "压缩炸弹" in error.message and "压缩比" in error.message
    assert not inflated


def zip_bomb() -> bytes:
    """A small .docx whose central directory claims 300 MB for every member."""
    data = bytearray(zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}))
    position = data.find(b"PK\x01\x02")
    while position != -1:
        data[position + 24:position + 28] = (300 * 1024 * 1024).to_bytes(4, "little")
        position = data.find(b"PK\x01\x02", position + 4)
    return bytes(data)


def test_zip_bomb_by_declared_size():
    error = _refused(zip_bomb(), "方案.docx")
    assert "解压后有" in error.message and "超过 200 MB 上限" in error.message


def test_scanned_pdf_without_text_layer():
    error = _refused(scanned_pdf(), "扫描件.pdf")
    assert error.message.startswith("PDF 没有文字层（可能是扫描件）")
    assert "请提供由 Word 导出的 PDF 或原始 Word 文件" in error.message


def test_encrypted_pdf():
    error = _refused(encrypted_pdf(), "加密.pdf")
    assert error.message.startswith("PDF 已加密")


def test_unknown_format():
    error = _refused(bytes(range(256)) * 16, "方案.wps")
    assert error.message.startswith("无法识别的文件格式")
    assert "Word（.docx）、PDF、Excel（.xlsx）" in error.message


@pytest.mark.parametrize("members, words", [
    ({"ppt/presentation.xml": b"<p/>"}, "PowerPoint"),
    ({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}, "ODF"),
    ({"readme.txt": b"hello"}, "压缩包"),
])
def test_other_zip_files(members, words):
    assert words in _refused(zip_of(members), "文件.docx").message


def test_rtf_and_web_page_saved_as_doc():
    assert "RTF" in _refused(b"{\\rtf1\\ansi hello}", "方案.doc").message
    html = "<html><body>关于任务分工</body></html>".encode("utf-8")
    assert "网页" in _refused(html, "方案.doc").message


def test_excel_sheet_without_header_through_the_entry_point():
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    book.active.append(["甲", "乙"])
    book.active.append(["丙", "丁"])
    out = io.BytesIO()
    book.save(out)
    error = _refused(out.getvalue(), "台账.xlsx")
    assert "工作表“Sheet1”中找不到表头" in error.message
    assert error.where == "台账.xlsx 工作表“Sheet1”"


# -- good files still pass, whatever their name ------------------------------------------


def test_text_pdf_and_text_files_are_read():
    assert read_document(text_pdf(), "a.bin").paragraphs[0].text == "Hello task list"
    pytest.importorskip("intake.readers.txt", reason="纯文本读取模块 intake/readers/txt.py 尚未提供")
    gb = "一、工作任务\n召开联席会议。\n".encode("gb18030")
    document = read_document(gb, "方案.txt")
    assert document.kind == "txt" and "召开联席会议" in "".join(p.text for p in document.paragraphs)
    assert read_document("\ufeff一、目标\n".encode("utf-8"), "方案.txt").kind == "txt"


# -- no byte string raises anything but IntakeError --------------------------------------


def _read_anything(data: bytes, filename: str):
    try:
        result = read_document(data, filename)
    except IntakeError as error:
        assert error.message and error.where
        return None
    assert isinstance(result, Document)
    return result


PREFIXES = [b"", b"PK\x03\x04", b"PK\x05\x06", b"%PDF-1.4\n", OLE_MAGIC, b"\x89PNG\r\n\x1a\n", b"{\\rtf", b"<html>"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PREFIXES), st.binary(max_size=2048), st.sampled_from(["a.docx", "a.pdf", "a.xlsx", "a"]))
def test_arbitrary_bytes_raise_only_intake_error(prefix, body, filename):
    _read_anything(prefix + body, filename)


SAMPLES = {"docx": docx_bytes(), "xlsx": xlsx_bytes(), "pdf": text_pdf()}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(sorted(SAMPLES)),
    st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), max_size=12),
    st.floats(0.05, 1),
)
def test_damaged_real_files_raise_only_intake_error(kind, flips, keep):
    """Real files with bytes changed and the end cut off reach deep into the
    zip, XML and PDF libraries; their errors must all become IntakeError."""
    data = bytearray(SAMPLES[kind])
    for where, value in flips:
        data[int(where * len(data))] = value
    _read_anything(bytes(data[: max(1, int(len(data) * keep))]), f"a.{kind}")
