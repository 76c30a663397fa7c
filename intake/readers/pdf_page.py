"""A PDF page's positioned characters and ruling edges, through PDFium.

PDFium (pypdfium2, Apache-2.0 / BSD-3-Clause, already installed with
pdfplumber) parses content streams in C, about ten times faster than
pdfminer's pure-Python interpreter, which took 80 % of the reader's time.
The objects come out in pdfplumber's shape, top-down coordinates, so
pdf_lines.py and pdfplumber's table finder work on them unchanged:

- a character: text, x0 at its origin and x1 one advance further (PDFium
  adds the character spacing, pdfminer did not), bottom at the baseline and
  top one font size above (as pdfminer gave them for these fonts), size;
- an edge: each straight segment of a path (a ruling line, a rectangle's
  side), horizontal or vertical.

On the seed and corpus PDFs the Documents read are the same as pdfminer's
but for one space inside a title (corpus/real/008), which PDFium puts
among its generated characters.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as raw

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
        textpage = raw.FPDFText_LoadPage(page)
        if not textpage:
            raise ValueError(f"page {index + 1} has no readable text layer")
        try:
            owners: set[int] = set()
            chars = _chars(textpage, height, left, bottom, marked, owners)
            address = ctypes.cast(page, ctypes.c_void_p).value
            objects = [_page_object(address, i) for i in range(raw.FPDFPage_CountObjects(page))]
            edges: list[dict] = []
            spaces: list[dict] = []
            _walk(objects, None, (textpage, owners), (height, left, bottom), marked, edges, spaces)
        finally:
            raw.FPDFText_ClosePage(textpage)
        if spaces:
            taken = {(round(c["x0"]), round(c["top"])) for c in chars if c["text"].isspace()}
            chars.extend(c for c in spaces if (round(c["x0"]), round(c["top"])) not in taken)
        return PageContent(width, height, chars, edges)
    finally:
        raw.FPDF_ClosePage(page)


def _origin(page) -> tuple[float, float]:
    """The lower-left corner of the visible page: coordinates are relative to it."""
    box = [ctypes.c_float() for _ in range(4)]
    if raw.FPDFPage_GetCropBox(page, *map(ctypes.byref, box)) or raw.FPDFPage_GetMediaBox(page, *map(ctypes.byref, box)):
        return box[0].value, box[1].value
    return 0.0, 0.0


def _fast(function, restype, *argtypes):
    """PDFium's function called with plain addresses: pypdfium2's typed
    pointers cost more to check than the call itself, and a page makes five
    calls per character. These calls are short: they keep the GIL."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    return ctypes.PYFUNCTYPE(restype, *argtypes)(address)


def _untyped(function, restype):
    """The same without argument types, for the per-character calls: ctypes
    then passes a c_void_p, a byref() and an int index as they are, about
    twice as fast as converting plain addresses. Only for functions whose
    arguments are pointers and C ints."""
    return ctypes.PYFUNCTYPE(restype)(ctypes.cast(function, ctypes.c_void_p).value)


_P, _I = ctypes.c_void_p, ctypes.c_int
_c_is_generated = _untyped(raw.FPDFText_IsGenerated, _I)
_c_get_unicode = _untyped(raw.FPDFText_GetUnicode, ctypes.c_uint)
_c_has_map_error = _untyped(raw.FPDFText_HasUnicodeMapError, _I)
_c_font_size = _untyped(raw.FPDFText_GetFontSize, ctypes.c_double)
_c_loose_box = _untyped(raw.FPDFText_GetLooseCharBox, _I)
_c_char_origin = _untyped(raw.FPDFText_GetCharOrigin, _I)
_c_text_object = _untyped(raw.FPDFText_GetTextObject, _P)
_page_object = _fast(raw.FPDFPage_GetObject, _P, _P, _I)
_form_object = _fast(raw.FPDFFormObj_GetObject, _P, _P, ctypes.c_ulong)
_form_count = _fast(raw.FPDFFormObj_CountObjects, _I, _P)
_object_type = _fast(raw.FPDFPageObj_GetType, _I, _P)
_object_matrix = _fast(raw.FPDFPageObj_GetMatrix, _I, _P, _P)
_object_text_length = _fast(raw.FPDFTextObj_GetText, ctypes.c_ulong, _P, _P, _P, ctypes.c_ulong)
_segment_count = _fast(raw.FPDFPath_CountSegments, _I, _P)
_segment = _fast(raw.FPDFPath_GetPathSegment, _P, _P, _I)
_segment_point = _fast(raw.FPDFPathSegment_GetPoint, _I, _P, _P, _P)
_segment_type = _fast(raw.FPDFPathSegment_GetType, _I, _P)
_segment_closes = _fast(raw.FPDFPathSegment_GetClose, _I, _P)


def _chars(textpage, height: float, left: float, bottom: float, marked: bool, owners: set[int]) -> list[dict]:
    """The characters; `owners` gets the text objects that hold a character
    with a code (those whose text PDFium gives is not empty)."""
    rect = (ctypes.c_float * 4)()  # FS_RECTF: left, top, right, bottom
    ox, oy = ctypes.c_double(), ctypes.c_double()
    rect_ref, ox_ref, oy_ref = ctypes.byref(rect), ctypes.byref(ox), ctypes.byref(oy)
    is_generated, get_unicode, has_map_error = _c_is_generated, _c_get_unicode, _c_has_map_error
    font_size, loose_box, char_origin, text_object = _c_font_size, _c_loose_box, _c_char_origin, _c_text_object
    owner = None
    skipped, maybe_generated, unmapped = _SKIPPED, _MAYBE_GENERATED, _UNMAPPED
    tp = ctypes.c_void_p(ctypes.cast(textpage, ctypes.c_void_p).value)
    chars: list[dict] = []
    seen: dict[int, list] = {}
    for i in range(raw.FPDFText_CountChars(textpage)):
        code = get_unicode(tp, i)
        if code:
            current = text_object(tp, i)
            if current != owner:
                owners.add(current)
                owner = current
        # PDFium makes up only spaces and line breaks; only those are asked about.
        if code in skipped or (code in maybe_generated and is_generated(tp, i)):
            continue
        if code in unmapped or has_map_error(tp, i) == 1:
            text = f"(cid:{code})"
        else:
            text = chr(code)
        size = font_size(tp, i)
        loose_box(tp, i, rect_ref)
        char_origin(tp, i, ox_ref, oy_ref)
        x0 = ox.value - left
        # pdfminer's box as it comes out for these fonts: from the baseline up one font size.
        char_bottom = height - (oy.value - bottom)
        char = {"text": text, "x0": x0, "x1": x0 + rect[2] - rect[0],
                "top": char_bottom - size, "bottom": char_bottom, "size": size}
        # Characters by code and baseline rounded to a point, in one int
        # (a collision only costs _duplicate's exact check).
        key = code * 65536 + round(char_bottom)
        same = seen.get(key)
        if (same or key - 1 in seen or key + 1 in seen) \
                and _duplicate(char, i, (same or (), seen.get(key - 1, ()), seen.get(key + 1, ())), textpage):
            continue
        if same is None:
            seen[key] = [(char, i)]
        else:
            same.append((char, i))
        if marked:
            obj = raw.FPDFText_GetTextObject(textpage, i)
            mcid = raw.FPDFPageObj_GetMarkedContentID(obj) if obj else -1
            char["mcid"] = mcid if mcid >= 0 else None
        chars.append(char)
    return chars


# Line breaks and soft hyphens' markers PDFium puts in the text; no glyph.
_SKIPPED = frozenset((0x0D, 0x0A, 0x02))
_MAYBE_GENERATED = frozenset((0x20, 0x2D, 0xA0))
_UNMAPPED = frozenset((0, 0xFFFE, 0xFFFF))


def _duplicate(char: dict, index: int, same: tuple, textpage) -> bool:
    """The same character drawn again at the same place (within a point) in
    the same font by another text object: a fake bold, drawn once more
    slightly offset. (One glyph standing for two characters, as "——" in
    one glyph, comes out of one object as two characters at one place.)"""
    for other, other_index in (pair for group in same for pair in group):
        if other["text"] == char["text"] and other["size"] == char["size"] \
                and abs(other["x0"] - char["x0"]) <= 1 and abs(other["top"] - char["top"]) <= 1 \
                and _object(textpage, other_index) != _object(textpage, index) \
                and _font(textpage, other_index) == _font(textpage, index):
            return True
    return False


def _object(textpage, index: int) -> int:
    return ctypes.cast(raw.FPDFText_GetTextObject(textpage, index), ctypes.c_void_p).value or 0


def _font(textpage, index: int) -> bytes:
    flags = ctypes.c_int()
    buffer = ctypes.create_string_buffer(256)
    raw.FPDFText_GetFontInfo(textpage, index, buffer, 256, ctypes.byref(flags))
    return buffer.value


def _walk(objects, outer, text, frame, marked, edges, spaces) -> None:
    """Edges from the paths, and the spaces drawn as a text object of their
    own on the page itself. Objects are plain addresses; `text` is the text
    page and the text objects known to hold characters."""
    matrix = raw.FS_MATRIX()
    matrix_ref = ctypes.addressof(matrix)
    textpage, owners = text
    tp = ctypes.cast(textpage, ctypes.c_void_p).value
    for obj in objects:
        kind = _object_type(obj)
        if kind == _TEXT:
            # No text: PDFium turned a lone space into a generated one. (Asking
            # PDFium for an object's text scans the whole page: the characters
            # already said which objects hold some.)
            if outer is None and obj not in owners and _object_text_length(obj, tp, None, 0) <= 2:
                spaces.extend(_lone_space(ctypes.cast(obj, raw.FPDF_PAGEOBJECT), outer, frame, marked))
        elif kind == _PATH:
            _object_matrix(obj, matrix_ref)
            transform = _compose(_tuple(matrix), outer)
            for p0, p1 in _segments(obj, transform):
                edge = _edge(p0, p1, *frame)
                if edge:
                    edges.append(edge)
        elif kind == _FORM:
            _object_matrix(obj, matrix_ref)
            inner = _compose(_tuple(matrix), outer)
            children = [_form_object(obj, i) for i in range(_form_count(obj))]
            _walk(children, inner, text, frame, marked, edges, spaces)


def _lone_space(obj, outer, frame, marked) -> list[dict]:
    """A space drawn as a text object of its own: PDFium's text page makes it
    a generated space, but pdfminer kept it, and a line's trailing space
    tells the reader to join the next line with a space."""
    height, left, bottom = frame
    size = ctypes.c_float()
    if outer is not None or not raw.FPDFTextObj_GetFontSize(obj, ctypes.byref(size)):
        return []
    matrix = raw.FS_MATRIX()
    bounds = [ctypes.c_float() for _ in range(4)]  # left, bottom, right, top
    raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix))
    if not raw.FPDFPageObj_GetBounds(obj, *map(ctypes.byref, bounds)):
        return []
    font_size = size.value * abs(matrix.d or 1)
    char_bottom = height - (matrix.f - bottom)
    char = {"text": " ", "x0": matrix.e - left, "x1": bounds[2].value - left, "top": char_bottom - font_size,
            "bottom": char_bottom, "size": font_size}
    if marked:
        mcid = raw.FPDFPageObj_GetMarkedContentID(obj)
        char["mcid"] = mcid if mcid >= 0 else None
    return [char]


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
    x_ref, y_ref = ctypes.addressof(x), ctypes.addressof(y)
    start = previous = None
    for i in range(_segment_count(path)):
        segment = _segment(path, i)
        _segment_point(segment, x_ref, y_ref)
        point = (m[0] * x.value + m[2] * y.value + m[4], m[1] * x.value + m[3] * y.value + m[5])
        if _segment_type(segment) == raw.FPDF_SEGMENT_MOVETO:
            start = point
        elif previous is not None:
            yield previous, point
        previous = point
        if _segment_closes(segment) and start is not None and start != point:
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
