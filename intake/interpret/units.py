"""Splitting a cell or clause of unit names into units, one by one.

Printed forms handled: space/、/；-separated lists; "X委、政府" (the 、 is part
of the name); "区民政局 (区乡村振兴局)" where the bracket is an alias; a
whole list in brackets; a garbled "…党委、…县委、政府、政府、政府" where the
trailing 政府 belong to the 委 names before them; "各镇、街" as one unit.
"""

import re

from intake.interpret import hant

UNIT_SUFFIXES = (
    "街道", "政府", "管委会", "中心", "集团", "公司", "医院", "学校", "工作组", "经合社", "部门", "单位", "社",
    "局", "办", "部", "委", "会", "园", "联", "镇", "乡", "区", "县", "市", "组", "院", "校", "所", "站", "厅", "团", "台",
    "街", "村", "处", "室", "队", "馆", "功能区", "科协", "商会", "协会", "省",
    "海关", "银行", "分行", "支行",
)
_SEPARATORS = re.compile(r"[\s、，,；;]+")
_BRACKETED = re.compile(r"[(（]([^()（）]*)[)）]")


# 马尾区, 马尾区区委、政府, 晋安区区党工委、政府, 闽侯县委、政府: a county and its 党委政府.
_COUNTY = re.compile(r"^(.{2,4}?[区县市])(?:[区县市]?(?:党工委|党委|委))?(?:、政府)?$")


def county_stem(name: str) -> str | None:
    """The county, district or city a name stands for ("晋安区区党工委、政府" → "晋安区"), else None."""
    match = _COUNTY.match(name or "")
    return match.group(1) if match and not re.search(r"街道|镇$", name) else None


def unit_level(name: str) -> int:
    """1 for a county, district or city (or its 党委政府), 2 for what lies within."""
    return 1 if county_stem(name) else 2


def looks_like_unit(name: str) -> bool:
    name = name.strip()
    return 2 <= len(name) <= 30 and hant.fold(name).endswith(UNIT_SUFFIXES) and not re.search(r"[。：:“”]", name)


def _attach_government(tokens: list[str]) -> list[str]:
    """"马尾区区委" + "政府" → "马尾区区委、政府"; trailing bare 政府 go to earlier 委 names in order."""
    result: list[str] = []
    waiting: list[int] = []  # indexes of "…委" names still without their 政府
    for token in tokens:
        if token == "政府":
            if result and result[-1].endswith("委") and (not waiting or waiting[-1] == len(result) - 1):
                if waiting and waiting[-1] == len(result) - 1:
                    waiting.pop()
                result[-1] += "、政府"
            elif waiting:
                index = waiting.pop(0)
                result[index] += "、政府"
            continue
        if len(token) == 1 and result:
            result[-1] += "、" + token  # 各镇、街
            continue
        if token.endswith("委") and not token.endswith(("团委", "管委", "工委")) or token.endswith(("党委", "县委", "区委", "市委", "党工委")):
            waiting.append(len(result))
        result.append(token)
    return result


def split_units(text: str, aliases: dict[str, str] | None = None) -> list[str]:
    """Unit names in printed order, aliases in brackets folded into their unit."""
    aliases = aliases or {}
    # Spaces separate units here, so only collapse them (tidy() would join names).
    text = re.sub(r"\s+", " ", text or "").strip()
    text = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[、，；;])|(?<=[、，；;])\s+", "", text)
    if not text or text in {"/", "—", "-"}:
        return []
    whole = _BRACKETED.fullmatch(text)
    if whole:
        text = whole.group(1)
    # "X (Y)": Y is another name of X, or its explanation; X stands.
    text = _BRACKETED.sub(_bracket, text)
    tokens = [t.replace("\x01", "、").replace("\x02", "（").replace("\x03", "）") for t in _SEPARATORS.split(text) if t]
    units = _share_suffix(_attach_government([part for token in tokens for part in _named_group(token)]))
    folded: list[str] = []
    for unit in units:
        canonical = aliases.get(unit)
        if canonical and folded and folded[-1] == canonical:
            continue  # "(区民政局 区乡村振兴局)": the second is the first's other plate
        folded.append(unit)
    return folded


_PLACE = re.compile(r"[\u4e00-\u9fff]{1,5}?[省市州县区镇乡]")
_SHARED = re.compile(r"([\u4e00-\u9fff]{1,5}?[省市州县区镇乡])(人民政府|政府|管委会|党委|党委政府)")


_GROUP_AFTER = re.compile(r"(.+?)等((?:[\u4e00-\u9fff]{1,4}级)?(?:有关|相关)(?:单位|部门))$")


def _named_group(token: str) -> list[str]:
    """"市水利局等市级有关部门": the unit and the group it heads; "X等单位" is X."""
    match = _GROUP_AFTER.fullmatch(token)
    if match:
        return [match.group(1), match.group(2)]
    return [re.sub(r"(?<=.{2})等(?:单位|部门)$", "", token)]


# Tails several names can share: "人民大垸、荒湖管理区" are 人民大垸管理区 and 荒湖管理区.
_SHARED_TAIL = re.compile(r"(管理区|开发区|高新区|示范区|工业园区|园区|管委会|办事处|人民政府)$")


def _share_suffix(units: list[str]) -> list[str]:
    """"滨江区、临湖区人民政府": the places before the last share its 人民政府; a bare name
    before "荒湖管理区" shares its 管理区; "各乡、镇人民政府" is one name."""
    units = list(units)
    for index in range(len(units) - 2, -1, -1):
        unit, after = units[index], units[index + 1]
        if re.fullmatch(r"各[乡镇街区县]", unit) and re.match(r"[乡镇街区县](?:人民政府|政府|办事处)", after):
            units[index:index + 2] = [unit + "、" + after]
            continue
        tail = _SHARED_TAIL.search(after)
        if tail and len(after) > len(tail.group()) + 1 and not looks_like_unit(unit) and len(unit) >= 2:
            units[index] = unit + tail.group()
    result = list(units)
    for index, unit in enumerate(units):
        match = _SHARED.fullmatch(unit)
        if not match:
            continue
        start = index
        while start > 0 and _PLACE.fullmatch(units[start - 1]) and not units[start - 1].startswith("各"):
            start -= 1
        for position in range(start, index):
            result[position] = units[position] + match.group(2)
    return result


def _bracket(match: re.Match) -> str:
    inner = match.group(1)
    parts = [p for p in re.split(r"[、，,]", inner) if p]
    if len(parts) > 1 and all(len(p.strip()) <= 2 for p in parts):
        # "各县（市、区）人民政府": the bracket belongs to the name; keep it, shielded from splitting.
        return "\x02" + "\x01".join(p.strip() for p in parts) + "\x03"
    return "" if _is_alias_note(inner) else " " + inner + " "


def _is_alias_note(inner: str) -> bool:
    parts = [p for p in _SEPARATORS.split(inner.strip()) if p]
    return len(parts) == 1


def learn_aliases(texts: list[str]) -> dict[str, str]:
    """Aliases a document itself reveals: "区民政局 (区乡村振兴局)" means 区乡村振兴局 = 区民政局."""
    found: dict[str, str] = {}
    for text in texts:
        for match in re.finditer(r"([\u4e00-\u9fff]{2,20})\s*[(（]\s*([\u4e00-\u9fff]{2,20})\s*[)）]", text):
            unit, alias = match.group(1), match.group(2)
            if looks_like_unit(unit) and looks_like_unit(alias):
                found[alias] = unit
    return found
