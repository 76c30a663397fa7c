"""Reading a 考核细则 (the detailed assessment rules an office prints): pure, no database.

An `intake` Document (read by `intake.readers.sniff.read_document`) holds a table whose header
names 考核项目/考核内容 (or 指标) and 分值, perhaps 类别/一级指标, 评分标准/考核标准 and
评分部门/责任单位. Merged cells arrive repeated (xlsx) or empty (some .docx): an empty category
or 项目 cell takes the one above. A category printed with its total — in its cell or as a row
across the table, “巩固拓展脱贫攻坚成果（30分）” — keeps that total for the checks. A row whose
category or 项目 says 加分 / 扣分 / 一票否决 is that kind of item. 评分标准 becomes the item's rule
only where a known form is printed; otherwise it stays text for the scorer.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from intake.document import Document, Paragraph, Table

NUMBER = r"(\d+(?:\.\d+)?)"
TOTAL = re.compile(rf"^(?P<name>.+?)\s*[（(]\s*(?:共|满分)?\s*{NUMBER}\s*分\s*[)）]\s*$")
PER_SHORTFALL = re.compile(rf"每(?:少|缺|差|减少)\s*{NUMBER}?\s*[^，,；;。扣]*?扣\s*{NUMBER}\s*分")
CAP = re.compile(rf"最多扣\s*{NUMBER}\s*分|扣完为止|最多扣完本项分值|扣完本项分值为止")

# Column roles, each by the words its header may carry (first match wins, in this order).
COLUMNS = (
    ("rule", ("评分标准", "考核标准", "评分办法", "计分方法", "评分细则")),
    ("scorer", ("评分部门", "考核单位", "责任单位", "评分单位", "考核部门", "牵头单位")),
    ("points", ("分值", "分数", "标准分")),
    ("category", ("类别", "一级指标", "考核类别")),
    ("item", ("考核项目", "二级指标", "项目")),
    ("content", ("考核内容", "指标内容", "考核指标", "内容", "指标")),
    ("ref", ("序号", "编号")),
)


class DetailedRulesError(ValueError):
    """The file holds no 考核细则 we can read; the message says what was missing, in Chinese."""


@dataclass
class ParsedItem:
    ref: str
    category: str
    text: str
    max_points: Decimal
    kind: str  # assessment.models.Item.Kind values
    rule: str  # assessment.models.Item.Rule values
    rule_text: str = ""
    rule_step: Decimal | None = None
    rule_points: Decimal | None = None
    rule_cap: Decimal | None = None
    scorer: str = ""  # the 评分部门 as printed; the service resolves it
    location: str = ""

    @property
    def understood(self) -> str:
        """What was read from 评分标准, for the preview."""
        if self.rule == "proportional":
            return "按完成比例得分"
        if self.rule == "full_when_met":
            return "完成得满分"
        if self.rule == "per_shortfall":
            cap = f"，最多扣{_fmt(self.rule_cap)}分" if self.rule_cap is not None else ""
            return f"每少{_fmt(self.rule_step)}扣{_fmt(self.rule_points)}分{cap}"
        return "人工评分（评分标准保留为文字）" if self.rule_text else "人工评分"


@dataclass
class ParsedCategory:
    name: str
    points: Decimal | None = None


@dataclass
class DetailedRules:
    categories: list[ParsedCategory] = field(default_factory=list)
    items: list[ParsedItem] = field(default_factory=list)


def _fmt(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"


def _decimal(text: str) -> Decimal | None:
    match = re.search(NUMBER, text or "")
    if not match:
        return None
    try:
        return Decimal(match.group(1))
    except InvalidOperation:
        return None


def _clean(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def _roles(header: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for index, title in enumerate(header):
        title = _clean(title)
        for role, words in COLUMNS:
            if role not in roles and any(w in title for w in words):
                roles[role] = index
                break
    if "content" not in roles and "item" in roles:
        roles["content"] = roles.pop("item")
    return roles


def _kind(*labels: str) -> str:
    text = "".join(labels)
    if "否决" in text:
        return "veto"
    if "加分" in text:
        return "bonus"
    if "扣分" in text:
        return "deduction"
    return "normal"


def parse_rule(text: str, max_points: Decimal) -> tuple[str, Decimal | None, Decimal | None, Decimal | None]:
    """(rule, step, points, cap) from 评分标准 as printed; ("manual", …) when no known form is there."""
    plain = _clean(text)
    if not plain:
        return "manual", None, None, None
    shortfall = PER_SHORTFALL.search(plain)
    if shortfall:
        step = Decimal(shortfall.group(1)) if shortfall.group(1) else Decimal(1)
        cap_match = CAP.search(plain)
        cap = None
        if cap_match:
            cap = Decimal(cap_match.group(1)) if cap_match.group(1) else max_points
        return "per_shortfall", step, Decimal(shortfall.group(2)), cap
    if "按完成比例" in plain or "按比例得分" in plain:
        return "proportional", None, None, None
    if re.search(r"完成(?:的)?得满分", plain):
        return "full_when_met", None, None, None
    return "manual", None, None, None


def _heading(text: str) -> ParsedCategory | None:
    match = TOTAL.match(_clean(text))
    return ParsedCategory(match.group("name"), Decimal(match.group(2))) if match else None


def parse_detailed_rules(document: Document) -> DetailedRules:
    """The categories and items of the 考核细则 tables in the document, in order."""
    result = DetailedRules()
    categories: dict[str, ParsedCategory] = {}
    heading: ParsedCategory | None = None  # a row across the table, read as a paragraph
    found = False

    def category(name: str, points: Decimal | None) -> str:
        if name not in categories:
            categories[name] = ParsedCategory(name, points)
            result.categories.append(categories[name])
        elif points is not None and categories[name].points is None:
            categories[name].points = points
        return name

    for block in document.blocks:
        if isinstance(block, Paragraph):
            heading = _heading(block.full_text) or heading
            continue
        # The header is the table's own (xlsx) or one of its first rows (a Word table).
        for skip, header in enumerate([block.header or []] + [r.texts for r in block.rows[:3]]):
            roles = _roles(header)
            if "content" in roles and "points" in roles:
                found = True
                _read_table(block, block.rows[skip:], roles, heading, category, result)
                break
    if not found:
        raise DetailedRulesError(f"“{document.name}”中没有找到带“考核项目/分值”表头的考核细则表"
                                 "（表头应有“考核项目”或“考核内容”列和“分值”列）")
    if not result.items:
        raise DetailedRulesError(f"“{document.name}”的考核细则表中没有带分值的考核项目")
    return result


def _read_table(table: Table, rows: list, roles: dict[str, int], heading, category, result: DetailedRules) -> None:
    def cell(texts: list[str], role: str) -> str:
        index = roles.get(role)
        return texts[index].strip() if index is not None and index < len(texts) else ""

    above = {"category": "", "item": ""}
    for row in rows:
        texts = row.texts
        for role in ("category", "item"):
            if cell(texts, role):
                above[role] = cell(texts, role)
        content, points_text = cell(texts, "content"), cell(texts, "points")
        printed_category = above["category"]
        if not content and not points_text:
            # A row naming only a category (its cell) starts it: “产业发展（20分）”.
            continue
        found = _heading(printed_category) if printed_category else None
        if found:
            name = category(found.name, found.points)
        elif printed_category:
            name = category(printed_category, None)
        elif heading:
            name = category(heading.name, heading.points)
        else:
            name = ""
        item_label = above["item"] if "item" in roles else ""
        kind = _kind(printed_category, item_label, heading.name if heading and not printed_category else "")
        max_points = _decimal(points_text)
        if max_points is None:
            if kind != "veto":
                raise DetailedRulesError(f"{table.location}{row.location}：“{content[:20]}”没有写分值")
            max_points = Decimal(0)
        text = content if not item_label or item_label == content else f"{item_label}：{content}"
        rule_text = cell(texts, "rule")
        rule, step, points, cap = parse_rule(rule_text, max_points) if kind == "normal" else ("manual", None, None, None)
        result.items.append(ParsedItem(
            ref=cell(texts, "ref") or str(len(result.items) + 1), category=name, text=text, max_points=max_points,
            kind=kind, rule=rule, rule_text=rule_text, rule_step=step, rule_points=points, rule_cap=cap,
            scorer=cell(texts, "scorer"), location=f"{table.location}{row.location}"))
