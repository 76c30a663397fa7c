"""Matching the unit names a document prints against the registry.

Reads the database, never writes: a name that is not found is proposed for
creation with a guessed kind, and a person decides. Misprints such as
"闽侯区委、政府" (闽侯 is a 县) are offered as close candidates, never chosen.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.db.models import Prefetch

from orgs.models import Region, Unit, UnitAlias
from orgs.names import normalize_name
# The same scope resolve_unit searches: the region's lineage and subtree.
from orgs.services import scope_region_ids, resolve_unit


class Status:
    EXACT = "exact"          # a unit with that name
    ALIAS = "alias"          # a unit going by that name
    CLOSE = "close"          # not found; similar units offered
    AMBIGUOUS = "ambiguous"  # several units fit the name or alias
    UNKNOWN = "unknown"      # nothing similar: propose a new unit

    LABELS = {EXACT: "名称一致", ALIAS: "按别名识别", CLOSE: "近似", AMBIGUOUS: "对应多个单位", UNKNOWN: "单位库中没有"}
    RESOLVED = {EXACT, ALIAS}


@dataclass
class UnitMatch:
    printed: str
    status: str
    unit: Unit | None = None
    candidates: list[Unit] = field(default_factory=list)
    proposed_name: str = ""
    proposed_kind: str = ""

    @property
    def is_resolved(self) -> bool:
        return self.status in Status.RESOLVED

    @property
    def status_label(self) -> str:
        return Status.LABELS[self.status]

    @property
    def proposed_kind_label(self) -> str:
        return Unit.Kind(self.proposed_kind).label if self.proposed_kind else ""


# 区委、政府 / 县委、政府 / 党委、政府 / 党工委、政府 / 区区委、政府 / 市区委、政府 /
# 委、区政府 …: how documents print a county's party committee and government.
_GOVERNMENT_SUFFIX = re.compile(r"[区县市]{0,2}(?:党工委|党委|委)、[区县市]?政府$|[区县市]?人民政府$")
_PLACE_SUFFIX = re.compile(r"(?<=..)[区县市]$")  # 闽侯县 → 闽侯, but 市 stays 市

CLOSE_RATIO = 0.8  # 0.75 would offer "鼓楼区" for "鼓楼区医院"
MAX_CANDIDATES = 5

# First match wins: 团委 is a mass organisation though it ends in 委, and a
# 镇卫生院 is a hospital though it names a 镇.
_KIND_RULES = [
    (re.compile(r"工作组$"), Unit.Kind.WORKING_GROUP),
    (re.compile(r"(经合社|经济合作社|股份经济合作社)$"), Unit.Kind.COOPERATIVE),
    (re.compile(r"(妇联|工商联|总工会|侨联|科协|团委|团区委|团市委|团县委|残联|红十字会|慈善总会|文联|共青团.*)$"),
     Unit.Kind.MASS_ORGANIZATION),
    (re.compile(r"(医院|卫生院|卫生服务中心)$"), Unit.Kind.HOSPITAL),
    (re.compile(r"(学校|小学|中学|大学|学院|幼儿园)$"), Unit.Kind.SCHOOL),
    (re.compile(r"(公司|集团)$"), Unit.Kind.ENTERPRISE),
    (re.compile(r"(街道|镇|乡)$"), Unit.Kind.TOWN),
    (re.compile(r"(村|社区)$"), Unit.Kind.VILLAGE),
    (re.compile(r"(局|部|办|办公室|厅|委|中心|部门|管委会)$"), Unit.Kind.DEPARTMENT),
    # A bare place name (西吉县, 乳山市) stands for its 党委政府; a 园区 or 功能区 does not.
    (re.compile(r"^[^各]{2,6}(?<!园)(?<!功能)[市县区]$"), Unit.Kind.PARTY_GOVERNMENT),
]


def government_stem(name: str) -> str:
    """The place a 党委政府 form names: "闽侯区委、政府" → "闽侯"; "" when not such a form."""
    name = normalize_name(name)
    match = _GOVERNMENT_SUFFIX.search(name)
    return name[:match.start()] if match else ""


def place_stem(name: str) -> str:
    """A name without a trailing 区/县/市 or 党委政府 suffix, for comparing places."""
    name = normalize_name(name)
    return government_stem(name) or _PLACE_SUFFIX.sub("", name)


def guess_kind(name: str) -> str:
    name = normalize_name(name)
    if government_stem(name):
        return Unit.Kind.PARTY_GOVERNMENT
    for pattern, kind in _KIND_RULES:
        if pattern.search(name):
            return kind
    return Unit.Kind.OTHER


def proposed_name(printed: str) -> str:
    """The name a new unit would get: a 党委政府 is named after its place ("闽侯县委、政府" → "闽侯县")."""
    name = normalize_name(printed)
    stem = government_stem(name)
    if stem:
        rest = name[len(stem):]
        return stem + rest[0] if rest[:1] in ("区", "县", "市") else stem
    return name


def printed_unit_names(plan_json: dict) -> list[str]:
    """Every distinct unit name the document prints, in first-seen order."""
    names: dict[str, None] = {}
    for task in plan_json.get("tasks") or []:
        for printed in [*(task.get("lead_units") or []), *(task.get("partner_units") or [])]:
            if printed:
                names.setdefault(printed, None)
        for target in task.get("targets") or []:
            if target.get("assignee"):
                names.setdefault(target["assignee"], None)
    return list(names)


def units_in_scope(scope: Region | None) -> list[Unit]:
    """Every active unit a printed name may be mapped to by hand, nearest levels first."""
    units = Unit.objects.filter(is_active=True).select_related("region").order_by("region__level", "name")
    return list(units.filter(region_id__in=scope_region_ids(scope)) if scope else units)


def match_units(names: list[str], scope: Region | None) -> dict[str, UnitMatch]:
    """A match for each printed name, keyed by the name as printed, in the given order."""
    pool = _CandidatePool(scope)
    return {printed: match_unit(printed, scope, pool) for printed in names}


def match_unit(printed: str, scope: Region | None, pool: "_CandidatePool | None" = None) -> UnitMatch:
    found = resolve_printed(printed, scope)
    if found is not None:
        return found
    pool = pool or _CandidatePool(scope)
    candidates = pool.close_to(printed)
    if candidates:
        return UnitMatch(printed, Status.CLOSE, candidates=candidates)
    return UnitMatch(printed, Status.UNKNOWN, proposed_name=proposed_name(printed), proposed_kind=guess_kind(printed))


def resolve_printed(printed: str, scope: Region | None) -> UnitMatch | None:
    """An exact or alias match (or the ambiguous candidates); None when nothing fits by name."""
    result = resolve_unit(printed, scope)
    if result.unit is None and not result.candidates and scope is not None and scope.parent_id:
        # A district's document names its neighbours ("马尾区各300万"): look for
        # 党委政府 units under the region above, never for their departments,
        # which share names ("区民政局") across districts.
        wider = resolve_unit(printed, scope.parent)
        peers = [u for u in wider.candidates if u.kind == Unit.Kind.PARTY_GOVERNMENT]
        if len(peers) == 1:
            status = Status.EXACT if peers[0].name == normalize_name(printed) else Status.ALIAS
            return UnitMatch(printed, status, unit=peers[0], candidates=peers)
        if peers:
            return UnitMatch(printed, Status.AMBIGUOUS, candidates=peers)
        return None
    if result.unit is not None:
        status = Status.EXACT if result.matched_by == "name" else Status.ALIAS
        return UnitMatch(printed, status, unit=result.unit, candidates=[result.unit])
    if result.is_ambiguous:
        return UnitMatch(printed, Status.AMBIGUOUS, candidates=result.candidates)
    return None


class _CandidatePool:
    """Units a misprinted name may stand for: those in scope, and the 党委政府
    units under the region above (loaded once per document)."""

    def __init__(self, scope: Region | None):
        self.scope = scope
        self._units: list[tuple[Unit, list[str]]] | None = None

    def _load(self) -> list[tuple[Unit, list[str]]]:
        units = Unit.objects.filter(is_active=True).select_related("region").prefetch_related(
            Prefetch("aliases", queryset=UnitAlias.objects.only("unit_id", "name"))
        )
        if self.scope is not None:
            in_scope = scope_region_ids(self.scope)
            wider = scope_region_ids(self.scope.parent) if self.scope.parent_id else set()
            units = [u for u in units.filter(region_id__in=in_scope | wider)
                     if u.region_id in in_scope or u.kind == Unit.Kind.PARTY_GOVERNMENT]
        return [(u, [u.name, *(a.name for a in u.aliases.all())]) for u in units]

    def close_to(self, printed: str) -> list[Unit]:
        if self._units is None:
            self._units = self._load()
        name = normalize_name(printed)
        stem = place_stem(name)
        scored = []
        for unit, names in self._units:
            score = max(_similarity(name, stem, other) for other in names)
            if score >= CLOSE_RATIO:
                nearer = self.scope is not None and unit.region_id == self.scope.pk
                scored.append((-score, not nearer, unit.name, unit.pk, unit))
        scored.sort(key=lambda item: item[:4])
        return [item[-1] for item in scored[:MAX_CANDIDATES]]


_LEVEL_PREFIXES = ("市", "区", "县")


def _similarity(name: str, stem: str, other: str) -> float:
    """1.0 when both name the same place ("闽侯区委、政府" and "闽侯县"), else a difflib ratio.

    "市人社局" and "区人社局" differ by one character but are different
    bureaus at different levels, so names with different level prefixes are
    not offered for each other.
    """
    other_stem = place_stem(other)
    if stem and other_stem and stem == other_stem and len(stem) >= 2:
        return 1.0
    if name[:1] in _LEVEL_PREFIXES and other[:1] in _LEVEL_PREFIXES and name[0] != other[0]:
        return 0.0
    return max(difflib.SequenceMatcher(None, name, other).ratio(),
               difflib.SequenceMatcher(None, stem, other_stem).ratio() if stem and other_stem else 0.0)
