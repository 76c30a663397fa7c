"""The registry: regions, units, their aliases and groups, and pairings."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from history.records import audited
from orgs.names import normalize_name


class Programme(models.TextChoices):
    """The kinds of collaboration work. Plans and pairings both carry one."""

    EAST_WEST = "east_west", "东西部协作"
    MOUNTAIN_SEA = "mountain_sea", "山海协作"
    INTRA_PROVINCE = "intra_province", "省内协作帮扶"
    COUNTERPART = "counterpart", "对口帮扶"
    OTHER = "other", "其他"


class Region(models.Model):
    class Level(models.IntegerChoices):
        # Numbers give depth, so a child must have a larger level than its parent.
        PROVINCE = 1, "省"
        CITY = 2, "市"
        COUNTY = 3, "县区"
        TOWN = 4, "乡镇街道"
        VILLAGE = 5, "村社区"

    name = models.CharField("名称", max_length=64)
    level = models.PositiveSmallIntegerField("层级", choices=Level.choices)
    parent = models.ForeignKey(
        "self", verbose_name="上级区划", null=True, blank=True,
        on_delete=models.PROTECT, related_name="children",
    )
    code = models.CharField("区划代码", max_length=12, blank=True, help_text="GB/T 2260 行政区划代码，可不填")

    history = audited("区划修改记录")

    class Meta:
        verbose_name = "行政区划"
        verbose_name_plural = "行政区划"
        ordering = ["level", "name"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="region_name_unique_in_parent"),
            models.UniqueConstraint(
                fields=["name"], condition=Q(parent__isnull=True), name="region_root_name_unique"
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        self.name = normalize_name(self.name)
        if self.parent_id and self.parent.level >= self.level:
            raise ValidationError({"level": f"下级区划的层级必须低于上级“{self.parent.name}”（{self.parent.get_level_display()}）"})
        if self.pk and self.parent_id and self.pk in {r.pk for r in self.parent.lineage()}:
            raise ValidationError({"parent": "上级区划不能是自身或自身的下级"})

    def lineage(self) -> list["Region"]:
        """This region and its ancestors, from the root down."""
        chain, node, seen = [], self, set()
        while node is not None and node.pk not in seen:
            seen.add(node.pk)
            chain.append(node)
            node = node.parent
        return list(reversed(chain))

    @property
    def full_name(self) -> str:
        return "".join(r.name for r in self.lineage())


class Unit(models.Model):
    class Kind(models.TextChoices):
        PARTY_GOVERNMENT = "party_government", "党委政府"
        DEPARTMENT = "department", "部门"
        TOWN = "town", "街镇"
        ENTERPRISE = "enterprise", "企业"
        MASS_ORGANIZATION = "mass_organization", "群团"
        WORKING_GROUP = "working_group", "工作组"
        HOSPITAL = "hospital", "医院"
        SCHOOL = "school", "学校"
        VILLAGE = "village", "村社区"
        COOPERATIVE = "cooperative", "经合社"
        OTHER = "other", "其他"

    name = models.CharField("名称", max_length=128, help_text="文件中通常的写法，如“区民政局”")
    full_name = models.CharField("全称", max_length=255, blank=True)
    kind = models.CharField("类型", max_length=32, choices=Kind.choices)
    region = models.ForeignKey(Region, verbose_name="所在区划", on_delete=models.PROTECT, related_name="units")
    parent = models.ForeignKey(
        "self", verbose_name="上级单位", null=True, blank=True,
        on_delete=models.PROTECT, related_name="subunits",
    )
    is_group = models.BooleanField(
        "集合单位", default=False,
        help_text="如“十街镇”“区直有关部门”：代表其成员单位，任务和指标可展开到每个成员",
    )
    members = models.ManyToManyField(
        "self", verbose_name="成员单位", symmetrical=False, blank=True,
        through="GroupMembership", through_fields=("group", "member"), related_name="member_of",
    )
    contact_person = models.CharField("联系人", max_length=64, blank=True)
    contact_phone = models.CharField("联系电话", max_length=32, blank=True)
    is_active = models.BooleanField("在用", default=True)

    history = audited("单位修改记录")

    class Meta:
        verbose_name = "单位"
        verbose_name_plural = "单位"
        ordering = ["region__level", "region__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="unit_name_unique_in_region"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        self.name = normalize_name(self.name)
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": "上级单位不能是自身"})


class UnitAlias(models.Model):
    """Another name a unit goes by: 区乡村振兴局 for 区民政局, a short or old name."""

    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField("别名", max_length=128)
    note = models.CharField("说明", max_length=255, blank=True, help_text="如：挂牌名称、机构改革前名称、简称")

    history = audited("单位别名修改记录")

    class Meta:
        verbose_name = "单位别名"
        verbose_name_plural = "单位别名"
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="alias_unique_per_unit")]
        indexes = [models.Index(fields=["name"], name="alias_name_idx")]  # resolve_unit looks up by name

    def __str__(self):
        return f"{self.name} → {self.unit.name}"

    def clean(self):
        self.name = normalize_name(self.name)
        if self.unit_id and self.name == self.unit.name:
            raise ValidationError({"name": "别名与单位名称相同，无需登记"})


class GroupMembership(models.Model):
    group = models.ForeignKey(Unit, verbose_name="集合单位", on_delete=models.CASCADE, related_name="memberships")
    member = models.ForeignKey(Unit, verbose_name="成员单位", on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField("排序", default=0)

    history = audited("组合单位成员修改记录")

    class Meta:
        verbose_name = "集合单位成员"
        verbose_name_plural = "集合单位成员"
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["group", "member"], name="group_member_unique"),
            models.CheckConstraint(condition=~Q(group=F("member")), name="group_not_own_member"),
        ]

    def __str__(self):
        return f"{self.group.name} ∋ {self.member.name}"


class PairingQuerySet(models.QuerySet):
    def active_in(self, year: int):
        return self.filter(Q(start_year__lte=year), Q(end_year__isnull=True) | Q(end_year__gte=year))


class Pairing(models.Model):
    """One helper helping one helped side (结对).

    Where several helpers share one helped county, one leads and the others
    are partners: 闽侯县 leads, 仓山区 and 晋安区 partner, for 隆德县.
    """

    class Level(models.TextChoices):
        PROVINCE = "province", "省级"
        CITY = "city", "市级"
        COUNTY = "county", "县级"
        TOWN = "town", "乡镇级"
        VILLAGE = "village", "村级"
        ENTERPRISE = "enterprise", "企业"
        HOSPITAL = "hospital", "医院"
        SCHOOL = "school", "学校"

    class Role(models.TextChoices):
        LEAD = "lead", "牵头"
        PARTNER = "partner", "协同"

    helper = models.ForeignKey(Unit, verbose_name="帮扶方", on_delete=models.PROTECT, related_name="pairings_as_helper")
    helped = models.ForeignKey(Unit, verbose_name="受援方", on_delete=models.PROTECT, related_name="pairings_as_helped")
    level = models.CharField("结对层级", max_length=16, choices=Level.choices)
    programme = models.CharField("协作类型", max_length=32, choices=Programme.choices)
    role = models.CharField("帮扶角色", max_length=16, choices=Role.choices, default=Role.LEAD)
    start_year = models.PositiveSmallIntegerField("起始年度")
    end_year = models.PositiveSmallIntegerField("截止年度", null=True, blank=True, help_text="空表示持续")
    note = models.CharField("备注", max_length=255, blank=True)

    objects = PairingQuerySet.as_manager()

    history = audited("结对关系修改记录")

    class Meta:
        verbose_name = "结对关系"
        verbose_name_plural = "结对关系"
        ordering = ["programme", "level", "helped__name", "role"]
        constraints = [
            models.CheckConstraint(condition=~Q(helper=F("helped")), name="pairing_helper_not_helped"),
            models.CheckConstraint(
                condition=Q(end_year__isnull=True) | Q(end_year__gte=F("start_year")),
                name="pairing_years_ordered",
            ),
            models.UniqueConstraint(
                fields=["helper", "helped", "programme", "start_year"], name="pairing_unique_start"
            ),
        ]

    def __str__(self):
        years = f"{self.start_year}–{self.end_year or ''}"
        return f"{self.helper.name} → {self.helped.name}（{self.get_level_display()}，{years}）"
