"""Who is responsible, read from the words around an item rather than from a table.

Forms handled (full-width or ASCII punctuation alike):
- a bracket closing the item: "(责任单位:A,B)", "（牵头单位：X；责任单位：Y、Z）",
  "【牵头单位:X;责任单位:Z】", "(X牵头,Y、Z分工负责)", "(Y、Z分工负责)", "(市发改委)";
- a line of its own after the item: "责任单位：X（牵头），Y、Z", "牵头单位：X", "完成时限：…";
- inside the sentence: "由X负责", "由X、Y分别负责", "由X牵头，Y、Z配合".
"""

import functools
import re

from intake.interpret import hant
from intake.interpret.text import tidy
from intake.interpret.units import looks_like_unit, split_units

LABEL_KEYS = _LABEL_KEYS = r"完成时限|完成时间|牵头单位|责任单位|配合单位|协办单位|参与单位|责任部门|牵头部门|配合部门|主办单位|承办单位|协助单位"
# A bracket at the very end of the item, allowing one level of brackets inside (区农业农村局（区委农办）).
_TRAILING = re.compile(r"[（(【〔\[]((?:[^（）()【】〔〕\[\]]|[（(][^（）()]*[）)])*)[）)】〕\]]\s*[。；;.]?\s*$")
_ROLE_WORDS = re.compile(r"牵头|负责|配合|责任|协办|参与|协助")
_UNIT_LINE = re.compile(rf"^(?:{_LABEL_KEYS})\s*[:：]")
_DEADLINE_LABELS = ("完成时限", "完成时间", "完成期限", "时间节点", "时限要求", "进度安排", "时间安排", "时限")
# A web page may keep a character's pinyin gloss: "进(jìn)度安排".
_GLOSS = r"(?:\([a-zü\u00e0-\u01dc]{1,6}\))?"
_DEADLINE_LINE = re.compile(
    r"^(?:" + "|".join(_GLOSS.join(label) for label in _DEADLINE_LABELS) + r")" + _GLOSS + r"\s*[:：]\s*(.*)$")
# "X牵头", "Y、Z分工负责", "C及D按职责分工负责", "Y配合": names then the role they take.
_ROLE_PHRASE = re.compile(
    r"(.+?)(按职责分工负责|按职责负责|分工负责|分别负责|共同负责|负责|分别牵头|牵头|配合|协助|参与|协办)"
)
_BY = re.compile(
    r"由([^，。；,;：:由]{2,60}?)(分别牵头|牵头|分别负责|共同负责|负责)"
    r"(?:[，,]\s*([^，。；,;：:]{2,80}?)(?:等单位)?(?:配合|协助|参与))?"
)


def _any_script(read):
    """Read a text in traditional script on its simplified fold; what is found comes
    back in the printed characters (hant.restore)."""
    @functools.wraps(read)
    def reader(text, *args):
        if not text or hant.is_folded(text):
            return read(text, *args)
        printed = tidy(text)
        folded = hant.fold(printed)
        return hant.restore(read(folded, *args), folded, printed)
    return reader


def _names(text: str, aliases) -> list[str]:
    text = re.sub(r"^(?:由|请)", "", text.strip(" ，,、;；"))
    # "X、Y等市级有关部门": X, Y and the group itself.
    text = re.sub(r"等((?:[\u4e00-\u9fff]{1,4}级)?(?:有关|相关)(?:单位|部门))$", r"、\1", text)
    text = re.sub(r"等(?:单位|部门)$", "", text)
    units = []
    for unit in split_units(text.replace("及", "、"), aliases):
        # "X和Y": two units, unless 和 is inside one name (住房和城乡建设局).
        left, _, right = unit.partition("和")
        units += [left, right] if right and looks_like_unit(left) and looks_like_unit(right) else [unit]
    return [u for u in units if u]


def _marked_lead(text: str, aliases) -> tuple[list[str], list[str]]:
    """"X（牵头），Y、Z": the unit marked （牵头） leads, the rest take part."""
    lead, partner = [], []
    for piece in re.split(r"[，,；;]", text):
        marked = re.search(r"[（(]\s*牵头\s*[）)]", piece)
        names = _names(re.sub(r"[（(]\s*牵头\s*[）)]", "", piece), aliases)
        (lead if marked else partner).extend(names)
    return lead, partner


@_any_script
def parse_unit_clause(inner: str, aliases=None) -> tuple[list[str], list[str]] | None:
    """Lead and partner units from a clause's words; None when the words name no units."""
    inner = tidy(inner)
    if not inner:
        return None
    if re.search(rf"(?:{_LABEL_KEYS})\s*[:：]", inner):
        lead, partner, responsible = [], [], []
        parts = re.split(rf"[；;。]|[，,]\s*(?=(?:{_LABEL_KEYS})\s*[:：])", inner)
        for part in parts:
            label, _, names = re.sub(r"[:：]", ":", part, count=1).partition(":")
            if not names:
                continue
            if "（牵头）" in names or "(牵头)" in names:
                marked_lead, rest = _marked_lead(names, aliases)
                lead += marked_lead
                partner += rest
                continue
            if re.search(r"时限|时间|期限", label):
                continue  # "完成时限：6月底前" inside the bracket: a deadline, read by deadline_in_clause
            own_role = re.search(r"(分别牵头|共同牵头|牵头|分别负责|负责)$", names)
            units = _names(names[:own_role.start()] if own_role else names, aliases)
            if "牵头" in label or own_role and "牵头" in own_role.group(1):
                lead += units
            elif re.search(r"配合|协办|参与|协助", label):
                partner += units
            else:
                responsible += units
        if lead:
            partner = responsible + partner
        else:
            lead = responsible
        return (lead, partner) if lead or partner else None
    phrases = list(_ROLE_PHRASE.finditer(inner))
    if phrases and "".join(m.group(0) for m in phrases).strip("，,；; ") != "":
        lead, partner, sharing = [], [], []
        for match in phrases:
            names = _names(match.group(1), aliases)
            role = match.group(2)
            if "牵头" in role:
                lead += names
            elif role in ("配合", "协助", "参与", "协办"):
                partner += names
            else:
                sharing += names
        if lead:
            partner = partner + sharing if not partner else sharing + partner
        else:
            lead = sharing
        if not (lead or partner):
            return None
        return lead, partner
    units = _names(inner, aliases)
    if units and all(looks_like_unit(u) for u in units):
        return units, []
    return None


@_any_script
def trailing_clause(text: str, aliases=None) -> tuple[str, tuple[list[str], list[str]]] | None:
    """The item's text without a closing unit bracket, and the bracket's units."""
    match = _TRAILING.search(text)
    if not match:
        return None
    inner = match.group(1)
    before = text[:match.start()].rstrip()
    bare_units = not _ROLE_WORDS.search(inner)
    # A bare list of names counts only after the sentence has ended: "…。(市发改委)";
    # "发改局（科技局）" mid-sentence is an alias.
    if bare_units and not re.search(r"[。；;.!！]$", before):
        return None
    units = parse_unit_clause(inner, aliases)
    if not units:
        return None
    ending = "。" if re.search(r"[。]\s*$", match.group(0)) and not before.endswith("。") else ""
    return before + ending, units


@_any_script
def in_text_units(text: str, aliases=None) -> tuple[list[str], list[str]] | None:
    """"由X负责" / "由X牵头，Y、Z配合" written inside the sentence (the words stay in the text)."""
    lead, partner = [], []
    for match in _BY.finditer(tidy(text)):
        names = _names(match.group(1), aliases)
        if not names or not all(looks_like_unit(n) for n in names):
            continue
        lead += [n for n in names if n not in lead]
        if match.group(3):
            partner += [n for n in _names(match.group(3), aliases) if n not in partner]
    return (lead, partner) if lead else None


@_any_script
def is_unit_line(text: str) -> bool:
    return bool(_UNIT_LINE.match(tidy(text)))


@_any_script
def unit_line(text: str, aliases=None) -> tuple[list[str], list[str]] | None:
    return parse_unit_clause(tidy(text), aliases) if is_unit_line(text) else None


@_any_script
def deadline_line(text: str) -> str | None:
    match = _DEADLINE_LINE.match(tidy(text))
    return match.group(1).strip() if match else None


_CLAUSE_DEADLINE = re.compile(r"(?:完成时限|完成时间|时间节点|时限)\s*[:：]\s*([^；;）)】〕\]，,]+)")


@_any_script
def deadline_in_clause(text: str) -> str | None:
    """"（责任单位：X；完成时限：2026年6月底前）": the time limit a unit clause states."""
    match = _CLAUSE_DEADLINE.search(tidy(text))
    return match.group(1).strip() if match else None
