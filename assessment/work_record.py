"""The annual work record of a 挂职干部 or 专技人才 (issue 16's roster, `people.Person`) for the
organisation that sent them, as a basis for their own annual assessment: who, where and how
long in post that year, the living allowance paid, and the year-end assessment of the unit they
served, once published. A .docx in the official-document layout."""

import datetime
from decimal import Decimal

from django.utils import timezone

from assessment.models import Scheme, ScoreSheet
from assessment.queries import score_table
from assessment.rules import fmt
from oversight import officialdoc


def months_in_post(person, year: int) -> int:
    """Whole or part months in post within the year (a month counts when served on any day of it)."""
    if person.arrived_on is None:
        return 0
    start = max(person.arrived_on, datetime.date(year, 1, 1))
    end = min(person.returned_on or datetime.date(year, 12, 31), datetime.date(year, 12, 31))
    if end < start:
        return 0
    return (end.year - start.year) * 12 + end.month - start.month + 1


def host_result(person, year: int) -> str:
    """The served unit's published result in the person's plan that year, or why there is none."""
    if person.plan_id is None or not person.host_unit:
        return "服务单位未纳入本方案年度考核。"
    sheet = (ScoreSheet.objects.filter(scheme__plan_id=person.plan_id, scheme__year=year, unit__name=person.host_unit,
                                       scheme__state__in=(Scheme.State.PUBLISHED, Scheme.State.LOCKED))
             .select_related("scheme", "unit").first())
    if sheet is None:
        return f"{person.host_unit}{year}年度考核结果尚未公布。"
    row = next(r for r in score_table(sheet.scheme).rows if r.sheet.pk == sheet.pk)
    return (f"{person.host_unit}在《{sheet.scheme}》中得分{fmt(row.total) if row.total is not None else '—'}分，"
            f"{sheet.unit.get_kind_display()}内排名第{row.rank or '—'}，等次为{row.grade or '未定'}。")


def work_record(person, year: int, today: datetime.date | None = None) -> bytes:
    doc = officialdoc.new_document()
    officialdoc.add_title(doc, f"{person.name}{year}年度协作工作情况")
    post = "、".join(p for p in (person.home_unit, person.home_post) if p)
    host = "、".join(p for p in (person.host_unit, person.host_post) if p)
    field = f"（{person.get_field_display()}）" if person.field else ""
    officialdoc.add_paragraph(doc, f"{person.name}，{person.get_kind_display()}{field}，原单位及职务：{post or '未填写'}；"
                                   f"挂职（服务）单位及职务：{host or '未填写'}；批次：{person.batch or '未填写'}。")
    arrived = officialdoc.format_date(person.arrived_on) if person.arrived_on else "未填写"
    back = (f"{officialdoc.format_date(person.returned_on)}返回" if person.returned_on else
            f"计划{officialdoc.format_date(person.planned_return_on)}返回" if person.planned_return_on else "在岗")
    officialdoc.add_heading(doc, "一、在岗情况", 1)
    officialdoc.add_paragraph(doc, f"{arrived}到岗，{back}（{person.get_status_display()}）。{year}年度在岗"
                                   f"{months_in_post(person, year)}个月。")
    paid = [a for a in person.allowances.all() if a.month.year == year]
    officialdoc.add_heading(doc, "二、生活补助", 1)
    total = sum((a.amount for a in paid), Decimal(0))
    officialdoc.add_paragraph(doc, f"{year}年度发放生活补助{len(paid)}个月，共{fmt(total)}元。" if paid
                              else f"{year}年度未登记生活补助发放。")
    officialdoc.add_heading(doc, "三、服务单位年度考核", 1)
    officialdoc.add_paragraph(doc, host_result(person, year))
    officialdoc.add_paragraph(doc, "以上情况供派出单位年度考核参考。")
    officialdoc.add_signature(doc, person.office.name, today or timezone.localdate())
    return officialdoc.to_bytes(doc)
