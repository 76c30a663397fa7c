"""The office edits its scheme while it is 编制中: categories with their points, items with
分值, 考核要求, kind, 评分标准 and 评分部门. One action each, one transaction, audited with the
reason the form asks for; and the checks that say where the points do not add up."""

from collections import defaultdict
from decimal import Decimal

from django import forms
from django.db import transaction

from assessment import access
from assessment.errors import AssessmentError
from assessment.models import Category, Item, Scheme, ScoreSheet
from assessment.queries import score_table
from assessment.rules import fmt
from history.records import acting
from orgs.models import Unit
from orgs.services import subtree_region_ids

ITEM_FIELDS = ["category", "ref", "text", "max_points", "requirement", "kind", "unit", "unit_kind", "rule",
               "rule_step", "rule_points", "rule_floor", "rule_cap", "scoring_unit"]


class ItemForm(forms.ModelForm):
    class Meta:
        model = Item
        fields = ITEM_FIELDS
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "requirement": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, scheme: Scheme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = scheme.categories.all()
        self.fields["unit"].queryset = Unit.objects.filter(score_sheets__scheme=scheme).order_by("name")
        units = Unit.objects.filter(is_group=False).order_by("kind", "name")
        if scheme.office_id and scheme.office.region_id:
            units = units.filter(region_id__in=subtree_region_ids(scheme.office.region_id))
        self.fields["scoring_unit"].queryset = units

    def clean(self):
        data = super().clean()
        if not data.get("unit") and not data.get("unit_kind"):
            raise forms.ValidationError("请指定被考核单位，或被考核单位类型（该类型的每个单位都考核此项）")
        if data.get("rule") == Item.Rule.PER_SHORTFALL and (not data.get("rule_step") or data.get("rule_points") is None):
            raise forms.ValidationError("“每少一定数量扣分”须写明每少多少和每次扣几分")
        return data


class CategoryForm(forms.ModelForm):
    class Meta:
        model = Category
        fields = ["name", "points", "position"]


def _editable(user, scheme: Scheme) -> Scheme:
    if not access.may_manage(user, scheme):
        raise AssessmentError("只有组织考核的协作办公室管理员可以修改考核方案")
    scheme = Scheme.objects.select_for_update().get(pk=scheme.pk)
    if scheme.state != Scheme.State.DRAFT:
        raise AssessmentError(f"考核方案当前为“{scheme.get_state_display()}”，只有编制中的方案可以修改项目")
    return scheme


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise AssessmentError("请写明修改原因", "reason")
    return reason


def do_save_item(user, scheme: Scheme, form: ItemForm, reason: str) -> Item:
    """A new item or a changed one (the form bound to it); a unit named that has no sheet yet
    gets one."""
    reason = _reason(reason)
    if not form.is_valid():
        problems = "；".join(f"{form.fields[f].label if f in form.fields else ''}{'：' if f in form.fields else ''}{e}"
                            for f, errors in form.errors.items() for e in errors)
        raise AssessmentError(f"未保存：{problems}")
    with transaction.atomic(), acting(user, reason):
        scheme = _editable(user, scheme)
        item = form.save(commit=False)
        item.scheme = scheme
        if item.pk is None:
            item.position = (scheme.items.order_by("-position").values_list("position", flat=True).first() or 0) + 1
        item.save()
        if item.unit_id:
            ScoreSheet.objects.get_or_create(scheme=scheme, unit_id=item.unit_id,
                                             defaults={"position": scheme.sheets.count()})
    return item


def do_delete_item(user, item: Item, reason: str) -> None:
    reason = _reason(reason)
    with transaction.atomic(), acting(user, reason):
        _editable(user, item.scheme)
        item.delete()


def do_save_category(user, scheme: Scheme, form: CategoryForm, reason: str) -> Category:
    reason = _reason(reason)
    if not form.is_valid():
        raise AssessmentError("未保存：" + "；".join(e for errors in form.errors.values() for e in errors))
    with transaction.atomic(), acting(user, reason):
        scheme = _editable(user, scheme)
        category = form.save(commit=False)
        category.scheme = scheme
        if scheme.categories.filter(name=category.name).exclude(pk=category.pk).exists():
            raise AssessmentError(f"类别“{category.name}”已存在")
        category.save()
    return category


def scheme_checks(scheme: Scheme, table=None) -> list[str]:
    """Where the points do not add up: a unit's ordinary items against the scheme's 满分, a
    category's items against its points, the categories against the scheme's total. Units with
    the same sum are named together, so a city's thousand towns give one line, not a thousand."""
    table = table or score_table(scheme)
    sheets = [row.sheet for row in table.rows]
    totals: dict[int, Decimal] = {}
    by_category: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
    for row in table.rows:
        totals[row.sheet.pk] = row.full_marks
        for cell in row.cells.values():
            if cell.item.kind == Item.Kind.NORMAL and cell.item.category_id:
                by_category[(cell.item.category_id, row.sheet.pk)] += cell.item.max_points
    found = []
    off: dict[Decimal, list[str]] = defaultdict(list)
    for sheet in sheets:
        if totals[sheet.pk] != scheme.total:
            off[totals[sheet.pk]].append(sheet.unit.name)
    for total, names in sorted(off.items()):
        found.append(f"{_names(names)}的考核项目合计{fmt(total)}分，与每个单位满分{fmt(scheme.total)}分不符")
    categories = list(scheme.categories.all())
    for category in categories:
        if category.points is None:
            continue
        wrong: dict[Decimal, list[str]] = defaultdict(list)
        for sheet in sheets:
            value = by_category.get((category.pk, sheet.pk))
            if value is not None and value != category.points:
                wrong[value].append(sheet.unit.name)
        for value, names in sorted(wrong.items()):
            found.append(f"类别“{category.name}”{fmt(category.points)}分，{_names(names)}在此类别的项目合计{fmt(value)}分")
    if categories and all(c.points is not None for c in categories):
        summed = sum((c.points for c in categories), Decimal(0))
        if summed != scheme.total:
            found.append(f"各类别分值合计{fmt(summed)}分，与每个单位满分{fmt(scheme.total)}分不符")
    return found


def _names(names: list[str]) -> str:
    return "、".join(names) if len(names) <= 5 else "、".join(names[:5]) + f"等{len(names)}个单位"
