"""The ledger pages. Thin: ledgers.access decides who sees what, ledgers.services and
ledgers.importing write. A GET never writes; another office's ledger or another unit's row is 404."""

import datetime
from decimal import Decimal
from pathlib import PurePosixPath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from ledgers import access, services
from ledgers.importing import LedgerImportError, do_import_rows
from ledgers.services import LedgerError
from plans.models import Task
from reporting.evidence import EvidenceError, check_size, download_name


@login_required
@require_GET
def ledgers(request):
    return render(request, "ledgers/list.html", {
        "ledgers": access.ledgers_visible_to(request.user).order_by("plan__title", "task__position", "metric"),
        "may_create": access.managed_plans(request.user).exists()})


def _choices(user):
    """Every (task, metric) of the office's plans without a ledger yet: "task_pk|metric"."""
    found = []
    for plan in access.managed_plans(user).filter(state="active").order_by("-year", "title"):
        for task, metric, measure in services.metrics_of(plan):
            if not task.ledgers.filter(metric=metric).exists():
                found.append((f"{task.pk}|{metric}", f"{plan.title} · 第{task.ref}项 · {metric}（{measure}）"))
    return found


@login_required
def ledger_create(request):
    if not access.managed_plans(request.user).exists():
        raise PermissionDenied("只有协作办公室管理员可以设立明细台账")
    error = None
    if request.method == "POST":
        task_pk, _, metric = request.POST.get("choice", "").partition("|")
        task = Task.objects.filter(pk=task_pk, plan__in=access.managed_plans(request.user)).first() if task_pk.isdigit() else None
        try:
            if task is None:
                raise LedgerError("请选择方案中的任务和指标", "choice")
            ledger = services.do_create_ledger(request.user, task=task, metric=metric)
            messages.success(request, f"已设立“{ledger}”：该指标的数字今后由各单位登记的明细合计")
            return redirect("ledgers:ledger", ledger.pk)
        except LedgerError as problem:
            error = problem
    return render(request, "ledgers/create.html", {"choices": _choices(request.user), "error": error},
                  status=400 if error else 200)


def _until(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text) if text else None
    except ValueError:
        raise Http404("日期应为“2026-11-30”的形式") from None


@login_required
@require_GET
def ledger(request, pk):
    return _page(request, access.ledger_for(request.user, pk))


def _page(request, item, *, error=None, preview=None, status=200):
    """The ledger's rows (the office: every unit's; a unit: its own) under the filters, the sums
    per unit, the forms; after a refused POST, the refusal (400) or the dry run's rows."""
    rows = access.rows_visible_to(request.user, item)
    unit, until = request.GET.get("unit", ""), _until(request.GET.get("until", ""))
    if unit.isdigit():
        rows = rows.filter(unit_id=int(unit))
    if until:
        rows = rows.filter(date__lte=until, date__year=until.year)
    rows = list(rows.order_by("unit__name", "date", "pk")[:2000])
    by_unit: dict[str, Decimal] = {}
    for row in rows:
        by_unit[row.unit.name] = by_unit.get(row.unit.name, Decimal(0)) + row.amount
    return render(request, "ledgers/ledger.html", {
        "ledger": item, "rows": rows, "by_unit": by_unit, "total": sum((r.amount for r in rows), Decimal(0)),
        "until": until, "may_record": access.may_record(request.user, item), "today": timezone.localdate(),
        "oversees": access.oversees(request.user, item), "error": error, "preview": preview}, status=status)


def _again(request, item, **context):
    return _page(request, item, **context)


@login_required
@require_POST
def row_add(request, pk):
    item = access.ledger_for(request.user, pk)
    access.require(access.may_record(request.user, item), "只有承担该任务的单位的填报员可以登记台账")
    data, file = request.POST, request.FILES.get("receipt")
    try:
        receipt = None
        if file is not None:
            check_size(file.size)
            receipt = (file.name, file.read())
        date = None
        try:
            date = datetime.date.fromisoformat(data.get("date", ""))
        except ValueError:
            pass
        row = services.do_add_row(request.user, item, date=date, counterpart=data.get("counterpart", ""),
                                  amount=data.get("amount", ""), goods=data.get("goods", ""), note=data.get("note", ""),
                                  receipt=receipt, today=timezone.localdate())
    except EvidenceError as problem:
        return _again(request, item, error=LedgerError(problem.message, "receipt"), status=400)
    except LedgerError as problem:
        return _again(request, item, error=problem, status=400)
    messages.success(request, f"已登记：{row}{item.measure}")
    return redirect("ledgers:ledger", item.pk)


@login_required
@require_POST
def row_delete(request, pk):
    row = access.row_for(request.user, pk)
    try:
        services.do_delete_row(request.user, row, reason=request.POST.get("reason", ""))
        messages.success(request, f"已删除：{row}")
    except LedgerError as problem:
        messages.error(request, f"未删除：{problem.message}")
    return redirect("ledgers:ledger", row.ledger_id)


@login_required
@require_POST
def receipt_upload(request, pk):
    row = access.row_for(request.user, pk)
    access.require(access.may_record(request.user, row.ledger) and row.unit_id == request.user.unit_id,
                   "只能为本单位登记的台账明细上传凭证")
    file = request.FILES.get("receipt")
    try:
        if file is None:
            raise LedgerError("请选择凭证文件", "receipt")
        check_size(file.size)
        services.do_attach_receipt(request.user, row, receipt=(file.name, file.read()))
        messages.success(request, f"已上传凭证“{file.name}”")
    except EvidenceError as problem:
        messages.error(request, f"未上传：{problem.message}")
    except LedgerError as problem:
        messages.error(request, f"未上传：{problem.message}")
    return redirect("ledgers:ledger", row.ledger_id)


@login_required
@require_GET
def receipt(request, pk):
    row = access.row_for(request.user, pk)
    if not row.receipt:
        raise Http404("该明细没有上传凭证")
    extension = PurePosixPath(row.receipt.name).suffix
    return FileResponse(row.receipt.open("rb"), as_attachment=True, content_type=row.receipt_type,
                        filename=download_name(row.receipt_name, extension))


@login_required
@require_POST
def import_rows(request, pk):
    """检查 (a dry run: the rows it would add, or every error) or 导入 (all rows, or none)."""
    item = access.ledger_for(request.user, pk)
    access.require(access.may_record(request.user, item), "只有承担该任务的单位的填报员可以导入台账")
    file = request.FILES.get("file")
    if file is None:
        return _again(request, item, error=LedgerError("请选择要导入的Excel文件"), status=400)
    dry_run = request.POST.get("action") != "import"
    try:
        check_size(file.size)
        rows = do_import_rows(request.user, item, name=file.name, data=file.read(), today=timezone.localdate(),
                              dry_run=dry_run)
    except EvidenceError as problem:
        return _again(request, item, error=LedgerError(problem.message), status=400)
    except LedgerImportError as problem:
        return _again(request, item, error=LedgerError("未导入：" + "；".join(problem.errors)), status=400)
    if dry_run:
        return _again(request, item, preview={"name": file.name, "rows": rows, "total": sum(r.amount for r in rows)})
    messages.success(request, f"已从“{file.name}”导入{len(rows)}条，合计{sum(r.amount for r in rows).normalize():f}{item.measure}")
    return redirect("ledgers:ledger", item.pk)
