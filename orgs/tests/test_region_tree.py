import pytest

from orgs.models import Region
from orgs.services import scope_region_ids, subtree_region_ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    province = Region.objects.create(name="福建省", level=Region.Level.PROVINCE)
    city = Region.objects.create(name="福州市", level=Region.Level.CITY, parent=province)
    county = Region.objects.create(name="鼓楼区", level=Region.Level.COUNTY, parent=city)
    street = Region.objects.create(name="鼓东街道", level=Region.Level.TOWN, parent=county)
    village = Region.objects.create(name="鼓东社区", level=Region.Level.VILLAGE, parent=street)
    sibling = Region.objects.create(name="仓山区", level=Region.Level.COUNTY, parent=city)
    sibling_street = Region.objects.create(name="仓前街道", level=Region.Level.TOWN, parent=sibling)
    return {r.name: r.pk for r in (province, city, county, street, village, sibling, sibling_street)}


def test_subtree_is_the_region_and_everything_below_it(tree, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert subtree_region_ids(tree["鼓楼区"]) == {tree["鼓楼区"], tree["鼓东街道"], tree["鼓东社区"]}
    assert subtree_region_ids(tree["福州市"]) == set(tree.values()) - {tree["福建省"]}
    assert subtree_region_ids(tree["鼓东社区"]) == {tree["鼓东社区"]}


def test_scope_adds_the_ancestors_but_not_the_siblings(tree):
    county = Region.objects.get(pk=tree["鼓楼区"])
    assert scope_region_ids(county) == {tree[name] for name in ("福建省", "福州市", "鼓楼区", "鼓东街道", "鼓东社区")}
