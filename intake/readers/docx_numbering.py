"""Word's automatic numbering: the labels it draws for list paragraphs.

The numbers are not in the text runs; they come from numbering.xml (abstract
lists, levels, formats, start values and overrides) and running counters.
"""

from __future__ import annotations

import re

from .wordxml import W, _int, _on, _val

class Numbering:
    """The labels Word draws for list paragraphs ("1.", "（一）", "①").

    Counters belong to the abstract list, as in Word: two w:num that share an
    abstractNum continue one sequence unless a w:num restarts a level with
    startOverride, which takes effect at its first paragraph.
    """

    def __init__(self, root, style_num_pr):
        self._abstract: dict[str, dict[int, dict]] = {}
        self._nums: dict[str, tuple[str, dict[int, dict]]] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[str] = set()
        self._style_num_pr = style_num_pr
        self._links: dict[str, str] = {}  # numStyleLink -> the style's abstract
        if root is None:
            return
        for abstract in root.iter(W + "abstractNum"):
            aid = abstract.get(W + "abstractNumId")
            self._abstract[aid] = {_int(lvl.get(W + "ilvl"), 0): _level(lvl) for lvl in abstract.iter(W + "lvl")}
            link = _val(abstract.find(W + "numStyleLink"))
            if link:
                self._links[aid] = link
        for num in root.iter(W + "num"):
            overrides = {}
            for override in num.iter(W + "lvlOverride"):
                ilvl = _int(override.get(W + "ilvl"), 0)
                lvl = override.find(W + "lvl")
                start = override.find(W + "startOverride")
                overrides[ilvl] = {
                    "level": _level(lvl) if lvl is not None else None,
                    "start": _int(_val(start), 1) if start is not None else None,
                }
            self._nums[num.get(W + "numId")] = (_val(num.find(W + "abstractNumId")), overrides)

    def _abstract_id(self, num_id: str, depth: int = 0) -> str | None:
        if num_id not in self._nums or depth > 3:
            return None
        aid = self._nums[num_id][0]
        link = self._links.get(aid)
        if link:  # the list is defined by a numbering style: follow it
            linked_num, _ = self._style_num_pr(link)
            if linked_num and linked_num != num_id:
                return self._abstract_id(linked_num, depth + 1) or aid
        return aid

    def _level_def(self, num_id: str, aid: str, ilvl: int) -> dict | None:
        override = self._nums[num_id][1].get(ilvl, {})
        base = self._abstract.get(aid, {}).get(ilvl)
        level = override.get("level") or base
        if level is None:
            return None
        if override.get("start") is not None:
            level = dict(level, start=override["start"])
        return level

    def next_label(self, num_id: str, ilvl: int) -> str | None:
        aid = self._abstract_id(num_id)
        if aid is None or not 0 <= ilvl < 9:
            return None
        counters = self._counters.setdefault(aid, [None] * 9)
        if num_id not in self._started:
            self._started.add(num_id)
            for lvl, override in self._nums[num_id][1].items():
                if override.get("start") is not None and 0 <= lvl < 9:
                    counters[lvl] = None
        level = self._level_def(num_id, aid, ilvl)
        if level is None:
            return None
        counters[ilvl] = level["start"] if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        if level["fmt"] in ("bullet", "none") or not level["text"]:
            return None

        def render(match):
            ref = int(match.group(1)) - 1
            ref_level = self._level_def(num_id, aid, ref) or {"start": 1, "fmt": "decimal"}
            value = counters[ref] if counters[ref] is not None else ref_level["start"]
            fmt = "decimal" if level["legal"] and ref < ilvl else ref_level["fmt"]
            return format_number(value, fmt)

        label = re.sub(r"%([1-9])", render, level["text"])
        return label or None


def _level(lvl) -> dict:
    return {
        "start": _int(_val(lvl.find(W + "start")), 1),
        "fmt": _val(lvl.find(W + "numFmt"), "decimal"),
        "text": _val(lvl.find(W + "lvlText"), ""),
        "legal": _on(lvl.find(W + "isLgl")),
    }


_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"


def format_number(n: int, fmt: str) -> str:
    """A counter value as Word draws it for one w:numFmt."""
    if fmt in ("decimal", "decimalHalfWidth"):
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)  # ①..⑳
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)  # ⑴..⒇
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return chr(0x2488 + n - 1)  # ⒈..⒛
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "koreanCounting"):
        return chinese_number(n, _CN_DIGITS, "十百千")
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional"):
        return chinese_number(n, _CN_LEGAL, "拾佰仟")
    if fmt in ("ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital"):
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return _STEMS[n - 1]  # 甲乙丙: Word's "ideographTraditional" is the heavenly stems
    if fmt == "ideographZodiac" and 1 <= n <= 12:
        return _BRANCHES[n - 1]
    if fmt in ("upperLetter", "lowerLetter") and 1 <= n <= 780:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)  # Word repeats: Y, Z, AA, BB
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and 1 <= n < 4000:
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(n)


def chinese_number(n: int, digits: str, units: str) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百〇五 (Word's Chinese counting)."""
    if n <= 0 or n >= 10000:
        return str(n)
    parts = []
    zero = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit = n // power % 10
        if digit == 0:
            zero = bool(parts)
            continue
        if zero:
            parts.append(digits[0])
            zero = False
        if not (power == 10 and digit == 1 and not parts):  # 十一, not 一十一
            parts.append(digits[digit])
        parts.append(unit)
    return "".join(parts)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += numeral
            n -= value
    return out
