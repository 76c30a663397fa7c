"""What later layers do when a plan is saved (imported, a new version imported, or made
live again).

plans comes before reporting and cannot import it, yet a newly imported plan
should have its monthly reports at once, not from the next daily run. A later
app appends a function to PLAN_SAVED in its AppConfig.ready(), as with panels.
"""

from typing import Callable

from django.db import transaction

PLAN_SAVED: list[Callable] = []  # hook(plan), run once the saving transaction has committed


def plan_saved(plan) -> None:
    """Run the hooks after the commit, so they see the plan with all its tasks (and a
    rolled-back import runs none). A hook that fails is logged (django.db.backends.base) and does
    not undo or fail the save that has already committed: the daily `open_cycles` run
    finishes what it left (robust=True)."""
    for hook in PLAN_SAVED:
        transaction.on_commit(lambda hook=hook: hook(plan), robust=True)
