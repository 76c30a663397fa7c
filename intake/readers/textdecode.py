"""Bytes of a text file as text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030.

Text files come from many editors and many copies; one stray byte (a cut-off character, a
byte flipped on a USB stick) must not turn a whole task list away. Where a few bytes cannot be
decoded they are replaced by U+FFFD and the reader says where, so a person checks those lines
on the review page. Bytes that are mostly undecodable, or hold NUL bytes, are not text.
"""

from __future__ import annotations

import codecs
import contextvars
from dataclasses import dataclass

REPLACEMENT = "\ufffd"
# Each undecodable run of bytes is recorded (its length) while decoding with this handler.
_bad_runs: contextvars.ContextVar[list[int]] = contextvars.ContextVar("bad_runs")


def _record(error: UnicodeDecodeError):
    _bad_runs.get().append(error.end - error.start)
    return REPLACEMENT, error.end


codecs.register_error("xiezuo-record", _record)

_LABELS = {"utf-8-sig": "UTF-8", "utf-8": "UTF-8", "gb18030": "GB18030（GBK）", "utf-16": "UTF-16"}
SHOWN_LINES = 10
_HIGH_BYTES = bytes(range(0x80, 0x100))


@dataclass
class Decoded:
    text: str
    encoding: str
    bad_bytes: int = 0  # bytes replaced by U+FFFD
    bad_runs: int = 0  # places where they were

    def bad_lines(self) -> list[int]:
        return [number for number, line in enumerate(self.text.splitlines(), start=1) if REPLACEMENT in line]

    def warning(self, name: str) -> str | None:
        """A Chinese warning naming the file, the bytes and the lines replaced; None when clean."""
        if not self.bad_bytes:
            return None
        lines = self.bad_lines()
        shown = "、".join(str(n) for n in lines[:SHOWN_LINES])
        where = f"第 {shown} 行" + (f"等共 {len(lines)} 行" if len(lines) > SHOWN_LINES else "")
        return (f"文本文件“{name}”按 {_LABELS.get(self.encoding, self.encoding)} 编码读取，其中有 "
                f"{self.bad_bytes} 个字节（{self.bad_runs} 处）无法识别，已替换为“{REPLACEMENT}”，"
                f"在{where}。请对照原文核对这些行的内容。")


def _lenient(data: bytes, encoding: str) -> Decoded:
    token = _bad_runs.set([])
    try:
        text = data.decode(encoding, errors="xiezuo-record")
        runs = _bad_runs.get()
    finally:
        _bad_runs.reset(token)
    return Decoded(text, encoding, bad_bytes=sum(runs), bad_runs=len(runs))


def decode_text(data: bytes) -> Decoded | None:
    """The bytes as text, with what had to be replaced, or None when they are not text."""
    if b"\x00" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # NUL bytes: a binary file (UTF-16 text carries its BOM)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        decoded = _lenient(data, "utf-16")
    elif not looks_like_text(_choose(data[:65536]).text):
        return None  # a sample first: a large binary file is turned away without decoding it all
    else:
        decoded = _choose(data)
    return decoded if looks_like_text(decoded.text) else None


def _choose(data: bytes) -> Decoded:
    """UTF-8 unless the bytes read better as GB18030.

    GB18030 decodes almost any byte pairs, so UTF-8 Chinese with one bad byte also decodes
    "cleanly" as GB18030 — into nonsense. Real GB18030 text read as UTF-8 fails on nearly
    every Chinese character; so UTF-8 wins while its failures are few beside the non-ASCII
    bytes it did read.
    """
    utf8 = _lenient(data, "utf-8-sig")
    if not utf8.bad_bytes:
        return utf8
    non_ascii = len(data) - len(data.translate(None, _HIGH_BYTES))
    if utf8.bad_bytes * 20 <= non_ascii:
        return utf8
    gb = _lenient(data, "gb18030")
    return gb if gb.bad_bytes < utf8.bad_bytes else utf8


def looks_like_text(text: str) -> bool:
    """Mostly readable characters: GB18030 decodes almost any bytes, so a successful decode
    alone does not make a binary file text. Replaced bytes count against it."""
    if not text.strip() or "\x00" in text:
        return False
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    readable = sum(1 for ch in text if ch.isspace() or 32 <= ord(ch) < 127 or _is_common_cjk(ch))
    return controls <= len(text) * 0.01 and readable >= len(text) * 0.9


def _is_common_cjk(ch: str) -> bool:
    code = ord(ch)
    return (0x4E00 <= code <= 0x9FFF or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF
            or 0x2000 <= code <= 0x206F or 0x2460 <= code <= 0x24FF or code in (0xB7, 0xD7))
