"""Where people find their assessment work (我的考核) and the scoring page: the items a person
scores, for every unit that answers for them, with the suggested score beside the box."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render

from assessment import access
from assessment.models import ItemScore, Scheme, ScoreSheet, SheetEvidence
from assessment.suggestions import offers

PER_PAGE = 100


@login_required
def mine(request):
    """The unit's own sheets and the schemes in which this person scores items."""
    user = request.user
    sheets = (ScoreSheet.objects.filter(unit_id=user.unit_id).exclude(scheme__state=Scheme.State.DRAFT)
              .select_related("scheme", "scheme__plan").order_by("-scheme__year", "scheme_id")) if user.unit_id else []
    candidates = Scheme.objects.filter(state=Scheme.State.OPEN).filter(
        Q(items__scoring_unit_id=user.unit_id) | Q(office_id=user.unit_id) if user.unit_id else Q(pk__in=[])
    ).distinct().select_related("plan", "office")
    scoring = [(s, len(access.items_scored_by(user, s))) for s in candidates]
    return render(request, "assessment/mine.html", {"sheets": sheets, "scoring": [s for s in scoring if s[1]]})


@login_required
def score_page(request, pk):
    scheme, items = access.scoring_scheme_for(request.user, pk)
    query = request.GET.get("q", "").strip()
    if query:
        items = [i for i in items if query in i.text or query in i.ref or query in (i.category.name if i.category else "")]
    sheets = list(scheme.sheets.select_related("unit", "scheme").order_by("position", "id"))
    by_unit = {s.unit_id: s for s in sheets}
    pairs = []
    for item in items:
        if item.unit_id:
            if item.unit_id in by_unit:
                pairs.append((item, by_unit[item.unit_id]))
        else:
            pairs += [(item, s) for s in sheets if s.unit.kind == item.unit_kind]
    page = Paginator(pairs, PER_PAGE).get_page(request.GET.get("page"))
    shown = list(page.object_list)
    sheet_ids = {s.pk for _, s in shown}
    item_ids = {i.pk for i, _ in shown}
    scores = {(s.sheet_id, s.item_id): s for s in ItemScore.objects.filter(
        sheet_id__in=sheet_ids, item_id__in=item_ids)}
    evidence: dict[tuple[int, int], list] = {}
    for found in SheetEvidence.objects.filter(sheet_id__in=sheet_ids, item_id__in=item_ids).select_related("report_evidence"):
        evidence.setdefault((found.sheet_id, found.item_id), []).append(found)
    offered = offers(list({i.pk: i for i, _ in shown}.values()), list({s.pk: s for _, s in shown}.values()))
    rows = [{"item": item, "sheet": sheet, "score": scores.get((sheet.pk, item.pk)),
             "offer": offered.get((sheet.pk, item.pk)), "evidence": evidence.get((sheet.pk, item.pk), []),
             "open": scheme.state == Scheme.State.OPEN and sheet.state != ScoreSheet.State.REVIEWED}
            for item, sheet in shown]
    return render(request, "assessment/score.html", {"scheme": scheme, "rows": rows, "page": page, "q": query,
                                                     "total": len(pairs)})
