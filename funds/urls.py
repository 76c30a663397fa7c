from django.urls import path

from funds import views

app_name = "funds"

urlpatterns = [
    path("", views.projects, name="projects"),
    path("new/", views.project_create, name="project_create"),
    path("projects/<int:pk>/", views.project, name="project"),
    path("projects/<int:pk>/edit/", views.project_edit, name="project_edit"),
    path("projects/<int:pk>/milestones/", views.milestone_add, name="milestone_add"),
    path("milestones/<int:pk>/delete/", views.milestone_delete, name="milestone_delete"),
    path("projects/<int:pk>/months/<int:cycle_pk>/", views.report, name="report"),
    path("projects/<int:pk>/months/<int:cycle_pk>/return/", views.report_return, name="report_return"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence_download"),
    path("plans/<int:pk>/progress.xlsx", views.progress_xlsx, name="progress_xlsx"),
]
