"""Excel downloads of list pages: one home for how a list becomes an .xlsx.

Every list page (targets, the review queue, unreported units, reports by month)
offers the rows it shows as a workbook, so a clerk can forward or print them
without retyping. Values keep their type: Decimals become numbers with every
decimal place shown (never a float rounded on the way), dates stay dates.
"""

import datetime
import io
from decimal import Decimal
from urllib.parse import quote

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")


def _number_format(value: Decimal) -> str:
    # Every decimal place the value has, so 141.832 is shown as typed, not as 141.83.
    places = max(0, -value.normalize().as_tuple().exponent)
    return "0" if places == 0 else "0." + "0" * places


def list_workbook(title: str, headers: list[str], rows, *, note: str = "") -> bytes:
    """A one-sheet workbook: an optional note line, a bold frozen header with a filter, the rows.

    `rows` yields sequences of str / int / Decimal / date / None, in header order.
    """
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    first = 1
    if note:
        sheet.cell(row=1, column=1, value=note).font = Font(italic=True, color="666666")
        first = 2
    for column, text in enumerate(headers, start=1):
        cell = sheet.cell(row=first, column=column, value=text)
        cell.font, cell.fill = Font(bold=True), _HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    widths = [max(6, len(str(h)) * 2 + 2) for h in headers]
    row_number = first
    for row_number, values in enumerate(rows, start=first + 1):
        for column, value in enumerate(values, start=1):
            if isinstance(value, Decimal):
                cell = sheet.cell(row=row_number, column=column, value=value)
                cell.number_format = _number_format(value)
            elif isinstance(value, (datetime.date, datetime.datetime)):
                cell = sheet.cell(row=row_number, column=column, value=value)
                cell.number_format = "yyyy-mm-dd"
            else:
                cell = sheet.cell(row=row_number, column=column, value=value)
            text = "" if value is None else str(value)
            widths[column - 1] = min(60, max(widths[column - 1], len(text.encode("gbk", "replace")) + 2))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = sheet.cell(row=first + 1, column=1)
    if headers:
        sheet.auto_filter.ref = f"A{first}:{get_column_letter(len(headers))}{max(row_number, first)}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_response(filename: str, content: bytes) -> HttpResponse:
    """A download named in Chinese (RFC 6266 filename*), e.g. "审核列表-2026年11月.xlsx"."""
    response = HttpResponse(content, content_type=XLSX_TYPE)
    ascii_name = "export.xlsx"
    response["Content-Disposition"] = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
    return response
