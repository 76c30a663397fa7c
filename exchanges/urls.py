from django.urls import path

from exchanges import views

app_name = "exchanges"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("pairings/<int:pk>/", views.pairing, name="pairing"),
    path("<int:pk>/", views.exchange, name="exchange"),
    path("<int:pk>/evidence/", views.evidence_upload, name="evidence_upload"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence_download"),
    path("evidence/<int:pk>/delete/", views.evidence_delete, name="evidence_delete"),
    path("targets/<int:pk>/", views.target, name="target"),
]
