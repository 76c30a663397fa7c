"""History rows as entries people read: who, when, from where, what, old → new, why.

old → new is the difference between a row and the one before it for the same object.
Field names are the models' Chinese verbose names; values as the pages print them
(choices by their label, a foreign key by the object's name, 是/否, dates local). What is
never shown: bookkeeping columns, a webhook's key (only its host).
"""

import datetime
import json
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlsplit

from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Q
from django.utils import timezone

from audit.kinds import BY_MODEL, Kind

# Columns every save changes or nobody reads as a change.
_SKIPPED = {"updated_at", "created_at", "version"}
_MASKED = {("robot", "webhook_url")}
_TYPES = {"+": "新建", "~": "修改", "-": "删除"}
EMPTY = "（空）"


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class Entry:
    kind: Kind
    record: object  # the history row
    object_name: str
    action: str
    changes: list[Change] = field(default_factory=list)
    page: str | None = None

    @property
    def when(self) -> datetime.datetime:
        return self.record.history_date

    @property
    def user(self):
        return self.record.history_user

    @property
    def ip(self) -> str:
        return self.record.ip_address or ""

    @property
    def reason(self) -> str:
        return self.record.history_change_reason or ""

    @property
    def object_pk(self) -> int:
        return self.record.instance_type._meta.pk.value_from_object(self.record)


def _fields(kind: Kind) -> list[models.Field]:
    history_model = kind.model.history.model
    return [f for f in history_model.tracked_fields if f.name not in _SKIPPED and not f.primary_key]


def _plain(value) -> str:
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    if isinstance(value, datetime.datetime):
        return f"{timezone.localtime(value):%Y-%m-%d %H:%M}"
    if isinstance(value, datetime.date):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, (list, dict)):
        text = json.dumps(value, ensure_ascii=False, default=str)
        return text if len(text) <= 300 else text[:300] + "…"
    text = str(value)
    return text if len(text) <= 500 else text[:500] + "…"


class _Names:
    """Names of the objects foreign keys point at, one query per related model."""

    def __init__(self):
        self.wanted: dict[type, set] = {}
        self.names: dict[tuple[type, object], str] = {}

    def want(self, model, pk):
        if pk is not None:
            self.wanted.setdefault(model, set()).add(pk)

    def load(self):
        for model, pks in self.wanted.items():
            for obj in model._default_manager.filter(pk__in=pks):
                self.names[(model, obj.pk)] = str(obj)

    def name(self, model, pk) -> str:
        if pk is None:
            return EMPTY
        return self.names.get((model, pk), f"#{pk}（已删除）")


def _display(kind: Kind, f: models.Field, value, names: _Names) -> str:
    if (kind.slug, f.name) in _MASKED and value:
        return f"{urlsplit(value).hostname or ''}（地址含密钥，不显示）"
    if f.is_relation:
        return names.name(f.related_model, value)
    if f.choices:
        return str(dict(f.flatchoices).get(value, value)) if value not in (None, "") else EMPTY
    if isinstance(f, models.FileField):
        return str(value) if value else EMPTY
    return _plain(value)


def _groups(record) -> set[int]:
    return {row.group_id for row in record.historicaluser_groups_set.all()}  # the roles as they were then


def _changes(kind: Kind, record, previous, names: _Names, group_names: dict) -> list[Change]:
    changes = []
    for f in _fields(kind):
        new = getattr(record, f.attname)
        old = getattr(previous, f.attname) if previous is not None else None
        if previous is not None and old == new:
            continue
        if previous is None and new in (None, "", [], {}):
            continue
        changes.append(Change(str(f.verbose_name), _display(kind, f, old, names) if previous is not None else "",
                              _display(kind, f, new, names)))
    if kind.slug == "user":
        new, old = _groups(record), (_groups(previous) if previous is not None else set())
        if new != old:
            label = lambda ids: "、".join(sorted(group_names.get(i, f"#{i}") for i in ids)) or EMPTY  # noqa: E731
            changes.append(Change("角色", label(old) if previous is not None else "", label(new)))
    return changes


def _previous_rows(kind: Kind, records: list) -> dict[int, object]:
    """Each record's predecessor (same object, just before it), in one query for the kind."""
    history = kind.model.history.model
    pk_name = kind.model._meta.pk.attname
    ids = {getattr(r, pk_name) for r in records}
    latest = max(r.history_date for r in records)
    chains: dict[object, list] = {}
    rows = history.objects.filter(**{f"{pk_name}__in": ids}, history_date__lte=latest)
    if kind.slug == "user":
        rows = rows.prefetch_related("historicaluser_groups_set")
    for row in rows.order_by("history_date", "history_id"):
        chains.setdefault(getattr(row, pk_name), []).append(row)
    previous = {}
    for chain in chains.values():
        for before, after in zip(chain, chain[1:]):
            previous[after.history_id] = before
    return previous


def build_entries(records: list) -> list[Entry]:
    """Entries for history rows of any kinds, in the order given; a fixed number of queries
    per kind present (the predecessors, the names foreign keys point at)."""
    by_kind: dict[Kind, list] = {}
    for record in records:
        by_kind.setdefault(BY_MODEL[record.instance_type], []).append(record)
    previous = {}
    for kind, rows in by_kind.items():
        previous.update({(kind.slug, k): v for k, v in _previous_rows(kind, rows).items()})
    names = _Names()
    for kind, rows in by_kind.items():
        relations = [f for f in _fields(kind) if f.is_relation]
        for record in rows:
            before = previous.get((kind.slug, record.history_id))
            for f in relations:
                names.want(f.related_model, getattr(record, f.attname))
                if before is not None:
                    names.want(f.related_model, getattr(before, f.attname))
    names.load()
    group_names = dict(Group.objects.values_list("id", "name")) if any(k.slug == "user" for k in by_kind) else {}
    entries = []
    for record in records:
        kind = BY_MODEL[record.instance_type]
        before = previous.get((kind.slug, record.history_id))
        changes = [] if record.history_type == "-" else _changes(kind, record, before, names, group_names)
        entries.append(Entry(kind=kind, record=record, object_name=kind.name(record),
                             action=_TYPES.get(record.history_type, record.history_type), changes=changes,
                             page=kind.page(record) if kind.page and record.history_type != "-" else None))
    return entries


def history_of(kind: Kind, pk: int, condition: Q) -> list:
    """Every history row of one object the condition lets through, newest first."""
    pk_name = kind.model._meta.pk.attname
    rows = (kind.model.history.model.objects.filter(condition, **{pk_name: pk})
            .select_related("history_user").order_by("-history_date", "-history_id"))
    if kind.slug == "user":
        rows = rows.prefetch_related("historicaluser_groups_set")
    return list(rows)
