"""Evidence URLs, included into the "reporting" namespace by reporting/urls.py."""

from django.urls import path

from reporting import evidence_views

urlpatterns = [
    path("reports/<int:report_pk>/evidence/", evidence_views.upload, name="evidence_upload"),
    path("evidence/<int:pk>/", evidence_views.download, name="evidence_download"),
    path("evidence/<int:pk>/delete/", evidence_views.delete, name="evidence_delete"),
]
