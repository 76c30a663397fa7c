"""Document facts: title, 文号, issuer, date, year and the documents cited."""

import datetime
import re

from intake.document import Document
from intake.interpret.text import tidy

DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[〔\[［【(（]\s*(\d{4})\s*[〕\]］】)）]\s*(\d{1,4})\s*号")
DATE_LINE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_TITLE_WORDS = ("方案", "要点", "规划", "通知", "清单", "意见", "计划")


def normalize_doc_number(text: str) -> str:
    match = DOC_NUMBER.search(tidy(text))
    prefix = re.sub(r"\s", "", match.group(0).split(match.group(1))[0])
    prefix = re.sub(r"[\[［【(（〔]$", "", prefix)
    return f"{prefix}〔{match.group(1)}〕{match.group(2)}号"


def extract_facts(document: Document) -> dict:
    lines = [tidy(p.full_text) for p in document.paragraphs]
    own = None
    for line in lines[:12]:
        if DOC_NUMBER.fullmatch(line):
            own = normalize_doc_number(line)
            break
    references = []
    for line in lines:
        for match in DOC_NUMBER.finditer(line):
            number = normalize_doc_number(match.group(0))
            if number != own and number not in references:
                references.append(number)
    issued_on, date_index = None, None
    for index, line in enumerate(lines):
        match = DATE_LINE.fullmatch(line)
        if match:
            issued_on = datetime.date(*map(int, match.groups()))
            date_index = index
            break
    title = _title(lines)
    return {
        "title": title,
        "doc_number": own,
        "issuer": _issuer(lines, date_index),
        "issued_on": issued_on.isoformat() if issued_on else None,
        "year": _year(title, lines, issued_on),
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


def _year(title: str | None, lines: list[str], issued_on) -> int | None:
    for text in [title or "", *lines[:15]]:
        match = re.search(r"(20\d{2})\s*年", text)
        if match:
            return int(match.group(1))
    return issued_on.year if issued_on else None
