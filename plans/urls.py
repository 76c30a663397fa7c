from django.urls import path

from plans import import_views, template_views, views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/state/", views.change_state, name="change_state"),
    path("<int:pk>/template.xlsx", template_views.plan_as_template, name="plan_template"),
    path("import/template.xlsx", template_views.blank_template, name="blank_template"),
    path("import/", import_views.import_upload, name="import_upload"),
    path("import/<int:pk>/", import_views.import_review, name="import_review"),
]
