"""Importing a 考核细则 into a scheme while it is 编制中: the parsed categories and items
(assessment.detailed_rules) created in one transaction, audited with the office's reason.

评分部门 are matched by name or alias among the units of the office's region
(orgs.services.resolve_unit); a name that matches none, or several, is reported and nothing is
written — never guessed. Whether the items add up is for the checks (editing.scheme_checks)."""

from django.db import transaction

from assessment.detailed_rules import DetailedRules
from assessment.editing import _editable, _reason
from assessment.errors import AssessmentError
from assessment.models import Category, Item, Scheme
from history.records import acting
from orgs.models import Unit
from orgs.services import resolve_unit


def _full_text(parsed_item) -> str:
    """The item's text, with the printed 评分标准 kept for the scorer."""
    if parsed_item.rule_text:
        return f"{parsed_item.text}\n评分标准：{parsed_item.rule_text}"
    return parsed_item.text


def scorers(scheme: Scheme, parsed: DetailedRules) -> tuple[dict[str, Unit], list[str]]:
    """Each printed 评分部门 → its unit, and the problems (unknown or ambiguous names)."""
    scope = scheme.office.region if scheme.office_id else None
    found: dict[str, Unit] = {}
    problems: list[str] = []
    for printed in dict.fromkeys(i.scorer for i in parsed.items if i.scorer):
        resolution = resolve_unit(printed, scope)
        if resolution.unit is not None:
            found[printed] = resolution.unit
        elif resolution.candidates:
            names = "、".join(u.name for u in resolution.candidates[:5])
            problems.append(f"评分部门“{printed}”对应多个单位（{names}），请在细则中写全称")
        else:
            problems.append(f"评分部门“{printed}”在本办公室的单位中找不到，请先在单位名录中添加或设置简称")
    return found, problems


def do_import_detailed_rules(actor, scheme: Scheme, parsed: DetailedRules, reason: str, unit_kind: str) -> list[Item]:
    """Create the 考核细则's categories and items for every unit of `unit_kind` on the scheme."""
    reason = _reason(reason)
    if unit_kind not in Unit.Kind.values:
        raise AssessmentError("请选择被考核单位类型（细则的每一项由该类型的每个单位考核）", "unit_kind")
    with transaction.atomic(), acting(actor, reason):
        scheme = _editable(actor, scheme)
        units, problems = scorers(scheme, parsed)
        if problems:
            raise AssessmentError("未导入：" + "；".join(problems))
        # A second press of 导入 (or the same file again) would double every item: refused, named.
        texts = {_full_text(i) for i in parsed.items}
        again = list(scheme.items.filter(text__in=texts).values_list("text", flat=True)[:3])
        if again:
            raise AssessmentError("未导入：方案中已有细则中的项目（" + "；".join(t.split("\n")[0][:20] for t in again)
                                  + "），请勿重复导入；要改动请在项目页修改或删除后再导入")
        categories = {c.name: c for c in scheme.categories.all()}
        position = scheme.categories.count()
        for parsed_category in parsed.categories:
            existing = categories.get(parsed_category.name)
            if existing is None:
                position += 1
                categories[parsed_category.name] = Category.objects.create(
                    scheme=scheme, name=parsed_category.name, points=parsed_category.points, position=position)
            elif existing.points is None and parsed_category.points is not None:
                existing.points = parsed_category.points
                existing.save(update_fields=["points"])
        last = scheme.items.order_by("-position").values_list("position", flat=True).first() or 0
        created = []
        for offset, parsed_item in enumerate(parsed.items, start=1):
            created.append(Item.objects.create(
                scheme=scheme, category=categories.get(parsed_item.category), ref=parsed_item.ref[:32],
                text=_full_text(parsed_item),
                max_points=parsed_item.max_points, kind=parsed_item.kind, unit_kind=unit_kind, rule=parsed_item.rule,
                rule_step=parsed_item.rule_step, rule_points=parsed_item.rule_points, rule_cap=parsed_item.rule_cap,
                scoring_unit=units.get(parsed_item.scorer), position=last + offset))
    return created
