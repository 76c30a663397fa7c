from django.urls import path

from people import views

app_name = "people"

urlpatterns = [
    path("", views.roster, name="roster"),
    path("new/", views.person_create, name="person_create"),
    path("export.xlsx", views.export, name="export"),
    path("roster.json", views.roster_json, name="roster_json"),
    path("<int:pk>/", views.person, name="person"),
    path("<int:pk>/allowances/", views.allowance, name="allowance"),
    path("import/", views.import_upload, name="import_upload"),
    path("import/template.xlsx", views.import_template, name="import_template"),
    path("import/<int:pk>/", views.import_review, name="import_review"),
    path("targets/<int:pk>/", views.target, name="target"),
]
