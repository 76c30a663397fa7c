"""Sending a reminder or warning once: the record of it is inserted under a unique constraint
before it goes out, so a second run (or a second click) the same day finds the row and skips."""

from typing import Callable

from django.db import IntegrityError, transaction


def claim(model, then: Callable[[], object] | None = None, **fields) -> bool:
    """Insert the record that this message was sent; False when an earlier or a parallel run
    already had (the unique constraint refused it). A savepoint keeps the caller's transaction usable.

    `then` (the notification) runs inside the same savepoint, so the claim and what it sends
    are saved together or not at all; an e-mail that notify() sends on commit and that fails
    raises its OSError out of here after both are saved."""
    try:
        with transaction.atomic():
            model.objects.create(**fields)
            if then is not None:
                then()
    except IntegrityError:
        return False
    return True
