"""Units picked by name on the editing pages: suggestions as the office types (names, 全称 and
aliases, as orgs.services.resolve_unit matches them) and the names typed read back into units.

Only units the office may pick (planning.access.units_to_pick) are suggested or accepted, plus
those a task already names (an imported plan may name the city's units). Two units with one name
(区民政局 in two districts) are told apart as “区民政局（鼓楼区）”.
"""

import re
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from orgs.models import Unit
from orgs.names import normalize_name

SEPARATORS = re.compile(r"[、，,；;\n\r]+")
QUALIFIED = re.compile(r"^(?P<name>.+?)[（(](?P<region>[^（()）]+)[)）]$")
LIMIT = 12


@dataclass(frozen=True)
class Suggestion:
    id: int
    label: str  # what goes into the field: the name, or 名称（区划） where the name is shared
    name: str
    region: str
    alias: str  # the alias typed, when the match was by alias

    def as_json(self) -> dict:
        return {"id": self.id, "label": self.label, "name": self.name, "region": self.region, "alias": self.alias}


def _labels(units: list[Unit], among: QuerySet[Unit]) -> dict[int, str]:
    names = {u.name for u in units}
    counts = dict(among.filter(name__in=names).values_list("name").annotate(n=Count("id")).order_by())
    return {u.pk: f"{u.name}（{u.region.name}）" if counts.get(u.name, 0) > 1 else u.name for u in units}


def suggest(among: QuerySet[Unit], typed: str) -> list[Suggestion]:
    """Units whose name, 全称 or an alias contains what was typed; exact names and aliases first."""
    text = normalize_name(typed or "")
    if not text:
        return []
    found = (among.filter(Q(name__icontains=text) | Q(full_name__icontains=text) | Q(aliases__name__icontains=text))
             .select_related("region").prefetch_related("aliases").distinct())
    units = list(found[:200])

    def rank(unit: Unit):
        aliases = [a.name for a in unit.aliases.all()]
        exact = unit.name == text or text in aliases
        return (not exact, not unit.name.startswith(text), len(unit.name), unit.name)
    units = sorted(units, key=rank)[:LIMIT]
    labels = _labels(units, among)
    out = []
    for unit in units:
        alias = "" if text in unit.name else next((a.name for a in unit.aliases.all() if text in a.name), "")
        out.append(Suggestion(unit.pk, labels[unit.pk], unit.name, unit.region.name, alias))
    return out


class UnknownUnit(ValueError):
    pass


def split_names(text: str) -> list[str]:
    return [part.strip() for part in SEPARATORS.split(text or "") if part.strip()]


def read_units(among: QuerySet[Unit], text: str) -> list[Unit]:
    """The units named in a field (separated by 、，；or new lines), each by its name, an alias, or
    名称（区划）; a name that fits none or several raises UnknownUnit saying which."""
    units, pieces, i = [], split_names(text), 0
    while i < len(pieces):
        # Consecutive pieces that together are a name or an alias stay one (鼓楼区区委、政府).
        for j in range(min(len(pieces), i + 4), i + 1, -1):
            joined = "、".join(pieces[i:j])
            try:
                unit = read_unit(among, joined)
            except UnknownUnit:
                continue
            break
        else:
            unit, j = read_unit(among, pieces[i]), i + 1
        if unit not in units:
            units.append(unit)
        i = j
    return units


def read_unit(among: QuerySet[Unit], printed: str) -> Unit:
    name = normalize_name(printed)
    qualified = QUALIFIED.match(name)
    candidates = among.select_related("region")
    for condition in ([Q(name=qualified["name"], region__name=qualified["region"])] if qualified else []) + [
            Q(name=name), Q(aliases__name=name)]:
        found = list(candidates.filter(condition).distinct()[:5])
        if len(found) == 1:
            return found[0]
        if found:
            options = "、".join(f"{u.name}（{u.region.name}）" for u in found)
            raise UnknownUnit(f"“{printed}”对应多个单位：{options}，请写明区划，如“{found[0].name}（{found[0].region.name}）”")
    raise UnknownUnit(f"单位库中没有“{printed}”（或不在本办公室可选的单位中）：请从提示中选择，或先在“单位与账号”中新增")
