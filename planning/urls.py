from django.urls import path

from planning import proposal_views

app_name = "planning"

urlpatterns: list = [
    # units' own optional tasks (自选动作)
    path("proposals/", proposal_views.proposals, name="proposals"),
    path("plans/<int:plan_pk>/proposals/new/", proposal_views.proposal_new, name="proposal_new"),
    path("proposals/<int:pk>/", proposal_views.proposal_detail, name="proposal"),
    path("proposals/<int:pk>/accept/", proposal_views.proposal_accept, name="proposal_accept"),
    path("proposals/<int:pk>/return/", proposal_views.proposal_return, name="proposal_return"),
]
