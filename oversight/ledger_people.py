"""The 工作台账's 选派人员 and 结对互访 sheets: the roster with each person's months served and the
6-month rule, and the year's exchanges by pairing with the rules met or not, then each exchange —
the same rows as the bulletin (bulletin_people). Like the 协作资金 sheet, each first cell marks it
a summary the importer passes by, so a re-imported ledger changes nothing.

Particulars are always masked here (people.access.particulars, shown=False): a ledger travels
further than the roster page, so an unmasked list stays the roster export the office asks for."""

import datetime

from openpyxl.styles import Alignment

from exchanges.models import Exchange
from intake.readers.xlsx import SUMMARY_SHEET_NOTE
from oversight.bulletin_people import Roster, pair_name
from oversight.ledger import (
    BODY_FONT,
    BORDER,
    HEADER_FILL,
    HEADER_FONT,
    LIST_FONT,
    TITLE_FONT,
)
from people.access import particulars

PEOPLE_SHEET = "选派人员"
EXCHANGES_SHEET = "结对互访"
PEOPLE_HEADER = ["姓名", "性别", "类别", "派出单位", "原单位及职务", "联系电话", "挂职单位及职务", "批次", "到岗日期",
                 "返回日期", "状态", "服务月数", "服务期限（6个月以上）"]
PEOPLE_WIDTHS = [10, 6, 20, 16, 24, 14, 24, 14, 12, 12, 10, 10, 44]
PAIRING_HEADER = ["结对双方", "层级", "互访次数", "规则落实情况"]
EXCHANGE_HEADER = ["日期", "结对双方", "方向", "带队领导", "职务", "主要负责同志带队", "人数", "交流内容"]
EXCHANGE_WIDTHS = [28, 28, 16, 60, 16, 12, 8, 40]
DATE_FORMAT = "yyyy-mm-dd"


def _row(sheet, line: int, values: list, *, header: bool = False) -> None:
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(line, column, value)
        cell.border, cell.font = BORDER, HEADER_FONT if header else BODY_FONT
        if header:
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        elif hasattr(value, "isoformat"):
            cell.number_format = DATE_FORMAT


def _widths(sheet, widths) -> None:
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[chr(64 + column)].width = width


def _start(book, name: str, title: str):
    sheet = book.create_sheet(name)
    sheet.cell(1, 1, f"{name}{SUMMARY_SHEET_NOTE}").font = LIST_FONT
    sheet.cell(2, 1, title).font = TITLE_FONT
    return sheet


def _joined(*parts: str) -> str:
    return "".join(p for p in parts if p)


def add_people_sheet(book, data: Roster, label: str) -> None:
    """The roster as of the snapshot's day, phone and gender masked (see the module's note)."""
    sheet = _start(book, PEOPLE_SHEET, f"选派人员名单（截至{label}，联系电话等个人信息已脱敏）")
    _row(sheet, 3, PEOPLE_HEADER, header=True)
    short = {f.person.pk: f.message for f in data.short}
    for line, person in enumerate(data.people, start=4):
        masked = particulars(person, False)
        _row(sheet, line, [person.name, masked["gender"], person.kind_label, person.sending_unit.name,
                           _joined(person.home_unit, person.home_post), masked["phone"],
                           _joined(person.host_unit, person.host_post), person.batch, person.arrived_on,
                           person.returned_on, person.get_status_display(), person.months_served(data.as_of),
                           short.get(person.pk, "符合")])
    _widths(sheet, PEOPLE_WIDTHS)


def add_exchanges_sheet(book, rows: list[dict], as_of: datetime.date, label: str) -> None:
    """Per pairing the year's count and the rules, then each exchange counted, oldest first."""
    exchanges = (Exchange.objects.filter(pairing__in=[row["pairing"].pk for row in rows], date__year=as_of.year,
                                         date__lte=as_of)
                 .select_related("pairing__helper", "pairing__helped").order_by("date", "id"))
    sheet = _start(book, EXCHANGES_SHEET, f"结对互访交流情况（截至{label}）")
    _row(sheet, 3, PAIRING_HEADER, header=True)
    line = 3
    for row in rows:
        line += 1
        _row(sheet, line, [pair_name(row["pairing"]), row["pairing"].get_level_display(), row["count"],
                           "；".join(r.message for r in row["results"]) or "—"])
    line += 2
    _row(sheet, line, EXCHANGE_HEADER, header=True)
    for exchange in exchanges:
        line += 1
        _row(sheet, line, [exchange.date, pair_name(exchange.pairing), exchange.get_direction_display(),
                           exchange.leader_name, exchange.leader_post, "是" if exchange.is_principal else "否",
                           exchange.delegation_size, exchange.topic])
    _widths(sheet, EXCHANGE_WIDTHS)
