"""Deadlines as printed, resolved to the last day they allow."""

import calendar
import datetime
import re

from intake.interpret.text import tidy

NO_DEADLINE = re.compile(r"持续推进|长期|常态化|根据.*安排|按.*要求")
_FULL_DATE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:前|之前)?")
_MONTH = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(?:底前|底|末|前|份)?")
_WHOLE_YEAR = re.compile(r"全年|年内|年底前|年底|年末")
# "到2025年", "2025年底前": the end of that year.
_YEAR_END = re.compile(r"(\d{4})年(?:底|末|内)?(?:前|之前)?")
# In running text only these read as a deadline; "8月份" or "2021年" do not.
IN_TEXT = re.compile(r"全年|年内|年底前|\d{1,2}月底前|\d{1,2}月\d{1,2}日前")


def _month_end(year: int, month: int) -> datetime.date | None:
    if not 1 <= month <= 12:
        return None
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def resolve(text: str, year: int) -> datetime.date | None:
    """The latest date the printed time limit allows; None when it sets none.

    Several steps ("10月底前 12月底前") resolve to the last.
    """
    text = tidy(text)
    if not text or NO_DEADLINE.search(text):
        return None
    dates = []
    for match in _FULL_DATE.finditer(text):
        y, m, d = int(match.group(1) or year), int(match.group(2)), int(match.group(3))
        try:
            dates.append(datetime.date(y, m, d))
        except ValueError:
            pass
    if not dates:
        for match in _MONTH.finditer(text):
            end = _month_end(int(match.group(1) or year), int(match.group(2)))
            if end:
                dates.append(end)
    if not dates:
        dates += [datetime.date(int(m.group(1)), 12, 31) for m in _YEAR_END.finditer(text) if 1990 < int(m.group(1)) < 2100]
    if not dates and _WHOLE_YEAR.search(text):
        dates.append(datetime.date(year, 12, 31))
    return max(dates) if dates else None


def looks_like_deadline(text: str) -> bool:
    text = tidy(text)
    if not text or len(text) > 30:
        return False
    if NO_DEADLINE.fullmatch(text) or re.fullmatch(r"根据.{0,20}安排|按.{0,20}要求", text):
        return True
    stripped = re.sub(r"\d{4}年|\d{1,2}月\d{1,2}日(?:前|之前)?|\d{1,2}月(?:底前|底|末|前)?|全年|年内|年底前?|[\s、]", "", text)
    return stripped == "" and text != ""


def find_in_text(text: str) -> str | None:
    """A deadline phrase inside running text ("于10月底前拨付", "确保全年销售")."""
    match = IN_TEXT.search(tidy(text))
    return match.group() if match else None
