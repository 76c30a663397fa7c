"""Pairings and their exchanges: who pairs with whom (with the rules' results for a year), a
pairing's page (its exchanges, the rules, recording one), an exchange, a target's linked
exchanges. Thin: exchanges.access decides who sees what; exchanges.services writes."""

from collections import defaultdict
from pathlib import PurePosixPath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from exchanges import access, forms, rules, services
from exchanges.counting import counted_exchanges
from exchanges.models import Exchange, TargetLink
from exchanges.services import ExchangeError
from reporting.evidence import download_name


def _year(request) -> int:
    text = request.GET.get("year", "")
    return int(text) if text.isdigit() and 2000 <= int(text) <= 2100 else timezone.localdate().year


def _attempt(form, action):
    try:
        return action()
    except ExchangeError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return None


@login_required
def overview(request):
    year = _year(request)
    pairings = list(access.pairings_visible_to(request.user).order_by("level", "helped__name", "helper__name"))
    exchanges = list(Exchange.objects.filter(pairing__in=[p.pk for p in pairings], date__year=year))
    results = defaultdict(list)
    for result in rules.check(pairings, exchanges, year):
        results[result.pairing.pk].append(result)
    counts = defaultdict(int)
    for exchange in exchanges:
        counts[exchange.pairing_id] += 1
    groups = defaultdict(list)
    for pairing in pairings:
        groups[pairing.get_level_display()].append({"pairing": pairing, "count": counts[pairing.pk],
                                                    "results": results.get(pairing.pk, [])})
    unmet = sum(1 for rs in results.values() for r in rs if not r.met)
    return render(request, "exchanges/overview.html", {
        "year": year, "groups": dict(groups), "unmet": unmet, "total": len(exchanges)})


@login_required
def pairing(request, pk):
    pairing = access.pairing_for(request.user, pk)
    may_record = access.may_record(request.user, pairing)
    form = forms.RecordForm(request.POST or None, request.FILES or None) if may_record else None
    if request.method == "POST":
        if not may_record:
            raise PermissionDenied("只有结对双方和协作办公室可以登记互访交流")
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k not in ("reason", "files")}
            saved = _attempt(form, lambda: services.do_record_exchange(
                request.user, pairing, reason=form.cleaned_data["reason"],
                files=services.read_uploads(form.cleaned_data["files"]), **data))
            if saved is not None:
                messages.success(request, f"已登记{saved.date:%Y年%m月%d日}的互访交流")
                return redirect(f"{request.path}?year={saved.date.year}")
    year = _year(request)
    exchanges = list(pairing.exchanges.select_related("recorded_by").prefetch_related("files"))
    return render(request, "exchanges/pairing.html", {
        "pairing": pairing, "year": year, "form": form, "exchanges": exchanges,
        "results": rules.check([pairing], exchanges, year),
    }, status=400 if request.method == "POST" else 200)


@login_required
def exchange(request, pk):
    exchange = access.exchange_for(request.user, pk)
    may_change = access.may_record(request.user, exchange.pairing)
    form = forms.ExchangeForm(request.POST or None, instance=exchange) if may_change else None
    if request.method == "POST":
        if not may_change:
            raise PermissionDenied("只有结对双方和协作办公室可以修改互访交流")
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k != "reason"}
            saved = _attempt(form, lambda: services.do_update_exchange(request.user, exchange,
                                                                       reason=form.cleaned_data["reason"], **data))
            if saved is not None:
                messages.success(request, "已保存")
                return redirect("exchanges:exchange", saved.pk)
    return render(request, "exchanges/exchange.html", {
        "exchange": exchange, "form": form, "files": exchange.files.all(),
        "evidence_form": forms.EvidenceForm() if may_change else None,
    }, status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def evidence_upload(request, pk):
    exchange = access.exchange_for(request.user, pk)
    if not access.may_record(request.user, exchange.pairing):
        raise PermissionDenied("只有结对双方和协作办公室可以上传互访佐证")
    form = forms.EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        added = _attempt(form, lambda: services.do_add_exchange_evidence(
            request.user, exchange, files=services.read_uploads(form.cleaned_data["files"])))
        if added is not None:
            messages.success(request, "已上传" + "、".join(f"“{e.original_name}”" for e in added))
            return redirect("exchanges:exchange", exchange.pk)
    return render(request, "exchanges/exchange.html", {
        "exchange": exchange, "form": forms.ExchangeForm(instance=exchange), "files": exchange.files.all(),
        "evidence_form": form}, status=400)


@login_required
@require_POST
def evidence_delete(request, pk):
    evidence = access.evidence_for(request.user, pk)
    if not access.may_record(request.user, evidence.exchange.pairing):
        raise PermissionDenied("只有结对双方和协作办公室可以删除互访佐证")
    try:
        services.do_remove_exchange_evidence(request.user, evidence, reason=request.POST.get("reason", ""))
        messages.success(request, f"已删除“{evidence.original_name}”")
    except ExchangeError as error:
        messages.error(request, f"未删除：{error.message}")
    return redirect("exchanges:exchange", evidence.exchange_id)


@login_required
@require_GET
def evidence_download(request, pk):
    """Only through here, to those who see the exchange; anyone else 404."""
    evidence = access.evidence_for(request.user, pk)
    try:
        handle = evidence.file.open("rb")
    except OSError:
        raise Http404("文件不存在") from None
    response = FileResponse(handle, as_attachment=True, content_type=evidence.content_type or "application/octet-stream",
                            filename=download_name(evidence.original_name, PurePosixPath(evidence.file.name).suffix.lower()))
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def target(request, pk):
    """A target counted from exchanges: the link the office set, and each exchange counted."""
    target = access.target_for(request.user, pk)
    link = TargetLink.objects.filter(target=target).first()
    may_link = access.may_link(request.user, target)
    initial = {"level": link.level, "principal_only": link.principal_only} if link else {}
    data = request.POST if request.method == "POST" else None  # every field optional: an empty form is a link
    form = forms.LinkForm(data, initial=initial) if may_link else None
    if request.method == "POST":
        if not may_link:
            raise PermissionDenied("只有方案所属协作办公室的管理员可以设置计数规则")
        if form.is_valid():
            chosen = form.cleaned_data
            if chosen["clear"]:
                services.do_unlink_target(request.user, target, reason=chosen["reason"])
            else:
                services.do_link_target(request.user, target, level=chosen["level"],
                                        principal_only=chosen["principal_only"], reason=chosen["reason"])
            messages.success(request, "已保存计数规则")
            return redirect("exchanges:target", target.pk)
    counted = counted_exchanges(link, timezone.localdate()) if link else []
    return render(request, "exchanges/target.html", {"target": target, "link": link, "form": form, "counted": counted},
                  status=400 if request.method == "POST" else 200)
