"""Small text helpers shared by the interpreters."""

import re
import unicodedata

_SPACE = re.compile(r"\s+")
# Spaces PDF/Word extraction puts between CJK characters and digits carry no meaning.
_CJK_GAP = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef0-9A-Za-z%])\s+(?=[\u3000-\u9fff\uff00-\uffef0-9%])|(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[0-9A-Za-z])")


def squash(text: str | None) -> str:
    """All whitespace removed: the form Plan JSON stores task text in."""
    return _SPACE.sub("", text or "")


# Memos of what is worked out from a text, kept for one document (its texts
# repeat: a unit cell, a deadline, a paragraph looked at by several rules) and
# cleared by interpret() when the next begins, so no import gains from another.
_memos: list[dict] = []


def document_memo() -> dict:
    """A memo that forget_document() clears."""
    memo: dict = {}
    _memos.append(memo)
    return memo


def forget_document() -> None:
    for memo in _memos:
        memo.clear()


def remember(memo: dict, key, value):
    """value stored in memo under key; a memo that is never cleared (a caller
    other than interpret()) is emptied when it grows large."""
    if len(memo) > 20000:
        memo.clear()
    memo[key] = value
    return value


_tidied = document_memo()


def tidy(text: str | None) -> str:
    """Extraction spaces inside Chinese removed, other spacing collapsed."""
    text = text or ""
    done = _tidied.get(text)
    if done is None:
        done = remember(_tidied, text, _CJK_GAP.sub("", _SPACE.sub(" ", text).strip()))
    return done


def fold(text: str) -> str:
    """Full-width ASCII folded (１２ → 12, （ → (), for pattern matching only."""
    return unicodedata.normalize("NFKC", text)
