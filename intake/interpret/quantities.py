"""Finding the quantities a clause commits someone to.

"7.5亿元以上" → 75000 万元 ≥; "1-2期" → 1 期 ≥ up to 2; "每月发布一篇" → 1 篇 per
month. Ordinals (第27次), dates (11月25日), document numbers (36号), years
and anything inside quotation marks are not quantities.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from intake.interpret import hant
from intake.interpret.numbers import CHINESE_NUMERAL, to_decimal

# Measure words, longest first so 个月 wins over 个 and 万元 over 万.
_COUNTED = [
    "平方米", "公里", "标箱", "美元", "批次", "个", "亩", "吨", "头", "只", "户", "株", "辆", "座", "册", "套",
]
# 万/亿 before a measure word scale it: "3万亩", "18.5万头", "2.1亿吨" keep their printed unit.
_SCALED = [f"{scale}{m}" for scale in "万亿" for m in _COUNTED if m not in {"户"}]
MEASURES = sorted(
    set(_SCALED) | {
        "平方米", "个百分点", "个月", "人次", "万元", "亿元", "万", "亿", "元", "名", "人", "位", "期", "篇", "个", "家",
        "所", "场", "次", "批", "处", "户", "项", "亩", "吨", "套", "台", "支", "%", "镇", "街", "年",
        "公里", "座", "册", "头", "只", "批次", "标箱",
    },
    key=len, reverse=True,
)
# ℅ and ﹪ stand for % in extracted text ("合格率达98℅以上").
_PERCENT = str.maketrans({"℅": "%", "﹪": "%", "％": "%"})
MONEY = {"元": Decimal("0.0001"), "万元": Decimal(1), "万": Decimal(1), "亿元": Decimal(10000), "亿": Decimal(10000)}
PEOPLE = {"名": "人", "人": "人", "位": "人"}
# Chinese numerals count only before these: "三个乡镇", "一篇", not "一带一路".
CHINESE_MEASURES = {"个", "名", "人", "期", "篇", "次", "场", "批", "家", "所", "处", "项", "户", "镇", "街", "元", "万元", "亿元"}

_NUMBER = rf"(?:\d+(?:\.\d+)?|[{CHINESE_NUMERAL}]+)"
_MEASURE = "|".join(re.escape(m) for m in MEASURES)
QUANTITY = re.compile(
    rf"(?P<prefix>不低于|不少于|至少有?|达到|达)?\s*"
    rf"(?P<low>{_NUMBER})(?:\s*[-—~～至到]\s*(?P<high>{_NUMBER}))?\s*"
    rf"(?P<measure>{_MEASURE})(?P<suffix>以上)?"
)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|「[^」]*」")
PER_MARKERS = {"每年": "year", "每月": "month", "每批": "batch", "每个村": "village", "每村": "village"}


@dataclass
class Quantity:
    value: Decimal
    unit: str
    comparator: str
    start: int
    end: int
    printed: str
    max: Decimal | None = None
    per: str | None = None


def _canonical(value: Decimal, measure: str) -> tuple[Decimal, str]:
    if measure in MONEY:
        return value * MONEY[measure], "万元"
    if measure == "人次":
        return value, "人次"
    return value, PEOPLE.get(measure, measure)


def _blank_quotes(text: str) -> str:
    # Same length, so positions still index the original text.
    return _QUOTED.sub(lambda m: "□" * len(m.group()), text)


def _excluded(text: str, match: re.Match, low: str) -> bool:
    before = text[: match.start("low")]
    after = text[match.end():]
    measure = match.group("measure")
    if before.endswith("第"):
        return True  # ordinal: 第27次, 第十三批
    if not low[0].isdigit():
        if low[0] in "万千百" or measure not in CHINESE_MEASURES:  # "万元" is a word, not 万 + 元
            return True
        if low == "一" and measure == "批" and not re.search(r"每[年月]$", before):
            return True  # "一批企业" means "some", not a count
        if low == "一" and before.endswith("是"):
            return True  # "是一项重大政治任务": "is a", not a count
    if measure in {"镇", "街"} and not low[0].isdigit():
        return True
    if measure == "年" and not re.search(r"(?:年限|期限|时限)$", before):
        return True  # 2017年 is a date; only 挂职年限2年 is a duration
    if measure == "个" and re.match(r"[^，。；（(]{0,16}[（(][^）)]*、", after):
        return True  # "2个重点帮扶县（西吉县、原州区）" names them; it sets no target
    if measure == "万" and re.match(r"[人户亩]", after):
        return True  # 49.34万农业人口: a population, not money
    return False


def _per(text: str, start: int) -> str | None:
    clause_start = max(text.rfind(p, 0, start) for p in "，。；;：:") + 1
    window = text[clause_start:start]
    for marker, per in PER_MARKERS.items():
        if marker in window:
            return per
    return None


def find_quantities(text: str) -> list[Quantity]:
    """Every committed quantity in `text`, in order, with positions into `text`."""
    scan = _blank_quotes(hant.fold(text).translate(_PERCENT))
    found = []
    for match in QUANTITY.finditer(scan):
        low, high = match.group("low"), match.group("high")
        if _excluded(scan, match, low):
            continue
        value = to_decimal(low)
        if value is None:
            continue
        value, unit = _canonical(value, match.group("measure"))
        top = None
        if high:
            top_value = to_decimal(high)
            if top_value is not None:
                top, _ = _canonical(top_value, match.group("measure"))
        at_least = bool(match.group("prefix") and match.group("prefix").startswith(("不", "至"))) or bool(match.group("suffix")) or top is not None
        found.append(Quantity(
            value=value.normalize(), unit=unit, comparator=">=" if at_least else "=",
            start=match.start(), end=match.end(), printed=text[match.start():match.end()].strip(),
            max=top.normalize() if top is not None else None, per=_per(scan, match.start()),
        ))
    return found
