from django.urls import include, path, register_converter

from oversight import views


class ScopeKind:
    """A dashboard covers one plan or a region's plans; nothing else is a scope."""

    regex = "plan|region"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ScopeKind, "scope")

app_name = "oversight"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("<scope:kind>/<int:pk>/", views.dashboard, name="dashboard"),
    path("<scope:kind>/<int:pk>/targets/", views.target_list, name="targets"),
    path("<scope:kind>/<int:pk>/targets.xlsx", views.target_list_xlsx, name="targets_xlsx"),
    path("<scope:kind>/<int:pk>/unreported.xlsx", views.unreported_xlsx, name="unreported_xlsx"),
    path("<scope:kind>/<int:pk>/reporting.xlsx", views.reporting_xlsx, name="reporting_xlsx"),
    path("targets/<int:pk>/", views.target_detail, name="target"),
    path("plan/<int:pk>/ledger.xlsx", views.ledger, name="ledger"),
    path("", include("oversight.bulletin_urls")),
]
