from django.contrib import admin
from django.urls import include, path

from xiezuo import health, views

admin.site.site_header = "协作 Xiezuo 管理后台"
admin.site.site_title = "协作 Xiezuo"
admin.site.index_title = "基础数据管理"

# Views anyone may open without signing in; every other view checks who asks. The permission
# matrix (xiezuo/tests/test_permission_matrix.py) lists them as public.
# (password_change and password_change_done, also from django.contrib.auth.urls, need a login.)
PUBLIC_URL_NAMES = frozenset({
    "login", "logout", "password_reset", "password_reset_done", "password_reset_confirm",
    "password_reset_complete",  # django.contrib.auth.urls
    "healthz",  # SELECT 1, answers ok or 503 with the reason; writes nothing (xiezuo/health.py)
})

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("", views.home, name="home"),  # each role to its own work; anonymous to the login page
    path("accounts/", include("django.contrib.auth.urls")),
    path("plans/", include("plans.urls")),
    path("notifications/", include("notifications.urls")),
    path("reporting/", include("reporting.urls")),
    path("people/", include("people.urls")),  # 选派人员
    path("funds/", include("funds.urls")),  # 协作资金项目
    path("ledgers/", include("ledgers.urls")),  # 明细台账
    path("exchanges/", include("exchanges.urls")),  # 结对与互访
    path("oversight/", include("oversight.urls")),
    path("assessment/", include("assessment.urls")),  # 年度考核
    path("planning/", include("planning.urls")),  # 计划编制: edit, 预分解, 承接, 自选动作
    path("issuance/", include("issuance.urls")),  # 交办下达: versions, 签收, 调整
    path("registry/", include("registry.urls")),  # the office's units, accounts, pairings, schedules
    path("audit/", include("audit.urls")),  # 办公室操作日志 and each object's history
    path("api/", include("oversight.api")),  # /api/v1/: JSON and OpenAPI schema for provincial systems
    path("admin/", admin.site.urls),
]
# Uploaded files (evidence, source documents) are never served as plain
# media: each download goes through a view that checks who may see it.

# Chinese error pages with the navigation (templates 403.html, 404.html); 500.html
# is Django's own handler rendering a standalone page that needs no database.
handler403 = views.permission_denied
handler404 = views.page_not_found
