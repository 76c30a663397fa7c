"""An object's history as rows a page lists: when, who, why and old → new per field, read from
its simple-history records (history.records). The password hash is never in them."""

from dataclasses import dataclass, field


@dataclass
class HistoryRow:
    when: object
    who: object
    why: str
    kind: str
    changes: list[tuple[str, str, str]] = field(default_factory=list)


KINDS = {"+": "新增", "~": "修改", "-": "删除"}


def history_rows(obj, limit: int = 30) -> list[HistoryRow]:
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id")[:limit + 1])
    rows = []
    for record, previous in zip(records, records[1:] + [None]):
        row = HistoryRow(record.history_date, record.history_user, record.history_change_reason or "",
                         KINDS.get(record.history_type, record.history_type))
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous)
            for change in delta.changes:
                if change.field == "groups":  # a person's roles: the groups' names, not their ids
                    row.changes.append(("角色", _groups(change.old), _groups(change.new)))
                    continue
                label = _label(obj, change.field)
                row.changes.append((label, _shown(change.old), _shown(change.new)))
        rows.append(row)
    return rows[:limit]


def _groups(rows) -> str:
    from django.contrib.auth.models import Group

    ids = [row["group"] for row in rows or () if isinstance(row, dict) and "group" in row]
    names = dict(Group.objects.filter(pk__in=ids).values_list("pk", "name"))
    return "、".join(names.get(pk, f"#{pk}") for pk in ids) or "—"


def _label(obj, name: str) -> str:
    try:
        return str(obj._meta.get_field(name).verbose_name)
    except Exception:  # a field since removed
        return name


def _shown(value) -> str:
    if isinstance(value, list):  # many-to-many (roles): the related rows' ids as dicts
        return "、".join(str(v) for v in value) or "—"
    if value is True:
        return "是"
    if value is False:
        return "否"
    return "—" if value in (None, "") else str(value)
