"""The bulletin archive: one monthly 通报 per scope and month, as published."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from history.records import audited
from orgs.models import Region
from plans.models import Plan


class Bulletin(models.Model):
    """A month's bulletin for one plan or for every plan kept in a region.

    Regenerating a month adds a `BulletinRevision` (第2版, 第3版 …) and points
    `file` and `figures` at the latest; earlier revisions keep their files. A
    bulletin belongs to the office that publishes it (`office`): one office's
    publication never finds, numbers or overwrites another's. The number (期数) is
    given on first publication, counting per office, scope and year, and never
    changes after.
    """

    class ScopeKind(models.TextChoices):
        PLAN = "plan", "方案"
        REGION = "region", "区划"

    scope_kind = models.CharField("范围", max_length=8, choices=ScopeKind.choices)
    # PROTECT: a published bulletin is a record; the plan or region it speaks of must not vanish under it.
    plan = models.ForeignKey(Plan, verbose_name="方案", null=True, blank=True, on_delete=models.PROTECT,
                             related_name="bulletins")
    region = models.ForeignKey(Region, verbose_name="区划", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="bulletins")
    # The publishing office: the plan's office for a plan's bulletin, the publisher's own office
    # for a region's; none only for a superuser without a unit.
    office = models.ForeignKey("orgs.Unit", verbose_name="发布单位", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="bulletins_published")
    month = models.DateField("通报月份", help_text="所通报月份的第一天")
    year = models.PositiveSmallIntegerField("年度", help_text="通报月份所在年度，期数按年编号")
    number = models.PositiveSmallIntegerField("期数", help_text="本范围本年度第几期，首次印发时编号")
    title = models.CharField("标题", max_length=255)
    file = models.FileField("文件", upload_to="bulletins/%Y/")
    figures = models.JSONField("通报数据", default=dict, blank=True,
                               help_text="写入通报的数字（总体、排名、报送、滞后逾期），供核对")
    revision = models.PositiveIntegerField("版次", default=1, help_text="同一月份重新生成一次加一")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="首次生成人", on_delete=models.PROTECT,
                                   related_name="+")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="最近生成人", on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField("首次生成时间", auto_now_add=True)
    updated_at = models.DateTimeField("最近生成时间", auto_now=True)

    history = audited("通报修改记录")

    class Meta:
        verbose_name = "月度通报"
        verbose_name_plural = "月度通报"
        ordering = ["-month", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(scope_kind="plan", plan__isnull=False, region__isnull=True)
                           | Q(scope_kind="region", plan__isnull=True, region__isnull=False)),
                name="bulletin_one_scope",
            ),
            models.CheckConstraint(condition=Q(month__day=1), name="bulletin_month_first_day"),
            models.CheckConstraint(condition=Q(number__gte=1) & Q(revision__gte=1), name="bulletin_counters_positive"),
            models.UniqueConstraint(fields=["plan", "month"], condition=Q(plan__isnull=False),
                                    name="bulletin_plan_month_unique"),
            models.UniqueConstraint(fields=["office", "region", "month"], condition=Q(region__isnull=False),
                                    name="bulletin_office_region_month_unique"),
            models.UniqueConstraint(fields=["plan", "year", "number"], condition=Q(plan__isnull=False),
                                    name="bulletin_plan_number_unique"),
            models.UniqueConstraint(fields=["office", "region", "year", "number"], condition=Q(region__isnull=False),
                                    name="bulletin_office_region_number_unique"),
        ]

    def __str__(self):
        return f"{self.title}（{self.year}年第{self.number}期）"

    def save(self, *args, **kwargs):
        self.year = self.month.year  # derived, stored so the number can be unique per year
        super().save(*args, **kwargs)

    @property
    def scope_pk(self) -> int:
        return self.plan_id if self.scope_kind == self.ScopeKind.PLAN else self.region_id

    @property
    def issue_label(self) -> str:
        return f"{self.year}年第{self.number}期"

    @property
    def month_label(self) -> str:
        return f"{self.month.year}年{self.month.month}月"


class BulletinRevision(models.Model):
    """One generation of a month's bulletin, kept with its file: what the office had in hand
    when it sent that version. Never deleted or changed."""

    bulletin = models.ForeignKey(Bulletin, verbose_name="通报", on_delete=models.PROTECT, related_name="revisions")
    revision = models.PositiveIntegerField("版次")
    title = models.CharField("标题", max_length=255)
    file = models.FileField("文件", upload_to="bulletins/%Y/")
    figures = models.JSONField("通报数据", default=dict, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="生成人", on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField("生成时间", auto_now_add=True)

    class Meta:
        verbose_name = "通报版本"
        verbose_name_plural = "通报版本"
        ordering = ["bulletin", "revision"]
        constraints = [models.UniqueConstraint(fields=["bulletin", "revision"], name="bulletin_revision_unique")]

    def __str__(self):
        return f"{self.bulletin}第{self.revision}版"

    @property
    def label(self) -> str:
        return f"第{self.revision}版"


class WarningSent(models.Model):
    """A unit warned of its overdue, lagging and near-deadline targets for one cycle.

    Inserted before the notification goes out: the unique constraint is the
    claim, so two runs of send_warnings never warn a unit twice for a month.
    """

    cycle = models.ForeignKey("reporting.ReportingCycle", verbose_name="填报周期", on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey("orgs.Unit", verbose_name="单位", on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField("发送日期")
    overdue = models.PositiveIntegerField("逾期未完成", default=0)
    lagging = models.PositiveIntegerField("落后时序进度", default=0)
    near_deadline = models.PositiveIntegerField("临近时限", default=0)

    class Meta:
        verbose_name = "已发预警"
        verbose_name_plural = "已发预警"
        constraints = [models.UniqueConstraint(fields=["cycle", "unit"], name="warning_once")]

    def __str__(self):
        return f"{self.unit} {self.cycle.label}"
