"""Numbering styles of official documents (第三章, 一、, （一）, 1., （1）, ①, 一是) and the marker
that opens a line, for the outline (items.py) and the splitting of run-together items (runs.py)."""

import re
import unicodedata

from intake.interpret.numbers import chinese_to_int

CN = "一二三四五六七八九十"
# Numbering styles in the order official documents nest them (GB/T 9704 and common usage).
MARKERS = [
    ("chapter", re.compile(rf"^第([{CN}百]+)[章部篇]\s*")),
    ("cn", re.compile(rf"^([{CN}]{{1,3}})\s*[、．.]\s*")),
    ("pcn", re.compile(rf"^[（(]([{CN}]{{1,3}})[）)]\s*[、.．]?\s*")),
    ("num", re.compile(r"^(\d{1,2})\s*(?:[、．]|\.(?!\d))\s*")),
    ("pnum", re.compile(r"^[（(](\d{1,2})[）)]\s*")),
    ("circled", re.compile(r"^([\u2460-\u2473])\s*")),
    # "一是粮食安全行动。" opening its own paragraph (an inline "一是…二是…" list is split in _items_of).
    ("shi", re.compile(rf"^([{CN}]{{1,3}})是(?=[\u4e00-\u9fff])\s*")),
]


def marker(text: str):
    """(style, number, the rest of the line) for a line opening with a numbering marker, else None."""
    for kind, pattern in MARKERS:
        match = pattern.match(text)
        if match and text[match.end():].strip():
            if kind == "shi" and next_numeral(match.group(1)) + "是" in text:
                return None  # "一是……二是……" in one paragraph: one item's inline list
            return kind, unicodedata.normalize("NFKC", match.group(1)), text[match.end():].strip()
    return None


def next_numeral(numeral: str) -> str:
    value = (chinese_to_int(numeral) or 0) + 1
    return CN[value - 1] if value <= 10 else f"十{CN[value - 11]}" if value < 20 else ""
