"""One history for every domain model: django-simple-history with a common base.

`audited(...)` is what a model declares as `history = audited()`. Each history row
records who (`history_user`), when (`history_date`), from where (`ip_address`, the
request's client address, filled by the signal below from simple-history's
HistoryRequestMiddleware), what (a copy of the row, so old → new is the difference
from the row before) and why (`history_change_reason`).

Services that run without a request (commands, tests, the importer) say who acts
and why with `acting(user, reason)`; an explicit `_history_user` / `_change_reason`
on an instance still wins. Bulk paths use `bulk_create_audited` /
`bulk_update_audited`, which fill the same columns.
"""

import contextvars
from contextlib import contextmanager

from django.db import models
from django.dispatch import receiver
from simple_history.models import HistoricalRecords
from simple_history.signals import pre_create_historical_record
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from history.client import client_address

_actor = contextvars.ContextVar("history_actor", default=None)
_reason = contextvars.ContextVar("history_reason", default=None)


class AuditedHistory(models.Model):
    """Columns every history row has beyond simple-history's own."""

    ip_address = models.GenericIPAddressField("IP地址", null=True, blank=True)

    class Meta:
        abstract = True


def request_ip() -> str | None:
    """The client address of the request being served, if any (history.client's rule)."""
    request = getattr(HistoricalRecords.context, "request", None)
    return client_address(request) if request is not None else None


def _request_user():
    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


class Records(HistoricalRecords):
    """HistoricalRecords that also read who and why from `acting()`."""

    def __init__(self, *args, skip_when_only=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Saves touching only these fields leave no row (a login's last_login).
        self.skip_when_only = frozenset(skip_when_only)

    def post_save(self, instance, created, using=None, **kwargs):
        fields = kwargs.get("update_fields")
        if not created and self.skip_when_only and fields and set(fields) <= self.skip_when_only:
            return
        super().post_save(instance, created, using=using, **kwargs)

    def get_history_user(self, instance):
        if hasattr(instance, "_history_user"):
            return instance._history_user
        return _actor.get() or super().get_history_user(instance)

    def get_change_reason_for_object(self, instance, history_type, using):
        return super().get_change_reason_for_object(instance, history_type, using) or _reason.get()


def audited(verbose_name: str, **kwargs) -> Records:
    """The history a domain model declares: `history = audited("方案修改记录")`."""
    kwargs.setdefault("history_change_reason_field", models.TextField("修改原因", null=True))
    return Records(verbose_name=verbose_name, verbose_name_plural=verbose_name,
                   bases=[AuditedHistory], **kwargs)


@receiver(pre_create_historical_record)
def _fill_ip(sender, history_instance, **kwargs):
    if isinstance(history_instance, AuditedHistory) and history_instance.ip_address is None:
        history_instance.ip_address = request_ip()


@contextmanager
def acting(user, reason: str | None = None):
    """Within the block, history rows name `user` (when no request does) and `reason`."""
    user_token = _actor.set(user)
    reason_token = _reason.set(reason or None)
    try:
        yield
    finally:
        _actor.reset(user_token)
        _reason.reset(reason_token)


def _bulk_attrs(user, reason):
    return {"default_user": user or _actor.get() or _request_user(),
            "default_change_reason": reason or _reason.get() or "",
            "custom_historical_attrs": {"ip_address": request_ip()}}


def bulk_create_audited(objs, model, *, user=None, reason=None, batch_size=None):
    """bulk_create with one history row an object (who, why, IP as a single save would)."""
    return bulk_create_with_history(objs, model, batch_size=batch_size, **_bulk_attrs(user, reason))


def bulk_update_audited(objs, model, fields, *, user=None, reason=None, batch_size=None):
    """bulk_update with one history row an object."""
    return bulk_update_with_history(objs, model, fields, batch_size=batch_size, **_bulk_attrs(user, reason))
