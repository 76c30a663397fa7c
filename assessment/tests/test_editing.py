"""The office edits its scheme while 编制中, each change audited with its reason, and the checks
say where items do not add up to their category's or the scheme's total."""

from decimal import Decimal

from django.urls import reverse

from assessment.editing import ItemForm, scheme_checks
from assessment.models import Category, Item, Scheme
from orgs.models import Unit


def test_checks_name_units_and_categories_that_do_not_add_up(scheme):
    s = scheme["scheme"]
    # Built from the plan: 区民政局 60, 鼓东街道 60 + 40, 鼓西街道 and 洪山镇 60.
    assert scheme_checks(s) == ["区民政局、鼓西街道、洪山镇的考核项目合计60分，与每个单位满分100分不符"]
    Category.objects.filter(scheme=s, name="资金支持").update(points=Decimal(70))
    Category.objects.filter(scheme=s, name="宣传").update(points=Decimal(40))
    found = scheme_checks(s)
    assert "类别“资金支持”70分，区民政局、鼓东街道、鼓西街道、洪山镇在此类别的项目合计60分" in found
    assert "各类别分值合计110分，与每个单位满分100分不符" in found


def test_the_office_adds_and_changes_items_with_a_reason(client, scheme, publicity):
    s, office = scheme["scheme"], scheme["people"]["office"]
    client.force_login(office)
    url = reverse("assessment:item_save", args=[s.pk])
    data = {"ref": "3", "text": "开展消费帮扶。", "max_points": "40", "kind": "normal", "unit_kind": Unit.Kind.TOWN,
            "rule": "per_shortfall", "requirement": "提供采购凭证"}
    refused = client.post(url, {**data, "reason": "补充项目"}, follow=True).content.decode()
    assert "须写明每少多少和每次扣几分" in refused and not Item.objects.filter(ref="3").exists()
    no_reason = client.post(url, {**data, "rule_step": "1", "rule_points": "2"}, follow=True).content.decode()
    assert "请写明修改原因" in no_reason
    client.post(url, {**data, "rule_step": "1", "rule_points": "2", "scoring_unit": publicity[0].pk, "reason": "补充消费帮扶"})
    item = Item.objects.get(ref="3")
    assert (item.unit_kind, item.scoring_unit, item.rule_points) == (Unit.Kind.TOWN, publicity[0], Decimal(2))
    assert item.history.first().history_change_reason == "补充消费帮扶"
    # The towns now add up: 鼓西街道 and 洪山镇 60 + 40; 鼓东街道 100 + 40.
    checks = scheme_checks(s)
    assert "区民政局的考核项目合计60分，与每个单位满分100分不符" in checks
    assert "鼓东街道的考核项目合计140分，与每个单位满分100分不符" in checks
    page = client.get(reverse("assessment:edit", args=[s.pk]) + f"?item={item.pk}").content.decode()
    assert "修改第3项" in page and "鼓东街道的考核项目合计140分" in page
    client.post(reverse("assessment:item_delete", args=[s.pk, item.pk]), {"reason": "重复"})
    assert not Item.objects.filter(ref="3").exists()
    # Once opened, the items are fixed.
    Scheme.objects.filter(pk=s.pk).update(state=Scheme.State.OPEN)
    opened = client.post(url, {**data, "rule_step": "1", "rule_points": "2", "reason": "再加"}, follow=True).content.decode()
    assert "只有编制中的方案可以修改项目" in opened
    client.force_login(scheme["people"]["reviewer"])
    assert client.post(url, {**data, "reason": "x"}).status_code == 403


def test_the_item_form_requires_assessed_units(scheme):
    form = ItemForm({"ref": "9", "text": "x", "max_points": "5", "kind": "bonus", "rule": "manual"}, scheme=scheme["scheme"])
    assert not form.is_valid() and "请指定被考核单位" in str(form.errors)
