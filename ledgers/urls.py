from django.urls import path

from ledgers import views

app_name = "ledgers"

urlpatterns = [
    path("", views.ledgers, name="list"),
    path("new/", views.ledger_create, name="create"),
    path("<int:pk>/", views.ledger, name="ledger"),
    path("<int:pk>/rows/", views.row_add, name="row_add"),
    path("<int:pk>/import/", views.import_rows, name="import"),
    path("rows/<int:pk>/delete/", views.row_delete, name="row_delete"),
    path("rows/<int:pk>/receipt/", views.receipt, name="receipt"),
    path("rows/<int:pk>/receipt/upload/", views.receipt_upload, name="receipt_upload"),
]
