"""A PDF page's positioned characters and ruling edges, through PDFium.

PDFium (pypdfium2, Apache-2.0 / BSD-3-Clause, already installed with
pdfplumber) parses content streams in C, about ten times faster than
pdfminer's pure-Python interpreter, which took 80 % of the reader's time.
The objects come out in pdfplumber's shape, top-down coordinates, so
pdf_lines.py and pdfplumber's table finder work on them unchanged:

- a character: text, x0/x1 from its origin and advance, bottom at its
  font's descent and top one font size above (pdfminer's box), size;
- an edge: each straight segment of a path (a ruling line, a rectangle's
  side), horizontal or vertical.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as raw

# Characters PDFium makes up between words and lines; the reader rebuilds its own.
_NOT_GENERATED = 0
_TEXT, _PATH, _FORM = raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM


@dataclass
class PageContent:
    width: float
    height: float
    chars: list[dict]
    edges: list[dict] = field(default_factory=list)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (0, 0, self.width, self.height)


def open_document(data: bytes) -> pdfium.PdfDocument:
    return pdfium.PdfDocument(data)


def is_tagged(document: pdfium.PdfDocument) -> bool:
    return bool(raw.FPDFCatalog_IsTagged(document.raw))


def read_page(document: pdfium.PdfDocument, index: int, marked: bool = False) -> PageContent:
    """The page's characters (with their marked-content id when `marked`)
    and edges; duplicated characters (fake bold) dropped."""
    page = raw.FPDF_LoadPage(document.raw, index)
    if not page:
        raise ValueError(f"page {index + 1} cannot be loaded")
    try:
        width, height = raw.FPDF_GetPageWidthF(page), raw.FPDF_GetPageHeightF(page)
        left, bottom = _origin(page)
        chars = _chars(page, height, left, bottom, marked)
        edges = _edges(page, height, left, bottom)
        return PageContent(width, height, chars, edges)
    finally:
        raw.FPDF_ClosePage(page)


def _origin(page) -> tuple[float, float]:
    """The lower-left corner of the visible page: coordinates are relative to it."""
    box = [ctypes.c_float() for _ in range(4)]
    if raw.FPDFPage_GetCropBox(page, *map(ctypes.byref, box)) or raw.FPDFPage_GetMediaBox(page, *map(ctypes.byref, box)):
        return box[0].value, box[1].value
    return 0.0, 0.0


def _chars(page, height: float, left: float, bottom: float, marked: bool) -> list[dict]:
    textpage = raw.FPDFText_LoadPage(page)
    if not textpage:
        return []
    try:
        count = raw.FPDFText_CountChars(textpage)
        rect = raw.FS_RECTF()
        ox, oy = ctypes.c_double(), ctypes.c_double()
        rect_ref, ox_ref, oy_ref = ctypes.byref(rect), ctypes.byref(ox), ctypes.byref(oy)
        get_unicode, is_generated = raw.FPDFText_GetUnicode, raw.FPDFText_IsGenerated
        font_size, loose_box, char_origin = raw.FPDFText_GetFontSize, raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetCharOrigin
        has_map_error = raw.FPDFText_HasUnicodeMapError
        chars: list[dict] = []
        seen: dict[tuple, list[dict]] = {}
        for i in range(count):
            if is_generated(textpage, i) != _NOT_GENERATED:
                continue
            code = get_unicode(textpage, i)
            if code in (0x0D, 0x0A, 0x02):
                continue
            if code in (0, 0xFFFE, 0xFFFF) or has_map_error(textpage, i) == 1:
                text = f"(cid:{code})"
            else:
                text = chr(code)
            size = font_size(textpage, i)
            loose_box(textpage, i, rect_ref)
            char_origin(textpage, i, ox_ref, oy_ref)
            x0 = ox.value - left
            # pdfminer's box as it comes out for these fonts: from the baseline up one font size.
            char_bottom = oy.value - bottom
            char = {"text": text, "x0": x0, "x1": x0 + rect.right - rect.left,
                    "top": height - (char_bottom + size), "bottom": height - char_bottom, "size": size, "index": i}
            if _duplicate(char, seen, textpage):
                continue
            if marked:
                obj = raw.FPDFText_GetTextObject(textpage, i)
                mcid = raw.FPDFPageObj_GetMarkedContentID(obj) if obj else -1
                char["mcid"] = mcid if mcid >= 0 else None
            chars.append(char)
        for char in chars:
            del char["index"]
        spaces = {(round(c["x0"]), round(c["top"])) for c in chars if c["text"].isspace()}
        chars.extend(c for c in _lone_spaces(page, textpage, height, left, bottom, marked)
                     if (round(c["x0"]), round(c["top"])) not in spaces)
        return chars
    finally:
        raw.FPDFText_ClosePage(textpage)


def _lone_spaces(page, textpage, height, left, bottom, marked) -> list[dict]:
    """Spaces drawn as a text object of their own: PDFium's text page turns
    them into generated spaces and gives the object no text, but pdfminer
    kept them, and a line's trailing space tells the reader to join the
    next line with a space."""
    out = []
    matrix, size = raw.FS_MATRIX(), ctypes.c_float()
    l, b, r, t = (ctypes.c_float() for _ in range(4))
    buffer = (ctypes.c_ushort * 64)()
    for index in range(raw.FPDFPage_CountObjects(page)):
        obj = raw.FPDFPage_GetObject(page, index)
        if raw.FPDFPageObj_GetType(obj) != _TEXT:
            continue
        length = raw.FPDFTextObj_GetText(obj, textpage, buffer, ctypes.sizeof(buffer))
        text = bytes(buffer)[:max(0, length - 2)].decode("utf-16-le", "replace")
        if (text and not text.isspace()) or not raw.FPDFTextObj_GetFontSize(obj, ctypes.byref(size)):
            continue
        text = text or " "  # PDFium gives a lone space as no text at all
        raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix))
        raw.FPDFPageObj_GetBounds(obj, *map(ctypes.byref, (l, b, r, t)))
        font_size = size.value * abs(matrix.d or 1)
        char_bottom = matrix.f - bottom
        x0, step = matrix.e - left, (r.value - matrix.e) / len(text)
        for n, char in enumerate(text):
            out.append({"text": char, "x0": x0 + n * step, "x1": x0 + (n + 1) * step, "top": height - (char_bottom + font_size),
                        "bottom": height - char_bottom, "size": font_size})
            if marked:
                mcid = raw.FPDFPageObj_GetMarkedContentID(obj)
                out[-1]["mcid"] = mcid if mcid >= 0 else None
    return out


def _duplicate(char: dict, seen: dict, textpage) -> bool:
    """The same character drawn again at the same place (within a point) in
    the same font by another text object: a fake bold, drawn once more
    slightly offset. (One glyph standing for two characters, as "——" in
    one glyph, comes out of one object as two characters at one place.)"""
    key = (char["text"], round(char["size"], 3))
    for other in seen.get(key, ()):
        if abs(other["x0"] - char["x0"]) <= 1 and abs(other["top"] - char["top"]) <= 1 \
                and _object(textpage, other["index"]) != _object(textpage, char["index"]) \
                and _font(textpage, other["index"]) == _font(textpage, char["index"]):
            return True
    seen.setdefault(key, []).append(char)
    return False


def _object(textpage, index: int) -> int:
    return ctypes.cast(raw.FPDFText_GetTextObject(textpage, index), ctypes.c_void_p).value or 0


def _font(textpage, index: int) -> bytes:
    flags = ctypes.c_int()
    buffer = ctypes.create_string_buffer(256)
    raw.FPDFText_GetFontInfo(textpage, index, buffer, 256, ctypes.byref(flags))
    return buffer.value


def _mcid(textpage, index: int) -> int | None:
    obj = raw.FPDFText_GetTextObject(textpage, index)
    mcid = raw.FPDFPageObj_GetMarkedContentID(obj) if obj else -1
    return mcid if mcid >= 0 else None


def _edges(page, height: float, left: float, bottom: float) -> list[dict]:
    edges: list[dict] = []
    count = raw.FPDFPage_CountObjects(page)
    objects = [raw.FPDFPage_GetObject(page, i) for i in range(count)]
    _collect_edges(objects, None, height, left, bottom, edges)
    return edges


def _collect_edges(objects, outer, height, left, bottom, edges) -> None:
    matrix = raw.FS_MATRIX()
    for obj in objects:
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == _FORM:
            raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix))
            inner = _compose(_tuple(matrix), outer)
            children = [raw.FPDFFormObj_GetObject(obj, i) for i in range(raw.FPDFFormObj_CountObjects(obj))]
            _collect_edges(children, inner, height, left, bottom, edges)
        elif kind == _PATH:
            raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix))
            transform = _compose(_tuple(matrix), outer)
            for p0, p1 in _segments(obj, transform):
                edge = _edge(p0, p1, height, left, bottom)
                if edge:
                    edges.append(edge)


def _tuple(m) -> tuple:
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner: tuple, outer: tuple | None) -> tuple:
    """inner then outer, as PDF matrices [a b c d e f]."""
    if outer is None:
        return inner
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _segments(path, m: tuple):
    """Consecutive points of each subpath, its closing segment included."""
    x, y = ctypes.c_float(), ctypes.c_float()
    start = previous = None
    for i in range(raw.FPDFPath_CountSegments(path)):
        segment = raw.FPDFPath_GetPathSegment(path, i)
        raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        point = (m[0] * x.value + m[2] * y.value + m[4], m[1] * x.value + m[3] * y.value + m[5])
        if raw.FPDFPathSegment_GetType(segment) == raw.FPDF_SEGMENT_MOVETO:
            start = point
        elif previous is not None:
            yield previous, point
        previous = point
        if raw.FPDFPathSegment_GetClose(segment) and start is not None and start != point:
            yield point, start
            previous = start


def _edge(p0, p1, height, left, bottom) -> dict | None:
    (x0, y0), (x1, y1) = p0, p1
    if x0 == x1:
        orientation = "v"
    elif y0 == y1:
        orientation = "h"
    else:
        return None
    x0, x1 = sorted((x0 - left, x1 - left))
    top, low = sorted((height - (y0 - bottom), height - (y1 - bottom)))
    return {"object_type": "curve_edge", "x0": x0, "x1": x1, "top": top, "bottom": low,
            "width": x1 - x0, "height": low - top, "orientation": orientation}
