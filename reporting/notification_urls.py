"""Included by reporting/urls.py (namespace "reporting")."""

from django.urls import path

from reporting import notification_views

urlpatterns = [
    path("notifications/", notification_views.notification_list, name="notifications"),
    path("notifications/read/", notification_views.mark_all_read, name="notifications_read"),
]
