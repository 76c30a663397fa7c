"""The project library (协作资金项目库): projects funded by paired-assistance money, their
planned funds by source, dated milestones (9月底前拨付率达到80%) and the monthly funds reports
a project's responsible unit files by its plan's due day.

Months and due days are reporting's (`ReportingCycle` of the project's plan): a funds report
is one project's report for one cycle, due on the cycle's `due_on`, so projects, progress
reports and reminders share one calendar.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

from history.records import audited
from orgs.models import Unit
from plans.models import Plan, quantity_field
from reporting.models import ReportingCycle


class Source(models.TextChoices):
    FISCAL = "fiscal", "财政援助资金"
    SOCIAL = "social", "社会帮扶资金"
    LOCAL = "local", "地方配套"


class Project(models.Model):
    class Kind(models.TextChoices):
        INDUSTRY = "industry", "产业发展"
        INFRASTRUCTURE = "infrastructure", "基础设施"
        LABOUR = "labour", "劳务协作"
        PUBLIC_SERVICE = "public_service", "社会事业"
        CONSUMPTION = "consumption", "消费帮扶"
        OTHER = "other", "其他"

    plan = models.ForeignKey(Plan, verbose_name="方案", on_delete=models.PROTECT, related_name="projects")
    name = models.CharField("项目名称", max_length=200)
    county = models.CharField("实施县（区）", max_length=64)
    town = models.CharField("乡镇", max_length=64, blank=True)
    village = models.CharField("村", max_length=64, blank=True)
    kind = models.CharField("项目类别", max_length=32, choices=Kind.choices)
    year = models.PositiveSmallIntegerField("年度")
    responsible_unit = models.ForeignKey(Unit, verbose_name="责任单位", on_delete=models.PROTECT,
                                         related_name="funded_projects", help_text="每月报送资金使用进度的单位")
    note = models.TextField("备注", blank=True)

    history = audited("协作资金项目修改记录")

    class Meta:
        verbose_name = "协作资金项目"
        verbose_name_plural = "协作资金项目"
        ordering = ["plan", "year", "pk"]
        constraints = [models.UniqueConstraint(fields=["plan", "year", "name"], name="project_unique_name")]

    def __str__(self):
        return self.name

    @property
    def place(self) -> str:
        """实施地点 as the forms print it: 西吉县兴隆镇单家集村."""
        return "".join(p for p in (self.county, self.town, self.village) if p)


class ProjectFund(models.Model):
    """The money planned for a project from one source (万元)."""

    project = models.ForeignKey(Project, verbose_name="项目", on_delete=models.CASCADE, related_name="funds")
    source = models.CharField("资金来源", max_length=16, choices=Source.choices)
    planned = quantity_field("计划投资（万元）")

    history = audited("项目资金修改记录")

    class Meta:
        verbose_name = "项目资金"
        verbose_name_plural = "项目资金"
        ordering = ["project", "source"]
        constraints = [models.UniqueConstraint(fields=["project", "source"], name="project_fund_one_per_source")]

    def __str__(self):
        return f"{self.get_source_display()} {self.planned.normalize():f}万元"


class Milestone(models.Model):
    """“9月底前拨付率达到80%”: by `due_on`, the project's 拨付率 (or 支出率) reaches `percent`."""

    class Measure(models.TextChoices):
        DISBURSED = "disbursed", "拨付率"
        SPENT = "spent", "支出率"

    project = models.ForeignKey(Project, verbose_name="项目", on_delete=models.CASCADE, related_name="milestones")
    measure = models.CharField("指标", max_length=16, choices=Measure.choices)
    due_on = models.DateField("完成时限")
    percent = models.DecimalField("应达到（%）", max_digits=5, decimal_places=2,
                                  validators=[MinValueValidator(0), MaxValueValidator(100)])

    history = audited("资金节点修改记录")

    class Meta:
        verbose_name = "资金进度节点"
        verbose_name_plural = "资金进度节点"
        ordering = ["project", "measure", "due_on"]
        constraints = [
            models.UniqueConstraint(fields=["project", "measure", "due_on"], name="milestone_unique_date"),
            models.CheckConstraint(condition=Q(percent__gt=0) & Q(percent__lte=100), name="milestone_percent_range"),
        ]

    def __str__(self):
        return f"{self.due_on.month}月{self.due_on.day}日前{self.get_measure_display()}达到{self.percent.normalize():f}%"


class FundsReport(models.Model):
    """One project's funds report for one month (its plan's reporting cycle): cumulative
    拨付 and 支出 per source, physical progress and the people it brings along."""

    class Status(models.TextChoices):
        DRAFT = "draft", "待填报"
        SUBMITTED = "submitted", "已提交"

    class Progress(models.TextChoices):
        NOT_STARTED = "not_started", "未开工"
        BUILDING = "building", "在建"
        DONE = "done", "完工"

    project = models.ForeignKey(Project, verbose_name="项目", on_delete=models.CASCADE, related_name="reports")
    cycle = models.ForeignKey(ReportingCycle, verbose_name="填报周期", on_delete=models.PROTECT, related_name="+")
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.DRAFT)
    progress = models.CharField("建设进度", max_length=16, choices=Progress.choices, default=Progress.NOT_STARTED)
    poor_people = models.PositiveIntegerField("带动脱贫人口（人）", default=0)
    farmers_linked = models.PositiveIntegerField("联农带农（户）", default=0)
    note = models.TextField("备注", blank=True)
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="提交人", null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    submitted_late = models.BooleanField("逾期提交", default=False)

    history = audited("资金月报修改记录")

    class Meta:
        verbose_name = "资金使用月报"
        verbose_name_plural = "资金使用月报"
        ordering = ["project", "cycle__period_start"]
        constraints = [models.UniqueConstraint(fields=["project", "cycle"], name="funds_report_one_per_month")]

    def __str__(self):
        return f"{self.project.name} {self.cycle.label}"


class FundsFigure(models.Model):
    """拨付 and 支出 to date (万元) from one source, as reported for the month."""

    report = models.ForeignKey(FundsReport, verbose_name="资金月报", on_delete=models.CASCADE, related_name="figures")
    source = models.CharField("资金来源", max_length=16, choices=Source.choices)
    disbursed = quantity_field("累计拨付（万元）")
    spent = quantity_field("累计支出（万元）")

    history = audited("资金数字修改记录")

    class Meta:
        verbose_name = "资金使用数字"
        verbose_name_plural = "资金使用数字"
        ordering = ["report", "source"]
        constraints = [
            models.UniqueConstraint(fields=["report", "source"], name="funds_figure_one_per_source"),
            models.CheckConstraint(condition=Q(spent__lte=F("disbursed")), name="funds_spent_within_disbursed"),
        ]


class FundsEvidence(models.Model):
    """A file backing a funds report (拨付凭证, 支出凭证, photos of the site)."""

    report = models.ForeignKey(FundsReport, verbose_name="资金月报", on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField("文件", upload_to="funds/%Y/%m/")
    original_name = models.CharField("原文件名", max_length=255)
    content_type = models.CharField("文件类型", max_length=100)
    size = models.PositiveBigIntegerField("大小（字节）")
    sha256 = models.CharField("SHA-256", max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="上传人", on_delete=models.PROTECT,
                                    related_name="+")
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)

    history = audited("资金佐证修改记录")

    class Meta:
        verbose_name = "资金佐证材料"
        verbose_name_plural = "资金佐证材料"
        ordering = ["report", "uploaded_at"]

    def __str__(self):
        return self.original_name


class FundsReminderSent(models.Model):
    """A project's month already reminded of (before the due day, or after it), claimed before
    the notification goes out: the unique constraint is the compare-and-swap, so two runs of
    send_reminders never remind twice. Keyed by project, so a merged unit's claims follow it."""

    project = models.ForeignKey(Project, verbose_name="项目", on_delete=models.CASCADE, related_name="+")
    cycle = models.ForeignKey(ReportingCycle, verbose_name="填报周期", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField("类型", max_length=16, choices=[("before_due", "报送日前提醒"), ("overdue", "逾期提醒")])
    sent_on = models.DateField("发送日期")

    class Meta:
        verbose_name = "已发资金月报提醒"
        verbose_name_plural = "已发资金月报提醒"
        constraints = [models.UniqueConstraint(fields=["project", "cycle", "kind"], name="funds_reminder_once")]


class FundsWarningSent(models.Model):
    """A project warned of a milestone behind (拨付率 / 支出率) for one cycle, claimed like
    oversight's WarningSent so a month's warning goes once."""

    project = models.ForeignKey(Project, verbose_name="项目", on_delete=models.CASCADE, related_name="+")
    cycle = models.ForeignKey(ReportingCycle, verbose_name="填报周期", on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField("发送日期")
    warnings = models.JSONField("预警", default=dict, help_text="指标 → 预警类别，如 {\"disbursed\": \"red\"}")

    class Meta:
        verbose_name = "已发资金预警"
        verbose_name_plural = "已发资金预警"
        constraints = [models.UniqueConstraint(fields=["project", "cycle"], name="funds_warning_once")]
