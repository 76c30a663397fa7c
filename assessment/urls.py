from django.urls import path

from assessment import views

app_name = "assessment"
urlpatterns = [
    path("plans/<int:pk>/", views.plan_page, name="plan"),
    path("plans/<int:pk>/build/", views.build, name="build"),
    path("plans/<int:pk>/<int:year>/scores.xlsx", views.scores_xlsx, name="scores_xlsx"),
]
