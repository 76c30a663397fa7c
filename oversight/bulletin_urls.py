"""The bulletin archive: included into oversight.urls, so names are oversight:bulletins etc."""

from django.urls import path

from oversight import bulletin_views

urlpatterns = [
    path("<scope:kind>/<int:pk>/bulletins/", bulletin_views.archive, name="bulletins"),
    path("<scope:kind>/<int:pk>/bulletins/generate/", bulletin_views.generate, name="bulletin_generate"),
    path("bulletins/<int:pk>/download/", bulletin_views.download, name="bulletin_download"),
    path("bulletins/revisions/<int:pk>/download/", bulletin_views.download_revision, name="bulletin_revision_download"),
]
