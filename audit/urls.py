from django.urls import path

from audit import views

app_name = "audit"

urlpatterns = [
    path("", views.office_log, name="log"),
    path("export.xlsx", views.office_log_export, name="export"),
    path("<slug:kind>/<int:pk>/", views.object_history, name="object"),
]
