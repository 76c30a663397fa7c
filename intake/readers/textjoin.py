"""Joining pieces of text that a layout broke apart (PDF lines, header cells).

Chinese is written without spaces, so a break between two Chinese characters
must vanish when the pieces are joined; between two Latin words or numbers
the break stood for a space.
"""

import re

# A character after which (or before which) no space is needed: CJK
# ideographs, CJK and full-width punctuation, kana, hangul.
CJK_CHAR = re.compile(
    r"[\u2e80-\u2fff\u3000-\u30ff\u3100-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
    r"\u2014\u2018\u2019\u201c\u201d\u2026\u2460-\u24ff]"
)


def needs_space(left: str, right: str) -> bool:
    """Whether joining `left` and `right` needs a space between them."""
    if not left or not right:
        return False
    a, b = left[-1], right[0]
    if a.isspace() or b.isspace():
        return False
    return not (CJK_CHAR.match(a) or CJK_CHAR.match(b))


def join_lines(pieces: list[str]) -> str:
    """Join wrapped lines: no space inside Chinese, one space between Latin words."""
    out = ""
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        out += (" " if needs_space(out, piece) else "") + piece
    return out
