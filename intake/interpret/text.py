"""Small text helpers shared by the interpreters."""

import re
import unicodedata

_SPACE = re.compile(r"\s+")
# Spaces PDF/Word extraction puts between CJK characters and digits carry no meaning.
_CJK_GAP = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef0-9A-Za-z%])\s+(?=[\u3000-\u9fff\uff00-\uffef0-9%])|(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[0-9A-Za-z])")


def squash(text: str | None) -> str:
    """All whitespace removed: the form Plan JSON stores task text in."""
    return _SPACE.sub("", text or "")


def tidy(text: str | None) -> str:
    """Extraction spaces inside Chinese removed, other spacing collapsed."""
    return _CJK_GAP.sub("", _SPACE.sub(" ", text or "").strip())


def fold(text: str) -> str:
    """Full-width ASCII folded (１２ → 12, （ → (), for pattern matching only."""
    return unicodedata.normalize("NFKC", text)
