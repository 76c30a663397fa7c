from django.urls import path

from planning import breakdown_views, edit_views, implement_views, proposal_views

app_name = "planning"

urlpatterns: list = [
    # units' own optional tasks (自选动作)
    path("proposals/", proposal_views.proposals, name="proposals"),
    path("plans/<int:plan_pk>/proposals/new/", proposal_views.proposal_new, name="proposal_new"),
    path("proposals/<int:pk>/", proposal_views.proposal_detail, name="proposal"),
    path("proposals/<int:pk>/accept/", proposal_views.proposal_accept, name="proposal_accept"),
    path("proposals/<int:pk>/return/", proposal_views.proposal_return, name="proposal_return"),
]

# --- editing a plan in place (planning.edit_views) ---------------------------------------------
urlpatterns += [
    path("plans/new/", edit_views.plan_new, name="plan_new"),
    path("plans/<int:pk>/edit/", edit_views.plan_edit, name="edit"),
    path("plans/<int:pk>/facts/", edit_views.plan_facts, name="plan_facts"),
    path("plans/<int:pk>/tasks/new/", edit_views.task_new, name="task_new"),
    path("tasks/<int:pk>/", edit_views.task_edit, name="task"),
    path("tasks/<int:pk>/targets/", edit_views.task_targets, name="task_targets"),
    path("tasks/<int:pk>/move/", edit_views.task_move, name="task_move"),
    path("tasks/<int:pk>/split/", edit_views.task_split, name="task_split"),
    path("tasks/<int:pk>/merge/", edit_views.task_merge, name="task_merge"),
    path("tasks/<int:pk>/delete/", edit_views.task_delete, name="task_delete"),
    path("tasks/<int:pk>/archive/", edit_views.task_archive, name="task_archive"),
    path("tasks/<int:pk>/restore/", edit_views.task_restore, name="task_restore"),
    path("tasks/<int:pk>/move-reports/", edit_views.task_move_reports, name="task_move_reports"),
    path("units.json", edit_views.units_json, name="units_json"),
]

# -- 预分解 and 承接 (breakdown, implement) ------------------------------------------------------
# URLs and names stable: the end-to-end browser test drives them.
urlpatterns += [
    path("implement/", implement_views.implement_list, name="implement_list"),
    path("implement/<int:pk>/", implement_views.implement, name="implement"),
    path("targets/<int:pk>/breakdown/", breakdown_views.breakdown, name="breakdown"),
]
# -- end of 预分解 and 承接 ----------------------------------------------------------------------
