"""The office's log (办公室操作日志): every history row the person may read, newest first,
across all kinds, with filters (who, kind, dates, plan) and pages."""

import datetime
import heapq
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from accounts.models import User
from audit.access import visible_history
from audit.entries import Entry, build_entries
from audit.kinds import KINDS, Kind, kind_named

PAGE_SIZE = 50
EXPORT_LIMIT = 5000


class FilterError(ValueError):
    """A filter that cannot be read, said in Chinese."""


@dataclass
class LogFilters:
    who: int | None = None
    kind: Kind | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    plan: int | None = None

    @classmethod
    def from_query(cls, query) -> "LogFilters":
        def number(name, label):
            text = (query.get(name) or "").strip()
            if not text:
                return None
            if not text.isdigit():
                raise FilterError(f"“{label}”应为编号，收到“{text}”")
            return int(text)

        def day(name, label):
            text = (query.get(name) or "").strip()
            if not text:
                return None
            try:
                return datetime.date.fromisoformat(text)
            except ValueError:
                raise FilterError(f"“{label}”应为日期（如 2026-11-20），收到“{text}”") from None

        slug = (query.get("kind") or "").strip()
        kind = kind_named(slug) if slug else None
        if slug and kind is None:
            raise FilterError(f"没有“{slug}”这类对象")
        who = (query.get("who") or "").strip()
        if who and not who.isdigit():  # a username typed where the list would be too long
            found = User.objects.filter(username=who).values_list("pk", flat=True).first()
            if found is None:
                raise FilterError(f"没有用户名为“{who}”的用户")
            who = str(found)
        filters = cls(who=int(who) if who else None, kind=kind, date_from=day("from", "起始日期"),
                      date_to=day("to", "截止日期"), plan=number("plan", "方案"))
        if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
            raise FilterError("起始日期晚于截止日期")
        return filters

    def condition(self, kind: Kind) -> Q | None:
        """The filters as a condition on `kind`'s history rows; None when the kind cannot match."""
        condition = Q()
        if self.who is not None:
            condition &= Q(history_user_id=self.who)
        tz = timezone.get_current_timezone()
        if self.date_from:
            condition &= Q(history_date__gte=datetime.datetime.combine(self.date_from, datetime.time.min, tz))
        if self.date_to:
            condition &= Q(history_date__lt=datetime.datetime.combine(self.date_to + datetime.timedelta(days=1),
                                                                       datetime.time.min, tz))
        if self.plan is not None:
            if kind.plan_path is None:
                return None
            condition &= Q(**{kind.plan_path: self.plan})
        return condition


def _rows(user, kind: Kind, filters: LogFilters):
    condition = filters.condition(kind)
    if condition is None:
        return None
    return kind.model.history.model.objects.filter(visible_history(user, kind), condition)


def log_page(user, filters: LogFilters, page: int, size: int = PAGE_SIZE) -> tuple[list[Entry], int]:
    """One page of the log (entries, total): each kind's newest keys up to the page's end,
    merged by time, then the page's rows and their predecessors loaded."""
    kinds = [filters.kind] if filters.kind else KINDS
    end = page * size
    keys, total = [], 0
    for kind in kinds:
        rows = _rows(user, kind, filters)
        if rows is None:
            continue
        total += rows.count()
        keys.append([(date, hid, kind.slug) for date, hid in
                     rows.order_by("-history_date", "-history_id").values_list("history_date", "history_id")[:end]])
    merged = list(heapq.merge(*keys, key=lambda k: (k[0], k[1]), reverse=True))[end - size:end]
    return _entries(merged), total


def _entries(keys) -> list[Entry]:
    wanted: dict[str, list[int]] = {}
    for _, hid, slug in keys:
        wanted.setdefault(slug, []).append(hid)
    loaded = {}
    for slug, ids in wanted.items():
        rows = kind_named(slug).model.history.model.objects.filter(history_id__in=ids).select_related("history_user")
        if slug == "user":
            rows = rows.prefetch_related("historicaluser_groups_set")
        loaded.update({(slug, r.history_id): r for r in rows})
    return build_entries([loaded[(slug, hid)] for _, hid, slug in keys])


def log_entries_for_export(user, filters: LogFilters) -> tuple[list[Entry], bool]:
    """Up to EXPORT_LIMIT entries, and whether there were more."""
    entries, total = log_page(user, filters, 1, size=EXPORT_LIMIT)
    return entries, total > EXPORT_LIMIT
