from django.urls import path

from issuance import views

app_name = "issuance"

# Stable URLs and labels: the issue's end-to-end Playwright test drives these pages.
urlpatterns = [
    path("", views.mine, name="mine"),  # 我的签收: the unit's versions to sign and signed
    path("plans/<int:pk>/", views.plan_page, name="plan"),  # the office's 下达与签收 page
    path("plans/<int:pk>/issue/", views.issue, name="issue"),
    path("plans/<int:pk>/adjust/", views.adjust, name="adjust"),
    path("plans/<int:pk>/remind/", views.remind, name="remind"),
    path("versions/<int:pk>/", views.version_page, name="version"),
    path("versions/<int:pk>/sign/", views.sign, name="sign"),
    path("versions/<int:pk>/notice.docx", views.notice, name="notice"),
    path("versions/<int:pk>/table.xlsx", views.table, name="table"),
]
