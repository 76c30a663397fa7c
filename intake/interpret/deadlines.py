"""Deadlines as printed, resolved to the last day they allow."""

import calendar
import datetime
import re

from intake.interpret.text import tidy

NO_DEADLINE = re.compile(r"持续推进|长期|常态化|根据.*安排|按.*要求|实施期限|有效期|^每[季月年周半]")
_FULL_DATE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:前|之前)?")
_MONTH = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(?:(上旬|中旬)|底前|底|末|前|份)?")
# "2021.12" in a 完成时间 column: that month.
_DOTTED = re.compile(r"(?<![\d.])(20\d{2})[.．/](\d{1,2})(?![\d.])")
# "第一季度", "二季度末", "上半年": the quarter's or half-year's last month.
_QUARTER = re.compile(r"(?:(\d{4})年)?(?:第)?([一二三四1-4])季度")
_HALF = re.compile(r"(?:(\d{4})年)?([上下])半年")
_QUARTER_NUMBER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_WHOLE_YEAR = re.compile(r"全年|年内|年底前|年底|年末")
# "到2025年", "2025年底前": the end of that year.
_YEAR_END = re.compile(r"(\d{4})年(?:底|末|内)?(?:前|之前)?")
# In running text only these read as a deadline; "8月份" or "2021年" do not.
IN_TEXT = re.compile(r"(?:(?:到|至)?\d{4}年)?(?:全年|年内|年底前|\d{1,2}月底前|\d{1,2}月[上中]旬前|\d{1,2}月\d{1,2}日前)"
                     r"|(?:到|至)\d{4}年底?")
# "实施期限至2026年12月31日": how long a policy runs, not a deadline.
_TERM = re.compile(r"(?:期限|有效期|实施|执行|延长)$")


def _month_end(year: int | None, month: int) -> datetime.date | None:
    if year is None or not 1 <= month <= 12:
        return None
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def resolve(text: str, year: int | None) -> datetime.date | None:
    """The latest date the printed time limit allows; None when it sets none.

    Several steps ("10月底前 12月底前") resolve to the last. Without the plan's
    year only a limit that prints its own year ("到2020年") resolves.
    """
    text = tidy(text)
    if not text or NO_DEADLINE.search(text):
        return None

    def year_of(match) -> int | None:
        return int(match.group(1)) if match.group(1) else year

    dates = []
    for match in _FULL_DATE.finditer(text):
        try:
            dates.append(datetime.date(year_of(match), int(match.group(2)), int(match.group(3))))
        except (TypeError, ValueError):
            pass
    if not dates:
        for match in _MONTH.finditer(text):
            end = _month_end(year_of(match), int(match.group(2)))
            if end and match.group(3):  # "3月中旬前": by the 20th, "上旬" the 10th
                end = end.replace(day=10 if match.group(3) == "上旬" else 20)
            dates.append(end)
        dates += [_month_end(int(m.group(1)), int(m.group(2))) for m in _DOTTED.finditer(text)]
        dates += [_month_end(year_of(m), 3 * _QUARTER_NUMBER[m.group(2)]) for m in _QUARTER.finditer(text)]
        dates += [_month_end(year_of(m), 6 if m.group(2) == "上" else 12) for m in _HALF.finditer(text)]
        dates = [date for date in dates if date]
    if not dates:
        dates += [datetime.date(int(m.group(1)), 12, 31) for m in _YEAR_END.finditer(text) if 1990 < int(m.group(1)) < 2100]
    if not dates and year and _WHOLE_YEAR.search(text):
        dates.append(datetime.date(year, 12, 31))
    return max(dates) if dates else None


def looks_like_deadline(text: str) -> bool:
    text = tidy(text)
    if not text or len(text) > 30:
        return False
    if NO_DEADLINE.fullmatch(text) or re.fullmatch(r"根据.{0,20}安排|按.{0,20}要求", text):
        return True
    stripped = re.sub(r"\d{4}年|\d{1,2}月\d{1,2}日(?:前|之前)?|\d{1,2}月(?:[上中下]旬|底|末)?(?:前|之前)?|全年|年内|年底前?"
                      r"|(?:第)?[一二三四1-4]季度(?:末|前|之前)?|[上下]半年|^20\d{2}[.．]\d{1,2}$|[\s、]", "", text)
    if stripped == "":
        return True
    # "9月投入使用", "5月底前动工": a month limit and the few words of what is due by then.
    return bool(re.fullmatch(r"(?:\d{4}年)?\d{1,2}月(?:[上中下]旬|底|末)?(?:前|之前)?[\u4e00-\u9fff]{2,6}", text))


def find_in_text(text: str, year: int | None = None) -> str | None:
    """A deadline phrase inside running text ("于10月底前拨付", "确保全年销售").

    Several steps ("4月底前…；11月底前竣工") give the last, as the task is done by then.
    """
    text = tidy(text)
    found = [m.group() for m in IN_TEXT.finditer(text) if not _TERM.search(text[:m.start()])]
    if not found:
        return None
    dated = [(date, index, phrase) for index, phrase in enumerate(found) if (date := resolve(phrase, year))]
    return max(dated)[2] if dated else found[-1]
