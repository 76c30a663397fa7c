"""A unit's name list (专技人才名单, 挂职干部名单) read from its Excel, and the blank to fill.

Columns are found by their header names in the first rows (the order is the unit's own); 姓名
and 类别 must be there. Every error is collected (up to 20) and reported together, each naming
the file, the row and the column, so a unit fixes its sheet in one go. Pure: bytes in, rows
(plain dicts with ISO dates, ready for JSON) out.
"""

import datetime
import io
import re
import zipfile

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from people.models import Person

MAX_ERRORS = 20
MAX_BYTES = 5 * 1024 * 1024

# Header as printed → field. Several spellings a unit may use for one column.
HEADERS = {
    "姓名": "name", "性别": "gender", "类别": "kind", "人员类别": "kind", "专业领域": "field", "领域": "field",
    "原单位": "home_unit", "派出单位": "home_unit", "原职务": "home_post", "原单位职务": "home_post",
    "联系电话": "phone", "手机号码": "phone", "电话": "phone",
    "挂职单位": "host_unit", "服务单位": "host_unit", "挂职（服务）单位": "host_unit",
    "挂职职务": "host_post", "服务岗位": "host_post", "挂职（服务）职务": "host_post",
    "批次": "batch", "到岗日期": "arrived_on", "计划返回日期": "planned_return_on", "返回日期": "returned_on",
    "状态": "status",
}
TEMPLATE_HEADERS = ["序号", "姓名", "性别", "类别", "专业领域", "原单位", "原职务", "联系电话", "挂职单位", "挂职职务",
                    "批次", "到岗日期", "计划返回日期", "返回日期", "状态"]
REQUIRED = ("name", "kind")
LABELS = {"name": "姓名", "kind": "类别"}
KIND_WORDS = {"党政挂职干部": Person.Kind.CADRE, "挂职干部": Person.Kind.CADRE, "党政干部": Person.Kind.CADRE,
              "专业技术人才": Person.Kind.TALENT, "专技人才": Person.Kind.TALENT, "专业技术人员": Person.Kind.TALENT}
FIELD_WORDS = {label: value for value, label in Person.Field.choices}
GENDER_WORDS = {"男": Person.Gender.MALE, "女": Person.Gender.FEMALE}
STATUS_WORDS = {label: value for value, label in Person.Status.choices} | {"": Person.Status.IN_POST}
DATE_FIELDS = ("arrived_on", "planned_return_on", "returned_on")


class RosterFileError(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("；".join(errors))
        self.errors = errors


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a phone number typed as a number
    return re.sub(r"\s+", "", str(value)) if not isinstance(value, str) else value.strip()


_DATE = re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$")


def _date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    match = _DATE.match(_text(value))
    if not match:
        raise ValueError
    return datetime.date(*(int(g) for g in match.groups()))


def _header_row(sheet):
    for number, row in enumerate(sheet.iter_rows(min_row=1, max_row=5, values_only=True), start=1):
        names = [_text(v) for v in row]
        if "姓名" in names:
            return number, names
    return None, []


def read_roster(data: bytes, filename: str) -> list[dict]:
    """The rows of the first sheet as dicts of Person fields (dates as ISO text), each with
    `row`, its row number in the sheet. Raises RosterFileError with every problem found."""
    where = f"文件“{filename}”"
    if len(data) > MAX_BYTES:
        raise RosterFileError([f"{where}超过5MB，请拆分后导入"])
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise RosterFileError([f"{where}不是Excel（.xlsx）文件，请在Excel中另存为.xlsx后导入"]) from None
    sheet = book.worksheets[0]
    header_number, names = _header_row(sheet)
    if header_number is None:
        raise RosterFileError([f"{where}前5行中没有“姓名”列，请使用名单模板"])
    columns = {}
    for index, name in enumerate(names):
        if name in HEADERS and HEADERS[name] not in columns.values():
            columns[index] = HEADERS[name]
    missing = [LABELS[f] for f in REQUIRED if f not in columns.values()]
    if missing:
        raise RosterFileError([f"{where}缺少“{'”“'.join(missing)}”列"])
    errors, rows, seen = [], [], {}
    for number, values in enumerate(sheet.iter_rows(min_row=header_number + 1, values_only=True),
                                    start=header_number + 1):
        cells = {field: values[index] if index < len(values) else None for index, field in columns.items()}
        if all(_text(v) == "" for v in cells.values()):
            continue
        row, problems = _row(cells, names, columns)
        for header, message in problems:
            errors.append(f"{where}第{number}行“{header}”列：{message}")
        key = (row.get("batch", ""), row.get("name", ""))
        if row.get("name") and key in seen:
            errors.append(f"{where}第{number}行“姓名”列：“{row['name']}”与第{seen[key]}行重名（同一批次），请在姓名后注明区分")
        seen.setdefault(key, number)
        row["row"] = number
        rows.append(row)
        if len(errors) >= MAX_ERRORS:
            break
    if not rows and not errors:
        errors.append(f"{where}没有人员行")
    if errors:
        raise RosterFileError(errors[:MAX_ERRORS])
    return rows


def _row(cells: dict, names: list[str], columns: dict) -> tuple[dict, list[tuple[str, str]]]:
    header = {field: names[index] for index, field in columns.items()}
    row, problems = {}, []
    for field, value in cells.items():
        if field in DATE_FIELDS:
            if _text(value) == "":
                row[field] = None
                continue
            try:
                row[field] = _date(value).isoformat()
            except ValueError:
                problems.append((header[field], f"无法识别日期“{_text(value)}”，请写作2026-03-01"))
            continue
        text = _text(value)
        if field == "kind":
            if text not in KIND_WORDS:
                problems.append((header[field], f"“{text}”不是人员类别，应为党政挂职干部或专业技术人才"))
            row[field] = KIND_WORDS.get(text, "")
        elif field == "field":
            if text and text not in FIELD_WORDS:
                problems.append((header[field], f"“{text}”不是专业领域，应为{'、'.join(FIELD_WORDS)}之一"))
            row[field] = FIELD_WORDS.get(text, "")
        elif field == "gender":
            if text and text not in GENDER_WORDS:
                problems.append((header[field], f"“{text}”应为男或女"))
            row[field] = GENDER_WORDS.get(text, "")
        elif field == "status":
            if text not in STATUS_WORDS:
                problems.append((header[field], f"“{text}”应为在岗、期满返回或提前返回"))
            row[field] = STATUS_WORDS.get(text, Person.Status.IN_POST)
        else:
            row[field] = text
    if not row.get("name"):
        problems.append((header["name"], "姓名不能为空"))
    if row.get("kind") == Person.Kind.TALENT and not _text(cells.get("field")):
        problems.append((header.get("field", "专业领域"), "专业技术人才须填写专业领域"))
    if row.get("status", Person.Status.IN_POST) != Person.Status.IN_POST and not row.get("returned_on"):
        problems.append((header.get("returned_on", "返回日期"), "已返回人员须填写返回日期"))
    if row.get("arrived_on") and row.get("returned_on") and row["returned_on"] < row["arrived_on"]:
        problems.append((header.get("returned_on", "返回日期"), "返回日期早于到岗日期"))
    return row, problems


def roster_template() -> bytes:
    """The blank name list a unit fills: the headers the reader knows, one example row."""
    book = Workbook()
    sheet = book.active
    sheet.title = "选派人员名单"
    for column, header in enumerate(TEMPLATE_HEADERS, start=1):
        sheet.cell(row=1, column=column, value=header).font = Font(bold=True)
        sheet.column_dimensions[sheet.cell(row=1, column=column).column_letter].width = max(10, len(header) * 2 + 2)
    example = [1, "张三", "男", "专业技术人才", "医疗", "区人民医院", "主治医师", "13800000000", "隆德县人民医院", "副院长",
               "2026年第一批", datetime.date(2026, 3, 1), datetime.date(2026, 9, 1), None, "在岗"]
    for column, value in enumerate(example, start=1):
        cell = sheet.cell(row=2, column=column, value=value)
        if isinstance(value, datetime.date):
            cell.number_format = "yyyy-mm-dd"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
