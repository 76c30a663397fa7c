"""Sending a reminder or warning once: the record of it is inserted under a unique constraint
before it goes out, so a second run (or a second click) the same day finds the row and skips."""

from django.db import IntegrityError, transaction


def claim(model, **fields) -> bool:
    """Insert the record that this message was sent; False when an earlier or a parallel run
    already had (the unique constraint refused it). A savepoint keeps the caller's transaction usable."""
    try:
        with transaction.atomic():
            model.objects.create(**fields)
    except IntegrityError:
        return False
    return True
