"""The Excel template for a plan: blank for the office to fill, or filled from a saved plan.

The layout and the reader are intake/readers/template.py; the importer reads
what this writes back into the same plan. Units are written by their registry
names, so an import resolves every one without a person choosing.
"""

import io
from decimal import Decimal
from urllib.parse import quote

from django.db.models import Q
from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from intake.readers import template as layout
from orgs.models import Unit
from orgs.services import scope_region_ids
from plans.models import Assignment, Plan, Target

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
_WIDTHS = {"序号": 8, "分类": 14, "任务": 50, "工作措施": 40, "牵头单位": 22, "配合单位": 28, "完成时限": 14,
           "截止日期": 13, "分值": 8, "考核要求": 30, "自选动作": 10, "清单": 10, "任务序号": 10, "指标": 22,
           "承担单位": 18, "数量": 12, "计量单位": 10, "比较": 8, "结转": 12, "分解自": 16, "上限": 10, "周期": 10}
_ROWS = 1000  # rows the drop-down lists cover
_COMMON_UNITS = ["万元", "人", "人次", "个", "家", "所", "期", "场", "次", "批", "篇", "吨", "亩", "项"]

HELP = [
    "协作系统任务分工方案 Excel 模板 填写说明",
    "",
    "1. “方案”工作表：填写标题、文号、发文单位、发文日期（如 2024-03-15）和年度（如 2024）；多年规划填写截止年度。标题和年度必填。",
    "2. “任务分工表”工作表：每项任务一行。序号必填且不重复（可写 1、2 或 三.2）；任务必填。",
    "   牵头单位、配合单位：填写“单位名录”工作表中的单位名称，多个单位用顿号（、）或换行分隔。",
    "   完成时限：按文件原文填写（如“10月底前”“持续推进”）；截止日期：填写最后期限的日期（如 2024-10-31），无固定期限留空。",
    "   分值：只填数字；自选动作：选“是”或留空；清单：一份方案有多个附件时填写（如 附件1），否则留空。",
    "3. “分解”工作表：每个数量指标一行。",
    "   任务序号：对应“任务分工表”中的序号（有清单时同时填写清单）。",
    "   承担单位留空表示该任务的总指标（合计）；填写单位表示分给该单位的份额，默认为同一任务同一指标合计的分解。",
    "   分解自：留空 = 分解自本任务同一指标的合计；填单位名称 = 分解自该单位的份额（如十街镇再分到各街道）；填“无” = 不属于任何合计。",
    "   数量：只填数字，金额一律以万元计（1.2亿元填 12000），人数以人计；比较：选“=”或“≥”（不低于、以上选“≥”）。",
    "   结转：上年未完成需补上的数量（没有留空）；上限：范围指标（如 1-2期）的上限；周期：每年、每月、每批或每个村，没有留空。",
    "4. 不要修改表头、工作表名称，也不要删除工作表；保存为 .xlsx 后在“导入文件”页面上传。",
    "   系统按格逐项读取，不作推测：填写有误时会指出工作表、行和列，改正后重新上传即可。",
    "5. 同一方案再次导入（文号相同，或无文号时标题和年度相同）会按任务序号更新已有方案，核对差异后保存。",
]


def units_for_template(scope, plan: Plan | None = None) -> list[Unit]:
    """The units an import in `scope` resolves (those in the region, above and below it),
    and the units `plan` names."""
    units = Unit.objects.filter(is_active=True).select_related("region")
    if scope is not None:
        named = Q(region_id__in=scope_region_ids(scope))
        if plan is not None:
            named |= Q(assignments__task__plan=plan) | Q(targets__task__plan=plan)
        units = units.filter(named).distinct()
    return list(units.order_by("region__level", "region__name", "name"))


def template_workbook(units: list[Unit], plan: Plan | None = None) -> bytes:
    """The template, blank or holding `plan`."""
    book = Workbook()
    _help_sheet(book.active)
    _plan_sheet(book.create_sheet(layout.PLAN_SHEET), plan)
    tasks = list(plan.tasks.filter(archived=False).order_by("position", "id")) if plan else []
    assignments = _assignments(plan) if plan else {}
    _table_sheet(book.create_sheet(layout.TASK_SHEET), layout.TASK_COLUMNS,
                 [_task_row(task, assignments.get(task.pk, {})) for task in tasks])
    targets = list(Target.objects.filter(task__plan=plan).select_related("assignee", "parent__assignee", "task")
                   .order_by("task__position", "task_id", "position", "id")) if plan else []
    _table_sheet(book.create_sheet(layout.PART_SHEET), layout.PART_COLUMNS, _part_rows(targets))
    _unit_sheet(book.create_sheet(layout.UNIT_SHEET), units)
    _validations(book, len(units))
    marker = book.create_sheet(layout.MARKER_SHEET)
    marker["A1"], marker["B1"] = layout.MARKER, layout.VERSION
    marker.sheet_state = "veryHidden"
    book.active = 1 if plan is None else 2
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def template_response(filename: str, content: bytes) -> HttpResponse:
    # xiezuo.xlsx has the same helper, but plans comes before xiezuo.
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f"attachment; filename=\"template.xlsx\"; filename*=UTF-8''{quote(filename)}"
    return response


def _help_sheet(sheet) -> None:
    sheet.title = layout.HELP_SHEET
    for row, line in enumerate(HELP, start=1):
        sheet.cell(row=row, column=1, value=line)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.column_dimensions["A"].width = 120


def _plan_sheet(sheet, plan: Plan | None) -> None:
    _header(sheet, ["项目", "内容"])
    values = {}
    if plan is not None:
        values = {"title": plan.title, "doc_number": plan.doc_number, "issuer": plan.issuer,
                  "issued_on": plan.issued_on, "year": plan.year, "end_year": plan.end_year}
    for row, (label, key) in enumerate(layout.PLAN_ROWS, start=2):
        sheet.cell(row=row, column=1, value=label).font = Font(bold=True)
        cell = sheet.cell(row=row, column=2, value=values.get(key) or None)
        if key == "issued_on":
            cell.number_format = "yyyy-mm-dd"
    sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = 14, 70


def _header(sheet, names: list[str]) -> None:
    for column, name in enumerate(names, start=1):
        cell = sheet.cell(row=1, column=column, value=name)
        cell.font, cell.fill = Font(bold=True), _HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(column)].width = _WIDTHS.get(name, 12)
    sheet.freeze_panes = "A2"


def _table_sheet(sheet, columns: list[str], rows: list[dict]) -> None:
    _header(sheet, columns)
    for number, values in enumerate(rows, start=2):
        for column, name in enumerate(columns, start=1):
            value = values.get(name)
            cell = sheet.cell(row=number, column=column, value=value if value != "" else None)
            if isinstance(value, Decimal):
                places = max(0, -value.normalize().as_tuple().exponent)
                cell.number_format = "0" if places == 0 else "0." + "0" * places
            elif name == "截止日期" and value:
                cell.number_format = "yyyy-mm-dd"
            elif name in ("序号", "任务序号"):
                cell.number_format = "@"  # 3 stays "3", 1.10 stays "1.10"
            cell.alignment = Alignment(vertical="top", wrap_text=True)


def _assignments(plan: Plan) -> dict[int, dict[str, list[str]]]:
    found: dict[int, dict[str, list[str]]] = {}
    for assignment in Assignment.objects.filter(task__plan=plan).select_related("unit").order_by("role", "position", "id"):
        found.setdefault(assignment.task_id, {}).setdefault(assignment.role, []).append(assignment.unit.name)
    return found


def _task_row(task, units: dict[str, list[str]]) -> dict:
    return {
        "序号": task.ref, "分类": task.category, "任务": task.text, "工作措施": task.measures,
        "牵头单位": "、".join(units.get(Assignment.Role.LEAD, [])),
        "配合单位": "、".join(units.get(Assignment.Role.PARTNER, [])),
        "完成时限": task.deadline_text, "截止日期": task.deadline,
        "分值": task.score.normalize() if task.score is not None else None,
        "考核要求": task.evidence_required, "自选动作": layout.YES if task.optional else None, "清单": task.list_name,
    }


def _part_rows(targets: list[Target]) -> list[dict]:
    totals = {(t.task_id, t.metric) for t in targets if t.assignee_id is None and not t.assignee_printed}
    rows = []
    for target in targets:
        assignee = _assignee(target)
        if target.parent_id is not None:
            parent = _assignee(target.parent) or ""  # a part of the total: empty, the default
        else:
            parent = layout.STANDALONE if assignee and (target.task_id, target.metric) in totals else ""
        rows.append({
            "任务序号": target.task.ref, "指标": target.metric, "承担单位": assignee,
            "数量": target.quantity.normalize(), "计量单位": target.unit,
            "比较": "≥" if target.comparator == Target.Comparator.AT_LEAST else "=",
            "结转": target.carried_over.normalize() if target.carried_over is not None else None,
            "分解自": parent, "上限": target.max_quantity.normalize() if target.max_quantity is not None else None,
            "周期": target.get_per_display() if target.per else None, "清单": target.task.list_name,
        })
    return rows


def _assignee(target: Target) -> str:
    return target.assignee.name if target.assignee_id else target.assignee_printed


def _unit_sheet(sheet, units: list[Unit]) -> None:
    _header(sheet, ["单位名称", "类型", "所在区划"])
    for row, unit in enumerate(units, start=2):
        sheet.cell(row=row, column=1, value=unit.name)
        sheet.cell(row=row, column=2, value=unit.get_kind_display())
        sheet.cell(row=row, column=3, value=unit.region.name)
    sheet.column_dimensions["A"].width = 30


def _validations(book, unit_count: int) -> None:
    tasks, parts = book[layout.TASK_SHEET], book[layout.PART_SHEET]

    def column(sheet, columns, name):
        letter = get_column_letter(columns.index(name) + 1)
        return f"{letter}2:{letter}{_ROWS}"

    def add(sheet, columns, name, validation):
        sheet.add_data_validation(validation)
        validation.add(column(sheet, columns, name))

    def listed(formula, prompt, *, strict=True):
        validation = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=strict,
                                    errorTitle="请从列表中选择", error=prompt)
        validation.prompt, validation.showInputMessage = prompt, True
        return validation

    def number(prompt):
        return DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                              showErrorMessage=True, errorTitle="请填写数字", error=prompt)

    add(tasks, layout.TASK_COLUMNS, "自选动作", listed('"是,否"', "自选动作选“是”，否则留空"))
    add(tasks, layout.TASK_COLUMNS, "分值", number("分值只填非负数字"))
    date = DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True, showErrorMessage=True,
                          errorTitle="请填写日期", error="截止日期填写日期，如 2024-10-31")
    add(tasks, layout.TASK_COLUMNS, "截止日期", date)
    refs = f"{quote_sheetname(layout.TASK_SHEET)}!$A$2:$A${_ROWS}"
    add(parts, layout.PART_COLUMNS, "任务序号", listed(refs, "填写“任务分工表”中的序号", strict=False))
    add(parts, layout.PART_COLUMNS, "比较", listed('"=,≥"', "选“=”或“≥”（不低于、以上）"))
    add(parts, layout.PART_COLUMNS, "计量单位",
        listed('"' + ",".join(_COMMON_UNITS) + '"', "金额以万元计，人数以人计；也可填写其他计量单位", strict=False))
    add(parts, layout.PART_COLUMNS, "周期", listed('"' + ",".join(layout.PERIODS) + '"', "按期计的指标选周期，否则留空"))
    for name, prompt in (("数量", "数量只填非负数字"), ("结转", "结转只填非负数字"), ("上限", "上限只填非负数字")):
        add(parts, layout.PART_COLUMNS, name, number(prompt))
    if unit_count:
        units = f"{quote_sheetname(layout.UNIT_SHEET)}!$A$2:$A${unit_count + 1}"
        add(parts, layout.PART_COLUMNS, "承担单位", listed(units, "从“单位名录”中选择；留空表示任务合计"))
