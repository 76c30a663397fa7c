"""Included by reporting/urls.py (namespace "reporting"): the notifications moved to /notifications/;
an old link or bookmark to /reporting/notifications/ still arrives there."""

from django.urls import path
from django.views.generic import RedirectView

urlpatterns = [
    path("notifications/", RedirectView.as_view(pattern_name="notifications:list", query_string=True),
         name="notifications"),
]
