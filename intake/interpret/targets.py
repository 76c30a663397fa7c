"""Targets from prose: who is to deliver each quantity.

A unit at the start of a clause is its subject and stays the subject for
the rest of the paragraph until another takes its place ("鼓东街道2023年完成
4.8万元，差额20.7万元。2024年下达总任务数为46.2万元"). 各 distributes a figure
over the units just named; 每个镇 / 各结对镇 over the units of that kind named
most recently, or over the members of a group unit (十街镇 → its streets).
"""

import re
from dataclasses import dataclass, field
from functools import cached_property

from intake.interpret import hant
from intake.interpret.metrics import QUOTA, metric_kind
from intake.interpret.quantities import Quantity, find_quantities
from intake.interpret.text import tidy
from intake.interpret.units import UNIT_SUFFIXES

_LEADING_FILLER = re.compile(r"^(?:[、，,\s]|具体|其中|另外|此外|同时|并|由|请|和|及)+")
# Words that start a predicate, so "配合协助福州市" is not a unit name.
_VERBS = re.compile(
    r"配合|协助|安排|组织|开展|推动|支持|帮助|邀请|引导|落实|加强|建立|实施|积极|鼓励|确保|争取|完成|选派|举办|"
    r"培训|发布|资助|建设|提供|召开|持续|深化|推进|建议|打造|发动|募集|引进|利用|对接|按照|根据|依托|做好|严格|"
    r"统计|负责|协调|畅通|对接|通过|共建|带动|吸纳|新建|使用|启动|结合|宣传|广泛|动员|参与|大力|进一步|全面|认真|坚持|围绕|聚焦|加大|提高|促进|拓展|拓宽|构建|力争|实行|高标准|保持|增至|增加|提出|结对|帮扶|"
    r"完善|修编|编制|实现|会同|接收|设立|采购|新增|^赴"
)
_SUFFIX_ALTERNATION = "|".join(sorted((re.escape(s) for s in UNIT_SUFFIXES), key=len, reverse=True))
# 区级/县级 are adjectives, not names.
_NAME = re.compile(rf"[\u4e00-\u9fff]{{1,16}}?(?:{_SUFFIX_ALTERNATION})(?![\u4e00-\u9fff]{{0,2}}(?:{_SUFFIX_ALTERNATION}))(?!级)")
# "每个街镇", "各结对镇", "村与隆德县" are references or phrases, not names.
_NOT_A_NAME = re.compile(r"^(?:全年|今年|上年|明年)|^[每各第以在向从为把将按于到对\d]|[与和及我本该其此]|双方|两地|两市")
# "全市", "社会": the whole area or society, not a unit.
_WHOLE_AREA = re.compile(r"全[省市州县区镇乡]|社会|全社会|城区|辖区")
# A news item's byline, "新华社天津7月17日电": the agency reports, it is no subject.
_BYLINE = re.compile(r"[\u4e00-\u9fff]{0,6}\d{1,2}月\d{1,2}日电")
_ALIAS_BRACKET = re.compile(r"^\s*[(（][^()（）]{1,12}[)）]")
_EACH_KIND = re.compile(r"(?:每个|各)([\u4e00-\u9fff]{0,8}[镇街县区村乡])")
# 每个县 may refer to 区 and 市 named before: all are county level.
_LEVEL = {"镇": "town", "乡": "town", "街": "town", "县": "county", "区": "county", "市": "county", "村": "village"}
_ENUMERATION = re.compile(r"[(（]([^()（）]+、[^()（）]+)[)）]")


@dataclass
class Context:
    """What the interpreter knows about units: from the registry and the document."""

    known_units: set[str] = field(default_factory=set)
    groups: dict[str, list[str]] = field(default_factory=dict)  # 十街镇 → its members in order
    parties: list[str] = field(default_factory=list)  # the two paired sides, for "双方各…"

    @cached_property
    def units_by_first_char(self) -> dict[str, list[str]]:
        """known_units by their first character, for looking names up at a
        place in a text (known_units is not changed once the context is made)."""
        index: dict[str, list[str]] = {}
        for name in self.known_units:
            if name:
                index.setdefault(name[0], []).append(name)
        return index


@dataclass
class FoundTarget:
    quantity: Quantity
    assignee: str | None
    metric: str
    inherited: bool = False  # the metric came from an earlier figure ("马尾区、闽侯县各300万")
    each: int | None = None  # one figure given to each of this many units (各, 每个, a group)


def _unit_at(text: str, context: Context) -> tuple[str, int] | None:
    """The unit name at the start of `text`, and where it ends."""
    best = None
    for name in context.units_by_first_char.get(text[:1], ()):
        if text.startswith(name) and (best is None or len(name) > len(best)):
            best = name
    if best is None:
        match = _NAME.match(text)
        if match and _plausible_name(match.group()):
            best = match.group()
    if best is None:
        return None
    end = len(best)
    bracket = _ALIAS_BRACKET.match(text[end:])  # 发改局（科技局）
    if bracket:
        end += bracket.end()
    return best, end


# A name guessed from its suffix alone is taken only in a shape unit names have: a level
# then a body (县财政局, 市发改委), a place and its level first (西安市灞桥区, 鼓楼区民政局),
# a short place name (城门镇, 白龙县, 东湖省) or a short body's name (发改局); not "科学确定村庄布局", "更好地发挥政府部门".
_NAME_SHAPES = re.compile(
    r"^[省市州县区镇乡](?![级内外])[\u4e00-\u9fff]{2,}"
    r"|^[\u4e00-\u9fff]{2,4}?(?:省|市|州|县|区|镇|乡|街道)(?![级内外])[\u4e00-\u9fff]*"
    r"|^[\u4e00-\u9fff]{1,4}(?:村|社区)$"
    r"|^[\u4e00-\u9fff]{2,5}(?:局|委|办|部|厅|院|所|站|中心|会|联|队|社|团|馆|公司|集团)$"  # 发改局, 团县委
)
# Words for kinds of places rather than names: 行政村, 贫困村, 经济强区, 帮扶县.
_KIND_OF_PLACE = re.compile(r"(?:行政|贫困|重点|强|帮扶|受援|结对|试点|示范|特色|美丽|和美|所在|周边|相关|有关)[省市县区镇乡村]$|[专片景]区$")
# Common nouns ending like a body (厕所, 东西部, 干部) and phrases over several units
# ("灞桥区等省内", "县直各单位工会") are not one unit's name, nor a place and its predicate ("黔川州将组织").
_COMMON_NOUN_END = re.compile(r"(?:厕|场|住)所$|(?:[东西南北中内外全局]|干)部$|等[省市县区]|.各|[省市州县区](?:将|要|已)")


def _plausible_name(name: str) -> bool:
    if (_VERBS.search(name) or _NOT_A_NAME.search(name) or _WHOLE_AREA.fullmatch(name)
            or _KIND_OF_PLACE.search(name) or _COMMON_NOUN_END.search(name)):
        return False
    if len(name) <= 2:
        return name.endswith("县")  # 沛县; "上市", "城区" are words
    return bool(_NAME_SHAPES.match(name))


def leading_units(text: str, context: Context) -> tuple[list[str], bool] | None:
    """Units listed at the start of a clause, and whether 各 distributes over them."""
    rest = _LEADING_FILLER.sub("", text)
    units = []
    while True:
        found = _unit_at(rest, context)
        if not found:
            break
        units.append(found[0])
        rest = rest[found[1]:]
        joiner = re.match(r"\s*(?:、|和|及|与)\s*", rest)
        if not joiner:
            break
        rest = rest[joiner.end():]
    if not units or _BYLINE.match(rest):
        return None
    return units, bool(re.match(r"\s*各", rest)) or "各" in rest[:12]


def _members(unit: str, context: Context) -> list[str]:
    return context.groups.get(unit, [unit])


_FILLER = re.compile(
    r"^(?:具体任务是|具体如下|具体|任务是|分别|负责|统计|筹集|落实|实现|安排|确保|至少|有|其中|数据|"
    r"各自辖区单位|辖区|原则上|每年|每月|每批|每个|各|共|计|约|达到?|不低于|不少于|为|的|和|及|、|\s)+"
)
_NOUN_AFTER = re.compile(r"^(?:以上)?([\u4e00-\u9fff“”]{2,14}?)(?=[，。；、,;（(]|$|在|到|来|赴|参与|就业|实习|落户)")


_VERB_LEAD = re.compile(r"^(?:帮助|协助|配合|选派|培训|建设|发布|举办|推出|筹集|募集|落实|销售|引进|资助|组织|转移|安排|开展|实现|争取|新增|提供)+")


def _metric(segment: str, clause: str, quantity: Quantity, context: Context) -> str | None:
    """What is counted: the noun after the figure ("3000名以上农村劳动力"), else
    the words before it once the unit, dates and filler go ("社会帮扶资金")."""
    after = _NOUN_AFTER.match(clause[quantity.end:])
    if after and not re.match(r"[的以在到赴用于]", after.group(1)):
        return after.group(1).strip("“”")
    before = segment
    units = leading_units(before, context)
    if units:
        for name in units[0]:
            before = before.replace(name, "", 1)
    before = re.sub(r"\d{4}年|[（(][^）)]*[）)]|[“”]", "", before)
    before = _FILLER.sub("", _VERB_LEAD.sub("", _FILLER.sub("", before)))
    before = re.sub(r"(?:不低于|不少于|至少有?|达到?|各|任务是|数为|为|是)+$", "", before)
    before = re.sub(r"(?<=\S{2})完成$", "", before)  # "招商引资实际到资额完成" → the thing, not the verb
    if len(before) >= 2 and not re.fullmatch(r"[\u4e00-\u9fff]{0,3}[区县市镇]", before):
        return before[-16:]
    return None


def extract_targets(text: str, context: Context, inherited: dict[str, str] | None = None) -> list[FoundTarget]:
    """Every target in a paragraph or cell of running text, in printed order."""
    printed = tidy(text)
    text = hant.fold(printed)  # cue words matched in simplified script; names given back as printed
    found: list[FoundTarget] = []
    subject: list[str] | None = None
    last_metric: dict[str, str] = dict(inherited or {})
    recent_lists: list[list[str]] = [[m.strip() for m in g.split("、")] for g in _ENUMERATION.findall(text)]
    for clause_match in re.finditer(r"[^。；;：:，,\n]+", text):
        clause = clause_match.group()
        head = leading_units(clause, context)
        if head:
            subject = head[0]
            recent_lists.append(head[0])
            list_item = _is_list_item(clause, context)
        for listed in re.findall(r"((?:[\u4e00-\u9fff]{2,12}(?:镇|街道|县|区)、){1,}[\u4e00-\u9fff]{2,12}(?:镇|街道|县|区))", clause):
            names = listed.split("、")
            names[0] = _VERBS.split(names[0])[-1]  # "建议安排城门镇" → 城门镇
            names[-1] = re.split(r"[与和及]", names[-1])[0]
            recent_lists.append(names)
        start = 0
        for quantity in find_quantities(clause):
            segment = clause[start:quantity.start]
            start = quantity.end
            if "原任务" in segment:
                continue  # restates a quota already set ("2024年原任务25.5万元")
            assignees = _assignees(segment, subject, recent_lists, context)
            if assignees and segment.strip() and leading_units(segment, context):
                subject = leading_units(segment, context)[0]
            # A figure that only names its unit ("鼓楼区11名") counts what the
            # paragraph counted last ("选派专业技术人员…马尾区12名").
            own = _metric(segment, clause, quantity, context)
            metric = own or last_metric.get(quantity.unit) or "数量"
            if own and metric_kind(own) == QUOTA:
                last_metric[quantity.unit] = own  # "差额20.7万元" is no name for the next quota
            each = len(assignees) if assignees and len(assignees) > 1 else None
            for assignee in assignees or [None]:
                found.append(FoundTarget(quantity, assignee, metric, inherited=own is None, each=each))
        if head and list_item:
            subject = None  # "鼓楼区11名" names its own unit; it is no subject for what follows
    if text != printed:
        for target in found:
            target.assignee = hant.restore(target.assignee, text, printed)
            target.metric = hant.restore(target.metric, text, printed)
    return found


def _is_list_item(clause: str, context: Context) -> bool:
    """A clause that is only units and figures: "马尾区1.33亿元、闽侯县1.33亿元"."""
    quantities = find_quantities(clause)
    if not quantities:
        return False
    rest = clause
    for quantity in reversed(quantities):
        rest = rest[: quantity.start] + "、" + rest[quantity.end:]
    while True:
        rest = re.sub(r"^[、\s各]+", "", rest)
        found = _unit_at(rest, context)
        if not found:
            return rest.strip("、 ") == ""
        rest = rest[found[1]:]


def _assignees(segment, subject, recent_lists, context) -> list[str] | None:
    if "双方" in segment and "各" in segment and len(context.parties) == 2:
        return list(context.parties)
    own = leading_units(segment, context)
    if own:
        units, each = own
        if each:
            return [m for u in units for m in _members(u, context)]
        return units if len(units) == 1 else None
    kind = _EACH_KIND.search(segment)
    if kind:
        noun = kind.group(1)
        level = _LEVEL[noun[-1]]
        if subject and len(subject) == 1 and subject[0] in context.groups and _LEVEL.get(subject[0][-1]) == level:
            return _members(subject[0], context)
        for listed in reversed(recent_lists):
            if len(listed) > 1 and all(_LEVEL.get(u[-1:]) == level or u.endswith("街道") and level == "town" for u in listed):
                return listed
        return None
    if "各" in segment and subject and len(subject) == 1 and subject[0] in context.groups:
        return _members(subject[0], context)
    if subject and len(subject) == 1:
        return subject
    return None
