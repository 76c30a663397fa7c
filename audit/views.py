"""The history of one object, and the office's log with its Excel export. Thin: the
rule is audit.access, the rows audit.entries and audit.log."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from audit import access
from audit.entries import build_entries, history_of
from audit.kinds import KINDS, kind_named
from audit.log import PAGE_SIZE, FilterError, LogFilters, log_entries_for_export, log_page
from xiezuo.xlsx import list_workbook, xlsx_response


@login_required
@require_GET
def object_history(request, kind, pk):
    access.require_reader(request.user)
    found = kind_named(kind)
    if found is None:
        raise Http404("没有这类对象")
    rows = history_of(found, pk, access.visible_history(request.user, found))
    if not rows:
        raise Http404("没有这个对象的修改记录，或您无权查看")
    entries = build_entries(rows)
    return render(request, "audit/object.html", {"kind": found, "entries": entries, "name": entries[0].object_name,
                                                 "page": entries[0].page, "pk": pk})


def _filters(request):
    try:
        return LogFilters.from_query(request.GET), ""
    except FilterError as error:
        return LogFilters(), f"筛选条件有误：{error}，已显示全部记录。"


@login_required
@require_GET
def office_log(request):
    access.require_reader(request.user)
    filters, problem = _filters(request)
    page = request.GET.get("page", "1")
    page = int(page) if page.isdigit() and int(page) > 0 else 1
    entries, total = log_page(request.user, filters, page)
    pages = max(1, -(-total // PAGE_SIZE))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "audit/log.html", {
        "entries": entries, "total": total, "page": page, "pages": pages, "problem": problem,
        "filters": filters, "query": query.urlencode(), "kinds": KINDS,
        # A list to choose from while it is short; a box to type in where it would be thousands long.
        "people": _short(access.people_in_scope(request.user)), "plans": _short(access.plans_in_scope(request.user)),
    })


CHOICES_MAX = 300


def _short(rows):
    rows = list(rows[:CHOICES_MAX + 1])
    return rows if len(rows) <= CHOICES_MAX else None


HEADERS = ["时间", "操作人", "IP地址", "对象类别", "对象", "编号", "操作", "修改内容（字段：原值 → 新值）", "原因"]


def _change_text(entry) -> str:
    return "\n".join(f"{c.field}：{c.old + ' → ' if c.old else ''}{c.new}" for c in entry.changes)


@login_required
@require_GET
def office_log_export(request):
    access.require_reader(request.user)
    filters, problem = _filters(request)
    entries, more = log_entries_for_export(request.user, filters)
    rows = ([f"{timezone.localtime(e.when):%Y-%m-%d %H:%M:%S}", str(e.user or "系统"), e.ip, e.kind.label, e.object_name,
             e.object_pk, e.action, _change_text(e), e.reason] for e in entries)
    note = problem or (f"仅导出最近 {len(entries)} 条，请缩小筛选范围" if more else "")
    return xlsx_response("办公室操作日志.xlsx", list_workbook("操作日志", HEADERS, rows, note=note))
