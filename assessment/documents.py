"""Word documents of the assessment, in the official-document layout (oversight.officialdoc,
GB/T 9704): the results notice (考核结果通报) and one unit's score sheet with its evidence list.
Both read the same score table as the page and the .xlsx, so the figures agree."""

import datetime

from django.utils import timezone

from assessment.evidence import requirements
from assessment.models import Item, Scheme
from assessment.queries import ScoreTable
from assessment.rules import fmt
from oversight import officialdoc


def _n(value) -> str:
    if value is None:
        return ""
    return str(value) if isinstance(value, int) else fmt(value)


def _issuer(scheme: Scheme) -> str:
    return scheme.office.name if scheme.office_id else scheme.plan.issuer or "协作办公室"


def results_notice(table: ScoreTable, today: datetime.date | None = None) -> bytes:
    """考核结果通报: the grades' counts, then per unit kind a table of units by rank."""
    scheme = table.scheme
    today = today or timezone.localdate()
    doc = officialdoc.new_document()
    officialdoc.add_title(doc, f"关于{scheme.year}年度{scheme.plan.title}考核结果的通报")
    ranked = [r for r in table.rows if r.total is not None]
    counts = {name: sum(1 for r in ranked if r.grade == name) for name in scheme.grade_names}
    summary = "，".join(f"{name}{count}个" for name, count in counts.items() if count)
    officialdoc.add_paragraph(doc, f"根据《{scheme}》，经单位自评、评分部门评分和协作办公室复核，"
                                   f"现将{scheme.year}年度考核结果通报如下：共考核{len(table.rows)}个单位"
                                   + (f"，其中{summary}" if summary else "") + "。")
    kinds: dict[str, list] = {}
    for row in table.rows:
        kinds.setdefault(row.unit.get_kind_display(), []).append(row)
    for number, (kind, rows) in enumerate(kinds.items(), start=1):
        officialdoc.add_heading(doc, f"{_chinese(number)}、{kind}", 1)
        rows = sorted(rows, key=lambda r: (r.rank is None, r.rank or 0, r.sheet.position))
        body = [[_n(r.rank), r.unit.name, _n(r.total), r.grade + ("（一票否决）" if r.vetoed else "")] for r in rows]
        officialdoc.add_table(doc, ["排名", "单位", "得分", "等次"], body, widths_mm=[20, 76, 28, 32],
                              numeric_columns=[0, 2])
    officialdoc.add_paragraph(doc, "希望受到表扬的单位再接再厉；考核等次靠后的单位要认真查找差距，抓好整改落实。")
    officialdoc.add_signature(doc, _issuer(scheme), today)
    return officialdoc.to_bytes(doc)


def sheet_document(table: ScoreTable, sheet, evidence, today: datetime.date | None = None,
                   results: bool = True) -> bytes:
    """One unit's score sheet: per item 满分, 自评, 得分 (when results may be shown), reason, and
    the evidence attached per 考核要求."""
    scheme = table.scheme
    row = next(r for r in table.rows if r.sheet.pk == sheet.pk)
    doc = officialdoc.new_document()
    officialdoc.add_title(doc, f"{sheet.unit.name}{scheme.year}年度考核评分表")
    line = f"考核方案：《{scheme}》。满分{_n(row.full_marks)}分，自评{_n(row.self_total)}分"
    if results:
        line += f"，得分{_n(row.total)}分，{sheet.unit.get_kind_display()}内排名第{_n(row.rank)}，等次{row.grade or '未定'}"
    officialdoc.add_paragraph(doc, line + "。")
    body = []
    for cell in row.cells.values():
        item = cell.item
        kind = "" if item.kind == Item.Kind.NORMAL else f"（{item.get_kind_display()}）"
        body.append([item.ref, item.text[:80] + kind, _n(item.max_points), _n(cell.self_score),
                     _n(cell.score) if results else "", ""])
    officialdoc.add_table(doc, ["序号", "考核内容", "满分", "自评", "得分", "备注"], body,
                          widths_mm=[14, 78, 16, 16, 16, 16], numeric_columns=[2, 3, 4])
    officialdoc.add_heading(doc, "佐证材料清单", 1)
    listed = []
    for cell in row.cells.values():
        for requirement in requirements(cell.item):
            names = [str(e) + ("（月报）" if e.report_evidence_id else "") for e in evidence
                     if e.item_id == cell.item.pk and e.requirement == requirement]
            listed.append([cell.item.ref, requirement, "；".join(names) or "未提供"])
    officialdoc.add_table(doc, ["序号", "考核要求", "佐证材料"], listed, widths_mm=[14, 76, 66])
    officialdoc.add_signature(doc, sheet.unit.name, today or timezone.localdate())
    return officialdoc.to_bytes(doc)


def _chinese(number: int) -> str:
    return "一二三四五六七八九十"[number - 1] if number <= 10 else str(number)
