"""The single entry point: bytes of an uploaded file in, a Document out.

The format is told by the content, never by the extension: offices rename
files, save Word documents as .doc that are really .docx, and upload
screenshots named .docx. Whatever the bytes, the caller gets a Document or
an IntakeError that says in Chinese what is wrong and what to do.
"""

from __future__ import annotations

import io
import zipfile

from ..document import Document
from ..errors import IntakeError
from .textdecode import decode_text

MAX_BYTES = 50 * 1024 * 1024
# A zip bomb is refused from the sizes its directory declares, before any
# member is inflated. Python's zipfile stops reading a member at its declared
# size, so the declared sizes bound what the readers can inflate.
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024  # small members may compress extremely well; they are harmless
MAX_MEMBERS = 10_000

_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_KIND_NAMES = {"docx": "Word", "doc": "Word", "xlsx": "Excel", "xls": "Excel", "pdf": "PDF"}


def read_document(data: bytes, filename: str, max_bytes: int = MAX_BYTES) -> Document:
    """Read an uploaded file of any supported format into the neutral form."""
    where = filename or "上传的文件"
    if not data:
        raise IntakeError("文件是空的（0 字节）。请检查是否选错了文件，或重新保存后再上传。", where)
    if len(data) > max_bytes:
        raise IntakeError(
            f"文件大小为 {len(data) / 1024 / 1024:.1f} MB，超过 {max_bytes / 1024 / 1024:g} MB 上限。"
            "请只上传分工方案本身（正文和附件），去掉其中的图片后再上传。", where)
    try:
        return _dispatch(data, where)
    except IntakeError:
        raise
    except RecursionError as exc:
        raise IntakeError("无法读取文件：文件结构嵌套过深，可能已损坏。"
                          "请用 Word、WPS 或 Excel 打开后另存一份再上传。", where) from exc
    except MemoryError as exc:
        raise IntakeError("无法读取文件：内容过大，超出处理能力。请拆分后分别上传。", where) from exc
    except Exception as exc:  # a library failing on a damaged file
        raise IntakeError(
            f"无法读取文件，文件可能已损坏（{type(exc).__name__}）。"
            "请用 Word、WPS 或 Excel 打开确认能正常显示，另存一份后再上传。", where) from exc


def _dispatch(data: bytes, where: str) -> Document:
    head = data[:16]
    for magic, kind in _IMAGES:
        if head.startswith(magic):
            raise IntakeError(f"这是一张图片（{kind}），不是{_expected(where)}。"
                              "请上传发文的原始 Word 文件、由 Word 导出的 PDF 或 Excel 台账；"
                              "只有纸质件或截图时，请向发文单位索取电子版。", where)
    if head[:2] == b"BM" and head[6:10] == b"\0\0\0\0":  # "BM" alone could start a text
        raise IntakeError(f"这是一张图片（BMP），不是{_expected(where)}。请上传原始的 Word、PDF 或 Excel 文件。", where)
    if head[:4] == b"RIFF" and data[8:12] == b"WEBP":
        raise IntakeError(f"这是一张图片（WEBP），不是{_expected(where)}。请上传原始的 Word、PDF 或 Excel 文件。", where)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _read_zip(data, where)
    if b"%PDF-" in data[:1024]:  # the spec lets junk precede the header
        from .pdf import read_pdf
        return read_pdf(data, where)
    if head.startswith(_OLE):
        raise _ole_error(data, where)
    if head.startswith(b"{\\rtf"):
        raise IntakeError("这是 RTF 格式的文件，不是 .docx。请用 Word 打开后“另存为”Word 文档（.docx）再上传。", where)
    decoded = decode_text(data)
    if decoded is None:
        if where.lower().endswith(".txt"):
            raise IntakeError("这不是可以读取的文本文件：内容大部分无法按 UTF-8 或 GB18030 编码识别，或含有二进制数据。"
                              "请用记事本或 WPS 打开确认内容正常，另存为 UTF-8 编码的文本后再上传。", where)
        raise IntakeError(f"无法识别的文件格式，不是{_expected(where)}。"
                          "请上传 Word（.docx）、PDF、Excel（.xlsx）或纯文本（.txt）文件。", where)
    text = decoded.text
    start = text.lstrip()[:200].lower()
    if start.startswith(("<!doctype html", "<html", "mime-version:", "<?xml", "<?mso-application")):
        raise IntakeError("这是网页或 XML 格式的文件（常见于另存为“网页”或 Word 2003 XML 的 .doc），不是 .docx。"
                          "请用 Word 打开后“另存为”Word 文档（.docx）再上传。", where)
    try:
        from .txt import read_txt
    except ImportError as exc:
        raise IntakeError("暂时不能读取纯文本文件。请上传 Word（.docx）、PDF 或 Excel（.xlsx）文件。", where) from exc
    document = read_txt(text, where)
    warning = decoded.warning(where)
    if warning:
        document.warnings.append(warning)
    return document


def _expected(where: str) -> str:
    """'Word 文件' when the name says .docx, and so on."""
    extension = where.rsplit(".", 1)[-1].lower() if "." in where else ""
    kind = _KIND_NAMES.get(extension)
    return f" {kind} 文件" if kind else " Word、PDF 或 Excel 文件"


def _read_zip(data: bytes, where: str) -> Document:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise IntakeError("文件已损坏（压缩包结构不完整，可能没有下载或拷贝完整）。"
                          "请重新获取原文件，或用 Word、Excel 打开后另存一份再上传。", where) from exc
    _check_bomb(members, where)
    names = {m.filename for m in members}
    if "word/document.xml" in names:
        from .docx import read_docx
        return read_docx(data, where)
    if "xl/workbook.xml" in names:
        from .template import is_template, read_template
        if is_template(archive):
            return Document(name=where, kind="template", template=read_template(data, where))
        from .xlsx import read_xlsx
        return read_xlsx(data, where)
    if any(n.startswith("ppt/") for n in names):
        raise IntakeError("这是 PowerPoint 演示文稿，不是分工方案文件。请上传 Word、PDF 或 Excel 文件。", where)
    if "content.xml" in names or "mimetype" in names:
        raise IntakeError("这是 WPS/LibreOffice 的 ODF 格式文件（.odt/.ods）。"
                          "请另存为 Word（.docx）或 Excel（.xlsx）后再上传。", where)
    if any(n.startswith("word/") for n in names) or "[Content_Types].xml" in names:
        raise IntakeError("Word 文件已损坏（缺少正文部分 word/document.xml）。"
                          "请用 Word 打开后另存一份再上传。", where)
    raise IntakeError("这是一个压缩包（zip），不是 Word 或 Excel 文件。请解压后上传其中的分工方案文件。", where)


def _check_bomb(members: list[zipfile.ZipInfo], where: str) -> None:
    if len(members) > MAX_MEMBERS:
        raise IntakeError(f"压缩包内有 {len(members)} 个文件，远超正常 Office 文件，拒绝读取。"
                          "请用 Word 或 Excel 另存一份再上传。", where)
    total = sum(m.file_size for m in members)
    if total > MAX_UNZIPPED_BYTES:
        raise IntakeError(
            f"文件解压后有 {total / 1024 / 1024:.0f} MB，超过 {MAX_UNZIPPED_BYTES // 1024 // 1024} MB 上限"
            "（可能是恶意构造的“压缩炸弹”或含大量图片），拒绝读取。请去掉图片、另存一份后再上传。", where)
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise IntakeError(
                f"文件内部“{member.filename}”的压缩比为 {ratio:.0f}:1，超过 {MAX_RATIO}:1，"
                "像是恶意构造的“压缩炸弹”，拒绝读取。请用 Word 或 Excel 另存一份再上传。", where)


def _ole_error(data: bytes, where: str) -> IntakeError:
    """An OLE compound file is a legacy .doc/.xls, or an encrypted .docx/.xlsx
    (Office keeps an encrypted package in an OLE stream named EncryptedPackage)."""
    streams = _ole_stream_names(data)
    if "EncryptedPackage" in streams:
        return IntakeError("文件已加密（设置了打开密码），无法读取。"
                           "请在 Word/Excel 中打开文件，去除密码（文件→信息→保护文档→用密码进行加密，清空密码）"
                           "并保存，然后重新上传。", where)
    if "Workbook" in streams or "Book" in streams:
        return IntakeError("这是旧版 Excel 文件（.xls），无法直接读取。请用 Excel 或 WPS 打开后另存为 .xlsx 后上传。", where)
    if "PowerPoint Document" in streams:
        return IntakeError("这是旧版 PowerPoint 文件（.ppt），不是分工方案文件。请上传 Word、PDF 或 Excel 文件。", where)
    return IntakeError("这是旧版 Word 文件（.doc）或 WPS 文件，无法直接读取。"
                       "请用 Word 另存为 .docx 后上传（WPS 也可另存为 .docx）。", where)


def _ole_stream_names(data: bytes) -> set[str]:
    """Names in the OLE directory. Directory entries are 128 bytes, aligned to
    128 from the file start (sectors are 512 or 4096 bytes after a 512-byte
    header); each starts with a UTF-16 name whose byte length is at offset 64.
    Scanning aligned entries avoids parsing the sector chains."""
    names = set()
    for offset in range(512, len(data) - 127, 128):
        entry = data[offset:offset + 128]
        length = int.from_bytes(entry[64:66], "little")
        kind = entry[66]
        if not (2 <= length <= 64 and length % 2 == 0 and kind in (1, 2, 5)):
            continue
        try:
            name = entry[:length - 2].decode("utf-16-le")
        except UnicodeDecodeError:
            continue
        if name.isprintable():
            names.add(name)
    return names
