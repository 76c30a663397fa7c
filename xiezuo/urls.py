from django.contrib import admin
from django.urls import include, path

from xiezuo import views

admin.site.site_header = "协作 Xiezuo 管理后台"
admin.site.site_title = "协作 Xiezuo"
admin.site.index_title = "基础数据管理"

urlpatterns = [
    path("", views.home, name="home"),  # each role to its own work; anonymous to the login page
    path("accounts/", include("django.contrib.auth.urls")),
    path("plans/", include("plans.urls")),
    path("notifications/", include("notifications.urls")),
    path("reporting/", include("reporting.urls")),
    path("oversight/", include("oversight.urls")),
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
