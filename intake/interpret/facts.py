"""Document facts: title, 文号, issuer, date, year and the documents cited."""

import datetime
import re

from intake.document import Document
from intake.interpret.numbers import chinese_to_int
from intake.interpret.text import tidy

DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[〔\[［【(（]\s*(\d{4})\s*[〕\]］】)）]\s*(\d{1,4})\s*([号號])")
_CN_DIGIT = "〇○零ОO一二三四五六七八九十"
_YEAR_DIGITS = {ch: i + 1 for i, ch in enumerate("一二三四五六七八九")}  # 〇 ○ 零 О O are 0
# "2023年3月13日", "二○○七年六月四日", either in brackets: the document's own date line.
DATE_LINE = re.compile(rf"[(（]?([\d{_CN_DIGIT}]{{4}})年([\d{_CN_DIGIT}]{{1,2}})月([\d{_CN_DIGIT}]{{1,3}})日[)）]?")
# A web page's publication date, where the document prints none of its own:
# "发布时间: 2018-09-05", "生成日期:|2022-12-02 08:54:33", a line "2019-12-25 16:39".
_WEB_DATE = re.compile(r"(?:(?:发布|生成|生效|成文|印发|发文)(?:日期|时间)[:：]?\|?|^)(\d{4})-(\d{1,2})-(\d{1,2})(?:\d{1,2}:\d{2}(?::\d{2})?)?")
# "文号:|六盘水府办发〔2022〕10号|": the number in a web page's metadata table.
_NUMBER_LABEL = re.compile(r"^(?:文\s*[号號]|[发發]文字[号號])[:：]?\|?")
# A 公告 / 通告 / 令 numbered in its series: "…会议公告（第8号）", or "（第2号）" on its own line.
_SERIES_NUMBER = re.compile(r"(?:^|公告|通告|令)\s*[(（]\s*(第\s*\d{1,4}\s*[号號])\s*[)）]$")
_TITLE_WORDS = ("方案", "要点", "规划", "通知", "清单", "意见", "计划")


def normalize_doc_number(text: str) -> str:
    match = DOC_NUMBER.search(tidy(text))
    prefix = re.sub(r"\s", "", match.group(0).split(match.group(1))[0])
    prefix = re.sub(r"[\[［【(（〔]$", "", prefix)
    return f"{prefix}〔{match.group(1)}〕{match.group(2)}{match.group(3)}"


def _own_number(line: str) -> str | None:
    """The document's own number on a line of its own, maybe bracketed or labelled."""
    line = _NUMBER_LABEL.sub("", re.sub(r"\s*\|\s*", "|", line)).strip("|")
    line = re.sub(r"\|.*$", "", line)
    bracketed = re.fullmatch(r"[(（](.+)[)）]", line)
    if bracketed:
        line = bracketed.group(1)
    return normalize_doc_number(line) if DOC_NUMBER.fullmatch(line) else None


def _date_of(match: re.Match) -> datetime.date | None:
    parts = []
    for index, part in enumerate(match.groups()):
        if part.isdigit():
            parts.append(int(part))
        elif index == 0:  # 二○○七: digit by digit
            parts.append(int("".join(str(_YEAR_DIGITS.get(ch, 0)) for ch in part)))
        else:
            parts.append(chinese_to_int(part) or 0)
    try:
        return datetime.date(*parts)
    except ValueError:
        return None


def extract_facts(document: Document) -> dict:
    lines = [tidy(p.full_text) for p in document.paragraphs]
    own = None
    for line in lines[:12]:
        own = _own_number(line)
        if own:
            break
    if own is None:
        series = next((m for m in map(_SERIES_NUMBER.search, lines[:12]) if m), None)
        own = re.sub(r"\s", "", series.group(1)) if series else None
    references = []
    for line in lines:
        for match in DOC_NUMBER.finditer(line):
            number = normalize_doc_number(match.group(0))
            if number != own and number not in references:
                references.append(number)
    issued_on, date_index = None, None
    for index, line in enumerate(lines):
        # "2021年11月22日????????": a signature date trailed by characters the page lost.
        match = DATE_LINE.fullmatch(re.sub(r"[?？�□■\s]+$", "", line))
        if match and _date_of(match):
            issued_on = _date_of(match)
            date_index = index
            break
    if issued_on is None:
        for line in lines[:15]:
            match = _WEB_DATE.search(line.replace(" ", ""))
            if match and _date_of(match):
                issued_on = _date_of(match)
                break
    title = _title(lines)
    year = _year(title, lines, issued_on)
    if issued_on is None and year:
        issued_on = _dateline(lines[:6], year)
    return {
        "title": title,
        "doc_number": own,
        "issuer": _issuer(lines, date_index),
        "issued_on": issued_on.isoformat() if issued_on else None,
        "year": year,
        "references": references,
    }


def _title(lines: list[str]) -> str | None:
    for index, line in enumerate(lines[:15]):
        if not line.endswith(_TITLE_WORDS) and not re.search(r"[(（]\d{4}年?[-—–]\d{4}年?[)）]$", line):
            continue
        if re.search(r"[，。：；]", line) or DOC_NUMBER.search(line):
            continue
        inner = re.search(r"印发\s*[《<〈]?(.+?)[》>〉]?\s*的通知$", line)
        if inner:
            return re.sub(r"[《》<>〈〉]", "", inner.group(1))
        title = line
        # A title broken over two lines: "仓山·临洮东西部扶贫协作规划" + "(2017年-2020年)".
        if index + 1 < len(lines) and re.fullmatch(r"[(（]\d{4}年?[-—–]\d{4}年?[)）]", lines[index + 1]):
            title += lines[index + 1]
        return title
    return None


def _issuer(lines: list[str], date_index: int | None) -> str | None:
    if date_index is None:
        return None
    signature = []
    for line in reversed(lines[max(0, date_index - 2):date_index]):
        # The signature is an organisation's name, maybe over two lines; an
        # attachment list ("2. 鼓楼区…清单") or a sentence ends it.
        if re.search(r"[，。：；:]", line) or len(line) > 40 or len(line) < 4 or re.match(r"[\d\-－(（附]", line):
            break
        signature.insert(0, line)
    return "".join(signature) or None


# A news site's own dateline: "大西北网讯 1月20日，". A wire's "新华社北京3月5日电"
# is another outlet's date, as a reprint's is (the document then has none).
_DATELINE = re.compile(r"(?:[网網][讯訊]|[报報][讯訊]|^[\u4e00-\u9fff]{2,12}[讯訊])\s*(\d{1,2})月(\d{1,2})日")


def _dateline(lines: list[str], year: int) -> datetime.date | None:
    for line in lines:
        match = _DATELINE.search(line)
        if match:
            month, day = (int(g) for g in match.groups() if g)
            try:
                return datetime.date(year, month, day)
            except ValueError:
                return None
    return None


def _year(title: str | None, lines: list[str], issued_on) -> int | None:
    """The plan's year: the title's or a heading's, else the issuing date's, else one the opening names.

    Years cited in 《…》 or set as a goal ("到2020年") name other periods.
    """
    # A span "(2022—2024年)" starts in its first year.
    year = re.compile(r"(20\d{2})\s*(?:年|[-—–~～至到]\s*20\d{2}\s*年)")
    # "2017年度…考核反馈问题整改方案": the year assessed, not the plan's.
    reviewed = re.compile(r"20\d{2}\s*年度?.*(?:考核|督查|巡视|审计).*整改")
    headings = [line for line in lines[:15] if line.endswith(_TITLE_WORDS) and not re.search(r"[，。：；]", line)]
    for text in [title or "", *headings]:
        match = year.search(text)
        if match and not (issued_on and reviewed.search(text)):
            return int(match.group(1))
    def named(texts, most_named=False):
        """The first year the texts name, or the one they name most (ties: the first)."""
        names = []
        for text in texts:
            if issued_on and reviewed.search(text):
                continue
            text = re.sub(r"(贯彻|落实|根据|按照|依据|对照|精神和|要求和|和)《[^》]*》?", "", text)
            for match in year.finditer(text):
                if not re.search(r"(?:到|前|比|较|争取|确保|力争)\s*$", text[:match.start()]):
                    names.append(int(match.group(1)))
        if not names:
            return None
        return max(names, key=lambda y: (names.count(y), -names.index(y))) if most_named else names[0]

    # A short line of its own ("2026年工作要点" over two lines, "（2026年）") names the plan's
    # year more surely than the issuing date; a year in running text less surely.
    short = [line for line in lines[:15] if len(line) <= 40 and not re.search(r"[，。；,;]", line)]
    found = named(short)
    if found is None:
        # Running text without a date of its own: the year it names most ("2011年开工…2013年建成…2013年").
        found = named(lines[:15], most_named=not issued_on)
        # In running text, a year before the issuing one is history ("从2010年开始") and
        # one further ahead than the next is a goal ("2020年全面脱贫").
        if found is not None and issued_on and not issued_on.year <= found <= issued_on.year + 1:
            found = None
    return found if found is not None or not issued_on else issued_on.year
