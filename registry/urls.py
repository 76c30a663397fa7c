from django.urls import path

from registry import views

app_name = "registry"

urlpatterns = [
    path("", views.units, name="units"),
    path("units/new/", views.unit_create, name="unit_create"),
    path("units/<int:pk>/", views.unit_edit, name="unit"),
    path("units/<int:pk>/merge/", views.unit_merge, name="unit_merge"),
    path("users/", views.users, name="users"),
    path("users/new/", views.user_create, name="user_create"),
    path("users/<int:pk>/", views.user_edit, name="user"),
    path("users/<int:pk>/roles/", views.user_roles, name="user_roles"),
    path("users/<int:pk>/active/", views.user_active, name="user_active"),
    path("users/<int:pk>/password/", views.user_password, name="user_password"),
    path("pairings/", views.pairings, name="pairings"),
    path("pairings/new/", views.pairing_create, name="pairing_create"),
    path("pairings/<int:pk>/", views.pairing_edit, name="pairing"),
    path("schedules/", views.schedules, name="schedules"),
    path("schedules/<int:plan_pk>/", views.schedule_edit, name="schedule"),
]
