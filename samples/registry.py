"""Sample registry: regions, units, aliases, groups and pairings for 鼓楼区 and 原州区.

This is demonstration data for development and training, not an official
register. Names follow real places so documents read naturally; hospitals,
schools and the pairing years are made up. `load_registry()` writes it
idempotently: running it again updates rows in place and never duplicates.
"""

from django.db import transaction

from orgs.models import GroupMembership, Pairing, Programme, Region, Unit, UnitAlias

K = Unit.Kind

# ---------------------------------------------------------------------------
# Regions: a nested tree. Depth gives the level (Region.Level numbers are
# depths: 省 1, 市 2, 县区 3, 乡镇街道 4, 村社区 5), so every root is a province.
# Every name is unique in this sample, which lets units name their region
# by its bare name below.
# ---------------------------------------------------------------------------
REGIONS = {
    "福建省": {
        "福州市": {
            "鼓楼区": {
                "鼓东街道": {}, "鼓西街道": {}, "温泉街道": {}, "东街街道": {}, "南街街道": {},
                "安泰街道": {}, "华大街道": {}, "水部街道": {}, "五凤街道": {}, "洪山镇": {},
            },
            "台江区": {}, "仓山区": {}, "晋安区": {}, "马尾区": {}, "长乐区": {},
            "闽侯县": {}, "连江县": {}, "福清市": {},
        },
        "南平市": {"武夷山市": {}},
    },
    "宁夏回族自治区": {
        "固原市": {
            "原州区": {
                "开城镇": {"开城村": {}, "和泉村": {}},
                "三营镇": {}, "官厅镇": {}, "头营镇": {}, "张易镇": {}, "彭堡镇": {},
                "中河乡": {}, "河川乡": {},
            },
            "西吉县": {}, "隆德县": {}, "泾源县": {}, "彭阳县": {},
        },
    },
}

# GB/T 2260 codes down to county level; towns and villages are left blank.
REGION_CODES = {
    "福建省": "350000", "福州市": "350100", "鼓楼区": "350102", "台江区": "350103",
    "仓山区": "350104", "马尾区": "350105", "晋安区": "350111", "长乐区": "350112",
    "闽侯县": "350121", "连江县": "350122", "福清市": "350181",
    "南平市": "350700", "武夷山市": "350782",
    "宁夏回族自治区": "640000", "固原市": "640400", "原州区": "640402",
    "西吉县": "640422", "隆德县": "640423", "泾源县": "640424", "彭阳县": "640425",
}

# ---------------------------------------------------------------------------
# 党委政府 units, one per city/county region and named exactly as the region,
# because documents assign tasks to "鼓楼区区委、政府" and mean the district.
# (region, full name). The printed forms become aliases (see _party_aliases).
# ---------------------------------------------------------------------------
PARTY_GOVERNMENTS = [
    ("福州市", "中共福州市委员会、福州市人民政府"),
    ("鼓楼区", "中共福州市鼓楼区委员会、福州市鼓楼区人民政府"),
    ("台江区", "中共福州市台江区委员会、福州市台江区人民政府"),
    ("仓山区", "中共福州市仓山区委员会、福州市仓山区人民政府"),
    ("晋安区", "中共福州市晋安区委员会、福州市晋安区人民政府"),
    ("马尾区", "中共福州市马尾区委员会、福州市马尾区人民政府"),
    ("长乐区", "中共福州市长乐区委员会、福州市长乐区人民政府"),
    ("闽侯县", "中共闽侯县委员会、闽侯县人民政府"),
    ("连江县", "中共连江县委员会、连江县人民政府"),
    ("福清市", "中共福清市委员会、福清市人民政府"),
    ("武夷山市", "中共武夷山市委员会、武夷山市人民政府"),
    ("固原市", "中共固原市委员会、固原市人民政府"),
    ("原州区", "中共固原市原州区委员会、固原市原州区人民政府"),
    ("隆德县", "中共隆德县委员会、隆德县人民政府"),
]

# ---------------------------------------------------------------------------
# Other units. Keys: name, kind, region, and optionally full_name, parent
# (a unit name), is_group, aliases [(alias, note)]. Unit names are unique in
# this sample too, so parents and group members are referred to by name.
# ---------------------------------------------------------------------------
UNITS = [
    # 福州市 city level
    {"name": "市委办公厅", "kind": K.DEPARTMENT, "region": "福州市", "parent": "福州市",
     "full_name": "中共福州市委办公厅"},
    {"name": "市政府办公厅", "kind": K.DEPARTMENT, "region": "福州市", "parent": "福州市",
     "full_name": "福州市人民政府办公厅"},
    {"name": "市乡村振兴局", "kind": K.DEPARTMENT, "region": "福州市", "parent": "福州市",
     "full_name": "福州市乡村振兴局"},
    {"name": "前方工作组", "kind": K.WORKING_GROUP, "region": "福州市", "parent": "福州市",
     "full_name": "福州市东西部协作驻固原工作组"},

    # 鼓楼区 departments
    {"name": "区委办", "kind": K.DEPARTMENT, "region": "鼓楼区", "parent": "鼓楼区",
     "full_name": "中共福州市鼓楼区委办公室"},
    {"name": "区政府办", "kind": K.DEPARTMENT, "region": "鼓楼区", "parent": "鼓楼区",
     "full_name": "福州市鼓楼区人民政府办公室"},
    {"name": "区民政局", "kind": K.DEPARTMENT, "region": "鼓楼区", "parent": "鼓楼区",
     "full_name": "福州市鼓楼区民政局", "aliases": [("区乡村振兴局", "挂牌")]},
    {"name": "区委组织部", "kind": K.DEPARTMENT, "region": "鼓楼区", "parent": "鼓楼区",
     "full_name": "中共福州市鼓楼区委组织部"},
    {"name": "区委宣传部", "kind": K.DEPARTMENT, "region": "鼓楼区", "parent": "鼓楼区",
     "full_name": "中共福州市鼓楼区委宣传部"},
    {"name": "区财政局", "kind": K.DEPARTMENT, "region": "鼓楼区", "parent": "鼓楼区",
     "full_name": "福州市鼓楼区财政局"},
    {"name": "区教育局", "kind": K.DEPARTMENT, "region": "鼓楼区", "parent": "鼓楼区",
     "full_name": "福州市鼓楼区教育局"},
    {"name": "区卫健局", "kind": K.DEPARTMENT, "region": "鼓楼区", "parent": "鼓楼区",
     "full_name": "福州市鼓楼区卫生健康局"},
    {"name": "区发改局", "kind": K.DEPARTMENT, "region": "鼓楼区", "parent": "鼓楼区",
     "full_name": "福州市鼓楼区发展和改革局",
     "aliases": [("发改局", "简称"), ("区科技局", "挂牌，文件写作“发改局（科技局）”")]},
    {"name": "区商务局", "kind": K.DEPARTMENT, "region": "鼓楼区", "parent": "鼓楼区",
     "full_name": "福州市鼓楼区商务局"},
    {"name": "区人社局", "kind": K.DEPARTMENT, "region": "鼓楼区", "parent": "鼓楼区",
     "full_name": "福州市鼓楼区人力资源和社会保障局"},
    {"name": "区农业农村局", "kind": K.DEPARTMENT, "region": "鼓楼区", "parent": "鼓楼区",
     "full_name": "福州市鼓楼区农业农村局"},
    # Documents only say 区管委会 (it pays out donated funds); full name unknown.
    {"name": "区管委会", "kind": K.DEPARTMENT, "region": "鼓楼区", "parent": "鼓楼区"},

    # 鼓楼区 mass organisations and the software park
    {"name": "区总工会", "kind": K.MASS_ORGANIZATION, "region": "鼓楼区", "full_name": "福州市鼓楼区总工会"},
    {"name": "区工商联", "kind": K.MASS_ORGANIZATION, "region": "鼓楼区", "full_name": "福州市鼓楼区工商业联合会"},
    {"name": "区妇联", "kind": K.MASS_ORGANIZATION, "region": "鼓楼区", "full_name": "福州市鼓楼区妇女联合会"},
    {"name": "区侨联", "kind": K.MASS_ORGANIZATION, "region": "鼓楼区", "full_name": "福州市鼓楼区归国华侨联合会"},
    {"name": "区科协", "kind": K.MASS_ORGANIZATION, "region": "鼓楼区", "full_name": "福州市鼓楼区科学技术协会"},
    {"name": "软件园", "kind": K.OTHER, "region": "鼓楼区", "full_name": "福州软件园管委会",
     "aliases": [("福州软件园管委会", "全称"), ("福州软件园", "文件中的写法")]},

    # The ten streets/town, each in its own region (printed order)
    *[
        {"name": street, "kind": K.TOWN, "region": street, "parent": "鼓楼区",
         "full_name": f"福州市鼓楼区{street}{'人民政府' if street.endswith('镇') else '办事处'}"}
        for street in ("鼓东街道", "鼓西街道", "温泉街道", "东街街道", "南街街道",
                       "安泰街道", "华大街道", "水部街道", "五凤街道", "洪山镇")
    ],

    # Group units: a task given to 十街镇 is given to each member
    {"name": "十街镇", "kind": K.TOWN, "region": "鼓楼区", "parent": "鼓楼区", "is_group": True,
     "aliases": [("各街镇", "文件中的泛称")]},
    {"name": "区直有关部门", "kind": K.DEPARTMENT, "region": "鼓楼区", "parent": "鼓楼区", "is_group": True},

    # Enterprise, hospital, school (hospital and school names are made up)
    {"name": "福州定有福电子商务有限公司", "kind": K.ENTERPRISE, "region": "鼓楼区"},
    {"name": "鼓楼区医院", "kind": K.HOSPITAL, "region": "鼓楼区", "full_name": "福州市鼓楼区医院"},
    {"name": "鼓楼实验小学", "kind": K.SCHOOL, "region": "鼓楼区", "full_name": "福州市鼓楼实验小学"},
    {"name": "温泉经合社", "kind": K.COOPERATIVE, "region": "温泉街道", "parent": "温泉街道",
     "full_name": "温泉街道温泉股份经济合作社"},

    # 原州区 side
    {"name": "原州区人民医院", "kind": K.HOSPITAL, "region": "原州区", "full_name": "固原市原州区人民医院"},
    {"name": "原州区第一小学", "kind": K.SCHOOL, "region": "原州区", "full_name": "固原市原州区第一小学"},
    {"name": "原州区乡村振兴局", "kind": K.DEPARTMENT, "region": "原州区", "parent": "原州区",
     "full_name": "固原市原州区乡村振兴局"},
    {"name": "开城镇", "kind": K.TOWN, "region": "开城镇", "parent": "原州区", "full_name": "固原市原州区开城镇人民政府"},
    {"name": "三营镇", "kind": K.TOWN, "region": "三营镇", "parent": "原州区", "full_name": "固原市原州区三营镇人民政府"},
    {"name": "开城村", "kind": K.VILLAGE, "region": "开城村", "parent": "开城镇", "full_name": "原州区开城镇开城村村民委员会"},
]

# Group members in printed order (position follows the list).
GROUPS = {
    "十街镇": ["鼓东街道", "鼓西街道", "温泉街道", "东街街道", "南街街道",
              "安泰街道", "华大街道", "水部街道", "五凤街道", "洪山镇"],
    "区直有关部门": ["区发改局", "区人社局", "区农业农村局", "区商务局"],
}

# ---------------------------------------------------------------------------
# Pairings. The town, hospital, school and enterprise pairings and their
# start year (2021, with the county pairing) are sample values.
# ---------------------------------------------------------------------------
P = Pairing.Level
EW, MS = Programme.EAST_WEST, Programme.MOUNTAIN_SEA
LEAD, PARTNER = Pairing.Role.LEAD, Pairing.Role.PARTNER

PAIRINGS = [
    # (helper, helped, level, programme, role, start_year, end_year, note)
    ("福州市", "固原市", P.CITY, EW, LEAD, 2016, None, ""),
    ("鼓楼区", "原州区", P.COUNTY, EW, LEAD, 2021, None, ""),
    ("闽侯县", "隆德县", P.COUNTY, EW, LEAD, 2021, None, ""),
    ("仓山区", "隆德县", P.COUNTY, EW, PARTNER, 2021, None, "闽侯县牵头"),
    ("晋安区", "隆德县", P.COUNTY, EW, PARTNER, 2021, None, "闽侯县牵头"),
    ("南街街道", "开城镇", P.TOWN, EW, LEAD, 2021, None, ""),
    ("温泉街道", "三营镇", P.TOWN, EW, LEAD, 2021, None, ""),
    ("鼓楼区医院", "原州区人民医院", P.HOSPITAL, EW, LEAD, 2021, None, ""),
    ("鼓楼实验小学", "原州区第一小学", P.SCHOOL, EW, LEAD, 2021, None, ""),
    ("福州定有福电子商务有限公司", "开城村", P.ENTERPRISE, EW, LEAD, 2021, None, ""),
    ("鼓楼区", "武夷山市", P.COUNTY, MS, LEAD, 2024, 2026, ""),
]


# ---------------------------------------------------------------------------
# Loader
# ---------------------------------------------------------------------------

def _save(model, lookup: dict, values: dict):
    """Update or create one row, running model validation first.

    update_or_create() would skip full_clean(); this keeps the sample held to
    the same rules as data entered through the admin.
    """
    obj = model.objects.filter(**lookup).first()
    created = obj is None
    if created:
        obj = model(**lookup)
    for field, value in values.items():
        setattr(obj, field, value)
    obj.full_clean()
    obj.save()
    return obj, created


def _party_aliases(name: str) -> list[str]:
    """The ways documents print a 党委政府: 鼓楼区委、区政府, 鼓楼区党委、政府, 鼓楼区区委、政府 …"""
    suffix = name[-1]  # 区 / 县 / 市
    return [f"{name}委、{suffix}政府", f"{name}党委、政府", f"{name}{suffix}委、政府",
            f"{name}委、政府", f"{name}党工委、政府"]


def _load_regions(tree: dict, parent: Region | None, level: int, out: dict) -> None:
    for name, children in tree.items():
        region, _ = _save(Region, {"parent": parent, "name": name},
                          {"level": level, "code": REGION_CODES.get(name, "")})
        if name in out:
            raise ValueError(f"样例区划名称重复：{name}")
        out[name] = region
        _load_regions(children, region, level + 1, out)


def _load_unit(spec: dict, regions: dict, units: dict) -> Unit:
    parent = units[spec["parent"]] if spec.get("parent") else None
    unit, _ = _save(Unit, {"region": regions[spec["region"]], "name": spec["name"]}, {
        "kind": spec["kind"], "full_name": spec.get("full_name", ""), "parent": parent,
        "is_group": spec.get("is_group", False), "is_active": True,
    })
    for alias, note in spec.get("aliases", []):
        _save(UnitAlias, {"unit": unit, "name": alias}, {"note": note})
    units[unit.name] = unit
    return unit


@transaction.atomic
def load_registry() -> dict:
    """Write the sample registry; safe to run again. Returns counts of what the sample holds."""
    regions: dict[str, Region] = {}
    _load_regions(REGIONS, None, Region.Level.PROVINCE, regions)

    units: dict[str, Unit] = {}
    for region_name, full_name in PARTY_GOVERNMENTS:
        _load_unit({
            "name": region_name, "kind": K.PARTY_GOVERNMENT, "region": region_name, "full_name": full_name,
            # 鼓楼区 sits under 福州市, 原州区 under 固原市; 武夷山市's city has no unit here.
            "parent": regions[region_name].parent.name if regions[region_name].parent.name in units else None,
            "aliases": [(alias, "文件中的写法") for alias in _party_aliases(region_name)],
        }, regions, units)
    for spec in UNITS:
        if spec["name"] in units:
            raise ValueError(f"样例单位名称重复：{spec['name']}")
        _load_unit(spec, regions, units)

    memberships = 0
    for group_name, member_names in GROUPS.items():
        for position, member_name in enumerate(member_names, start=1):
            _save(GroupMembership, {"group": units[group_name], "member": units[member_name]},
                  {"position": position})
            memberships += 1

    for helper, helped, level, programme, role, start, end, note in PAIRINGS:
        _save(Pairing, {"helper": units[helper], "helped": units[helped], "programme": programme,
                        "start_year": start},
              {"level": level, "role": role, "end_year": end, "note": note})

    return {
        "regions": len(regions),
        "units": len(units),
        "aliases": UnitAlias.objects.filter(unit__in=units.values()).count(),
        "memberships": memberships,
        "pairings": len(PAIRINGS),
    }
