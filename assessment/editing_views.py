"""The office's page for editing a scheme in 编制中: its categories and items, one form at a
time, and the checks on its points. Thin views over assessment.editing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from assessment import access
from assessment.editing import CategoryForm, ItemForm, do_delete_item, do_save_category, do_save_item, scheme_checks
from assessment.errors import AssessmentError
from assessment.office_views import _scheme


@login_required
def edit_page(request, pk):
    scheme = _scheme(request, pk)
    chosen = request.GET.get("item", "")
    item = get_object_or_404(scheme.items, pk=chosen) if chosen.isdigit() else None
    category = request.GET.get("category", "")
    category = get_object_or_404(scheme.categories, pk=category) if category.isdigit() else None
    items = list(scheme.items.select_related("category", "unit", "scoring_unit").order_by("position", "id"))
    return render(request, "assessment/edit.html", {
        "scheme": scheme, "items": items, "categories": list(scheme.categories.all()), "checks": scheme_checks(scheme),
        "item": item, "item_form": ItemForm(instance=item, scheme=scheme) if item or "new" in request.GET else None,
        "category": category, "category_form": CategoryForm(instance=category),
        "may_manage": access.may_manage(request.user, scheme) and scheme.state == scheme.State.DRAFT,
    })


def _back(scheme):
    return redirect(reverse("assessment:edit", args=[scheme.pk]))


@login_required
@require_POST
def save_item(request, pk):
    scheme = _scheme(request, pk)
    chosen = request.POST.get("item", "")
    item = get_object_or_404(scheme.items, pk=chosen) if chosen.isdigit() else None
    form = ItemForm(request.POST, instance=item, scheme=scheme)
    try:
        saved = do_save_item(request.user, scheme, form, request.POST.get("reason", ""))
    except AssessmentError as error:
        messages.error(request, error.message if error.message.startswith("未保存") else f"未保存：{error.message}")
        return redirect(f"{reverse('assessment:edit', args=[scheme.pk])}?" + (f"item={item.pk}" if item else "new=1"))
    messages.success(request, f"已保存第{saved.ref}项")
    return _back(scheme)


@login_required
@require_POST
def delete_item(request, pk, item_pk):
    scheme = _scheme(request, pk)
    item = get_object_or_404(scheme.items.select_related("scheme"), pk=item_pk)
    try:
        do_delete_item(request.user, item, request.POST.get("reason", ""))
    except AssessmentError as error:
        messages.error(request, f"未删除：{error.message}")
    else:
        messages.success(request, f"已删除第{item.ref}项")
    return _back(scheme)


@login_required
@require_POST
def save_category(request, pk):
    scheme = _scheme(request, pk)
    chosen = request.POST.get("category", "")
    category = get_object_or_404(scheme.categories, pk=chosen) if chosen.isdigit() else None
    try:
        saved = do_save_category(request.user, scheme, CategoryForm(request.POST, instance=category),
                                 request.POST.get("reason", ""))
    except AssessmentError as error:
        messages.error(request, error.message if error.message.startswith("未保存") else f"未保存：{error.message}")
    else:
        messages.success(request, f"已保存类别“{saved.name}”")
    return _back(scheme)
