"""The roster of dispatched people (选派人员), the name lists units submit, the rules that count
them toward a plan's 选派 targets, and the allowance (生活补助) paid to them month by month."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q

from history.records import audited
from orgs.models import Unit
from plans.models import Plan, Target

# "帮扶时限6个月以上": the shortest service the seeds accept.
MIN_SERVICE_MONTHS = 6


def months_between(start: datetime.date, end: datetime.date) -> int:
    """Whole months from `start` to `end` (1 March → 31 August is 5, → 1 September 6)."""
    if end < start:
        return 0
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


class Person(models.Model):
    class Kind(models.TextChoices):
        CADRE = "cadre", "党政挂职干部"
        TALENT = "talent", "专业技术人才"

    class Field(models.TextChoices):
        EDUCATION = "education", "教育"
        MEDICAL = "medical", "医疗"
        AGRICULTURE = "agriculture", "农业"
        SCIENCE = "science", "科技"
        COMMERCE = "commerce", "商务"
        CULTURE_TOURISM = "culture_tourism", "文旅"
        MANAGEMENT = "management", "管理"
        OTHER = "other", "其他"

    class Gender(models.TextChoices):
        MALE = "male", "男"
        FEMALE = "female", "女"

    class Status(models.TextChoices):
        IN_POST = "in_post", "在岗"
        COMPLETED = "completed", "期满返回"
        EARLY = "early", "提前返回"

    office = models.ForeignKey(Unit, verbose_name="协作办公室", on_delete=models.PROTECT, related_name="+",
                               help_text="管理这份名单的协作办公室")
    plan = models.ForeignKey(Plan, verbose_name="所属方案", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="dispatched_people")
    sending_unit = models.ForeignKey(Unit, verbose_name="派出单位", on_delete=models.PROTECT,
                                     related_name="dispatched_people", help_text="报送名单、对此人负责的单位")
    kind = models.CharField("类别", max_length=16, choices=Kind.choices)
    field = models.CharField("专业领域", max_length=16, choices=Field.choices, blank=True)
    name = models.CharField("姓名", max_length=64)
    gender = models.CharField("性别", max_length=8, choices=Gender.choices, blank=True)
    home_unit = models.CharField("原单位", max_length=128, blank=True)
    home_post = models.CharField("原职务", max_length=128, blank=True)
    phone = models.CharField("联系电话", max_length=32, blank=True)
    host_unit = models.CharField("挂职（服务）单位", max_length=128, blank=True)
    host_post = models.CharField("挂职职务", max_length=128, blank=True)
    batch = models.CharField("批次", max_length=64, blank=True, help_text="如“2026年第一批”")
    arrived_on = models.DateField("到岗日期", null=True, blank=True)
    planned_return_on = models.DateField("计划返回日期", null=True, blank=True)
    returned_on = models.DateField("返回日期", null=True, blank=True)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.IN_POST)
    allowance_unit = models.ForeignKey(Unit, verbose_name="生活补助发放单位", null=True, blank=True,
                                       on_delete=models.PROTECT, related_name="+")

    history = audited("选派人员修改记录")

    class Meta:
        verbose_name = "选派人员"
        verbose_name_plural = "选派人员"
        ordering = ["sending_unit__name", "batch", "name", "id"]
        constraints = [
            # A name list is matched by name within a unit's batch; two namesakes must be told apart.
            models.UniqueConstraint(fields=["office", "sending_unit", "batch", "name"], name="person_unique_in_batch",
                                    violation_error_message="同一单位同一批次已有同名人员，请在姓名后注明区分"),
            models.CheckConstraint(condition=Q(status="in_post") | Q(returned_on__isnull=False),
                                   name="person_returned_has_date", violation_error_message="已返回人员须填写返回日期"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.kind == self.Kind.TALENT and not self.field:
            raise ValidationError({"field": "专业技术人才须填写专业领域"})
        if self.status != self.Status.IN_POST and not self.returned_on:
            raise ValidationError({"returned_on": f"状态为“{self.get_status_display()}”时须填写返回日期"})
        if self.returned_on and self.arrived_on and self.returned_on < self.arrived_on:
            raise ValidationError({"returned_on": "返回日期不能早于到岗日期"})
        if self.planned_return_on and self.arrived_on and self.planned_return_on < self.arrived_on:
            raise ValidationError({"planned_return_on": "计划返回日期不能早于到岗日期"})

    def months_served(self, today: datetime.date) -> int:
        """Whole months in post up to the return, or up to `today` while in post."""
        if not self.arrived_on or self.arrived_on > today:
            return 0
        end = self.returned_on if self.returned_on and self.returned_on <= today else today
        return months_between(self.arrived_on, end)

    @property
    def kind_label(self) -> str:
        field = self.get_field_display() if self.field else ""
        return f"{self.get_kind_display()}·{field}" if field else self.get_kind_display()


class RosterImport(models.Model):
    """An uploaded name list read and waiting to be applied: the dry run shows its difference
    from the roster as it is when the page is opened; applying recomputes it. A record, not
    historied (the people it changes are)."""

    office = models.ForeignKey(Unit, verbose_name="协作办公室", on_delete=models.CASCADE, related_name="+")
    sending_unit = models.ForeignKey(Unit, verbose_name="派出单位", on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(Plan, verbose_name="所属方案", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="+")
    original_name = models.CharField("文件名", max_length=255)
    rows = models.JSONField("名单内容")
    created_by = models.ForeignKey("accounts.User", verbose_name="上传人", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("上传时间", auto_now_add=True)
    applied_at = models.DateTimeField("导入时间", null=True, blank=True)

    class Meta:
        verbose_name = "名单导入"
        verbose_name_plural = "名单导入"


class TargetRule(models.Model):
    """How the roster counts toward one 选派 target: people of the plan's office whose sending
    unit answers for the target (its assignee, a group's members; all units for a total
    without one), of the kind and field named, who arrived — or served at least N months —
    by the month's end, during the target's year."""

    class Basis(models.TextChoices):
        ARRIVED = "arrived", "已到岗"
        SERVED = "served", "服务满N个月"

    target = models.OneToOneField(Target, verbose_name="目标", on_delete=models.CASCADE, related_name="roster_rule")
    kind = models.CharField("类别", max_length=16, choices=Person.Kind.choices, blank=True, help_text="空表示不限")
    field = models.CharField("专业领域", max_length=16, choices=Person.Field.choices, blank=True, help_text="空表示不限")
    basis = models.CharField("计数口径", max_length=16, choices=Basis.choices, default=Basis.ARRIVED)
    min_months = models.PositiveSmallIntegerField("服务月数下限", default=MIN_SERVICE_MONTHS)

    history = audited("选派目标计数规则修改记录")

    class Meta:
        verbose_name = "选派目标计数规则"
        verbose_name_plural = "选派目标计数规则"

    def __str__(self):
        what = "、".join(x for x in (self.get_kind_display(), self.get_field_display()) if x) or "全部选派人员"
        basis = f"服务满{self.min_months}个月" if self.basis == self.Basis.SERVED else "已到岗"
        return f"{what}，{basis}"


class AllowancePayment(models.Model):
    """One month's 生活补助 paid to one person by the paying unit (区财政局)."""

    person = models.ForeignKey(Person, verbose_name="选派人员", on_delete=models.PROTECT, related_name="allowances")
    month = models.DateField("月份", help_text="该月1日")
    amount = models.DecimalField("金额（元）", max_digits=12, decimal_places=2,
                                 validators=[MinValueValidator(Decimal("0.01"), "金额须大于0")])
    paying_unit = models.ForeignKey(Unit, verbose_name="发放单位", on_delete=models.PROTECT, related_name="+")
    paid_on = models.DateField("发放日期")
    note = models.CharField("备注", max_length=255, blank=True)

    history = audited("生活补助发放修改记录")

    class Meta:
        verbose_name = "生活补助发放"
        verbose_name_plural = "生活补助发放"
        ordering = ["-month", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["person", "month"], name="allowance_once_a_month"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="allowance_positive",
                                   violation_error_message="金额须大于0"),
        ]
