"""Every admin page the office uses opens, in Chinese, for a real superuser."""

import pytest
from django.contrib import admin
from django.urls import reverse

MODELS = sorted(f"{m._meta.app_label}.{m._meta.model_name}" for m in admin.site._registry)


@pytest.mark.parametrize("model", MODELS)
def test_changelist_and_add_pages_open(admin_client, admin_user, registry, model, rf):
    app_label, model_name = model.split(".")
    model_admin = next(a for m, a in admin.site._registry.items() if m._meta.label_lower == model)
    request = rf.get("/")
    request.user = admin_user
    may_add = model_admin.has_add_permission(request)
    for view, expected in (("changelist", 200), ("add", 200 if may_add else 403)):
        response = admin_client.get(reverse(f"admin:{app_label}_{model_name}_{view}"))
        assert response.status_code == expected, f"{model} {view}: {response.status_code}"


def test_unit_change_page_shows_aliases_and_members(admin_client, registry):
    group = registry["units"]["三街镇"]
    html = admin_client.get(reverse("admin:orgs_unit_change", args=[group.pk])).content.decode()
    assert "成员单位（仅集合单位填写）" in html and "单位别名" in html


def test_unit_search_finds_by_alias(admin_client, registry):
    response = admin_client.get(reverse("admin:orgs_unit_changelist"), {"q": "区乡村振兴局"})
    assert [u.name for u in response.context["cl"].result_list] == ["区民政局"]
