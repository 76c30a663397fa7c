"""Monthly progress reports and their evidence (data only; the workflow of
submitting, returning and approving lives in this app's services later)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

from history.records import audited
from notifications.models import Notification  # noqa: F401  moved to notifications; re-exported so imports stay stable
from orgs.models import Unit
from plans.models import Plan, Target, Task, quantity_field


class ReportingSchedule(models.Model):
    """How a plan is reported on: monthly, due on a day of the month (25th by default)."""

    plan = models.OneToOneField(Plan, verbose_name="方案", on_delete=models.CASCADE, related_name="reporting_schedule")
    due_day = models.PositiveSmallIntegerField(
        "每月报送日", default=25, validators=[MinValueValidator(1), MaxValueValidator(28)],
        help_text="每月几日前报送（1—28日）",
    )
    starts_on = models.DateField("起报月份", help_text="从该日所在月份开始按月填报")
    active = models.BooleanField("启用", default=True)
    # Months of the year (1–12) in which no report is due (a 春节 break, a year-end
    # assessment month): open_cycles opens neither a cycle nor reports for them.
    skipped_months = models.JSONField("不填报月份", default=list, blank=True,
                                      help_text="这些月份不生成填报任务，如 [1, 2]")

    class EvidencePolicy(models.TextChoices):
        NONE = "none", "不要求"
        ASSESSED = "assessed", "有考核要求的任务（考核要求非空）需要佐证"
        ALL = "all", "全部任务需要佐证"

    evidence_policy = models.CharField(
        "佐证要求", max_length=16, choices=EvidencePolicy.choices, default=EvidencePolicy.NONE,
        help_text="需要佐证的任务，未上传佐证材料不能提交；不要求时提交前仍会提醒确认",
    )

    history = audited("填报安排修改记录")

    class Meta:
        verbose_name = "填报安排"
        verbose_name_plural = "填报安排"

    def __str__(self):
        return f"{self.plan.title}：每月{self.due_day}日前"

    def clean(self):
        months = self.skipped_months
        if not isinstance(months, list) or any(type(m) is not int or not 1 <= m <= 12 for m in months):
            raise ValidationError({"skipped_months": "不填报月份应为1—12之间的月份"})
        if len(set(months)) == 12:
            raise ValidationError({"skipped_months": "不能全年都不填报；如暂停填报，请取消“启用”"})
        self.skipped_months = sorted(set(months))


class EvidenceRule(models.Model):
    """One task's evidence requirement where it differs from its plan's policy."""

    task = models.OneToOneField(Task, verbose_name="任务", on_delete=models.CASCADE, related_name="evidence_rule")
    required = models.BooleanField("需要佐证", help_text="勾选：本任务必须上传佐证才能提交；不勾选：本任务不要求佐证")

    history = audited("佐证要求修改记录")

    class Meta:
        verbose_name = "任务佐证要求"
        verbose_name_plural = "任务佐证要求"

    def __str__(self):
        return f"{self.task}：{'需要' if self.required else '不要求'}佐证"


class ReportingCycle(models.Model):
    plan = models.ForeignKey(Plan, verbose_name="方案", on_delete=models.CASCADE, related_name="cycles")
    label = models.CharField("期次", max_length=32, help_text="如“2026年11月”")
    period_start = models.DateField("统计起始日")
    period_end = models.DateField("统计截止日")
    due_on = models.DateField("报送截止日", help_text="默认每月25日")

    class Meta:
        verbose_name = "填报周期"
        verbose_name_plural = "填报周期"
        ordering = ["plan", "-period_start"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "period_start"], name="cycle_unique_start"),
            models.CheckConstraint(condition=Q(period_end__gte=F("period_start")), name="cycle_period_ordered"),
        ]

    def __str__(self):
        return f"{self.plan.title} {self.label}"


class ProgressReport(models.Model):
    """One unit's report on one task for one cycle."""

    class Status(models.TextChoices):
        PENDING = "pending", "待填报"
        SUBMITTED = "submitted", "已提交"
        RETURNED = "returned", "已退回"
        APPROVED = "approved", "已通过"

    OVERDUE_LABEL = "已逾期"

    cycle = models.ForeignKey(ReportingCycle, verbose_name="填报周期", on_delete=models.CASCADE, related_name="reports")
    unit = models.ForeignKey(Unit, verbose_name="填报单位", on_delete=models.PROTECT, related_name="progress_reports")
    task = models.ForeignKey(Task, verbose_name="任务", on_delete=models.CASCADE, related_name="progress_reports")
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.PENDING)
    progress = models.TextField("进展情况", blank=True)
    problems = models.TextField("存在问题", blank=True)
    next_steps = models.TextField("下步计划", blank=True)
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="提交人", null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    submitted_late = models.BooleanField("逾期提交", default=False)
    reviewed_at = models.DateTimeField("审核时间", null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="审核人", null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    review_comment = models.TextField("审核意见", blank=True)
    # Bumped on every save by the workflow so two people editing at once
    # are detected instead of one edit silently overwriting the other.
    version = models.PositiveIntegerField("版本", default=0)

    # version is a counter saved as F("version") + 1, which a history row (an INSERT) cannot take.
    history = audited("进度报告修改记录", excluded_fields=["version"])

    class Meta:
        verbose_name = "进度报告"
        verbose_name_plural = "进度报告"
        ordering = ["cycle", "unit", "task"]
        constraints = [models.UniqueConstraint(fields=["cycle", "unit", "task"], name="report_unique")]

    def __str__(self):
        return f"{self.unit.name} {self.cycle.label} {self.task.ref}"

    def status_label(self, today: datetime.date) -> str:
        """The state as offices say it: a report still open after the due day is 已逾期."""
        if self.status in (self.Status.PENDING, self.Status.RETURNED) and today > self.cycle.due_on:
            return self.OVERDUE_LABEL
        return self.get_status_display()


class ReportedFigure(models.Model):
    """A cumulative figure to date for one target, as reported."""

    report = models.ForeignKey(ProgressReport, verbose_name="进度报告", on_delete=models.CASCADE, related_name="figures")
    target = models.ForeignKey(Target, verbose_name="指标", on_delete=models.CASCADE, related_name="reported_figures")
    cumulative_value = quantity_field("累计完成")
    # What reporting/validation.py found implausible when the figure was last saved or submitted
    # ([{code, message}]), and the reporter's explanation; a warning without one blocks submitting.
    warnings = models.JSONField("数字提示", default=list, blank=True, help_text="[{code, message}]")
    explanation = models.TextField("说明", blank=True, help_text="对数字提示的说明，如更正上月数据")

    history = audited("填报数字修改记录")

    class Meta:
        verbose_name = "填报数据"
        verbose_name_plural = "填报数据"
        constraints = [
            models.UniqueConstraint(fields=["report", "target"], name="figure_unique"),
            models.CheckConstraint(condition=Q(cumulative_value__gte=0), name="figure_not_negative"),
        ]

    def __str__(self):
        return f"{self.target.metric} {self.cumulative_value}{self.target.unit}"


class ReportEvent(models.Model):
    """One step in a report's history: who did what, when, and which values changed."""

    class Action(models.TextChoices):
        SAVED = "saved", "保存"
        SUBMITTED = "submitted", "提交"
        RETURNED = "returned", "退回"
        APPROVED = "approved", "审核通过"
        REOPENED = "reopened", "重新开放"
        WITHDRAWN = "withdrawn", "撤回"
        EVIDENCE_ADDED = "evidence_added", "上传佐证"
        EVIDENCE_REMOVED = "evidence_removed", "删除佐证"

    report = models.ForeignKey(ProgressReport, verbose_name="进度报告", on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="操作人", on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField("时间", auto_now_add=True)
    action = models.CharField("操作", max_length=32, choices=Action.choices)
    changes = models.JSONField("改动", default=list, blank=True, help_text="[{field, label, old, new}]")
    comment = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = "报告记录"
        verbose_name_plural = "报告记录"
        ordering = ["report", "at", "id"]

    def __str__(self):
        return f"{self.report} {self.get_action_display()} {self.at:%Y-%m-%d %H:%M}"


class ReminderSent(models.Model):
    """A reminder already sent, so two runs on one day never send it twice."""

    class Kind(models.TextChoices):
        BEFORE_DUE = "before_due", "报送日前提醒"
        OVERDUE = "overdue", "逾期提醒"

    cycle = models.ForeignKey(ReportingCycle, verbose_name="填报周期", on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField("类型", max_length=16, choices=Kind.choices)
    sent_on = models.DateField("发送日期")

    class Meta:
        verbose_name = "已发提醒"
        verbose_name_plural = "已发提醒"
        constraints = [models.UniqueConstraint(fields=["cycle", "unit", "kind"], name="reminder_once")]


class Evidence(models.Model):
    """A file or a link that backs a report: photos, notices, vouchers, news reports."""

    report = models.ForeignKey(ProgressReport, verbose_name="进度报告", on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField("文件", upload_to="evidence/%Y/%m/", blank=True)
    url = models.URLField("链接", max_length=1000, blank=True)
    caption = models.CharField("说明", max_length=255, blank=True)
    original_name = models.CharField("原文件名", max_length=255, blank=True)
    content_type = models.CharField("文件类型", max_length=100, blank=True)
    size = models.PositiveBigIntegerField("大小（字节）", null=True, blank=True)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True, db_index=True)  # finds the same file twice
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传人", on_delete=models.PROTECT, related_name="+",
    )
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)

    history = audited("佐证材料修改记录")

    class Meta:
        verbose_name = "佐证材料"
        verbose_name_plural = "佐证材料"
        ordering = ["report", "uploaded_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(url="")) | (~Q(file="") & Q(url="")),
                name="evidence_file_xor_link",
            ),
        ]

    def __str__(self):
        return self.caption or self.original_name or self.url
