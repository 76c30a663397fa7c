from django.urls import path

from assessment import editing_views, import_views, office_views, scoring_views, sheet_views, views

app_name = "assessment"
urlpatterns = [
    path("", scoring_views.mine, name="mine"),
    path("plans/<int:pk>/", views.plan_page, name="plan"),
    path("plans/<int:pk>/build/", views.build, name="build"),
    path("plans/<int:pk>/<int:year>/scores.xlsx", views.scores_xlsx, name="scores_xlsx"),
    path("schemes/<int:pk>/settings/", office_views.configure, name="configure"),
    path("schemes/<int:pk>/open/", office_views.open_scheme, name="open"),
    path("schemes/<int:pk>/publish/", office_views.publish, name="publish"),
    path("schemes/<int:pk>/lock/", office_views.lock, name="lock"),
    path("schemes/<int:pk>/progress/", office_views.progress_page, name="progress"),
    path("schemes/<int:pk>/remind/", office_views.remind, name="remind"),
    path("schemes/<int:pk>/notice.docx", office_views.notice_docx, name="notice_docx"),
    path("schemes/<int:pk>/edit/", editing_views.edit_page, name="edit"),
    path("schemes/<int:pk>/items/save/", editing_views.save_item, name="item_save"),
    path("schemes/<int:pk>/items/<int:item_pk>/delete/", editing_views.delete_item, name="item_delete"),
    path("schemes/<int:pk>/import/", import_views.import_rules, name="import_rules"),
    path("schemes/<int:pk>/categories/save/", editing_views.save_category, name="category_save"),
    path("schemes/<int:pk>/score/", scoring_views.score_page, name="score_page"),
    path("sheets/<int:pk>/", sheet_views.sheet_page, name="sheet"),
    path("sheets/<int:pk>/sheet.docx", office_views.sheet_docx, name="sheet_docx"),
    path("sheets/<int:pk>/submit/", sheet_views.submit, name="submit"),
    path("sheets/<int:pk>/review/", sheet_views.review, name="review"),
    path("sheets/<int:pk>/appeal/", sheet_views.appeal, name="appeal"),
    path("sheets/<int:pk>/answer/", sheet_views.answer, name="answer"),
    path("sheets/<int:pk>/items/<int:item_pk>/self/", sheet_views.self_assess, name="self_assess"),
    path("sheets/<int:pk>/items/<int:item_pk>/evidence/", sheet_views.add_evidence, name="evidence_add"),
    path("sheets/<int:pk>/items/<int:item_pk>/score/", sheet_views.score, name="score"),
    path("people/<int:pk>/<int:year>/record.docx", office_views.work_record_docx, name="work_record"),
    path("evidence/<int:pk>/", sheet_views.evidence_download, name="evidence_download"),
    path("evidence/<int:pk>/delete/", sheet_views.evidence_delete, name="evidence_delete"),
]
