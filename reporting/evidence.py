"""Evidence files and links checked before anything is stored.

The type is told by the bytes, never by the name: an .exe renamed .jpg is
refused, and a PNG named .jpg is a PNG (stored as .png). Photos are opened
and re-encoded with Pillow, which both proves they are images and drops
where they were taken (the GPS part of EXIF, XMP, vendor maker notes).
Every refusal is an EvidenceError that says in Chinese what to do.
"""

from __future__ import annotations

import hashlib
import io
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from PIL import ExifTags, Image

from intake.readers.sniff import _ole_stream_names

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# A photo larger than this is refused before its pixels are decoded: a crafted
# file may claim any size, and decoding takes 3-4 bytes a pixel (a 108-megapixel
# phone photo is 108,000,000 and needs about 400 MB).
MAX_PIXELS = 120_000_000
MAX_LINK_LENGTH = 1000  # Evidence.url's max_length
MAX_NAME_LENGTH = 255   # Evidence.original_name's max_length

ALLOWED = "只能上传照片（JPG/PNG/WebP）、PDF、Word、Excel 文件，或填写链接（如新闻报道的网址）。"

_EXECUTABLES = (
    (b"MZ", "Windows 程序（.exe/.dll）"),
    (b"\x7fELF", "Linux 程序"),
    (b"\xfe\xed\xfa\xce", "苹果电脑程序"),
    (b"\xfe\xed\xfa\xcf", "苹果电脑程序"),
    (b"\xce\xfa\xed\xfe", "苹果电脑程序"),
    (b"\xcf\xfa\xed\xfe", "苹果电脑程序"),
    (b"\xca\xfe\xba\xbe", "苹果电脑程序"),
    (b"#!", "脚本程序"),
)
_PHOTO_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_PHOTO_TYPES = {"JPEG": ("image/jpeg", ".jpg"), "PNG": ("image/png", ".png"), "WEBP": ("image/webp", ".webp")}
_DOCUMENT_TYPES = {
    "pdf": ("pdf", "application/pdf", ".pdf"),
    "docx": ("word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    "xlsx": ("excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    "doc": ("word", "application/msword", ".doc"),
    "xls": ("excel", "application/vnd.ms-excel", ".xls"),
}
# Extensions that name the same type, so a download keeps the name the user gave.
_SAME_EXTENSION = {".jpg": {".jpg", ".jpeg", ".jpe", ".jfif"}, ".webp": {".webp"}, ".png": {".png"}}


class EvidenceError(Exception):
    """An upload or a link that cannot be accepted, said in Chinese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Upload:
    kind: str           # "photo", "pdf", "word" or "excel"
    content_type: str   # what the download is served as
    extension: str      # ".jpg", ".pdf", ...: the stored file's, from the content
    sha256: str         # of the bytes as uploaded, so the same file twice is noticed
    size: int           # of the bytes stored (photos are re-encoded)
    data: bytes         # the bytes to store


def max_bytes() -> int:
    return int(getattr(settings, "EVIDENCE_MAX_BYTES", DEFAULT_MAX_BYTES))


def max_megabytes() -> str:
    """The cap as said on the upload form, e.g. "20"."""
    return f"{max_bytes() / 1024 / 1024:g}"


def check_size(size: int) -> None:
    """Refuse an empty or too large file; the view calls this before reading the upload."""
    if size <= 0:
        raise EvidenceError("文件是空的（0 字节）。请检查是否选错了文件，或重新保存后再上传。")
    cap = max_bytes()
    if size > cap:
        raise EvidenceError(
            f"文件大小为 {_megabytes(size)}，超过 {max_megabytes()} MB 上限，未上传。"
            "照片请压缩或截取后再传，PDF 等文档请拆分或压缩后分别上传。")


def inspect_upload(name: str, data: bytes) -> Upload:
    """What the bytes are, and the bytes to store; EvidenceError when they are not acceptable."""
    check_size(len(data))
    digest = hashlib.sha256(data).hexdigest()
    head = data[:16]
    for magic, label in _EXECUTABLES:
        if head.startswith(magic):
            raise EvidenceError(f"这是可执行程序，不是照片或文档（文件内容是{label}，与文件名无关），不能作为佐证上传。{ALLOWED}")
    if head.startswith(_PHOTO_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        cleaned, format_name = _clean_photo(data)
        content_type, extension = _PHOTO_TYPES[format_name]
        return Upload("photo", content_type, extension, digest, len(cleaned), cleaned)
    if b"%PDF-" in data[:1024]:  # the PDF specification lets a little junk precede the header
        return _document("pdf", digest, data)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _document(_office_zip(data), digest, data)
    if head.startswith(_OLE):
        return _document(_office_ole(data), digest, data)
    raise EvidenceError(_not_allowed(data))


def _document(key: str, digest: str, data: bytes) -> Upload:
    kind, content_type, extension = _DOCUMENT_TYPES[key]
    return Upload(kind, content_type, extension, digest, len(data), data)


def _megabytes(size: int) -> str:
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def _not_allowed(data: bytes) -> str:
    head = data[:16]
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc", b"ftypmsf1"):
        return ("这是苹果手机的 HEIC 格式照片，暂不支持。请在手机上将照片导出为 JPG（或在“设置→相机→格式”中选择“兼容性最佳”后重新拍摄），"
                "再上传。")
    for magic, label in ((b"GIF8", "GIF"), (b"BM", "BMP"), (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF")):
        if head.startswith(magic):
            return f"这是 {label} 格式的图片，暂不支持。请另存为 JPG 或 PNG 后再上传。"
    return ALLOWED


# -- photos --------------------------------------------------------------------------------------

def _clean_photo(data: bytes) -> tuple[bytes, str]:
    """Re-encoded photo bytes without location, and the format ("JPEG", "PNG", "WEBP")."""
    damaged = "照片文件已损坏或不完整，无法打开。请用手机或电脑打开确认能正常显示，重新导出后再上传。"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # MAX_PIXELS decides below
            with Image.open(io.BytesIO(data), formats=list(_PHOTO_TYPES)) as probe:
                # A phone photo with extra frames (depth, HDR gain map) opens as MPO: a JPEG, stored as its first frame.
                format_name = "JPEG" if probe.format == "MPO" else probe.format
                if format_name not in _PHOTO_TYPES:
                    raise EvidenceError(ALLOWED)
                width, height = probe.size
                if width * height > MAX_PIXELS:
                    raise EvidenceError(f"照片尺寸过大（{width}×{height} 像素）。请缩小后再上传。")
                probe.verify()
            with Image.open(io.BytesIO(data), formats=list(_PHOTO_TYPES)) as image:
                image.load()
                cleaned = _reencode(image, format_name)
    except EvidenceError:
        raise
    except Image.DecompressionBombError as exc:
        raise EvidenceError("照片尺寸过大。请缩小后再上传。") from exc
    except Exception as exc:  # Pillow fails in many ways on damaged or disguised files
        raise EvidenceError(damaged) from exc
    return cleaned, format_name


def _reencode(image: Image.Image, format_name: str) -> bytes:
    exif = _exif_without_location(image)
    options = {"exif": exif}
    if icc := image.info.get("icc_profile"):
        options["icc_profile"] = icc
    # XMP and text chunks are not passed on, so they are not written.
    if format_name == "JPEG":
        cleaned = _save(image, "JPEG", {**options, "quality": "keep", "subsampling": "keep"}, fallback={"quality": 92})
    elif format_name == "WEBP":
        cleaned = _save(image, "WEBP", {**options, "quality": 90})
    else:
        cleaned = _save(image, "PNG", {**options, "optimize": False})
    if _has_location(cleaned):  # never store a location, even if a later Pillow carries more over
        cleaned = _save(image, format_name, {key: value for key, value in options.items() if key != "exif"},
                        fallback={"quality": 92} if format_name == "JPEG" else None)
    return cleaned


def _save(image: Image.Image, format_name: str, options: dict, fallback: dict | None = None) -> bytes:
    out = io.BytesIO()
    try:
        image.save(out, format_name, **options)
    except (ValueError, OSError):
        if fallback is None:
            raise
        out = io.BytesIO()
        image.save(out, format_name, **{key: value for key, value in options.items()
                                        if key not in ("quality", "subsampling")}, **fallback)
    return out.getvalue()


def _exif_without_location(image: Image.Image) -> bytes:
    """The photo's EXIF (orientation, camera, time taken) without GPS and maker notes."""
    try:
        exif = image.getexif()
        exif.get_ifd(ExifTags.IFD.Exif)  # loaded, so the edits below are written back
        exif.pop(ExifTags.IFD.GPSInfo, None)
        # Vendor maker notes are opaque and may hold a location of their own.
        exif.get_ifd(ExifTags.IFD.Exif).pop(ExifTags.Base.MakerNote, None)
        return exif.tobytes() if len(exif) else b""
    except Exception:  # unreadable EXIF: keep only which way up the photo is, if even that can be read
        try:
            orientation = image.getexif().get(ExifTags.Base.Orientation)
        except Exception:
            return b""
        if not orientation:
            return b""
        minimal = Image.Exif()
        minimal[ExifTags.Base.Orientation] = orientation
        return minimal.tobytes()


def _has_location(data: bytes) -> bool:
    with Image.open(io.BytesIO(data)) as image:
        if "xmp" in image.info:
            return True
        exif = image.getexif()
        return ExifTags.IFD.GPSInfo in exif or bool(exif.get_ifd(ExifTags.IFD.GPSInfo))


def photo_location(data: bytes) -> dict:
    """The GPS entries of a photo's EXIF ({} when there are none); used to check stored photos."""
    with Image.open(io.BytesIO(data)) as image:
        return dict(image.getexif().get_ifd(ExifTags.IFD.GPSInfo))


# -- documents -----------------------------------------------------------------------------------

def _office_zip(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise EvidenceError("文件已损坏（压缩包结构不完整，可能没有下载或拷贝完整）。"
                            "请用 Word 或 Excel 打开后另存一份再上传。") from exc
    if "[Content_Types].xml" in names:
        if any(name.startswith("word/") for name in names):
            return "docx"
        if any(name.startswith("xl/") for name in names):
            return "xlsx"
        if any(name.startswith("ppt/") for name in names):
            raise EvidenceError("这是 PowerPoint 演示文稿，暂不支持。请另存为 PDF 后再上传。")
    if "mimetype" in names or "content.xml" in names:
        raise EvidenceError("这是 WPS/LibreOffice 的 ODF 格式文件（.odt/.ods），暂不支持。"
                            "请另存为 Word（.docx）、Excel（.xlsx）或 PDF 后再上传。")
    raise EvidenceError(f"这是一个压缩包（zip），不能作为佐证上传。请解压后分别上传其中的文件。{ALLOWED}")


def _office_ole(data: bytes) -> str:
    """A legacy .doc/.xls (OLE compound file); other OLE files (.ppt, .msi, encrypted) are refused."""
    streams = _ole_stream_names(data)
    if "EncryptedPackage" in streams:
        raise EvidenceError("文件已加密（设置了打开密码），审核人无法打开。请去除密码后重新上传。")
    if "WordDocument" in streams:
        return "doc"
    if "Workbook" in streams or "Book" in streams:
        return "xls"
    if "PowerPoint Document" in streams:
        raise EvidenceError("这是旧版 PowerPoint 文件（.ppt），暂不支持。请另存为 PDF 后再上传。")
    raise EvidenceError(ALLOWED)


# -- names and links -----------------------------------------------------------------------------

def clean_name(name: str) -> str:
    """The file name as the user's computer called it, without folders or control characters."""
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()
    if len(name) > MAX_NAME_LENGTH:
        stem, dot, extension = name.rpartition(".")
        if dot and 0 < len(extension) <= 10:
            name = stem[:MAX_NAME_LENGTH - len(extension) - 1] + "." + extension
        else:
            name = name[:MAX_NAME_LENGTH]
    return name or "未命名文件"


def download_name(original_name: str, extension: str) -> str:
    """The name a download is saved as: the user's, with the extension of what it really is."""
    name = clean_name(original_name)
    if not extension:
        return name
    stem, dot, current = name.rpartition(".")
    current = f".{current.lower()}" if dot else ""
    if current in _SAME_EXTENSION.get(extension, {extension}):
        return name
    return f"{stem if dot and stem else name}{extension}"


def check_link(url: str) -> str:
    """The link, if it is an http(s) address of a website; EvidenceError otherwise."""
    url = (url or "").strip()
    if not url:
        raise EvidenceError("请填写链接。")
    if len(url) > MAX_LINK_LENGTH:
        raise EvidenceError(f"链接太长（{len(url)} 个字符，最多 {MAX_LINK_LENGTH} 个）。请使用网页的正式地址。")
    if any(ch.isspace() or unicodedata.category(ch)[0] == "C" for ch in url):
        raise EvidenceError("链接中不能有空格或换行。请从浏览器地址栏完整复制网址后粘贴。")
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as exc:
        raise EvidenceError("链接格式不正确。请从浏览器地址栏完整复制网址后粘贴。") from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise EvidenceError("链接只能是以 http:// 或 https:// 开头的网址（如新闻报道的网址）。")
    if not host:
        raise EvidenceError("链接缺少网站地址（如 https://www.example.gov.cn/…）。请从浏览器地址栏完整复制网址。")
    return url
