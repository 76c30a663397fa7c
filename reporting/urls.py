from django.urls import include, path

from reporting import views

app_name = "reporting"
urlpatterns = [
    path("", views.my_work, name="my_work"),
    path("reports/<int:pk>/", views.report, name="report"),
    path("reports/<int:pk>/return/", views.return_report, name="return"),
    path("reports/<int:pk>/reopen/", views.reopen, name="reopen"),
    path("reports/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("review/", views.review, name="review"),
    path("review/approve/", views.approve, name="approve"),
    path("review/export.xlsx", views.review_export, name="review_export"),
    path("", include("reporting.notification_urls")),
    path("", include("reporting.evidence_urls")),
]
